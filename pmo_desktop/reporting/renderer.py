"""The board pack as a ReportLab document: a class of small steps a subclass can override, after pretix's
invoice renderer (`src/pretix/base/invoice.py`): page size and frames, page templates, the page callbacks
that draw the header and footer, the canvas that numbers pages, the story, and the build.

The story is built from the `PackData` read models alone, one section module at a time. Headings carry
outline marks; `after_flowable` turns them into bookmarks and contents entries once they have a page. The
document is laid out in passes until the contents and the page count stop moving, so "Page X of Y" and the
contents' page numbers are right. Output is deterministic: ReportLab's invariant mode fixes the creation
date and document id, the charts' PNGs carry no timestamps, and nothing depends on dict order or the clock.
"""

from collections.abc import Callable
from io import BytesIO
from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.flowables import OutlineMark, heading, outline_mark, page_break
from pmo_desktop.reporting.numbered_canvas import PageCount, canvas_maker
from pmo_desktop.reporting.options import Paper, Section
from pmo_desktop.reporting.pack_data import PackData
from pmo_desktop.reporting.sections import builder_of
from pmo_desktop.reporting.sections.base import SectionContext, Story
from pmo_desktop.reporting.styles import ACCENT, BOLD, FONT, MUTED, RULE, TEXT, PackStyles, pack_styles
from pmo_desktop.reporting.text import day, esc, fit, plain

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]

EXPECTED_PASSES = 2
"""Layout passes a pack needs with its contents seeded (see `_seed_contents`); only for the progress bar."""
MAX_RERUNS = 2


class ExportCancelledError(Exception):
    """The user cancelled the export; nothing was written."""


class BoardPackRenderer:
    """Lays out one pack. Override a step to change one thing (margins, a callback, the story's order)."""

    margin = 34.0
    header_gap = 30.0
    footer_gap = 30.0

    def __init__(
        self, data: PackData, paper: Paper, *, progress: Progress | None = None, cancelled: Cancelled | None = None
    ) -> None:
        self.data = data
        self.paper = paper
        self._progress = progress
        self._cancelled = cancelled
        self._pages = PageCount()
        self._layout_pass = 0
        self._flowables = 1
        self._reported = 0.0
        self.doc: Any = None

    # -- geometry -------------------------------------------------------------------------------------------

    @property
    def page_size(self) -> tuple[float, float]:
        return self.paper.size

    def body_frame(self) -> Any:
        from reportlab.platypus import Frame

        width, height = self.page_size
        bottom = self.margin + self.footer_gap - 10
        top = height - self.margin - self.header_gap + 10
        return Frame(self.margin, bottom, width - 2 * self.margin, top - bottom, id="body", **_NO_PADDING)

    def cover_frame(self) -> Any:
        from reportlab.platypus import Frame

        width, height = self.page_size
        left = self.margin + 60
        return Frame(left, self.margin + 60, width - left - self.margin - 60, height * 0.62, id="cover", **_NO_PADDING)

    def section_context(self) -> SectionContext:
        frame = self.body_frame()
        return SectionContext(self.data, frame._width, frame._height)

    # -- styles and page templates --------------------------------------------------------------------------

    def stylesheet(self) -> PackStyles:
        return pack_styles()

    def page_templates(self) -> list[Any]:
        from reportlab.platypus import PageTemplate

        cover = PageTemplate("cover", [self.cover_frame()], onPage=self.draw_cover_page, pagesize=self.page_size)
        body = PageTemplate("body", [self.body_frame()], onPage=self.draw_body_page, pagesize=self.page_size)
        return [cover, body] if Section.COVER in self.data.sections else [body, cover]

    def draw_body_page(self, canvas: Any, doc: Any) -> None:
        """Header: portfolio, classification (centred, as protective markings are), pack and period.
        Footer: period and as-of day, classification, "Page X of Y"."""
        from reportlab.lib import colors

        width, height = self.page_size
        left, right, top, bottom = self.margin, width - self.margin, height - self.margin, self.margin
        side = (right - left - self._classification_width()) / 2 - 12
        period = self.data.period
        canvas.saveState()
        canvas.showOutline()
        canvas.setStrokeColor(colors.HexColor(RULE))
        canvas.setLineWidth(0.6)
        canvas.line(left, top - 7, right, top - 7)
        canvas.line(left, bottom + 10, right, bottom + 10)
        canvas.setFont(BOLD, 7.5)
        canvas.setFillColor(colors.HexColor(TEXT))
        canvas.drawString(left, top, fit(self.data.settings.name, BOLD, 7.5, side))
        canvas.setFillColor(colors.HexColor(ACCENT))
        canvas.drawCentredString(width / 2, top, self._classification())
        canvas.drawCentredString(width / 2, bottom, self._classification())
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor(MUTED))
        canvas.drawRightString(right, top, tr("Board pack · {period}", period=period.label))
        as_of = tr("figures as of {day}", day=day(self.data.as_of))
        canvas.drawString(left, bottom, fit(f"{period.label} ({period.span_text}) · {as_of}", FONT, 7.5, side))
        canvas.number_page(right, bottom)
        canvas.restoreState()

    def draw_cover_page(self, canvas: Any, doc: Any) -> None:
        """A band in the accent colour down the left edge and the classification at the top and bottom."""
        from reportlab.lib import colors

        width, height = self.page_size
        canvas.saveState()
        canvas.showOutline()
        canvas.setFillColor(colors.HexColor(ACCENT))
        canvas.rect(0, 0, 18, height, stroke=0, fill=1)
        canvas.setFont(BOLD, 8)
        classification = self._classification()
        canvas.drawRightString(width - self.margin, height - self.margin, classification)
        canvas.drawRightString(width - self.margin, self.margin, classification)
        canvas.restoreState()

    def _classification_width(self) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(stringWidth(self._classification(), BOLD, 7.5))

    def _classification(self) -> str:
        return fit(self.data.classification.upper(), BOLD, 7.5, 200) or tr("UNCLASSIFIED")

    # -- story ----------------------------------------------------------------------------------------------

    def contents(self) -> Story:
        """The table of contents: every section, and each project of the appendix."""
        from reportlab.platypus.tableofcontents import TableOfContents

        styles = self.stylesheet()
        toc = TableOfContents(levelStyles=list(styles.toc_levels), dotsMinLevel=0)
        mark = OutlineMark("contents", tr("Contents"), 0, listed=False)
        return [heading(tr("Contents"), styles.title, mark), toc]

    def story(self) -> Story:
        """Cover, contents, then each chosen section on new pages."""
        from reportlab.platypus import NextPageTemplate

        context = self.section_context()
        story: Story = []
        sections = self.data.sections
        if Section.COVER in sections:
            story += [*builder_of(Section.COVER)(context), NextPageTemplate("body"), page_break()]
        story += self.contents()
        for section in sections:
            if section is not Section.COVER:
                self._check_cancelled()
                story += [page_break(), *builder_of(section)(context)]
        return story

    # -- building -------------------------------------------------------------------------------------------

    def document(self, output: BytesIO) -> Any:
        from reportlab import rl_config
        from reportlab.platypus import BaseDocTemplate

        # Streams are deflated only: the ASCII85 layer ReportLab adds by default (for 7-bit channels nobody
        # uses any more) makes the file a quarter larger and costs a noticeable share of a large pack's time.
        rl_config.useA85 = 0

        settings = self.data.settings
        doc = BaseDocTemplate(
            output,
            pagesize=self.page_size,
            pageTemplates=self.page_templates(),
            title=plain(tr("{name} board pack, {period}", name=settings.name, period=self.data.period.label)),
            author=plain(settings.owner or settings.name),
            subject=plain(tr("Portfolio board pack")),
            creator="PMO Desktop",
            invariant=1,
        )
        # Hooks of BaseDocTemplate, set on the instance so the template needs no subclass.
        doc.afterFlowable = self.after_flowable
        doc.beforeDocument = self._pages.next_pass
        doc.setProgressCallBack(self.on_progress)
        return doc

    def after_flowable(self, flowable: Any) -> None:
        """A marked heading just got its page: bookmark it and list it in the contents."""
        mark = outline_mark(flowable)
        if mark is None:
            return
        canvas = self.doc.canv
        canvas.bookmarkPage(mark.key)
        canvas.addOutlineEntry(plain(mark.title), mark.key, level=mark.level)
        if mark.listed:
            self.doc.notify("TOCEntry", (mark.level, esc(mark.title), self.doc.page, mark.key))

    def on_progress(self, kind: str, value: int) -> None:
        self._check_cancelled()
        if kind == "PASS":
            self._layout_pass = value
        elif kind == "SIZE_EST":
            self._flowables = max(value, 1)
        elif kind == "PROGRESS":
            done = (self._layout_pass - 1 + value / self._flowables) / EXPECTED_PASSES
            self._report(0.99 * min(done, 1.0), tr("Laying out pages"))

    def render(self) -> bytes:
        """The PDF's bytes (raises `ExportCancelledError` when cancelled)."""
        self._report(0.0, tr("Drawing charts and tables"))
        story = self.story()
        _seed_contents(story)
        for _ in range(1 + MAX_RERUNS):
            output = BytesIO()
            self.doc = self.document(output)
            self.doc.multiBuild(list(story), canvasmaker=canvas_maker(self._pages))
            if self._pages.settled:
                break
        self._report(1.0, tr("Done"))
        return output.getvalue()

    @property
    def page_count(self) -> int:
        return self._pages.seen

    def _report(self, share: float, text: str) -> None:
        if self._progress is not None and share >= self._reported:
            self._reported = share
            self._progress(share, text)

    def _check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ExportCancelledError


def _seed_contents(story: Story) -> None:
    """Give the contents its entries before the first pass, with no page numbers yet.

    ReportLab's contents start empty and take their size from the previous pass, so a pack would need a
    pass to find the entries, one with the contents at full size, and one to confirm. Seeded with the
    entries the headings will make, the first pass already has the contents' final size, and the second
    (page numbers filled in) confirms it: a third of the layout time saved.
    """
    from reportlab.platypus.tableofcontents import TableOfContents

    contents = [flowable for flowable in story if isinstance(flowable, TableOfContents)]
    marks = [mark for mark in map(outline_mark, story) if mark is not None and mark.listed]
    for toc in contents:
        for mark in marks:
            toc.addEntry(mark.level, esc(mark.title), 0, mark.key)


_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}

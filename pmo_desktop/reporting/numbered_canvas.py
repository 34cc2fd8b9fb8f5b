"""A ReportLab canvas that writes "Page X of Y" on the pages that ask for it, and the page count behind it.

pretix's invoices (`src/pretix/base/invoice.py`) hold every page back until the end to learn Y. That breaks
bookmarks, which point at the page being drawn when they are made, so this canvas shows each page at once
and takes Y from the previous layout pass instead: the pack is laid out in passes anyway (the table of
contents needs them), and the renderer runs one more when the count changed in the last one.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pmo_desktop.i18n import tr
from pmo_desktop.reporting.styles import FONT, MUTED


@dataclass
class PageCount:
    """Pages seen in the pass being drawn, and the total of the pass before (None during the first)."""

    seen: int = 0
    known: int | None = None

    def next_pass(self) -> None:
        """Start a pass: the pages the last one ended with become the known total."""
        self.known, self.seen = self.seen or None, 0

    @property
    def settled(self) -> bool:
        """True when the last pass printed the total it ended with."""
        return self.known == self.seen


CanvasMaker = Callable[..., Any]


def page_label(page: int, total: int | None) -> str:
    return tr("Page {page} of {total}", page=page, total=total if total is not None else page)


@cache
def _canvas_class() -> type:
    from reportlab.lib import colors
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
        """A canvas that counts its pages and numbers those whose page callback called `number_page`."""

        def __init__(self, *args: Any, pages: PageCount, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages = pages
            self._number_at: tuple[float, float] | None = None

        def number_page(self, right: float, baseline: float) -> None:
            """Write "Page X of Y" right-aligned at `right` when this page is shown."""
            self._number_at = (right, baseline)

        def showPage(self) -> None:
            self._pages.seen = self.getPageNumber()
            if self._number_at is not None:
                self.saveState()
                self.setFont(FONT, 7.5)
                self.setFillColor(colors.HexColor(MUTED))
                self.drawRightString(*self._number_at, page_label(self.getPageNumber(), self._pages.known))
                self.restoreState()
                self._number_at = None
            super().showPage()

    return NumberedCanvas


def canvas_maker(pages: PageCount) -> CanvasMaker:
    """What `BaseDocTemplate.build` calls to make each pass's canvas."""
    numbered = _canvas_class()

    def make(*args: Any, **kwargs: Any) -> Any:
        return numbered(*args, pages=pages, **kwargs)

    return make

"""Small building blocks of the story: headings that become bookmarks and contents entries, notes, charts.

A heading is a plain `Paragraph` carrying an `OutlineMark`; the document's `afterFlowable` (see `renderer`)
turns the mark into a PDF bookmark and a table-of-contents entry once the heading has a page. The mark
keeps the title twice: as plain text for the bookmark (which is not markup) and escaped for the contents.
"""

from dataclasses import dataclass
from typing import Any

from pmo_desktop.reporting.styles import pack_styles
from pmo_desktop.reporting.text import esc

OUTLINE_ATTRIBUTE = "pmo_outline_mark"


@dataclass(frozen=True)
class OutlineMark:
    """Where a heading goes in the bookmarks (`level` 0 = section) and the contents (when `listed`)."""

    key: str
    title: str
    level: int
    listed: bool = True


def heading(title: str, style: Any, mark: OutlineMark | None = None) -> Any:
    """A heading paragraph for the plain text `title`, marked for the outline when `mark` is given."""
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(esc(title), style)
    if mark is not None:
        setattr(paragraph, OUTLINE_ATTRIBUTE, mark)
    return paragraph


def outline_mark(flowable: Any) -> OutlineMark | None:
    mark = getattr(flowable, OUTLINE_ATTRIBUTE, None)
    return mark if isinstance(mark, OutlineMark) else None


def para(text: str, style: Any) -> Any:
    """A paragraph of plain (user) text, escaped."""
    from reportlab.platypus import Paragraph

    return Paragraph(esc(text), style)


def rich(markup: str, style: Any) -> Any:
    """A paragraph of our own markup, whose user parts the caller has passed through `esc`."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup, style)


def no_data(text: str) -> Any:
    """The short line an empty section prints instead of a table or chart."""
    return para(text, pack_styles().note)


def space(height: float) -> Any:
    from reportlab.platypus import Spacer

    return Spacer(1, height)


def keep_room(height: float) -> Any:
    """Start a new page unless `height` points are left (so a heading is never alone at the foot)."""
    from reportlab.platypus import CondPageBreak

    return CondPageBreak(height)


def keep_together(story: list[Any]) -> Any:
    """`story` on one page when it fits one (moving to the next page if need be), split only when it cannot."""
    from reportlab.platypus import KeepTogether

    return KeepTogether(story)


def page_break() -> Any:
    from reportlab.platypus import PageBreak

    return PageBreak()


def chart(png: bytes, width: float, height: float) -> Any:
    """A chart rendered to PNG, shown at `width` x `height` points."""
    from io import BytesIO

    from reportlab.platypus import Image

    return Image(BytesIO(png), width=width, height=height)

"""What every section builder gets: the pack's read models, the frame it lays out in, and the opening lines.

A builder is a plain function `build(context) -> list of flowables`. It reads nothing but `context.data`,
prints a short "no data" line when there is nothing to show, and starts with `context.opening(...)`, whose
heading becomes the section's bookmark and contents entry.
"""

from dataclasses import dataclass
from typing import Any

from pmo_desktop.reporting.flowables import OutlineMark, heading, para
from pmo_desktop.reporting.options import Section
from pmo_desktop.reporting.pack_data import PackData
from pmo_desktop.reporting.styles import PackStyles, pack_styles

Story = list[Any]


@dataclass(frozen=True)
class SectionContext:
    """The data of the pack and the size of the body frame (points)."""

    data: PackData
    width: float
    height: float

    @property
    def styles(self) -> PackStyles:
        return pack_styles()

    @property
    def currency(self) -> str:
        return self.data.settings.currency

    def opening(self, section: Section, subtitle: str) -> Story:
        """The section's title (a bookmark and contents entry) and a line saying what it shows."""
        mark = OutlineMark(section.value, section.heading, 0)
        return [heading(section.heading, self.styles.title, mark), para(subtitle, self.styles.subtitle)]

    def subheading(self, title: str) -> Any:
        return heading(title, self.styles.heading)

    @property
    def period_line(self) -> str:
        period = self.data.period
        return f"{period.label} · {period.span_text}"


def story_height(story: Story, width: float) -> float:
    """The height `story` takes in a frame `width` points wide (for sections that must fit a page)."""
    return float(sum(item.wrap(width, 10_000)[1] + item.getSpaceBefore() + item.getSpaceAfter() for item in story))

"""The summary's RAG distribution: projects in delivery by overall RAG, one stacked bar per programme.

`rag_rows` counts from the overview (the same rule as the KPI tile: the latest report's overall RAG of each
project approved, active or on hold); `render` draws them. More programmes than fit are folded into one
"Other programmes" bar so the chart keeps its size; the status table names every project.
"""

from dataclasses import dataclass

from pmo_desktop.domain.enums import Rag
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.charts.figures import LABEL_SIZE, figure, font, png, style_axes
from pmo_desktop.reporting.styles import FONT, NO_REPORT, RAG_COLOURS
from pmo_desktop.reporting.text import fit
from pmo_desktop.services.portfolio_queries import PortfolioOverview

MAX_BARS = 10
ROW_HEIGHT = 24.0
MIN_ROW_HEIGHT = 14.0
FRAME_HEIGHT = 46.0
"""Points above and below the bars: the legend and the count axis."""


@dataclass(frozen=True)
class RagRow:
    """One bar: a programme's projects in delivery by overall RAG."""

    label: str
    green: int
    amber: int
    red: int
    unreported: int

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return (self.green, self.amber, self.red, self.unreported)

    @property
    def total(self) -> int:
        return sum(self.counts)

    def __add__(self, other: "RagRow") -> "RagRow":
        return RagRow(
            self.label,
            self.green + other.green,
            self.amber + other.amber,
            self.red + other.red,
            self.unreported + other.unreported,
        )


def bars_that_fit(height: float) -> int:
    """How many bars fit `height` points at the smallest bar spacing (at least one)."""
    return max(1, int((height - FRAME_HEIGHT) // MIN_ROW_HEIGHT))


def rag_rows(overview: PortfolioOverview, max_bars: int = MAX_BARS) -> tuple[RagRow, ...]:
    """One row per programme with projects in delivery (in the overview's order), at most `max_bars`: the
    programmes past the last bar but one share an "Other programmes" bar."""
    rows = []
    for group in overview.groups:
        rags = [row.status.latest.overall if row.status else None for row in group.rows if row.in_delivery]
        if rags:
            rows.append(
                RagRow(group.name, rags.count(Rag.GREEN), rags.count(Rag.AMBER), rags.count(Rag.RED), rags.count(None))
            )
    if len(rows) <= max_bars:
        return tuple(rows)
    keep = max(max_bars - 1, 1)
    other = RagRow(tr("Other programmes"), 0, 0, 0, 0)
    for row in rows[keep:]:
        other = other + row
    return (*rows[:keep], other)


def chart_height(count: int, room: float) -> float:
    """The chart's height for `count` bars: roomy bars when they fit in `room`, narrower ones when not."""
    return max(min(FRAME_HEIGHT + ROW_HEIGHT * max(count, 1), room), FRAME_HEIGHT + MIN_ROW_HEIGHT * max(count, 1))


def render(rows: tuple[RagRow, ...], width: float, height: float) -> bytes:
    """The bars as a PNG of `width` x `height` points."""
    label_width = min(150.0, width * 0.38)
    colours = (RAG_COLOURS["green"], RAG_COLOURS["amber"], RAG_COLOURS["red"], NO_REPORT)
    names = (tr("Green"), tr("Amber"), tr("Red"), tr("No report"))
    from matplotlib.ticker import MaxNLocator

    with figure(width, height) as chart:
        axes = chart.add_axes((label_width / width, 18 / height, 1 - label_width / width - 0.02, 1 - 40 / height))
        positions = list(range(len(rows)))[::-1]
        lefts = [0] * len(rows)
        for kind, (colour, name) in enumerate(zip(colours, names, strict=True)):
            values = [row.counts[kind] for row in rows]
            bars = axes.barh(positions, values, left=lefts, color=colour, height=0.62, label=name, linewidth=0)
            for bar, value in zip(bars, values, strict=True):
                if value:
                    x = bar.get_x() + bar.get_width() / 2
                    text_colour = "#ffffff" if kind < 3 else "#1f2933"
                    axes.text(
                        x,
                        bar.get_y() + bar.get_height() / 2,
                        str(value),
                        ha="center",
                        va="center",
                        color=text_colour,
                        fontproperties=font(LABEL_SIZE, bold=True),
                    )
            lefts = [left + value for left, value in zip(lefts, values, strict=True)]
        axes.set_yticks(positions, [fit(row.label, FONT, LABEL_SIZE, label_width - 8) for row in rows])
        most = max((row.total for row in rows), default=1)
        axes.set_xlim(0, max(most, 1) * 1.02)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        style_axes(axes)
        legend = chart.legend(
            loc="upper left",
            bbox_to_anchor=(4 / width, 1.0),
            ncol=4,
            frameon=False,
            prop=font(),
            handlelength=1.0,
            handleheight=0.8,
            borderaxespad=0.3,
            columnspacing=1.2,
        )
        legend.set_in_layout(False)
        return png(chart)

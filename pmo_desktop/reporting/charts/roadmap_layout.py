"""The roadmap's maths: which rows it shows, the months it spans, how it is cut into pages, and where a day
falls on the page. Plain functions of read models, so they are tested without drawing anything.

Rows are programmes (a band) each followed by its projects, cancelled projects and those that finished
before the window left out. The window starts with the quarter before the report period and runs to the end
of the quarter in which the last project shown finishes: at least six quarters, at most twelve. A roadmap
taller than a page is cut into pages of rows, each starting with its programme's band; one wider than a page
(more months than fit at a readable width) is cut into tiles of whole quarters, each repeating the row
labels. Pages go row block by row block, and within one, tile by tile along the time axis.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pmo_desktop.domain.enums import Rag, Stage
from pmo_desktop.services.board_pack_period import ReportPeriod
from pmo_desktop.services.board_pack_queries import MilestoneState, MilestoneTracker
from pmo_desktop.services.portfolio_queries import PortfolioOverview

MIN_QUARTERS = 6
MAX_QUARTERS = 12


@dataclass(frozen=True)
class RoadmapMilestone:
    day: date
    name: str
    state: MilestoneState


@dataclass(frozen=True)
class RoadmapRow:
    """A programme band (`project_id` None) or a project bar."""

    label: str
    name: str
    project_id: int | None = None
    programme: str = ""
    start: date | None = None
    finish: date | None = None
    baseline_finish: date | None = None
    rag: Rag | None = None
    stage: Stage | None = None
    tentative: bool = False
    percent_complete: float | None = None
    milestones: tuple[RoadmapMilestone, ...] = ()
    continued: bool = False

    @property
    def is_programme(self) -> bool:
        return self.project_id is None


def roadmap_rows(overview: PortfolioOverview, tracker: MilestoneTracker, window_first: date) -> tuple[RoadmapRow, ...]:
    """Programme bands and project bars in the overview's order (see the module docstring)."""
    rows: list[RoadmapRow] = []
    for group in overview.groups:
        projects = []
        for row in group.rows:
            if row.stage is Stage.CANCELLED or (row.forecast_finish is not None and row.forecast_finish < window_first):
                continue
            milestones = tuple(
                RoadmapMilestone(mark.forecast, mark.name, mark.state) for mark in tracker.of_project(row.project_id)
            )
            projects.append(
                RoadmapRow(
                    label=row.code,
                    name=row.name,
                    project_id=row.project_id,
                    programme=group.name,
                    start=row.start,
                    finish=row.forecast_finish,
                    baseline_finish=row.baseline_finish,
                    rag=row.status.latest.overall if row.status is not None else None,
                    stage=row.stage,
                    tentative=row.tentative,
                    percent_complete=row.percent_complete,
                    milestones=milestones,
                )
            )
        if projects:
            rows.append(RoadmapRow(label=group.name, name="", programme=group.name))
            rows += projects
    return tuple(rows)


@dataclass(frozen=True)
class Window:
    """Whole months from `first` (a 1st of the month), `months` of them, in quarters of the report's kind."""

    first: date
    months: int

    def month_start(self, offset: int) -> date:
        index = self.first.month - 1 + offset
        return date(self.first.year + index // 12, index % 12 + 1, 1)

    @property
    def end(self) -> date:
        """The day after the window."""
        return self.month_start(self.months)


def roadmap_window(period: ReportPeriod, rows: Sequence[RoadmapRow]) -> Window:
    """From the quarter before `period` to the quarter of the last finish, 6 to 12 quarters."""
    first = period.previous()
    latest = max((row.finish for row in rows if row.finish is not None), default=period.last)
    quarters = 1
    quarter = first
    while quarter.last < latest and quarters < MAX_QUARTERS:
        quarter = quarter.following()
        quarters += 1
    return Window(first.first, 3 * max(quarters, MIN_QUARTERS))


@dataclass(frozen=True)
class Tile:
    """One page of the roadmap: some rows, over months [first_month, stop_month) of the window."""

    rows: tuple[RoadmapRow, ...]
    first_month: int
    stop_month: int
    row_block: int
    row_blocks: int
    column: int
    columns: int


def months_per_tile(chart_width: float, min_month_width: float) -> int:
    """The most whole quarters of months that fit `chart_width` at `min_month_width` or more (at least 3)."""
    fitting = int(chart_width // min_month_width)
    return max(3, fitting - fitting % 3)


def row_blocks(rows: Sequence[RoadmapRow], per_page: int) -> list[tuple[RoadmapRow, ...]]:
    """`rows` cut into pages of at most `per_page` rows, each page starting with a programme band (repeated,
    marked `continued`, when a programme runs over from the page before)."""
    if per_page < 2:
        raise ValueError("a roadmap page needs room for a band and a bar")
    blocks: list[list[RoadmapRow]] = []
    band: RoadmapRow | None = None
    for row in rows:
        if row.is_programme:
            band = row
            if blocks and len(blocks[-1]) >= per_page - 1:
                blocks.append([])
        if not blocks or len(blocks[-1]) >= per_page:
            blocks.append([])
            if not row.is_programme and band is not None:
                blocks[-1].append(
                    RoadmapRow(label=band.label, name=band.name, programme=band.programme, continued=True)
                )
        blocks[-1].append(row)
    return [tuple(block) for block in blocks if block]


def tiles(rows: Sequence[RoadmapRow], window: Window, per_page: int, months_wide: int) -> list[Tile]:
    """Every page of the roadmap, row block by row block, and along the time axis within each."""
    blocks = row_blocks(rows, per_page) if rows else []
    # As many tiles as the widest allowed make, the months shared evenly (whole quarters) between them.
    count = -(-window.months // months_wide)
    quarters_each = -(-(window.months // 3) // count)
    starts = list(range(0, window.months, 3 * quarters_each))
    months_wide = 3 * quarters_each
    return [
        Tile(block, start, min(start + months_wide, window.months), index, len(blocks), column, len(starts))
        for index, block in enumerate(blocks)
        for column, start in enumerate(starts)
    ]


@dataclass(frozen=True)
class TimeScale:
    """Maps days between `first` and `end` (excluded) onto x from `left` to `left + width`."""

    first: date
    end: date
    left: float
    width: float

    def x(self, day: date) -> float:
        span = (self.end - self.first).days
        return self.left + self.width * (day - self.first).days / span

    def clamp(self, day: date) -> float:
        return min(max(self.x(day), self.left), self.left + self.width)

    def shows(self, day: date) -> bool:
        return self.first <= day < self.end

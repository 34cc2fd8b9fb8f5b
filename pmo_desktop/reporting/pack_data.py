"""Everything a board pack prints, read up front from the services' queries into one frozen bundle.

The story is built from this bundle alone (STYLE.md principle 10): no section reads the file while it is
laid out. Only what the chosen sections need is read; the rest stays None or empty. Each read is one
query of `pmo_desktop.services`, on the pack's as-of day.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from pmo_desktop.capacity import Horizon
from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.options import PackOptions, Section
from pmo_desktop.risk import RiskMatrix, ScoreBasis
from pmo_desktop.services.board_pack_changes import PeriodChanges, period_changes
from pmo_desktop.services.board_pack_finance import (
    FinanceReading,
    Performance,
    finance_by_quarter,
    programme_performance,
)
from pmo_desktop.services.board_pack_period import ReportPeriod, as_of_day, parse_period, period_of
from pmo_desktop.services.board_pack_queries import DecisionLog, MilestoneTracker, decision_log, milestone_tracker
from pmo_desktop.services.capacity_hotspots import OverAllocation, top_over_allocations
from pmo_desktop.services.capacity_model import CapacityModel
from pmo_desktop.services.capacity_queries import Grouping, HeatmapGrid, heatmap_grid
from pmo_desktop.services.kpi_queries import PortfolioKpis, portfolio_kpis
from pmo_desktop.services.portfolio_queries import PortfolioOverview, portfolio_overview
from pmo_desktop.services.portfolio_settings import PortfolioSettings, portfolio_settings
from pmo_desktop.services.raid_analysis import Burndown, register_burndown, register_matrix, register_top_risks
from pmo_desktop.services.raid_queries import RaidRegister, RegisterRow, raid_register
from pmo_desktop.services.workspace import Workspace

CAPACITY_WEEKS = 26
"""The capacity section looks two quarters ahead, week by week."""
TOP_OVER_ALLOCATIONS = 10
TOP_RISKS = 10

T = TypeVar("T")

Progress = Callable[[float, str], None]
"""Called with the share done (0 to 1) and what is being done, in words."""


@dataclass(frozen=True)
class CapacityPicture:
    """Roles x weeks for the next two quarters and the worst runs of over-allocation in them."""

    grid: HeatmapGrid
    over_allocations: tuple[OverAllocation, ...]


@dataclass(frozen=True)
class RiskPicture:
    """The risks of the RAID log (threats and opportunities), their matrices, top ten and burndown."""

    risks: tuple[RegisterRow, ...]
    inherent: RiskMatrix
    residual: RiskMatrix
    top: tuple[RegisterRow, ...]
    burndown: Burndown


@dataclass(frozen=True)
class PackData:
    """The read models of one pack. Fields a chosen section does not need are None (or empty)."""

    settings: PortfolioSettings
    classification: str
    period: ReportPeriod
    as_of: date
    sections: tuple[Section, ...]
    overview: PortfolioOverview | None = None
    kpis: PortfolioKpis | None = None
    tracker: MilestoneTracker | None = None
    changes: PeriodChanges | None = None
    register: RaidRegister | None = None
    decisions: DecisionLog | None = None
    finance: FinanceReading | None = None
    performance: tuple[Performance, ...] = ()
    capacity: CapacityPicture | None = None
    risks: RiskPicture | None = None


_NEEDS = {
    "overview": {Section.SUMMARY, Section.STATUS, Section.ROADMAP, Section.FINANCE, Section.APPENDIX},
    "kpis": {Section.SUMMARY},
    "tracker": {Section.MILESTONES, Section.ROADMAP, Section.APPENDIX},
    "register": {Section.SUMMARY, Section.RISKS, Section.APPENDIX},
    "decisions": {Section.DECISIONS},
    "changes": {Section.SUMMARY},
    "finance": {Section.FINANCE, Section.APPENDIX},
    "capacity": {Section.CAPACITY},
    "risks": {Section.RISKS},
}


def resolve_period(options: PackOptions, settings: PortfolioSettings) -> tuple[ReportPeriod, date]:
    """The quarter and as-of day of a request; raises `ValidationError` for a bad or future quarter."""
    today = options.today or date.today()
    start_month = settings.fiscal_year_start_month
    period = parse_period(options.period, start_month) if options.period else period_of(today, start_month)
    return period, as_of_day(period, today)


def gather(workspace: Workspace, options: PackOptions, progress: Progress | None = None) -> PackData:
    """Read what the chosen sections print, reporting progress from 0 to 1."""
    settings = portfolio_settings(workspace)
    period, as_of = resolve_period(options, settings)
    wanted = set(options.sections)
    needed = {name for name, sections in _NEEDS.items() if wanted & sections}
    step = _Steps(progress, len(needed))

    def read(name: str, text: str, query: Callable[[], T]) -> T | None:
        return step(tr(text), query) if name in needed else None

    overview = read("overview", "Reading the portfolio overview", lambda: portfolio_overview(workspace, as_of))
    kpis = read("kpis", "Working out the KPIs", lambda: portfolio_kpis(workspace, as_of, period.first))
    tracker = read("tracker", "Tracking milestones", lambda: milestone_tracker(workspace, period, as_of))
    trend_days = (as_of - period.first).days + 1
    register = read(
        "register", "Reading the RAID log", lambda: raid_register(workspace, today=as_of, trend_days=trend_days)
    )
    decisions = read("decisions", "Reading the decision log", lambda: decision_log(workspace, period, as_of))
    changes = read("changes", "Finding what changed", lambda: period_changes(workspace, period, as_of, register))
    finance = read("finance", "Adding up budgets", lambda: finance_by_quarter(workspace, period, as_of))
    capacity = read("capacity", "Working out capacity", lambda: _capacity(workspace, as_of))
    risks = read("risks", "Scoring risks", lambda: _risks(register)) if register is not None else None
    step.finish()
    return PackData(
        settings=settings,
        classification=options.classification or settings.classification,
        period=period,
        as_of=as_of,
        sections=options.sections,
        overview=overview,
        kpis=kpis,
        tracker=tracker,
        changes=changes,
        register=register,
        decisions=decisions,
        finance=finance,
        performance=programme_performance(overview) if overview is not None else (),
        capacity=capacity,
        risks=risks,
    )


class _Steps:
    """Runs the reads one by one and reports the share of them done."""

    def __init__(self, progress: Progress | None, count: int) -> None:
        self._progress = progress
        self._count = max(count, 1)
        self._done = 0

    def __call__(self, text: str, query: Callable[[], T]) -> T:
        if self._progress is not None:
            self._progress(self._done / self._count, text)
        result = query()
        self._done += 1
        return result

    def finish(self) -> None:
        if self._progress is not None:
            self._progress(1.0, "")


def _capacity(workspace: Workspace, as_of: date) -> CapacityPicture:
    model = CapacityModel(workspace, Horizon.weeks(as_of, CAPACITY_WEEKS))
    grid = heatmap_grid(model, Grouping.ROLES_ONLY, today=as_of)
    return CapacityPicture(grid, top_over_allocations(model, limit=TOP_OVER_ALLOCATIONS))


def _risks(register: RaidRegister) -> RiskPicture:
    risks = tuple(row for row in register.rows if row.kind is RaidKind.RISK)
    return RiskPicture(
        risks,
        register_matrix(risks, ScoreBasis.INHERENT),
        register_matrix(risks, ScoreBasis.RESIDUAL),
        register_top_risks(risks, TOP_RISKS),
        register_burndown(register, risks, ScoreBasis.RESIDUAL),
    )

"""The portfolio KPIs on a day: RAG counts and trends, on-time and on-budget rates, open critical risks, people
over capacity this month and decisions due, each with the records behind it and a tile that explains it.

Definitions (the tiles' tooltips say the same in words):
- *Projects by RAG*: the overall RAG of the latest report (see `status_queries`) of each project in
  delivery (approved, active or on hold); the trend counts compare it with the report before.
- *On time*: milestones of projects not cancelled whose baseline date falls in the period (by default the
  fiscal quarter of `as_of`, up to the day before it) are met when complete and finished on or before their
  baseline date. Milestones without a baseline are not measured.
- *On budget*: projects in delivery with budget lines whose forecast is within their budget.
- *Critical risks*: open threats (risk items, not opportunities) whose current score (residual where a
  response is assessed, as the top-risks ranking uses) is in the critical band, 20 or more. An item counts
  when raised on or before `as_of` and not closed by then.
- *Over capacity*: people above 100 % in the calendar month of `as_of` (see `portfolio_capacity`).
- *Decisions due*: open decisions needed (or, without a "needed by", due) within 30 days of `as_of`,
  overdue ones included.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import Rag, RaidKind, RaidStatus, Stage, TaskKind
from pmo_desktop.risk import RaidItemInput, RiskBand, human_id
from pmo_desktop.services.kpi_tiles import KpiTile, build_tiles
from pmo_desktop.services.portfolio_capacity import PersonOverload, people_over_capacity
from pmo_desktop.services.portfolio_facts import PortfolioFacts, read_facts
from pmo_desktop.services.portfolio_queries import OverviewRow, read_overview
from pmo_desktop.services.portfolio_settings import fiscal_quarter
from pmo_desktop.services.status_queries import RagTrend
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Project, RaidItem

DECISION_WINDOW = timedelta(days=30)
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Rate:
    """`met` of `total`; `percent` is None when there is nothing to measure."""

    met: int
    total: int

    @property
    def percent(self) -> float | None:
        return None if self.total == 0 else 100 * self.met / self.total


@dataclass(frozen=True)
class RagCounts:
    """Projects in delivery by overall RAG, and how many moved since their previous report."""

    green: int
    amber: int
    red: int
    unreported: int
    better: int
    worse: int

    @property
    def total(self) -> int:
        return self.green + self.amber + self.red + self.unreported


@dataclass(frozen=True)
class MilestoneCheck:
    """A milestone due in the period, against its baseline date."""

    task_id: int
    project_id: int
    project_code: str
    name: str
    baseline_finish: date
    finish: date
    percent_complete: int

    @property
    def met(self) -> bool:
        return self.percent_complete == 100 and self.finish <= self.baseline_finish


@dataclass(frozen=True)
class BudgetCheck:
    """A project in delivery with budget lines: its budget against its forecast."""

    project_id: int
    code: str
    budget_minor: int
    forecast_minor: int

    @property
    def within(self) -> bool:
        return self.forecast_minor <= self.budget_minor


@dataclass(frozen=True)
class RiskFlag:
    """An open critical risk."""

    item_id: int
    reference: str
    title: str
    project_code: str
    score: int


@dataclass(frozen=True)
class DecisionDue:
    """An open decision needed soon (or already overdue)."""

    item_id: int
    reference: str
    title: str
    project_code: str
    needed_by: date
    overdue: bool


@dataclass(frozen=True)
class PortfolioKpis:
    """The KPI figures on `as_of`, the records behind each, and the tiles that show them."""

    as_of: date
    period_start: date
    period_end: date
    rag: RagCounts
    milestones: tuple[MilestoneCheck, ...]
    budgets: tuple[BudgetCheck, ...]
    critical_risks: tuple[RiskFlag, ...]
    over_capacity: tuple[PersonOverload, ...]
    decisions_due: tuple[DecisionDue, ...]
    decisions_by: date
    currency: str
    tiles: tuple[KpiTile, ...]

    @property
    def on_time(self) -> Rate:
        return Rate(sum(1 for check in self.milestones if check.met), len(self.milestones))

    @property
    def on_budget(self) -> Rate:
        return Rate(sum(1 for check in self.budgets if check.within), len(self.budgets))

    def tile(self, key: str) -> KpiTile:
        return next(tile for tile in self.tiles if tile.key == key)


def read_kpis(connection: Connection, as_of: date, period_start: date | None = None) -> PortfolioKpis:
    """The KPIs inside an open read; the on-time period runs from `period_start` (default: the start of the
    fiscal quarter of `as_of`) to the day before `as_of`."""
    facts = read_facts(connection, as_of)
    rows = [row for row in read_overview(connection, as_of, facts).rows if row.in_delivery]
    start = period_start or fiscal_quarter(as_of, facts.settings.fiscal_year_start_month)[0]
    end = as_of - _ONE_DAY
    codes = dict(connection.execute(select(Project.id, Project.code)).all())
    kpis = PortfolioKpis(
        as_of=as_of,
        period_start=start,
        period_end=end,
        rag=_rag_counts(rows),
        milestones=_milestones(facts, start, end),
        budgets=tuple(
            BudgetCheck(row.project_id, row.code, row.budget_minor, row.forecast_minor)
            for row in rows
            if row.forecast_minor is not None
        ),
        critical_risks=_critical_risks(connection, as_of, codes),
        over_capacity=tuple(people_over_capacity(connection, as_of)),
        decisions_due=_decisions_due(connection, as_of, codes),
        decisions_by=as_of + DECISION_WINDOW,
        currency=facts.settings.currency,
        tiles=(),
    )
    return replace(kpis, tiles=build_tiles(kpis))


def portfolio_kpis(workspace: Workspace, as_of: date | None = None, period_start: date | None = None) -> PortfolioKpis:
    """The KPI tiles and their figures on `as_of` (default today)."""
    with workspace.reading() as connection:
        return read_kpis(connection, as_of or date.today(), period_start)


def _rag_counts(rows: list[OverviewRow]) -> RagCounts:
    overall = [row.reading("overall") for row in rows]
    rags = [reading.rag for reading in overall if reading is not None]
    trends = [reading.trend for reading in overall if reading is not None]
    return RagCounts(
        green=rags.count(Rag.GREEN),
        amber=rags.count(Rag.AMBER),
        red=rags.count(Rag.RED),
        unreported=len(rows) - len(rags),
        better=trends.count(RagTrend.BETTER),
        worse=trends.count(RagTrend.WORSE),
    )


def _milestones(facts: PortfolioFacts, start: date, end: date) -> tuple[MilestoneCheck, ...]:
    checks = []
    for project in facts.projects:
        if project.stage is Stage.CANCELLED or project.baseline is None:
            continue
        for leaf in project.leaves:
            span = project.baseline.spans.get(leaf.id)
            if leaf.kind is TaskKind.MILESTONE and span is not None and start <= span.finish <= end:
                checks.append(
                    MilestoneCheck(
                        leaf.id, project.id, project.code, leaf.name, span.finish, leaf.finish, leaf.percent_complete
                    )
                )
    return tuple(sorted(checks, key=lambda check: (check.baseline_finish, check.project_code, check.task_id)))


def _raid_rows(connection: Connection, kind: RaidKind, as_of: date) -> list[RaidItemInput]:
    """Items of `kind` raised by `as_of` and not closed by then, as the risk engine's inputs."""
    rows = connection.execute(
        select(
            RaidItem.id,
            RaidItem.number,
            RaidItem.title,
            RaidItem.raised_on,
            RaidItem.project_id,
            RaidItem.probability,
            RaidItem.impact,
            RaidItem.residual_probability,
            RaidItem.residual_impact,
            RaidItem.status,
            RaidItem.closed_on,
            RaidItem.due_on,
            RaidItem.needed_by,
            RaidItem.opportunity,
        ).where(RaidItem.kind == kind.value, RaidItem.raised_on <= as_of)
    ).all()
    items = []
    for row in rows:
        closed = row.status == RaidStatus.CLOSED.value
        if closed and (row.closed_on is None or row.closed_on <= as_of):
            continue
        items.append(
            RaidItemInput(
                id=int(row.id),
                kind=kind,
                number=int(row.number),
                title=str(row.title),
                raised_on=row.raised_on,
                project_id=row.project_id,
                probability=row.probability,
                impact=row.impact,
                residual_probability=row.residual_probability,
                residual_impact=row.residual_impact,
                due_on=row.needed_by or row.due_on,
                opportunity=bool(row.opportunity),
            )
        )
    return items


def _critical_risks(connection: Connection, as_of: date, codes: dict[int, str]) -> tuple[RiskFlag, ...]:
    flags = []
    for item in _raid_rows(connection, RaidKind.RISK, as_of):
        assessment = item.assessment
        if item.opportunity or assessment is None:
            continue
        score = assessment.residual_or_inherent
        if score.band is RiskBand.CRITICAL:
            project = codes.get(item.project_id, "") if item.project_id is not None else ""
            flags.append(RiskFlag(item.id, item.human_id, item.title, project, score.score))
    return tuple(sorted(flags, key=lambda flag: (-flag.score, flag.reference)))


def _decisions_due(connection: Connection, as_of: date, codes: dict[int, str]) -> tuple[DecisionDue, ...]:
    due = []
    for item in _raid_rows(connection, RaidKind.DECISION, as_of):
        if item.due_on is None or item.due_on > as_of + DECISION_WINDOW:
            continue
        project = codes.get(item.project_id, "") if item.project_id is not None else ""
        due.append(
            DecisionDue(
                item.id, human_id(item.kind, item.number), item.title, project, item.due_on, item.due_on < as_of
            )
        )
    return tuple(sorted(due, key=lambda decision: (decision.needed_by, decision.reference)))

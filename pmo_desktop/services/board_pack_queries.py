"""The board pack's own read models: the milestone tracker and the decision log.

**Milestone tracker**: every milestone with its baseline and forecast dates, slip and state.

Read from the same facts as the overview (`portfolio_facts`): a milestone's *forecast* is its current date in
the plan, its *baseline* the date in its project's latest baseline (none when the baseline does not hold
it), and its *slip* the working days between the two in the portfolio calendar (positive = late), as
`earned_value.slip_days` measures a project's. Milestones of cancelled projects are left out.

The state says where a milestone stands on the as-of day:
- *achieved*: 100 % complete, on or before its baseline date (or without one);
- *achieved late*: complete, after its baseline date;
- *overdue*: not complete and its forecast date has passed;
- *forecast late*: not complete, forecast after its baseline date;
- *on track*: not complete, forecast on or before its baseline date;
- *no baseline*: not complete and never baselined, so nothing to measure it against.

The tracker's window is the report period and the one after it: a milestone is in it when its baseline or
its forecast date is, and it belongs to the first of the two periods holding either date.

**Decision log**: the decisions still needed on the as-of day (raised by then and not closed by then), the
soonest needed first (by "needed by", else the due date; undated last), and the decisions taken in the report
period up to the as-of day (by the day decided, else the day closed).
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import aliased

from pmo_desktop.domain.enums import RaidKind, RaidStatus, Stage, TaskKind
from pmo_desktop.i18n import tr
from pmo_desktop.risk import human_id
from pmo_desktop.services.board_pack_period import ReportPeriod
from pmo_desktop.services.earned_value import slip_days
from pmo_desktop.services.portfolio_facts import PortfolioFacts, read_facts
from pmo_desktop.services.portfolio_settings import schedule_calendar
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Person, Programme, Project, RaidItem

_COMPLETE = 100


class MilestoneState(StrEnum):
    ACHIEVED = "achieved"
    ACHIEVED_LATE = "achieved_late"
    OVERDUE = "overdue"
    FORECAST_LATE = "forecast_late"
    ON_TRACK = "on_track"
    NO_BASELINE = "no_baseline"

    @property
    def label(self) -> str:
        return tr(_STATE_LABELS[self])

    @property
    def concern(self) -> bool:
        """True for the states a board should look at: late, overdue or achieved late."""
        return self in (MilestoneState.ACHIEVED_LATE, MilestoneState.OVERDUE, MilestoneState.FORECAST_LATE)


_STATE_LABELS = {
    MilestoneState.ACHIEVED: "Achieved",
    MilestoneState.ACHIEVED_LATE: "Achieved late",
    MilestoneState.OVERDUE: "Overdue",
    MilestoneState.FORECAST_LATE: "Forecast late",
    MilestoneState.ON_TRACK: "On track",
    MilestoneState.NO_BASELINE: "No baseline",
}


@dataclass(frozen=True)
class MilestoneRow:
    """One milestone: its project, its baseline and forecast dates, slip in working days and state."""

    task_id: int
    project_id: int
    project_code: str
    project_name: str
    programme_name: str
    name: str
    baseline: date | None
    forecast: date
    slip_days: int | None
    percent_complete: int
    state: MilestoneState

    @property
    def complete(self) -> bool:
        return self.percent_complete == _COMPLETE

    def falls_in(self, period: ReportPeriod) -> bool:
        """True when its baseline or its forecast date lies in `period`."""
        return period.contains(self.forecast) or (self.baseline is not None and period.contains(self.baseline))


@dataclass(frozen=True)
class MilestoneTracker:
    """Every milestone of the projects not cancelled (by forecast date, project code, id), on `as_of`."""

    period: ReportPeriod
    as_of: date
    rows: tuple[MilestoneRow, ...]

    @property
    def next_period(self) -> ReportPeriod:
        return self.period.following()

    @property
    def this_period(self) -> tuple[MilestoneRow, ...]:
        """Milestones whose baseline or forecast date lies in the report period."""
        return tuple(row for row in self.rows if row.falls_in(self.period))

    @property
    def coming(self) -> tuple[MilestoneRow, ...]:
        """Milestones of the next period that are not in the report period."""
        return tuple(row for row in self.rows if row.falls_in(self.next_period) and not row.falls_in(self.period))

    @property
    def slipped(self) -> tuple[MilestoneRow, ...]:
        """Milestones of the window whose forecast (or finish) lies after their baseline date."""
        return tuple(row for row in (*self.this_period, *self.coming) if (row.slip_days or 0) > 0)

    def of_project(self, project_id: int) -> tuple[MilestoneRow, ...]:
        return tuple(row for row in self.rows if row.project_id == project_id)


def milestone_state(percent_complete: int, baseline: date | None, forecast: date, as_of: date) -> MilestoneState:
    """The state of a milestone on `as_of` (see the module docstring)."""
    if percent_complete == _COMPLETE:
        late = baseline is not None and forecast > baseline
        return MilestoneState.ACHIEVED_LATE if late else MilestoneState.ACHIEVED
    if forecast < as_of:
        return MilestoneState.OVERDUE
    if baseline is None:
        return MilestoneState.NO_BASELINE
    return MilestoneState.FORECAST_LATE if forecast > baseline else MilestoneState.ON_TRACK


def tracker_from_facts(
    facts: PortfolioFacts, programmes: dict[int, str], period: ReportPeriod, as_of: date
) -> MilestoneTracker:
    """The tracker of facts already read (`programmes`: programme names by id)."""
    calendar = schedule_calendar(facts.settings)
    rows = []
    for project in facts.projects:
        if project.stage is Stage.CANCELLED:
            continue
        programme = programmes.get(project.programme_id, "") if project.programme_id is not None else ""
        for leaf in project.leaves:
            if leaf.kind is not TaskKind.MILESTONE:
                continue
            span = project.baseline.spans.get(leaf.id) if project.baseline is not None else None
            baseline = span.finish if span is not None else None
            rows.append(
                MilestoneRow(
                    task_id=leaf.id,
                    project_id=project.id,
                    project_code=project.code,
                    project_name=project.name,
                    programme_name=programme or tr("No programme"),
                    name=leaf.name,
                    baseline=baseline,
                    forecast=leaf.finish,
                    slip_days=slip_days(leaf.finish, baseline, calendar),
                    percent_complete=leaf.percent_complete,
                    state=milestone_state(leaf.percent_complete, baseline, leaf.finish, as_of),
                )
            )
    rows.sort(key=lambda row: (row.forecast, row.project_code, row.task_id))
    return MilestoneTracker(period, as_of, tuple(rows))


def milestone_tracker(workspace: Workspace, period: ReportPeriod, as_of: date) -> MilestoneTracker:
    """Every milestone on `as_of`, with the report period that frames the tracker's window."""
    with workspace.reading() as connection:
        facts = read_facts(connection, as_of)
        programmes = {int(key): str(name) for key, name in connection.execute(select(Programme.id, Programme.name))}
    return tracker_from_facts(facts, programmes, period, as_of)


@dataclass(frozen=True)
class DecisionEntry:
    """A decision of the log; `needed_by` falls back to the due date."""

    item_id: int
    reference: str
    title: str
    description: str
    category: str
    project_code: str
    project_name: str
    owner_name: str
    status: RaidStatus
    needed_by: date | None
    outcome: str
    decided_by_name: str
    decided_on: date | None


@dataclass(frozen=True)
class DecisionLog:
    """Decisions still needed on `as_of`, and those taken in the report period up to it."""

    period: ReportPeriod
    as_of: date
    needed: tuple[DecisionEntry, ...]
    decided: tuple[DecisionEntry, ...]


def decision_log(workspace: Workspace, period: ReportPeriod, as_of: date) -> DecisionLog:
    """The decision log on `as_of` (see the module docstring)."""
    owner, decider = aliased(Person), aliased(Person)
    query = (
        select(
            RaidItem.id,
            RaidItem.number,
            RaidItem.title,
            RaidItem.description,
            RaidItem.category,
            Project.code,
            Project.name,
            owner.name,
            RaidItem.status,
            RaidItem.needed_by,
            RaidItem.due_on,
            RaidItem.outcome,
            decider.name,
            RaidItem.decided_on,
            RaidItem.raised_on,
            RaidItem.closed_on,
        )
        .outerjoin(Project, Project.id == RaidItem.project_id)
        .outerjoin(owner, owner.id == RaidItem.owner_id)
        .outerjoin(decider, decider.id == RaidItem.decided_by_id)
        .where(RaidItem.kind == RaidKind.DECISION.value, RaidItem.raised_on <= as_of)
    )
    with workspace.reading() as connection:
        rows = connection.execute(query).all()
    needed, decided = [], []
    for row in rows:
        status = RaidStatus(row[8])
        entry = DecisionEntry(
            int(row[0]),
            human_id(RaidKind.DECISION, int(row[1])),
            str(row[2]),
            str(row[3] or ""),
            str(row[4] or ""),
            str(row[5] or ""),
            str(row[6] or tr("Portfolio")),
            str(row[7] or ""),
            status,
            row[9] or row[10],
            str(row[11] or ""),
            str(row[12] or ""),
            row[13],
        )
        closed_on: date | None = row[15]
        if status is not RaidStatus.CLOSED or (closed_on is not None and closed_on > as_of):
            needed.append(entry)
        settled_on = entry.decided_on or closed_on
        if status is RaidStatus.CLOSED and settled_on is not None and period.first <= settled_on <= as_of:
            decided.append(entry)
    needed.sort(key=lambda entry: (entry.needed_by is None, entry.needed_by or as_of, entry.reference))
    decided.sort(key=lambda entry: (entry.decided_on or as_of, entry.reference))
    return DecisionLog(period, as_of, tuple(needed), tuple(decided))

"""What changed in the report period, for the board pack's summary: RAG flips, new and closed projects,
slipped milestones and risk moves.

The period's changes are those after the end of the previous period (`since`) up to the as-of day:
- *RAG flips*: projects in delivery (approved, active or on hold, as the RAG KPI counts them) whose latest
  status report on the as-of day has another overall RAG than the report before it, counted when that
  latest report covers the previous period or this one (an older report is not news).
- *New projects*: projects (not cancelled) added to the file or starting work (their first task) in the
  period.
- *Closed projects*: projects closed or cancelled whose work ended (their last task; without tasks, their
  last edit) in the period.
- *Slipped milestones*: milestones of the period and the next that are forecast (or were achieved) after
  their baseline date (see `board_pack_queries`).
- *Risk moves*: risks (threats, not opportunities) raised or closed in the period, and open risks whose
  current score (residual where assessed) moved, compared by the risk engine's trend rule: the score on
  `since` (or the first one after it) against the score on the as-of day.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select

from pmo_desktop.domain.enums import Rag, RaidKind, RaidStatus, Stage
from pmo_desktop.i18n import tr
from pmo_desktop.risk import ScoreBasis, ScoreHistory
from pmo_desktop.services.board_pack_period import ReportPeriod
from pmo_desktop.services.board_pack_queries import MilestoneRow, tracker_from_facts
from pmo_desktop.services.portfolio_facts import read_facts
from pmo_desktop.services.portfolio_queries import IN_DELIVERY
from pmo_desktop.services.raid_queries import RaidRegister, RegisterRow, raid_register
from pmo_desktop.services.status_queries import rag_severity, read_statuses
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Programme, Project

_ONE_DAY = timedelta(days=1)
_ENDED = frozenset({Stage.CLOSED, Stage.CANCELLED})


@dataclass(frozen=True)
class RagFlip:
    """A project whose overall RAG changed between its last two reports."""

    project_id: int
    code: str
    name: str
    before: Rag
    after: Rag
    report_label: str

    @property
    def worse(self) -> bool:
        return rag_severity(self.after) > rag_severity(self.before)


@dataclass(frozen=True)
class ProjectChange:
    """A project that began or ended in the period, and the day it did."""

    project_id: int
    code: str
    name: str
    stage: Stage
    on: date


class RiskMoveKind(StrEnum):
    RAISED = "raised"
    UP = "up"
    DOWN = "down"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return tr(_MOVE_LABELS[self])


_MOVE_LABELS = {
    RiskMoveKind.RAISED: "Raised",
    RiskMoveKind.UP: "Rising",
    RiskMoveKind.DOWN: "Falling",
    RiskMoveKind.CLOSED: "Closed",
}
_MOVE_ORDER = {kind: position for position, kind in enumerate(RiskMoveKind)}


@dataclass(frozen=True)
class RiskMove:
    """A risk raised, closed, or whose score moved; scores are None where there is none to show."""

    item_id: int
    reference: str
    title: str
    project_code: str
    kind: RiskMoveKind
    before: int | None
    after: int | None


@dataclass(frozen=True)
class PeriodChanges:
    """The changes after `since` (the previous period's last day) up to `as_of`."""

    period: ReportPeriod
    since: date
    as_of: date
    rag_flips: tuple[RagFlip, ...]
    new_projects: tuple[ProjectChange, ...]
    closed_projects: tuple[ProjectChange, ...]
    slipped: tuple[MilestoneRow, ...]
    risk_moves: tuple[RiskMove, ...]

    @property
    def empty(self) -> bool:
        return not (self.rag_flips or self.new_projects or self.closed_projects or self.slipped or self.risk_moves)


def period_changes(
    workspace: Workspace, period: ReportPeriod, as_of: date, register: RaidRegister | None = None
) -> PeriodChanges:
    """The period's changes (see the module docstring); `register` saves a second read of the RAID log when
    the caller has one for `as_of`."""
    since = period.first - _ONE_DAY
    with workspace.reading() as connection:
        facts = read_facts(connection, as_of)
        statuses = read_statuses(connection, as_of)
        programmes = {int(key): str(name) for key, name in connection.execute(select(Programme.id, Programme.name))}
        stamps = connection.execute(select(Project.id, Project.created_at, Project.updated_at)).all()
    added = {int(key): created.date() for key, created, _ in stamps}
    edited = {int(key): updated.date() for key, _, updated in stamps}
    tracker = tracker_from_facts(facts, programmes, period, as_of)
    flips, new, ended = [], [], []
    in_period = (since + _ONE_DAY, as_of)
    for project in facts.projects:
        status = statuses.get(project.id)
        if project.stage in IN_DELIVERY and status is not None and status.previous is not None:
            before, after = status.previous.overall, status.latest.overall
            if before != after and status.latest.period_end >= period.previous().first:
                flips.append(RagFlip(project.id, project.code, project.name, before, after, status.latest.period_label))
        began = [day for day in (added[project.id], project.start) if day is not None and _within(day, in_period)]
        if began and project.stage is not Stage.CANCELLED:
            new.append(ProjectChange(project.id, project.code, project.name, project.stage, min(began)))
        finished = project.finish or edited[project.id]
        if project.stage in _ENDED and _within(finished, in_period):
            ended.append(ProjectChange(project.id, project.code, project.name, project.stage, finished))
    flips.sort(key=lambda flip: (not flip.worse, flip.code))
    return PeriodChanges(
        period,
        since,
        as_of,
        tuple(flips),
        tuple(new),
        tuple(ended),
        tracker.slipped,
        risk_moves(register or raid_register(workspace, today=as_of), since, as_of),
    )


def _within(day: date, span: tuple[date, date]) -> bool:
    return span[0] <= day <= span[1]


def risk_moves(register: RaidRegister, since: date, as_of: date) -> tuple[RiskMove, ...]:
    """Risks raised, closed or moved after `since` up to `as_of` (see the module docstring)."""
    moves = []
    for row in register.rows:
        if row.kind is not RaidKind.RISK or row.opportunity:
            continue
        move = _move(row, register.history, since, as_of)
        if move is not None:
            moves.append(move)
    moves.sort(key=lambda move: (_MOVE_ORDER[move.kind], -(move.after or move.before or 0), move.reference))
    return tuple(moves)


def _move(row: RegisterRow, history: ScoreHistory, since: date, as_of: date) -> RiskMove | None:
    def made(kind: RiskMoveKind, before: int | None, after: int | None) -> RiskMove:
        return RiskMove(row.id, row.human_id, row.title, row.project_code, kind, before, after)

    before, after = _score(row, history, since, first_after=True), _score(row, history, as_of)
    item = row.item
    if since < item.raised_on <= as_of:
        return made(RiskMoveKind.RAISED, None, after)
    if item.status is RaidStatus.CLOSED and item.closed_on is not None and since < item.closed_on <= as_of:
        return made(RiskMoveKind.CLOSED, before, None)
    if not item.open_on(as_of) or item.raised_on > as_of or before is None or after is None or before == after:
        return None
    return made(RiskMoveKind.UP if after > before else RiskMoveKind.DOWN, before, after)


def _score(row: RegisterRow, history: ScoreHistory, day: date, *, first_after: bool = False) -> int | None:
    """The item's current score (residual where assessed) on `day`, from its history."""
    point = history.at(row.id, day) or (history.first_after(row.id, day) if first_after else None)
    if point is not None:
        return point.assessment.score_for(ScoreBasis.RESIDUAL).score
    assessment = row.assessment
    return None if assessment is None else assessment.score_for(ScoreBasis.RESIDUAL).score

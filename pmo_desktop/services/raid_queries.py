"""The RAID register as the risk view and the board pack read it: one frozen row per item, and its history.

`raid_register` reads every item with the names it refers to (project, programme, owner, decider), the
score history behind trends and the burndown, and how many tasks each item is linked to, in four queries.
The rows carry the engine's input (`RegisterRow.item`), so the matrix, trends, exposure and top risks are
computed by `pmo_desktop.risk` and nowhere else (see `raid_analysis`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import aliased

from pmo_desktop.domain.enums import Proximity, RaidKind, RaidStatus, ResponseStrategy
from pmo_desktop.i18n import tr
from pmo_desktop.risk import (
    RaidItemInput,
    RiskAssessment,
    RiskBand,
    RiskScore,
    ScoreBasis,
    ScoreHistory,
    ScorePoint,
    Trend,
    trends,
)
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Person, Programme, Project, RaidItem, RaidScore, RaidTaskLink, Task

# Decoding 16-byte UUIDs and timestamps is most of the cost of reading the register, and it shows neither.
_UNREAD = frozenset({"uuid", "created_at", "updated_at"})

DEFAULT_TREND_DAYS = 28
"""The trend window a register opens with: the last four weeks."""


@dataclass(frozen=True)
class RegisterRow:
    """One RAID item as the register lists it. `item` is the engine's input; the rest is for reading.

    `project_name` is "Portfolio" for an item on the whole portfolio. Trends compare the score at the start
    of the register's window with today's, on each basis (`trend_on`).
    """

    item: RaidItemInput
    project_code: str
    project_name: str
    programme_id: int | None
    programme_name: str
    owner_name: str
    category: str
    response: ResponseStrategy | None
    review_overdue: bool
    trend: Trend
    inherent_trend: Trend
    severity: int | None
    needed_by: date | None
    decided_by_name: str
    decided_on: date | None
    validation_on: date | None
    linked_tasks: int

    @property
    def id(self) -> int:
        return self.item.id

    @property
    def kind(self) -> RaidKind:
        return self.item.kind

    @property
    def human_id(self) -> str:
        """R-014, A-003, I-007, D-002."""
        return self.item.human_id

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def project_id(self) -> int | None:
        return self.item.project_id

    @property
    def owner_id(self) -> int | None:
        return self.item.owner_id

    @property
    def status(self) -> RaidStatus:
        return self.item.status

    @property
    def is_open(self) -> bool:
        return self.item.is_open

    @property
    def probability(self) -> int | None:
        return self.item.probability

    @property
    def impact(self) -> int | None:
        return self.item.impact

    @property
    def proximity(self) -> Proximity | None:
        return self.item.proximity

    @property
    def review_on(self) -> date | None:
        return self.item.review_on

    @property
    def opportunity(self) -> bool:
        return self.item.opportunity

    @property
    def assessment(self) -> RiskAssessment | None:
        """Inherent and residual scores; None while the item is unscored."""
        return self.item.assessment

    @property
    def score(self) -> RiskScore | None:
        """The inherent score (before the response)."""
        assessment = self.assessment
        return None if assessment is None else assessment.inherent

    @property
    def residual(self) -> RiskScore | None:
        """The residual score (after the response) when it has been assessed; None otherwise."""
        assessment = self.assessment
        return None if assessment is None else assessment.residual

    @property
    def band(self) -> RiskBand | None:
        score = self.score
        return None if score is None else score.band

    @property
    def residual_band(self) -> RiskBand | None:
        residual = self.residual
        return None if residual is None else residual.band

    def score_on(self, basis: ScoreBasis) -> RiskScore | None:
        """The score the matrix places this item by: residual falls back to inherent while unassessed."""
        assessment = self.assessment
        return None if assessment is None else assessment.score_for(basis)

    def trend_on(self, basis: ScoreBasis) -> Trend:
        return self.inherent_trend if basis is ScoreBasis.INHERENT else self.trend

    def matrix_cell(self, basis: ScoreBasis) -> tuple[int, int] | None:
        """(probability, impact) of the cell `risk_matrix` puts this item in by default, or None.

        The matrix's default selection: open, scored threats (opportunities have a matrix of their own).
        """
        score = self.score_on(basis)
        if score is None or not self.is_open or self.opportunity:
            return None
        return (score.probability, score.impact)


@dataclass(frozen=True)
class RaidRegister:
    """Every RAID item (ordered by kind, then number), the score history, and the day they were read for."""

    rows: tuple[RegisterRow, ...]
    history: ScoreHistory
    today: date
    trend_start: date


@dataclass(frozen=True)
class TaskRef:
    """A task or milestone as a RAID item's links list it."""

    id: int
    name: str
    project_code: str
    milestone: bool
    start: date
    finish: date


def raid_register(
    workspace: Workspace, *, today: date | None = None, trend_days: int = DEFAULT_TREND_DAYS
) -> RaidRegister:
    """The whole register as of `today` (the real today by default), with trends over the last `trend_days`."""
    day = today or date.today()
    start = day - timedelta(days=trend_days)
    with workspace.reading() as connection:
        items = _item_rows(connection)
        history = ScoreHistory(_score_points(connection))
        links = _link_counts(connection)
    inputs = [_engine_input(values) for values in items]
    ids = [item.id for item in inputs]
    residual = trends(history, ids, start=start, end=day, basis=ScoreBasis.RESIDUAL)
    inherent = trends(history, ids, start=start, end=day, basis=ScoreBasis.INHERENT)
    rows = tuple(
        _register_row(values, item, day, (residual[item.id], inherent[item.id]), links.get(item.id, 0))
        for values, item in zip(items, inputs, strict=True)
    )
    return RaidRegister(rows, history, day, start)


def linked_tasks(workspace: Workspace, item_id: int) -> tuple[TaskRef, ...]:
    """The tasks and milestones a RAID item is linked to, by project code then start."""
    query = (
        select(Task.id, Task.name, Project.code, Task.kind, Task.start, Task.finish)
        .join(RaidTaskLink, RaidTaskLink.task_id == Task.id)
        .join(Project, Project.id == Task.project_id)
        .where(RaidTaskLink.raid_item_id == item_id)
        .order_by(Project.code, Task.start, Task.id)
    )
    with workspace.reading() as connection:
        return tuple(_task_ref(row) for row in connection.execute(query).all())


def task_choices(workspace: Workspace, project_id: int | None) -> tuple[TaskRef, ...]:
    """The tasks an item may be linked to: its project's, or every project's for a portfolio item."""
    query = (
        select(Task.id, Task.name, Project.code, Task.kind, Task.start, Task.finish)
        .join(Project, Project.id == Task.project_id)
        .order_by(Project.code, Task.start, Task.sort_order, Task.id)
    )
    if project_id is not None:
        query = query.where(Task.project_id == project_id)
    with workspace.reading() as connection:
        return tuple(_task_ref(row) for row in connection.execute(query).all())


def raid_categories(workspace: Workspace) -> tuple[str, ...]:
    """The categories the register already uses, alphabetically, for an editor to offer."""
    query = select(RaidItem.category).where(RaidItem.category != "").distinct()
    with workspace.reading() as connection:
        return tuple(sorted((str(value) for value in connection.execute(query).scalars()), key=str.casefold))


def _task_ref(row: Any) -> TaskRef:
    task_id, name, code, kind, start, finish = row
    return TaskRef(int(task_id), str(name), str(code), str(kind) == "milestone", start, finish)


def _item_rows(connection: Connection) -> list[dict[str, Any]]:
    owner = aliased(Person)
    decider = aliased(Person)
    item = RaidItem.__table__
    query = (
        select(
            *(column for column in item.c if column.key not in _UNREAD),
            Project.code.label("project_code"),
            Project.name.label("project_name"),
            Programme.id.label("programme_id"),
            Programme.name.label("programme_name"),
            owner.name.label("owner_name"),
            decider.name.label("decided_by_name"),
        )
        .outerjoin(Project, Project.id == item.c.project_id)
        .outerjoin(Programme, Programme.id == Project.programme_id)
        .outerjoin(owner, owner.id == item.c.owner_id)
        .outerjoin(decider, decider.id == item.c.decided_by_id)
    )
    result = connection.execute(query)
    # Zipping plain tuples with the keys once is several times faster than a RowMapping per row.
    keys = list(result.keys())
    rows = [dict(zip(keys, row, strict=True)) for row in result.all()]
    order = {kind: position for position, kind in enumerate(RaidKind)}
    rows.sort(key=lambda values: (order[RaidKind(values["kind"])], values["number"]))
    return rows


def _score_points(connection: Connection) -> list[ScorePoint]:
    """The history in the order it was written, so same-day entries keep theirs (the last one wins)."""
    query = select(
        RaidScore.raid_item_id,
        RaidScore.recorded_on,
        RaidScore.probability,
        RaidScore.impact,
        RaidScore.residual_probability,
        RaidScore.residual_impact,
    ).order_by(RaidScore.id)
    return [
        ScorePoint(
            item_id=item_id,
            recorded_on=recorded_on,
            probability=probability,
            impact=impact,
            residual_probability=residual_probability,
            residual_impact=residual_impact,
        )
        for item_id, recorded_on, probability, impact, residual_probability, residual_impact in connection.execute(
            query
        ).all()
    ]


def _link_counts(connection: Connection) -> dict[int, int]:
    query = select(RaidTaskLink.raid_item_id, func.count()).group_by(RaidTaskLink.raid_item_id)
    return {int(item_id): int(count) for item_id, count in connection.execute(query).all()}


def _engine_input(values: Mapping[str, Any]) -> RaidItemInput:
    return RaidItemInput(
        id=values["id"],
        kind=RaidKind(values["kind"]),
        number=values["number"],
        title=values["title"],
        raised_on=values["raised_on"],
        project_id=values["project_id"],
        owner_id=values["owner_id"],
        probability=values["probability"],
        impact=values["impact"],
        residual_probability=values["residual_probability"],
        residual_impact=values["residual_impact"],
        status=RaidStatus(values["status"]),
        closed_on=values["closed_on"],
        due_on=values["due_on"],
        review_on=values["review_on"],
        proximity=None if values["proximity"] is None else Proximity(values["proximity"]),
        opportunity=bool(values["opportunity"]),
    )


def _register_row(
    values: Mapping[str, Any], item: RaidItemInput, today: date, item_trends: tuple[Trend, Trend], links: int
) -> RegisterRow:
    review = item.review_on
    return RegisterRow(
        item=item,
        project_code=values["project_code"] or "",
        project_name=values["project_name"] or tr("Portfolio"),
        programme_id=values["programme_id"],
        programme_name=values["programme_name"] or "",
        owner_name=values["owner_name"] or "",
        category=values["category"] or "",
        response=None if values["response"] is None else ResponseStrategy(values["response"]),
        review_overdue=item.is_open and review is not None and review < today,
        trend=item_trends[0],
        inherent_trend=item_trends[1],
        severity=values["severity"],
        needed_by=values["needed_by"],
        decided_by_name=values["decided_by_name"] or "",
        decided_on=values["decided_on"],
        validation_on=values["validation_on"],
        linked_tasks=links,
    )

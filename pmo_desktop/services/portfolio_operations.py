"""Portfolio edits that change several records in one transaction, each returning what undoes it.

Every operation reads what it replaces inside its own transaction, turns the difference into a batch of
record edits (`portfolio_batch`) and applies it: the project with its objective weights, a programme with
its objectives, a person with their time off, the settings with the hand-entered holidays, a project's
budget lines by quarter, and deactivating a person. Undo and redo apply `Applied.inverse` with
`apply_edits`.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import BudgetCategory, EntityKind, TimeOffKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_batch import Applied, Create, Delete, Edit, NewId, Update, apply_on
from pmo_desktop.services.validation.common import day
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import BudgetLine, Holiday, Person, Portfolio, ProgrammeObjective, ProjectObjective
from pmo_desktop.storage.models import TimeOff as TimeOffRow


@dataclass(frozen=True)
class TimeOffEntry:
    """One absence as an editor holds it; `id` None for a new one."""

    start: date
    finish: date
    kind: TimeOffKind = TimeOffKind.LEAVE
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class HolidayEntry:
    """A hand-entered holiday as an editor holds it; `id` None for a new one."""

    day: date
    name: str
    id: int | None = None


@dataclass(frozen=True)
class BudgetCell:
    """Planned, actual and forecast of one quarter and category, in minor units."""

    planned_minor: int = 0
    actual_minor: int = 0
    forecast_minor: int = 0

    @property
    def is_empty(self) -> bool:
        return self.planned_minor == self.actual_minor == self.forecast_minor == 0


BudgetGrid = Mapping[tuple[date, BudgetCategory], BudgetCell]
"""Budget cells by (first day of the period, category)."""


def _record_edit(kind: EntityKind, record_id: int | None, values: Mapping[str, Any]) -> Edit:
    return Create(kind, values) if record_id is None else Update(kind, record_id, values)


def _target(record_id: int | None) -> int | NewId:
    """The id of the edited record: itself, or the one the batch's first edit creates."""
    return NewId(0) if record_id is None else record_id


def save_project(
    workspace: Workspace, project_id: int | None, values: Mapping[str, Any], objective_weights: Mapping[int, int]
) -> Applied:
    """Create (`project_id` None) or change a project and set its objectives: weight in percent by objective id."""
    with workspace.transaction() as connection:
        edits = [_record_edit(EntityKind.PROJECT, project_id, values)]
        current: dict[int, tuple[int, int]] = {}
        if project_id is not None:
            current = {
                int(objective): (int(link), int(weight))
                for link, objective, weight in connection.execute(
                    select(ProjectObjective.id, ProjectObjective.objective_id, ProjectObjective.weight).where(
                        ProjectObjective.project_id == project_id
                    )
                )
            }
        for objective, (link, _weight) in current.items():
            if objective not in objective_weights:
                edits.append(Delete(EntityKind.PROJECT_OBJECTIVE, link))
        for objective, weight in sorted(objective_weights.items()):
            if objective in current:
                if current[objective][1] != weight:
                    edits.append(Update(EntityKind.PROJECT_OBJECTIVE, current[objective][0], {"weight": weight}))
            else:
                link_values = {"project_id": _target(project_id), "objective_id": objective, "weight": weight}
                edits.append(Create(EntityKind.PROJECT_OBJECTIVE, link_values))
        return apply_on(connection, edits)


def save_programme(
    workspace: Workspace, programme_id: int | None, values: Mapping[str, Any], objective_ids: Sequence[int]
) -> Applied:
    """Create or change a programme and set the objectives it contributes to."""
    with workspace.transaction() as connection:
        edits = [_record_edit(EntityKind.PROGRAMME, programme_id, values)]
        current: dict[int, int] = {}
        if programme_id is not None:
            rows = connection.execute(
                select(ProgrammeObjective.objective_id, ProgrammeObjective.id).where(
                    ProgrammeObjective.programme_id == programme_id
                )
            )
            current = {int(objective): int(link) for objective, link in rows}
        wanted = set(objective_ids)
        edits += [
            Delete(EntityKind.PROGRAMME_OBJECTIVE, link)
            for objective, link in current.items()
            if objective not in wanted
        ]
        edits += [
            Create(EntityKind.PROGRAMME_OBJECTIVE, {"programme_id": _target(programme_id), "objective_id": objective})
            for objective in sorted(wanted - set(current))
        ]
        return apply_on(connection, edits)


def save_person(
    workspace: Workspace, person_id: int | None, values: Mapping[str, Any], time_off: Sequence[TimeOffEntry]
) -> Applied:
    """Create or change a person and replace their time off with `time_off` (entries keep their ids)."""
    with workspace.transaction() as connection:
        edits = [_record_edit(EntityKind.PERSON, person_id, values)]
        current: dict[int, tuple[Any, ...]] = {}
        if person_id is not None:
            rows = connection.execute(
                select(TimeOffRow.id, TimeOffRow.start, TimeOffRow.finish, TimeOffRow.kind, TimeOffRow.note).where(
                    TimeOffRow.person_id == person_id
                )
            )
            current = {int(row.id): tuple(row[1:]) for row in rows}
        kept = {entry.id for entry in time_off if entry.id is not None}
        edits += [Delete(EntityKind.TIME_OFF, entry_id) for entry_id in sorted(set(current) - kept)]
        for entry in time_off:
            entry_values = {"start": entry.start, "finish": entry.finish, "kind": entry.kind.value, "note": entry.note}
            if entry.id is None:
                edits.append(Create(EntityKind.TIME_OFF, {"person_id": _target(person_id), **entry_values}))
            elif entry.id in current and current[entry.id] != (entry.start, entry.finish, entry.kind, entry.note):
                edits.append(Update(EntityKind.TIME_OFF, entry.id, entry_values))
        _check_overlaps(time_off)
        return apply_on(connection, edits)


def _check_overlaps(time_off: Sequence[TimeOffEntry]) -> None:
    ordered = sorted(time_off, key=lambda entry: entry.start)
    for earlier, later in pairwise(ordered):
        if later.start <= earlier.finish:
            raise ValidationError(
                tr(
                    "Time off from {start} overlaps the time off from {other}; merge them into one.",
                    start=day(later.start),
                    other=day(earlier.start),
                )
            )


def deactivate_person(workspace: Workspace, person_id: int, last_day: date) -> Applied:
    """Mark a person as gone after `last_day`, keeping their allocations, reports and history; their
    capacity ends there, so work still allocated to them afterwards shows as needing someone else."""
    with workspace.transaction() as connection:
        start = connection.execute(select(Person.employment_start).where(Person.id == person_id)).scalar()
        if start is not None and last_day < start:
            raise ValidationError(
                tr(
                    "The last day ({last}) cannot be before they started ({start}).",
                    last=day(last_day),
                    start=day(start),
                )
            )
        return apply_on(
            connection, [Update(EntityKind.PERSON, person_id, {"active": False, "employment_end": last_day})]
        )


def save_settings(workspace: Workspace, values: Mapping[str, Any], holidays: Sequence[HolidayEntry]) -> Applied:
    """Change the portfolio settings and replace the hand-entered holidays with `holidays`."""
    days = [holiday.day for holiday in holidays]
    repeated = sorted({holiday for holiday in days if days.count(holiday) > 1})
    if repeated:
        raise ValidationError(tr("{day} is listed twice as a holiday.", day=day(repeated[0])))
    with workspace.transaction() as connection:
        portfolio_id = connection.execute(select(Portfolio.id)).scalar_one()
        current = {
            int(row.id): (row.day, row.name)
            for row in connection.execute(select(Holiday.id, Holiday.day, Holiday.name))
        }
        kept = {holiday.id for holiday in holidays if holiday.id is not None}
        # Deletes first, so that a day moved from one entry to another never collides with itself.
        edits: list[Edit] = [Delete(EntityKind.HOLIDAY, holiday_id) for holiday_id in sorted(set(current) - kept)]
        edits.append(Update(EntityKind.PORTFOLIO, int(portfolio_id), values))
        for holiday in holidays:
            if holiday.id is None:
                edits.append(Create(EntityKind.HOLIDAY, {"day": holiday.day, "name": holiday.name}))
            elif current.get(holiday.id) != (holiday.day, holiday.name):
                edits.append(Update(EntityKind.HOLIDAY, holiday.id, {"day": holiday.day, "name": holiday.name}))
        return apply_on(connection, edits)


def save_budget_grid(workspace: Workspace, project_id: int, grid: BudgetGrid) -> Applied:
    """Make a project's budget lines equal `grid`: lines are created, changed, or deleted when emptied."""
    with workspace.transaction() as connection:
        current = _budget_lines(connection, project_id)
        edits: list[Edit] = []
        for key, cell in sorted(grid.items()):
            existing = current.get(key)
            values = {
                "planned_minor": cell.planned_minor,
                "actual_minor": cell.actual_minor,
                "forecast_minor": cell.forecast_minor,
            }
            if existing is None:
                if not cell.is_empty:
                    period, category = key
                    line = {"project_id": project_id, "period_start": period, "category": category.value, **values}
                    edits.append(Create(EntityKind.BUDGET_LINE, line))
            elif cell.is_empty:
                edits.append(Delete(EntityKind.BUDGET_LINE, existing[0]))
            elif existing[1] != cell:
                edits.append(Update(EntityKind.BUDGET_LINE, existing[0], values))
        return apply_on(connection, edits)


def _budget_lines(connection: Connection, project_id: int) -> dict[tuple[date, BudgetCategory], tuple[int, BudgetCell]]:
    rows = connection.execute(
        select(
            BudgetLine.id,
            BudgetLine.period_start,
            BudgetLine.category,
            BudgetLine.planned_minor,
            BudgetLine.actual_minor,
            BudgetLine.forecast_minor,
        ).where(BudgetLine.project_id == project_id)
    )
    return {(row.period_start, BudgetCategory(row.category)): (int(row.id), BudgetCell(*row[3:])) for row in rows}

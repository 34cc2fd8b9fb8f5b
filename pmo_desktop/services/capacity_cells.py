"""What makes one heatmap cell: capacity, confirmed and tentative load, time off, the projects and the
allocations behind it, for the hover and the side panel.

A person's cell asks the engine for the allocations that load it; unfilled demand lists the role's
placeholders that overlap the week or month (their hours counted on the calendar's working days, as the
engine counts them); a group's cell adds up its members by project. Only the allocations' task names and
notes are read from the file, and only when the side panel asks for allocations.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from pmo_desktop.capacity import AllocationInput, utilisation_of
from pmo_desktop.domain.enums import AllocationUnit
from pmo_desktop.services.capacity_model import CapacityModel
from pmo_desktop.services.capacity_queries import Grouping, HeatmapGrid, HeatmapRow, RowKind
from pmo_desktop.storage.models import Allocation, Task

_PERCENT = 100.0


@dataclass(frozen=True)
class ProjectHours:
    """One project's hours in a cell."""

    project_id: int
    project: str
    colour: str
    confirmed: float
    tentative: float

    @property
    def hours(self) -> float:
        return self.confirmed + self.tentative


@dataclass(frozen=True)
class CellAllocation:
    """One allocation behind a cell: the record as stored, the days it covers, and its hours in the cell.

    `span_start` and `span_finish` are the task's current dates when the allocation follows a task.
    """

    id: int
    person_id: int | None
    role_id: int | None
    project_id: int
    project: str
    project_code: str
    task_id: int | None
    task: str
    start: date
    finish: date
    span_start: date
    span_finish: date
    unit: AllocationUnit
    amount: float
    tentative: bool
    hours: float
    note: str


@dataclass(frozen=True)
class CellDetails:
    """One cell of the heatmap explained; `allocations` is empty for group rows and for hovers."""

    row: HeatmapRow
    bucket: int
    start: date
    finish: date
    capacity: float
    confirmed: float
    tentative: float
    time_off_days: float
    projects: tuple[ProjectHours, ...]
    allocations: tuple[CellAllocation, ...]

    def load(self, include_tentative: bool = True) -> float:
        return self.confirmed + self.tentative if include_tentative else self.confirmed

    def utilisation(self, include_tentative: bool = True) -> float:
        return utilisation_of(self.load(include_tentative), self.capacity)


@dataclass(frozen=True)
class _Part:
    """An allocation's hours in the cell, before names are attached."""

    allocation: AllocationInput
    hours: float


def cell_details(
    model: CapacityModel, grid: HeatmapGrid, row: int, bucket: int, *, with_allocations: bool = True
) -> CellDetails:
    """Row `row`, bucket `bucket` of `grid` explained (`grid` must come from `model` as it is now)."""
    entry = grid.rows[row]
    parts = _parts(model, grid, entry, bucket)
    projects = _projects(model, parts)
    listed = parts if with_allocations and entry.kind is not RowKind.GROUP else []
    return CellDetails(
        entry,
        bucket,
        grid.starts[bucket],
        grid.finishes[bucket],
        float(grid.capacity[row, bucket]),
        float(grid.confirmed[row, bucket]),
        float(grid.tentative[row, bucket]),
        float(grid.time_off_days[row, bucket]),
        projects,
        _allocations(model, listed),
    )


def _parts(model: CapacityModel, grid: HeatmapGrid, entry: HeatmapRow, bucket: int) -> list[_Part]:
    if entry.kind is RowKind.PERSON and entry.key is not None:
        return _person_parts(model, entry.key, bucket)
    if entry.kind is RowKind.UNFILLED and entry.key is not None:
        return _unfilled_parts(model, entry.key, grid.starts[bucket], grid.finishes[bucket])
    return _group_parts(model, grid, entry, bucket)


def _person_parts(model: CapacityModel, person_id: int, bucket: int) -> list[_Part]:
    parts = []
    for load in model.engine.breakdown(person_id, bucket).allocations:
        allocation = model.allocation(load.allocation_id)
        if allocation is not None:
            parts.append(_Part(allocation, load.hours))
    return parts


def _unfilled_parts(model: CapacityModel, role_id: int, first: date, last: date) -> list[_Part]:
    """Placeholders of the role overlapping [first, last], with the hours they ask for in it."""
    calendar = model.calendar
    parts = []
    for allocation in model.allocations():
        if allocation.person_id is not None or allocation.role_id != role_id:
            continue
        start, finish = model.span_of(allocation)
        low, high = max(start, first), min(finish, last)
        days = sum(calendar.is_working_day(low + timedelta(days=step)) for step in range((high - low).days + 1))
        if days > 0:
            parts.append(_Part(allocation, _daily_rate(model, allocation) * days))
    return sorted(parts, key=lambda part: (-part.hours, part.allocation.id))


def _daily_rate(model: CapacityModel, allocation: AllocationInput) -> float:
    """A placeholder's hours per working day, as the engine spreads them."""
    calendar = model.calendar
    if allocation.unit is AllocationUnit.PERCENT:
        return allocation.amount / _PERCENT * calendar.hours_per_day
    return allocation.amount / calendar.days_per_week


def _group_parts(model: CapacityModel, grid: HeatmapGrid, entry: HeatmapRow, bucket: int) -> list[_Part]:
    by_team = grid.grouping is Grouping.TEAM
    parts: list[_Part] = []
    for person in model.people:
        if (person.team_id if by_team else person.role_id) == entry.key:
            parts.extend(_person_parts(model, person.id, bucket))
    if not by_team and entry.key is not None:
        parts.extend(_unfilled_parts(model, entry.key, grid.starts[bucket], grid.finishes[bucket]))
    return parts


def _projects(model: CapacityModel, parts: Iterable[_Part]) -> tuple[ProjectHours, ...]:
    """Hours by project, confirmed and tentative apart, largest total first."""
    hours: defaultdict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for part in parts:
        hours[part.allocation.project_id][int(part.allocation.tentative)] += part.hours
    names, colours = model.names.projects, model.names.project_colours
    ordered = sorted(hours.items(), key=lambda item: (-sum(item[1]), item[0]))
    return tuple(
        ProjectHours(project, names.get(project, ""), colours.get(project, ""), confirmed, tentative)
        for project, (confirmed, tentative) in ordered
    )


def _allocations(model: CapacityModel, parts: Sequence[_Part]) -> tuple[CellAllocation, ...]:
    if not parts:
        return ()
    ids = [part.allocation.id for part in parts]
    with model.workspace.reading() as connection:
        query = (
            select(Allocation.id, Task.name, Allocation.note)
            .outerjoin(Task, Task.id == Allocation.task_id)
            .where(Allocation.id.in_(ids))
        )
        extra = {row[0]: (row[1] or "", row[2] or "") for row in connection.execute(query).all()}
    return tuple(_cell_allocation(model, part, *extra.get(part.allocation.id, ("", ""))) for part in parts)


def _cell_allocation(model: CapacityModel, part: _Part, task: str, note: str) -> CellAllocation:
    allocation = part.allocation
    span_start, span_finish = model.span_of(allocation)
    return CellAllocation(
        allocation.id,
        allocation.person_id,
        allocation.role_id,
        allocation.project_id,
        model.names.projects.get(allocation.project_id, ""),
        model.names.project_codes.get(allocation.project_id, ""),
        allocation.task_id,
        task,
        allocation.start,
        allocation.finish,
        span_start,
        span_finish,
        allocation.unit,
        allocation.amount,
        allocation.tentative,
        part.hours,
        note,
    )

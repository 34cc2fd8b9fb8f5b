"""The capacity engine: one horizon's grids, built at once and kept current one row at a time.

Build it when the horizon, the calendar, people or time off change. Allocation edits and task moves update
the engine's table of allocations and recompute only the rows they touch, in place: the person rows an
allocation leaves and joins, and the placeholder rows of unfilled role demand.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np

from pmo_desktop.capacity import aggregate, details
from pmo_desktop.capacity.aggregate import IdleCapacity
from pmo_desktop.capacity.allocations import AllocationTable
from pmo_desktop.capacity.availability import Availability
from pmo_desktop.capacity.grids import CapacityGrid, CellBreakdown, HoursGrid
from pmo_desktop.capacity.horizon import Horizon
from pmo_desktop.capacity.hotspots import Hotspot, find_hotspots
from pmo_desktop.capacity.inputs import AllocationInput, PersonInput, TaskDates, TimeOffInput, WorkCalendar
from pmo_desktop.capacity.load import Contributions, contributions, split_load


@dataclass(frozen=True)
class RowsChanged:
    """Which rows an edit recomputed: people by id, placeholder (unfilled demand) rows by role id."""

    people: frozenset[int] = frozenset()
    placeholder_roles: frozenset[int] = frozenset()


class CapacityEngine:
    """Capacity, load and utilisation of `people` (rows, in the given order) over `horizon`.

    `people` is a `CapacityGrid` keyed by person id and `placeholders` an `HoursGrid` of unfilled demand
    keyed by role id. Edits rewrite rows of `people` in place; a placeholder edit for a role without a row
    yet replaces `placeholders` with a grid that has one.
    """

    def __init__(
        self,
        calendar: WorkCalendar,
        horizon: Horizon,
        people: Sequence[PersonInput],
        *,
        time_off: Sequence[TimeOffInput] = (),
        allocations: Sequence[AllocationInput] = (),
        task_dates: TaskDates | None = None,
    ) -> None:
        self._people = tuple(people)
        self._days = Availability.build(calendar, horizon, self._people, time_off)
        self._task_dates = dict(task_dates or {})
        self._table = AllocationTable.build(allocations, self._days, self._task_dates)
        self.people = self._people_grid()
        self.placeholders = self._placeholder_grid()

    @property
    def horizon(self) -> Horizon:
        return self._days.horizon

    def put_allocation(self, allocation: AllocationInput) -> RowsChanged:
        """Add an allocation, or replace the one with its id; recompute the rows it leaves and joins."""
        removed = self._take(allocation.id)
        added = AllocationTable.build([allocation], self._days, self._task_dates)
        self._table = self._table.concat(added)
        return self._refresh(removed.concat(added))

    def remove_allocation(self, allocation_id: int) -> RowsChanged:
        return self._refresh(self._take(allocation_id))

    def move_task(self, task_id: int, start: date, finish: date) -> RowsChanged:
        """Give a task new scheduled dates; the allocations tied to it follow."""
        self._task_dates[task_id] = (start, finish)
        first, stop = self.horizon.day_spans(np.array([start.toordinal()]), np.array([finish.toordinal()]))
        following = self._table.tasks == task_id
        self._table = self._table.with_span(following, int(first[0]), int(stop[0]))
        return self._refresh(self._table.select(following))

    def breakdown(self, person_id: int, bucket: int) -> CellBreakdown:
        """Capacity, load and the allocations and projects behind one person's cell."""
        row = self.people.row(person_id)
        loads = details.allocation_loads(self._table.select(self._table.rows == row), self._days, bucket)
        return CellBreakdown(
            float(self.people.capacity[row, bucket]),
            float(self.people.confirmed[row, bucket]),
            float(self.people.tentative[row, bucket]),
            loads,
            details.project_loads(loads),
        )

    def by_role(self) -> CapacityGrid[int | None]:
        """People's capacity and load by role, with the role's unfilled demand added to its load."""
        return aggregate.by_group(self.people, [person.role_id for person in self._people], self.placeholders)

    def by_team(self) -> CapacityGrid[int | None]:
        return aggregate.by_group(self.people, [person.team_id for person in self._people])

    def demand_by_project(self) -> HoursGrid[int]:
        """Hours each project asks of people and of unfilled roles."""
        return aggregate.by_project(self._table, contributions(self._table, self._days), self.horizon)

    def hotspots(self, include_tentative: bool = True, limit: int | None = None) -> list[Hotspot]:
        """Runs of over-capacity buckets per person, worst first, with the projects behind them."""

        @cache  # a person with several hotspots has their allocations split into buckets once
        def person_parts(person_id: int) -> tuple[AllocationTable, Contributions]:
            table = self._table.select(self._table.rows == self._days.rows[person_id])
            return table, contributions(table, self._days)

        def project_hours(person_id: int, first: int, stop: int) -> dict[int, float]:
            return details.project_hours(*person_parts(person_id), first, stop, include_tentative)

        return find_hotspots(self.people, project_hours, include_tentative, limit)

    def idle_by_role(self, include_tentative: bool = True) -> IdleCapacity:
        roles = [person.role_id for person in self._people]
        return aggregate.idle_by_role(self.people, roles, self.placeholders, include_tentative)

    def _take(self, allocation_id: int) -> AllocationTable:
        """Remove an allocation from the table; return what was removed (empty when it was not there)."""
        match = self._table.ids == allocation_id
        removed = self._table.select(match)
        if len(removed):
            self._table = self._table.select(~match)
        return removed

    def _people_grid(self) -> CapacityGrid[int]:
        table = self._table.select(self._table.rows != self._days.placeholder_row)
        people_days = self._days.loaded_days[: self._days.placeholder_row]
        confirmed, tentative = split_load(table, table.rows, people_days, self._days)
        return CapacityGrid(self._days.person_ids, self.horizon, confirmed, tentative, self._days.capacity)

    def _placeholder_grid(self) -> HoursGrid[int]:
        table = self._table.select(self._table.rows == self._days.placeholder_row)
        keys = tuple(sorted({int(role) for role in table.roles}))
        group = np.searchsorted(np.array(keys, dtype=np.int64), table.roles)
        working = np.broadcast_to(self._days.loaded_days[-1], (len(keys), len(self.horizon)))
        confirmed, tentative = split_load(table, group, working, self._days)
        return HoursGrid(keys, self.horizon, confirmed, tentative)

    def _refresh(self, touched: AllocationTable) -> RowsChanged:
        """Recompute the rows that the entries of `touched` belong to."""
        placeholder = touched.rows == self._days.placeholder_row
        rows = {int(row) for row in touched.rows[~placeholder]}
        roles = frozenset(int(role) for role in touched.roles[placeholder])
        for row in rows:
            self._refresh_row(row)
        if roles - set(self.placeholders.keys):
            self.placeholders = self._placeholder_grid()
        else:
            for role in roles:
                self._refresh_placeholder(role)
        return RowsChanged(frozenset(self._days.person_ids[row] for row in rows), roles)

    def _refresh_row(self, row: int) -> None:
        table = self._table.select(self._table.rows == row)
        own_row = np.zeros(len(table), dtype=np.int64)
        confirmed, tentative = split_load(table, own_row, self._days.loaded_days[row : row + 1], self._days)
        self.people.confirmed[row], self.people.tentative[row] = confirmed[0], tentative[0]

    def _refresh_placeholder(self, role: int) -> None:
        table = self._table.select((self._table.rows == self._days.placeholder_row) & (self._table.roles == role))
        own_row = np.zeros(len(table), dtype=np.int64)
        confirmed, tentative = split_load(table, own_row, self._days.loaded_days[-1:], self._days)
        row = self.placeholders.row(role)
        self.placeholders.confirmed[row], self.placeholders.tentative[row] = confirmed[0], tentative[0]

"""The capacity engine of one open workspace, read once and kept current from `Changes`.

The heatmap holds one `CapacityModel`. Opening it reads people, time off, the calendar and every
allocation and builds a `CapacityEngine` for the horizon shown. After an edit, `apply` reads back only what
the edit touched: an allocation edit re-reads those allocations and recomputes the rows of the people
involved; a task edit moves the allocations that follow the task; a change to people, time off, holidays
or the portfolio's calendar rebuilds the engine from the rows it keeps in memory plus what it re-reads.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
from sqlalchemy import Connection

from pmo_desktop.capacity import AllocationInput, CapacityEngine, Horizon, PersonInput, TimeOffInput, WorkCalendar
from pmo_desktop.capacity.availability import working_days
from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services import capacity_inputs as inputs
from pmo_desktop.services.workspace import Workspace

Floats = npt.NDArray[np.float64]

_REBUILD_KINDS = frozenset({EntityKind.PERSON, EntityKind.TIME_OFF, EntityKind.HOLIDAY, EntityKind.PORTFOLIO})
_NAME_KINDS = frozenset({EntityKind.PERSON, EntityKind.ROLE, EntityKind.TEAM, EntityKind.PROJECT})
_MANY_TASKS = 200  # above this many moved tasks one rebuild beats moving them one by one


@dataclass(frozen=True)
class Refresh:
    """What `CapacityModel.apply` recomputed: some people's rows and roles' unfilled demand, or everything.

    `names` says that labels (people, roles, teams, projects) may read differently now.
    """

    people: frozenset[int] = frozenset()
    roles: frozenset[int] = frozenset()
    everything: bool = False
    names: bool = False

    @property
    def is_empty(self) -> bool:
        return not (self.people or self.roles or self.everything or self.names)


class CapacityModel:
    """Capacity, load and names of one workspace over one horizon; plain Python, no Qt.

    Not thread-safe, like the workspace it reads.
    """

    def __init__(self, workspace: Workspace, horizon: Horizon) -> None:
        self._workspace = workspace
        self._horizon = horizon
        with workspace.reading() as connection:
            self._settings = inputs.read_settings(connection)
            self._people = inputs.read_people(connection)
            self._time_off = inputs.read_time_off(connection)
            self._read_allocations(connection)
            self._names = inputs.read_names(connection)
            self._calendar = self._read_calendar(connection)
        self._build()

    # -- what the queries read --------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    @property
    def engine(self) -> CapacityEngine:
        return self._engine

    @property
    def horizon(self) -> Horizon:
        return self._horizon

    @property
    def calendar(self) -> WorkCalendar:
        return self._calendar

    @property
    def fiscal_year_start_month(self) -> int:
        return self._settings.fiscal_year_start_month

    @property
    def people(self) -> tuple[PersonInput, ...]:
        """Everyone, in the order of the engine's rows."""
        return self._people

    @property
    def names(self) -> inputs.Names:
        return self._names

    @property
    def working_days(self) -> Floats:
        """Working days of the calendar in each bucket (what a full-time person can be away)."""
        return self._working_days

    @property
    def time_off_days(self) -> Floats:
        """Working days each person is away, per bucket (people in engine order x buckets)."""
        return self._time_off_days

    def allocation(self, allocation_id: int) -> AllocationInput | None:
        return self._allocations.get(allocation_id)

    def allocations(self) -> Iterable[AllocationInput]:
        return self._allocations.values()

    def span_of(self, allocation: AllocationInput) -> tuple[date, date]:
        """The days an allocation covers: its task's current dates when it follows a task, else its own."""
        if allocation.task_id is not None and allocation.task_id in self._task_dates:
            return self._task_dates[allocation.task_id]
        return allocation.start, allocation.finish

    # -- keeping current --------------------------------------------------------------------------------

    def set_horizon(self, horizon: Horizon) -> None:
        """Show other weeks or months: the engine is rebuilt from the rows already in memory."""
        if horizon == self._horizon:
            return
        years_before = _years(self._horizon)
        self._horizon = horizon
        outside = horizon.first_day < self._window[0] or horizon.last_day > self._window[1]
        if outside or _years(horizon) != years_before:
            with self._workspace.reading() as connection:
                if outside:
                    self._read_allocations(connection)
                self._calendar = self._read_calendar(connection)
        self._build()

    def apply(self, changes: Changes) -> Refresh:
        """Bring the engine up to date with what an operation (or its undo) changed."""
        names = bool(changes.kinds & _NAME_KINDS)
        if names:
            with self._workspace.reading() as connection:
                self._names = inputs.read_names(connection)
        if changes.kinds & _REBUILD_KINDS:
            self._reload_people()
            return Refresh(everything=True, names=names)
        refresh = Refresh(names=names)
        if changes.touches(EntityKind.TASK):
            refresh = _merge(refresh, self._move_tasks(changes.ids(EntityKind.TASK)))
        if changes.touches(EntityKind.ALLOCATION):
            refresh = _merge(refresh, self._put_allocations(changes.ids(EntityKind.ALLOCATION)))
        return refresh

    def _build(self) -> None:
        self._engine = CapacityEngine(
            self._calendar,
            self._horizon,
            self._people,
            time_off=self._time_off,
            allocations=list(self._allocations.values()),
            task_dates=self._task_dates,
        )
        working = working_days(self._calendar, self._horizon)
        self._working_days: Floats = self._horizon.bucket_sums(working[None, :].astype(np.float64))[0]
        self._time_off_days = _time_off_days(self._horizon, working, self._people, self._time_off)

    def _read_allocations(self, connection: Connection) -> None:
        """Allocations that can load the horizon, and the dates of the tasks some of them follow."""
        self._window = (self._horizon.first_day, self._horizon.last_day)
        found = inputs.read_allocations(connection, self._window)
        self._allocations = {allocation.id: allocation for allocation in found}
        tasks = {allocation.task_id for allocation in found if allocation.task_id is not None}
        self._task_dates = inputs.read_task_dates(connection, tasks)

    def _read_calendar(self, connection: Connection) -> WorkCalendar:
        holidays = inputs.holiday_days(connection, self._settings, _years(self._horizon))
        return inputs.calendar(self._settings, holidays)

    def _reload_people(self) -> None:
        with self._workspace.reading() as connection:
            self._settings = inputs.read_settings(connection)
            self._people = inputs.read_people(connection)
            self._time_off = inputs.read_time_off(connection)
            # Deleting a person deletes their allocations: re-read them all rather than trust the cache.
            self._read_allocations(connection)
            self._calendar = self._read_calendar(connection)
        self._build()

    def _put_allocations(self, ids: Iterable[int]) -> Refresh:
        wanted = sorted(ids)
        with self._workspace.reading() as connection:
            found = {allocation.id: allocation for allocation in inputs.read_allocations_by_id(connection, wanted)}
            new_tasks = {a.task_id for a in found.values() if a.task_id is not None} - set(self._task_dates)
            task_dates = inputs.read_task_dates(connection, new_tasks) if new_tasks else {}
        for task_id, (start, finish) in task_dates.items():
            self._task_dates[task_id] = (start, finish)
            self._engine.move_task(task_id, start, finish)
        people: set[int] = set()
        roles: set[int] = set()
        for allocation_id in wanted:
            allocation = found.get(allocation_id)
            if allocation is None:
                self._allocations.pop(allocation_id, None)
                changed = self._engine.remove_allocation(allocation_id)
            else:
                self._allocations[allocation_id] = allocation
                changed = self._engine.put_allocation(allocation)
            people |= changed.people
            roles |= changed.placeholder_roles
        return Refresh(frozenset(people), frozenset(roles))

    def _move_tasks(self, task_ids: Iterable[int]) -> Refresh:
        followed = [task_id for task_id in task_ids if task_id in self._task_dates]
        if not followed:
            return Refresh()
        with self._workspace.reading() as connection:
            dates = inputs.read_task_dates(connection, followed)
        moved = {task: span for task, span in dates.items() if span != self._task_dates[task]}
        if len(moved) > _MANY_TASKS:
            self._task_dates.update(moved)
            self._build()
            return Refresh(everything=True)
        people: set[int] = set()
        roles: set[int] = set()
        for task_id, (start, finish) in moved.items():
            self._task_dates[task_id] = (start, finish)
            changed = self._engine.move_task(task_id, start, finish)
            people |= changed.people
            roles |= changed.placeholder_roles
        return Refresh(frozenset(people), frozenset(roles))


def _merge(first: Refresh, second: Refresh) -> Refresh:
    return Refresh(
        first.people | second.people,
        first.roles | second.roles,
        first.everything or second.everything,
        first.names or second.names,
    )


def _years(horizon: Horizon) -> range:
    return range(horizon.first_day.year, horizon.last_day.year + 1)


def _time_off_days(
    horizon: Horizon,
    working: npt.NDArray[np.bool_],
    people: tuple[PersonInput, ...],
    time_off: tuple[TimeOffInput, ...],
) -> Floats:
    """Working days of time off per person and bucket (overlapping entries count once)."""
    rows: Mapping[int, int] = {person.id: row for row, person in enumerate(people)}
    mine = [entry for entry in time_off if entry.person_id in rows]
    first, stop = horizon.day_spans(
        np.array([entry.start.toordinal() for entry in mine], dtype=np.int64),
        np.array([entry.finish.toordinal() for entry in mine], dtype=np.int64),
    )
    owners = np.array([rows[entry.person_id] for entry in mine], dtype=np.int64)
    steps = np.zeros((len(people), horizon.day_count + 1))
    np.add.at(steps, (owners, first), 1.0)
    np.add.at(steps, (owners, stop), -1.0)
    away = np.cumsum(steps[:, :-1], axis=1) > 0.5
    return horizon.bucket_sums((away & working).astype(np.float64))

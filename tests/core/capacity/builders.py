"""Terse constructors for hand-built capacity cases: a Monday-to-Friday calendar from Monday 5 January 2026."""

from collections.abc import Sequence
from datetime import date, timedelta

from pmo_desktop.capacity import (
    AllocationInput,
    CapacityEngine,
    Horizon,
    PersonInput,
    TaskDates,
    TimeOffInput,
    WorkCalendar,
)
from pmo_desktop.domain.enums import AllocationUnit

MONDAY = date(2026, 1, 5)
HOURS = AllocationUnit.HOURS_PER_WEEK
PERCENT = AllocationUnit.PERCENT


def day(week: int, weekday: int = 0) -> date:
    """A day of the horizon: `weekday` 0 = Monday of week `week` (0 = the first week)."""
    return MONDAY + timedelta(weeks=week, days=weekday)


def person(
    person_id: int = 1,
    hours: float = 40.0,
    *,
    role: int | None = 10,
    team: int | None = 20,
    start: date | None = None,
    end: date | None = None,
    active: bool = True,
) -> PersonInput:
    return PersonInput(person_id, f"Person {person_id}", role, team, hours, start, end, active)


def allocation(
    allocation_id: int,
    person_id: int | None,
    start: date,
    finish: date,
    amount: float,
    *,
    unit: AllocationUnit = HOURS,
    project: int = 100,
    role: int | None = None,
    task: int | None = None,
    tentative: bool = False,
) -> AllocationInput:
    return AllocationInput(allocation_id, person_id, role, project, task, start, finish, unit, amount, tentative)


def engine(
    people: Sequence[PersonInput],
    allocations: Sequence[AllocationInput] = (),
    *,
    time_off: Sequence[TimeOffInput] = (),
    weeks: int = 4,
    holidays: Sequence[date] = (),
    task_dates: TaskDates | None = None,
) -> CapacityEngine:
    calendar = WorkCalendar(holidays=frozenset(holidays))
    horizon = Horizon.weeks(MONDAY, weeks)
    return CapacityEngine(calendar, horizon, people, time_off=time_off, allocations=allocations, task_dates=task_dates)

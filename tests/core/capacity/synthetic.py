"""A seeded synthetic portfolio for the capacity engine: any number of people, time off and allocations."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.capacity import AllocationInput, Horizon, PersonInput, TimeOffInput, WorkCalendar
from pmo_desktop.domain.enums import AllocationUnit

START = date(2025, 1, 6)


@dataclass(frozen=True)
class Portfolio:
    calendar: WorkCalendar
    horizon: Horizon
    people: list[PersonInput]
    time_off: list[TimeOffInput]
    allocations: list[AllocationInput]
    task_dates: dict[int, tuple[date, date]]


def _span(rng: random.Random, days: int, longest: int) -> tuple[date, date]:
    start = START + timedelta(days=rng.randrange(-30, days))
    return start, start + timedelta(days=rng.randrange(0, longest))


def _person(rng: random.Random, person_id: int, days: int) -> PersonInput:
    joined = START + timedelta(days=rng.randrange(-400, days)) if rng.random() < 0.2 else None
    left = START + timedelta(days=rng.randrange(0, days + 60)) if rng.random() < 0.1 else None
    if joined and left and left < joined:
        joined, left = left, joined
    role, team = rng.randrange(1, 21), rng.choice([None, *range(1, 26)])
    hours = rng.choice([40.0, 37.5, 32.0, 24.0, 20.0])
    return PersonInput(
        person_id, f"Person {person_id}", role, team, hours, joined, left, left is None or rng.random() < 0.5
    )


def _allocation(rng: random.Random, allocation_id: int, people: int, days: int) -> AllocationInput:
    start, finish = _span(rng, days, 120)
    percent = rng.random() < 0.2
    return AllocationInput(
        allocation_id,
        None if rng.random() < 0.1 else rng.randrange(1, people + 1),
        rng.randrange(1, 21),
        rng.randrange(1, 201),
        rng.randrange(1, 2001) if rng.random() < 0.3 else None,
        start,
        finish,
        AllocationUnit.PERCENT if percent else AllocationUnit.HOURS_PER_WEEK,
        rng.choice([10.0, 20.0, 25.0, 50.0, 100.0]) if percent else rng.choice([2.0, 4.0, 6.0, 8.0, 10.0]),
        rng.random() < 0.15,
    )


def portfolio(people: int = 500, weeks: int = 156, allocations: int = 50_000, seed: int = 7) -> Portfolio:
    """People with mixed hours, joiners and leavers; ~8 absences each; allocations of 1 day to 4 months."""
    rng = random.Random(seed)
    days = weeks * 7
    holidays = frozenset(START + timedelta(days=rng.randrange(days)) for _ in range(weeks // 5))
    time_off = [TimeOffInput(person, *_span(rng, days, 10)) for person in range(1, people + 1) for _ in range(8)]
    return Portfolio(
        WorkCalendar(holidays=holidays),
        Horizon.weeks(START, weeks),
        [_person(rng, person, days) for person in range(1, people + 1)],
        time_off,
        [_allocation(rng, allocation, people, days) for allocation in range(1, allocations + 1)],
        {task: _span(rng, days, 90) for task in range(1, 2001)},
    )

"""Who is over capacity in one month, for the portfolio KPIs: the capacity engine over a one-month horizon,
fed by the capacity service's loaders (`capacity_inputs`), so the KPI and the heatmap read people, time off,
holidays and allocations the same way.

Tentative allocations count (as the engine's hotspots count them): a tentative booking is still a claim
on someone's time that the PMO must see.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection

from pmo_desktop.capacity import CapacityEngine, Horizon
from pmo_desktop.services import capacity_inputs as inputs

_OVER = 1.0 + 1e-9  # the engine's own tolerance: a week loaded to exactly 100 % is full, not over


@dataclass(frozen=True)
class PersonOverload:
    """Someone whose load in the month exceeds their capacity; `utilisation` is a ratio (1.3 = 130 %),
    infinite when they have work but no capacity (on leave all month, or gone)."""

    person_id: int
    name: str
    capacity_hours: float
    load_hours: float
    utilisation: float


def people_over_capacity(connection: Connection, as_of: date) -> list[PersonOverload]:
    """People over 100 % in the calendar month holding `as_of`, most overloaded first (then by name)."""
    horizon = Horizon.months(as_of, 1)
    first, last = horizon.first_day, horizon.last_day
    settings = inputs.read_settings(connection)
    people = inputs.read_people(connection)
    allocations = inputs.read_allocations(connection, (first, last))
    engine = CapacityEngine(
        inputs.calendar(settings, inputs.holiday_days(connection, settings, range(first.year, last.year + 1))),
        horizon,
        people,
        time_off=inputs.read_time_off(connection),
        allocations=allocations,
        task_dates=inputs.read_task_dates(connection, (a.task_id for a in allocations if a.task_id is not None)),
    )
    grid = engine.people
    ratios = grid.utilisation()[:, 0]
    load = grid.load()[:, 0]
    names = {person.id: person.name for person in people}
    overloads = [
        PersonOverload(int(key), names[int(key)], float(grid.capacity[row, 0]), float(load[row]), float(ratios[row]))
        for row, key in enumerate(grid.keys)
        if ratios[row] > _OVER
    ]
    return sorted(overloads, key=lambda overload: (-overload.utilisation, overload.name))

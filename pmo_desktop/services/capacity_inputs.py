"""Rows of the portfolio file turned into the capacity engine's inputs, and the names the heatmap shows.

Bulk reads go through SQLAlchemy Core and fetch plain tuples. Dates and enum values are read as the text
the file stores (`type_coerce(..., String)`) and parsed here: the per-row result processors of the `Date`
and `Enum` types cost more than the rest of a 50,000-allocation read together.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import holidays as public_holidays
from sqlalchemy import Connection, String, or_, select, type_coerce

from pmo_desktop.capacity import AllocationInput, PersonInput, TimeOffInput, WorkCalendar
from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, TimeOffKind
from pmo_desktop.storage.models import Allocation, Holiday, Person, Portfolio, Project, Role, Task, Team, TimeOff

_CHUNK = 500
_UNITS = {unit.value: unit for unit in AllocationUnit}
_TENTATIVE = AllocationStatus.TENTATIVE.value


@dataclass(frozen=True)
class Settings:
    """What the portfolio row says about the working calendar."""

    working_days: int
    hours_per_day: float
    holiday_country: str | None
    holiday_subdivision: str | None
    fiscal_year_start_month: int


@dataclass(frozen=True)
class Names:
    """Labels of the records the heatmap and its panels name, by id."""

    people: Mapping[int, str]
    roles: Mapping[int, str]
    teams: Mapping[int, str]
    projects: Mapping[int, str]
    project_codes: Mapping[int, str]
    project_colours: Mapping[int, str]


def _text(column: Any) -> Any:
    """A column read as the raw text the file stores, skipping the type's per-row processing."""
    return type_coerce(column, String)


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def read_settings(connection: Connection) -> Settings:
    row = connection.execute(
        select(
            Portfolio.working_days,
            Portfolio.hours_per_day,
            Portfolio.holiday_country,
            Portfolio.holiday_subdivision,
            Portfolio.fiscal_year_start_month,
        ).limit(1)
    ).first()
    if row is None:
        return Settings(0b0011111, 8.0, None, None, 1)
    return Settings(int(row[0]), float(row[1]), row[2], row[3], int(row[4]))


def holiday_days(connection: Connection, settings: Settings, years: Iterable[int]) -> frozenset[date]:
    """The country's public holidays in `years` (when the portfolio names a country) and hand-entered ones."""
    days = {date.fromisoformat(text) for (text,) in connection.execute(select(_text(Holiday.day))).all()}
    if settings.holiday_country:
        days |= set(_country_holidays(settings.holiday_country, settings.holiday_subdivision, tuple(years)))
    return frozenset(days)


def _country_holidays(country: str, subdivision: str | None, years: tuple[int, ...]) -> Iterable[date]:
    """Public holidays of a country; a code the `holidays` package does not know gives none, not an error."""
    try:
        return public_holidays.country_holidays(country, subdiv=subdivision, years=years).keys()
    except NotImplementedError:
        return ()


def calendar(settings: Settings, holidays: frozenset[date]) -> WorkCalendar:
    return WorkCalendar(settings.working_days or 0b0011111, holidays, settings.hours_per_day)


def read_people(connection: Connection) -> tuple[PersonInput, ...]:
    rows = connection.execute(
        select(
            Person.id,
            Person.name,
            Person.role_id,
            Person.team_id,
            Person.hours_per_week,
            _text(Person.employment_start),
            _text(Person.employment_end),
            Person.active,
        ).order_by(Person.id)
    ).all()
    return tuple(
        PersonInput(row[0], row[1], row[2], row[3], float(row[4]), _day(row[5]), _day(row[6]), bool(row[7]))
        for row in rows
    )


def read_time_off(connection: Connection) -> tuple[TimeOffInput, ...]:
    rows = connection.execute(
        select(TimeOff.person_id, _text(TimeOff.start), _text(TimeOff.finish), _text(TimeOff.kind))
    ).all()
    fromiso = date.fromisoformat
    return tuple(TimeOffInput(row[0], fromiso(row[1]), fromiso(row[2]), TimeOffKind(row[3])) for row in rows)


_ALLOCATION_COLUMNS = (
    Allocation.id,
    Allocation.person_id,
    Allocation.role_id,
    Allocation.project_id,
    Allocation.task_id,
    _text(Allocation.start),
    _text(Allocation.finish),
    _text(Allocation.unit),
    Allocation.amount,
    _text(Allocation.status),
)


def _allocation_inputs(rows: Sequence[Any]) -> list[AllocationInput]:
    fromiso, units = date.fromisoformat, _UNITS
    return [
        AllocationInput(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            fromiso(row[5]),
            fromiso(row[6]),
            units[row[7]],
            row[8],
            row[9] == _TENTATIVE,
        )
        for row in rows
    ]


def read_allocations(connection: Connection, within: tuple[date, date]) -> list[AllocationInput]:
    """The allocations that can load a day from `within[0]` to `within[1]`: those whose own dates overlap
    it, and every allocation that follows a task (its task's dates decide, and a task can move)."""
    first, last = within
    query = select(*_ALLOCATION_COLUMNS).where(
        or_(Allocation.task_id.is_not(None), (Allocation.finish >= first) & (Allocation.start <= last))
    )
    return _allocation_inputs(connection.execute(query).all())


def read_allocations_by_id(connection: Connection, ids: Sequence[int]) -> list[AllocationInput]:
    """The allocations of `ids` that exist (a deleted one is simply absent)."""
    found: list[AllocationInput] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        query = select(*_ALLOCATION_COLUMNS).where(Allocation.id.in_(chunk))
        found.extend(_allocation_inputs(connection.execute(query).all()))
    return found


def read_task_dates(connection: Connection, task_ids: Iterable[int]) -> dict[int, tuple[date, date]]:
    """Current (start, finish) of the given tasks."""
    wanted = sorted(set(task_ids))
    dates: dict[int, tuple[date, date]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = select(Task.id, _text(Task.start), _text(Task.finish)).where(Task.id.in_(chunk))
        for task_id, first, last in connection.execute(query).all():
            dates[task_id] = (date.fromisoformat(first), date.fromisoformat(last))
    return dates


def read_names(connection: Connection) -> Names:
    people = dict(connection.execute(select(Person.id, Person.name)).all())
    roles = dict(connection.execute(select(Role.id, Role.name)).all())
    teams = dict(connection.execute(select(Team.id, Team.name)).all())
    projects: dict[int, str] = {}
    codes: dict[int, str] = {}
    colours: dict[int, str] = {}
    for project_id, code, name, colour in connection.execute(
        select(Project.id, Project.code, Project.name, Project.colour)
    ).all():
        projects[project_id] = f"{code} {name}".strip()
        codes[project_id] = code
        colours[project_id] = colour
    return Names(people, roles, teams, projects, codes, colours)

"""Time off of the realistic demo: leave, training and sickness, a few blocks a year for everyone.

Leave is booked up to six months ahead, training is scheduled a few months ahead, and sickness only
appears in the past, as it would in a real absence system.
"""

import random
from datetime import date, timedelta

from pmo_desktop.demo.names import PEOPLE, PersonSpec
from pmo_desktop.demo.phases import DATA, DEV, SA
from pmo_desktop.demo.rows import RowWriter
from pmo_desktop.demo.workdays import day_of, index_of, next_workday
from pmo_desktop.domain.enums import EntityKind, TimeOffKind

_HISTORY = 270
_BOOKED_AHEAD = 180
_COURSES = {
    SA: ("Azure Solutions Architect Expert course", "TOGAF Foundation"),
    DEV: ("Kubernetes for developers", "Secure coding workshop"),
    DATA: ("Databricks data engineering course", "dbt fundamentals"),
}
_GENERAL_COURSES = ("Agile Project Management Practitioner", "Mental Health First Aid", "Leading change workshop")


def write_time_off(writer: RowWriter, rng: random.Random, as_of: date, people: dict[str, int]) -> None:
    for spec in PEOPLE:
        for start, finish, kind, note in _blocks(spec, rng, as_of):
            writer.add(
                EntityKind.TIME_OFF,
                {"person_id": people[spec.name], "start": start, "finish": finish, "kind": kind.value, "note": note},
                on=min(start, as_of) - timedelta(days=14),
            )


def _blocks(spec: PersonSpec, rng: random.Random, as_of: date) -> list[tuple[date, date, TimeOffKind, str]]:
    """Non-overlapping absences from nine months ago to six ahead, inside the person's employment."""
    first = as_of - timedelta(days=_HISTORY)
    last = as_of + timedelta(days=_BOOKED_AHEAD)
    if spec.joined is not None:
        first = max(first, as_of + timedelta(days=spec.joined))
    if spec.left is not None:
        last = min(last, as_of + timedelta(days=spec.left))
    blocks: list[tuple[date, date, TimeOffKind, str]] = []
    cursor = first + timedelta(days=rng.randint(10, 50))
    while True:
        # Sickness is only ever recorded after the fact; a week's margin keeps the whole block in the past.
        kind = _kind(rng, cursor < as_of - timedelta(days=7))
        days = rng.choice((1, 2, 3, 5, 5, 10)) if kind is TimeOffKind.LEAVE else rng.randint(1, 3)
        start = next_workday(cursor)
        finish = day_of(index_of(start) + days - 1)
        if finish > last:
            return blocks
        blocks.append((start, finish, kind, _note(spec, rng, kind, days)))
        cursor = finish + timedelta(days=rng.randint(25, 70))


def _kind(rng: random.Random, past: bool) -> TimeOffKind:
    roll = rng.random()
    if past and roll < 0.15:
        return TimeOffKind.SICKNESS
    return TimeOffKind.TRAINING if roll > 0.82 else TimeOffKind.LEAVE


def _note(spec: PersonSpec, rng: random.Random, kind: TimeOffKind, days: int) -> str:
    if kind is TimeOffKind.TRAINING:
        courses = _COURSES.get(spec.role or "", _GENERAL_COURSES)
        return rng.choice(courses)
    if kind is TimeOffKind.SICKNESS:
        return ""
    return "Family holiday" if days >= 10 else "Annual leave"

"""Who can work when: per person and per day of the horizon, the days their allocations load and their capacity.

A person's weekly hours are spread evenly over the working days of a normal week, so each working day is
worth hours_per_week / days_per_week. Public holidays and time off remove days; employment dates (and
leaving, for an inactive person) bound the days that count as capacity.

Allocations load a person's working days that are neither holidays nor time off, whether or not they are
employed that day: work planned before someone joins or after they leave has no capacity to go into and
shows as over, which is what a planner needs to see. Placeholders (unfilled role demand) load every working
day of the calendar; they get the extra last row of `loaded_cum` and `loaded_days`.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from pmo_desktop.capacity.horizon import Horizon
from pmo_desktop.capacity.inputs import PersonInput, TimeOffInput, WorkCalendar

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

_NEVER = date.min.toordinal()
_FOREVER = date.max.toordinal()
_NOT_EMPLOYED = _NEVER - 1  # employment "ending" before the first date: no day at all


@dataclass(frozen=True, eq=False)
class Availability:
    """Loaded days and capacity of the people of one horizon, one row each in the order they were given.

    `loaded_cum[row, d]` counts the loaded days before day index d; `loaded_days` counts them per bucket.
    """

    horizon: Horizon
    calendar: WorkCalendar
    person_ids: tuple[int, ...]
    rows: Mapping[int, int]
    daily_hours: Floats
    loaded_cum: npt.NDArray[np.int32]
    loaded_days: Floats
    capacity: Floats

    @property
    def placeholder_row(self) -> int:
        """The row of `loaded_cum` and `loaded_days` that unfilled role demand uses: the plain working days."""
        return len(self.person_ids)

    @classmethod
    def build(
        cls,
        calendar: WorkCalendar,
        horizon: Horizon,
        people: Sequence[PersonInput],
        time_off: Sequence[TimeOffInput],
    ) -> "Availability":
        rows = {person.id: row for row, person in enumerate(people)}
        working = working_days(calendar, horizon)
        present = working & ~_away(rows, time_off, horizon)
        loaded = np.vstack((present, working))
        daily_hours = np.array([person.hours_per_week for person in people], dtype=np.float64)
        daily_hours /= calendar.days_per_week
        daily_capacity = daily_hours[:, None] * (present & _employed(people, horizon))
        loaded_cum = np.zeros((len(loaded), horizon.day_count + 1), dtype=np.int32)
        np.cumsum(loaded, axis=1, out=loaded_cum[:, 1:])
        loaded_days = np.diff(loaded_cum[:, horizon.edges], axis=1).astype(np.float64)
        capacity = horizon.bucket_sums(daily_capacity)
        return cls(horizon, calendar, tuple(rows), rows, daily_hours, loaded_cum, loaded_days, capacity)


def working_days(calendar: WorkCalendar, horizon: Horizon) -> Bools:
    """True for each day of the horizon that is a working weekday and not a holiday."""
    ordinals = horizon.first_day.toordinal() + np.arange(horizon.day_count)
    weekdays = (ordinals - 1) % 7  # ordinal 1 (0001-01-01) is a Monday, matching bit 0 of the mask
    working: Bools = ((calendar.working_days >> weekdays) & 1) == 1
    holidays = [day.toordinal() for day in calendar.holidays if horizon.first_day <= day < horizon.end]
    working[np.array(holidays, dtype=np.int64) - ordinals[0]] = False
    return working


def _away(rows: Mapping[int, int], time_off: Sequence[TimeOffInput], horizon: Horizon) -> Bools:
    """People x days: True on days of time off (overlapping entries simply overlap)."""
    mine = [entry for entry in time_off if entry.person_id in rows]
    first, stop = horizon.day_spans(
        np.array([entry.start.toordinal() for entry in mine], dtype=np.int64),
        np.array([entry.finish.toordinal() for entry in mine], dtype=np.int64),
    )
    owners = np.array([rows[entry.person_id] for entry in mine], dtype=np.int64)
    width = horizon.day_count + 1
    starts_minus_stops = np.bincount(
        np.concatenate((owners * width + first, owners * width + stop)),
        np.concatenate((np.ones(len(mine)), -np.ones(len(mine)))),
        minlength=len(rows) * width,
    ).reshape(len(rows), width)
    return np.cumsum(starts_minus_stops[:, :-1], axis=1) > 0


def _employed(people: Sequence[PersonInput], horizon: Horizon) -> Bools:
    """People x days: True on days within employment; an inactive person without an end date has none."""
    starts = [_NEVER if person.employment_start is None else person.employment_start.toordinal() for person in people]
    finishes = [_last_employed(person) for person in people]
    first, stop = horizon.day_spans(np.array(starts, dtype=np.int64), np.array(finishes, dtype=np.int64))
    days = np.arange(horizon.day_count)
    return (days >= first[:, None]) & (days < stop[:, None])


def _last_employed(person: PersonInput) -> int:
    if person.employment_end is not None:
        return person.employment_end.toordinal()
    return _FOREVER if person.active else _NOT_EMPLOYED

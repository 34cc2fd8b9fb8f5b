"""Allocations as columns of numbers, ready for vectorised load sums and cheap edits.

Each allocation becomes a range of day indexes [first, stop) cut to the horizon (empty when it lies
outside, kept so that a task move can bring it in), a row of `Availability.loaded_cum` (its person, or
the placeholder row for unfilled role demand) and a rate: the hours it puts on every loaded day of that range.
Hours per week are spread over the working days of a normal week; a percentage takes that share of the
person's daily hours (of the calendar's day for a placeholder).

Time off therefore lowers both kinds alike: neither loads a day the person is away, just as a holiday
carries no load. A week of leave reads as free, not as over; the planner sees the capacity drop instead.

Allocations of people the caller left out and placeholders without a role are dropped.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from itertools import repeat
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from pmo_desktop.capacity.availability import Availability
from pmo_desktop.capacity.inputs import AllocationInput, TaskDates
from pmo_desktop.domain.enums import AllocationUnit

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

NONE = -1  # stands for a missing role or task id, and for a person the caller left out


@dataclass(frozen=True, eq=False)
class AllocationTable:
    """Parallel columns, one entry per allocation."""

    ids: Ints
    rows: Ints
    roles: Ints
    projects: Ints
    tasks: Ints
    first: Ints
    stop: Ints
    rates: Floats
    tentative: Bools

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def build(
        cls, allocations: Sequence[AllocationInput], availability: Availability, task_dates: TaskDates
    ) -> "AllocationTable":
        def column(name: str, dtype: type[np.generic]) -> npt.NDArray[Any]:
            return np.fromiter(map(attrgetter(name), allocations), dtype, len(allocations))

        rows = _rows(allocations, availability)
        roles, tasks = _placeholder_roles(allocations, rows == availability.placeholder_row), _tasks(allocations)
        first, stop = availability.horizon.day_spans(*_spans(allocations, tasks, task_dates))
        percent = column("unit", np.object_) == AllocationUnit.PERCENT
        rates = _rates(column("amount", np.float64), percent, rows, availability)
        ids, projects = column("id", np.int64), column("project_id", np.int64)
        table = cls(ids, rows, roles, projects, tasks, first, stop, rates, column("tentative", np.bool_))
        return table.select((rows != NONE) & ((rows != availability.placeholder_row) | (roles != NONE)))

    def select(self, mask: Bools) -> "AllocationTable":
        """The entries where `mask` is True."""
        return AllocationTable(*(getattr(self, column.name)[mask] for column in fields(self)))

    def concat(self, other: "AllocationTable") -> "AllocationTable":
        return AllocationTable(
            *(np.concatenate((getattr(self, column.name), getattr(other, column.name))) for column in fields(self))
        )

    def with_span(self, mask: Bools, first: int, stop: int) -> "AllocationTable":
        """The same table with the day range of the entries where `mask` is True set to [first, stop)."""
        columns = {column.name: getattr(self, column.name) for column in fields(self)}
        columns["first"] = np.where(mask, first, self.first)
        columns["stop"] = np.where(mask, stop, self.stop)
        return AllocationTable(**columns)


def _rows(allocations: Sequence[AllocationInput], availability: Availability) -> Ints:
    lookup: dict[int | None, int] = dict(availability.rows.items())
    lookup[None] = availability.placeholder_row
    owners = map(lookup.get, map(attrgetter("person_id"), allocations), repeat(NONE))
    return np.fromiter(owners, np.int64, len(allocations))


def _tasks(allocations: Sequence[AllocationInput]) -> Ints:
    tasks: Iterable[int | None] = map(attrgetter("task_id"), allocations)
    return np.fromiter((NONE if task is None else task for task in tasks), np.int64, len(allocations))


def _placeholder_roles(allocations: Sequence[AllocationInput], placeholder: Bools) -> Ints:
    """The role of each placeholder (NONE for people): only placeholders are read, they are few."""
    roles = np.full(len(allocations), NONE, dtype=np.int64)
    positions = np.flatnonzero(placeholder)
    found = (allocations[position].role_id for position in positions.tolist())
    roles[positions] = np.fromiter((NONE if role is None else role for role in found), np.int64, len(positions))
    return roles


def _ordinals(days: Iterable[date], count: int) -> Ints:
    return np.fromiter(map(date.toordinal, days), np.int64, count)


def _spans(allocations: Sequence[AllocationInput], tasks: Ints, task_dates: TaskDates) -> tuple[Ints, Ints]:
    """Start and finish ordinals; an allocation tied to a task with known dates takes the task's dates."""
    starts = _ordinals(map(attrgetter("start"), allocations), len(allocations))
    finishes = _ordinals(map(attrgetter("finish"), allocations), len(allocations))
    # Only the tasks these allocations follow are looked up: one edit must not pay for every task's dates.
    referenced = np.unique(tasks[tasks != NONE]).tolist()
    known = [(task, task_dates[task]) for task in referenced if task in task_dates]
    if not known:
        return starts, finishes
    keys = np.array([task for task, _ in known], dtype=np.int64)
    position = np.minimum(np.searchsorted(keys, tasks), len(keys) - 1)
    follows = keys[position] == tasks
    task_starts = _ordinals((span[0] for _, span in known), len(known))
    task_finishes = _ordinals((span[1] for _, span in known), len(known))
    return np.where(follows, task_starts[position], starts), np.where(follows, task_finishes[position], finishes)


def _rates(amounts: Floats, percent: Bools, rows: Ints, availability: Availability) -> Floats:
    """Hours per loaded day of each allocation."""
    calendar = availability.calendar
    full_day = np.append(availability.daily_hours, calendar.hours_per_day)[rows]
    return np.where(percent, amounts / 100.0 * full_day, amounts / calendar.days_per_week)

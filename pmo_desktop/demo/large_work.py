"""People's time in the large benchmark portfolio: time off and about 50,000 allocations.

Each person works in three lanes side by side; each lane is a run of allocations of a few weeks to a
project running at the time, so a typical week holds two or three allocations and loads hover around a full
week. One allocation in five follows a task (and takes its dates); one in twenty-five is an unfilled role.
"""

import random
from collections.abc import Mapping
from datetime import date, timedelta

from pmo_desktop.demo.large_plan import HALF_SPAN, LargePlan
from pmo_desktop.demo.rows import RowWriter
from pmo_desktop.demo.workdays import day_of, index_of
from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, EntityKind, TaskKind, TimeOffKind

LANES = 3
_BUCKET = 20  # working days per bucket of the "which projects are running" index
_PERCENTS = (10.0, 20.0, 25.0, 30.0, 40.0, 50.0)
_HOURS = (4.0, 8.0, 12.0, 16.0, 20.0)


def write_time_off(writer: RowWriter, rng: random.Random, as_of: date, people: int) -> None:
    """A block of one to ten working days every two to six months, for everyone."""
    first, last = index_of(as_of - timedelta(days=HALF_SPAN)), index_of(as_of + timedelta(days=HALF_SPAN))
    kinds = (TimeOffKind.LEAVE, TimeOffKind.LEAVE, TimeOffKind.LEAVE, TimeOffKind.TRAINING, TimeOffKind.SICKNESS)
    for person in range(1, people + 1):
        cursor = first + rng.randint(0, 60)
        while cursor < last:
            length = rng.randint(1, 10)
            writer.add(
                EntityKind.TIME_OFF,
                {
                    "person_id": person,
                    "start": day_of(cursor),
                    "finish": day_of(cursor + length - 1),
                    "kind": rng.choice(kinds).value,
                    "note": "",
                },
            )
            cursor += length + rng.randint(40, 120)


def write_allocations(
    writer: RowWriter,
    rng: random.Random,
    plan: LargePlan,
    as_of: date,
    *,
    people: int,
    roles: int,
    leavers: Mapping[int, date],
) -> None:
    """Allocations for every person; people who left (`leavers`: id -> last day) get none after leaving."""
    lanes = _Lanes(writer, rng, plan, as_of, roles)
    for person in range(1, people + 1):
        last_day = leavers.get(person)
        for _ in range(LANES):
            # index_of rounds a weekend up to Monday; the last working day is the one before the next day's index.
            lanes.fill(person, None if last_day is None else index_of(last_day + timedelta(days=1)) - 1)


class _Lanes:
    """Fills one lane of a person's time at a time, from three years' worth of running projects."""

    def __init__(self, writer: RowWriter, rng: random.Random, plan: LargePlan, as_of: date, roles: int) -> None:
        self._writer = writer
        self._rng = rng
        self._roles = roles
        self._first = index_of(as_of - timedelta(days=HALF_SPAN))
        self._last = index_of(as_of + timedelta(days=HALF_SPAN))
        self._horizon = index_of(as_of) + 60
        self._spans = [(leaves[0].span.start, max(leaf.span.finish for leaf in leaves)) for leaves in plan.leaves]
        self._work = [[leaf for leaf in leaves if leaf.kind is TaskKind.TASK] for leaves in plan.leaves]
        # For each bucket of working days, the projects running on its first day.
        self._running = [
            [number for number, (begin, end) in enumerate(self._spans) if begin <= start <= end]
            for start in range(self._first, self._last + _BUCKET, _BUCKET)
        ]

    def fill(self, person: int, leaves_after: int | None) -> None:
        cursor = self._first + self._rng.randint(0, 15)
        last = self._last if leaves_after is None else min(self._last, leaves_after)
        while cursor < last:
            length = self._rng.randint(11, 33)
            candidates = self._running[(cursor - self._first) // _BUCKET]
            if candidates:
                project = self._rng.choice(candidates)
                begin, end = self._spans[project]
                start, finish = max(begin, cursor), min(end, cursor + length - 1, last)
                if start <= finish:
                    self._allocate(person, project, start, finish)
            cursor += length

    def _allocate(self, person: int, project: int, start: int, finish: int) -> None:
        """One allocation to `project` from `start` to `finish` (working-day indices), or over one of its tasks."""
        rng = self._rng
        task = rng.choice(self._work[project]) if rng.random() < 0.2 else None
        if task is not None and task.span.finish > finish:
            task = None  # following this task would run past the end of the slot (or the person's last day)
        if task is not None:
            start, finish = task.span.start, task.span.finish
        placeholder = rng.random() < 0.04
        percent = rng.random() < 0.6
        tentative = start > self._horizon and rng.random() < 0.5
        self._writer.add(
            EntityKind.ALLOCATION,
            {
                "person_id": None if placeholder else person,
                "role_id": rng.randint(1, self._roles) if placeholder else None,
                "project_id": project + 1,
                "task_id": None if task is None else task.id,
                "start": day_of(start),
                "finish": day_of(finish),
                "unit": (AllocationUnit.PERCENT if percent else AllocationUnit.HOURS_PER_WEEK).value,
                "amount": rng.choice(_PERCENTS) if percent else rng.choice(_HOURS),
                "status": (AllocationStatus.TENTATIVE if tentative else AllocationStatus.CONFIRMED).value,
                "note": "",
            },
        )

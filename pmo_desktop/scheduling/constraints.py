"""A task's own bounds: project start, constraint, manual dates and duration, turned into time points.

The engine works on *points*, the boundaries between working days: point i is the start of working day i
(the calendar's index). A task of d working days starting on day s occupies [s, s + d), so its start point
is s and its finish point s + d. A milestone is the instant at the end of its day m: start = finish = m + 1.
So a milestone after a task shares the task's finish date, and work after a milestone starts on the next
working day. With points every link is one inequality (lag L in working days, negative for a lead):
FS succ.start >= pred.finish + L; SS succ.start >= pred.start + L; FF succ.finish >= pred.finish + L;
SF succ.finish >= pred.start + L.

Dates that are not working days are read the way the constraint needs: "start no earlier than Saturday"
means Monday, "finish no later than Saturday" means Friday. A summary's constraint applies to every task
under it, which is why the bounds of a task gather those of its ancestors.
"""

from collections.abc import Iterable
from typing import NamedTuple

from pmo_desktop.domain.enums import ConstraintType, SchedulingMode, TaskKind
from pmo_desktop.scheduling.calendar import WorkCalendar
from pmo_desktop.scheduling.model import TaskInput

NEVER = 1 << 40  # a ceiling that never binds, far beyond any real working-day index
NO_FLOOR = -NEVER

_C = ConstraintType


class Bounds(NamedTuple):
    """A leaf task's duration and own bounds, in points; `pin` is a start it keeps whatever its links say."""

    duration: int
    milestone: int  # 1 for a milestone (its date is the day before its point), else 0
    floor_start: int
    floor_finish: int
    ceiling_start: int
    ceiling_finish: int
    pin: int | None


def is_manual(task: TaskInput) -> bool:
    return task.scheduling is SchedulingMode.MANUAL and task.start is not None


def milestone_of(task: TaskInput) -> int:
    """1 for a milestone (a task of no duration is one), else 0."""
    return 1 if task.kind is TaskKind.MILESTONE or task.duration_days <= 0 else 0


def leaf_bounds(task: TaskInput, ancestors: Iterable[TaskInput], calendar: WorkCalendar, project_start: int) -> Bounds:
    """The bounds of a task with no children; `project_start` is the index of its project's first day."""
    if is_manual(task):
        return _manual_bounds(task, calendar)
    milestone = milestone_of(task)
    duration = 0 if milestone else task.duration_days
    floors = [project_start + milestone, NO_FLOOR]
    ceilings = [NEVER, NEVER]
    for holder in (task, *ancestors):
        _apply(holder, calendar, milestone, floors, ceilings)
    pin = _pin(task, calendar, milestone, duration)
    if pin is not None:  # a pinned task is late as soon as it has to start before its pin
        ceilings[0] = min(ceilings[0], pin)
    return Bounds(duration, milestone, floors[0], floors[1], ceilings[0], ceilings[1], pin)


def _manual_bounds(task: TaskInput, calendar: WorkCalendar) -> Bounds:
    assert task.start is not None  # checked by is_manual
    milestone = milestone_of(task)
    start = calendar.index_on_or_after(task.start) + milestone
    duration = 0 if milestone else task.duration_days
    if not milestone and task.finish is not None:
        finish = calendar.index_on_or_before(task.finish) + 1
        if finish <= start:  # its dates hold no working day: a milestone at the end of the last one before
            return Bounds(0, 1, NO_FLOOR, NO_FLOOR, NEVER, NEVER, finish)
        duration = finish - start
    return Bounds(duration, milestone, NO_FLOOR, NO_FLOOR, NEVER, NEVER, start)


def _apply(holder: TaskInput, calendar: WorkCalendar, milestone: int, floors: list[int], ceilings: list[int]) -> None:
    """Tighten `floors` and `ceilings` (start, finish) by the constraint `holder` (the task or a summary) sets.

    "Must start on" is a floor here; the task's own one also pins it (see `_pin`). On a summary it keeps its
    tasks from starting earlier but does not make them all start that day.
    """
    kind, day = holder.constraint_type, holder.constraint_date
    if day is None:
        return
    if kind in (_C.START_NO_EARLIER, _C.MUST_START_ON):
        floors[0] = max(floors[0], calendar.index_on_or_after(day) + milestone)
    elif kind is _C.FINISH_NO_EARLIER:
        floors[1] = max(floors[1], calendar.index_on_or_after(day) + 1)
    elif kind is _C.START_NO_LATER:
        ceilings[0] = min(ceilings[0], calendar.index_on_or_before(day) + milestone)
    elif kind in (_C.FINISH_NO_LATER, _C.MUST_FINISH_ON):
        ceilings[1] = min(ceilings[1], calendar.index_on_or_before(day) + 1)


def _pin(task: TaskInput, calendar: WorkCalendar, milestone: int, duration: int) -> int | None:
    """The start a "must" constraint holds the task to, whatever its predecessors need."""
    day = task.constraint_date
    if day is None:
        return None
    if task.constraint_type is _C.MUST_START_ON:
        return calendar.index_on_or_after(day) + milestone
    if task.constraint_type is _C.MUST_FINISH_ON:
        return calendar.index_on_or_before(day) + 1 - duration
    return None

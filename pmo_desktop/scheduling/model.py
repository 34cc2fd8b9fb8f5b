"""What the engine takes in (tasks, links) and gives back (each task's dates, floats and conflicts).

Inputs mirror the portfolio's task and dependency records without depending on storage. Durations, lags
and floats are counted in working days of the portfolio calendar.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, TaskKind


@dataclass(frozen=True, slots=True)
class TaskInput:
    """One task, milestone or summary as the scheduler sees it.

    `start` and `finish` matter only for a manually scheduled task: they are its dates (a missing finish
    follows from the duration; a manual task without a start is scheduled like an automatic one) and it
    ignores its constraint. A task of zero duration is a milestone. A summary with children takes its dates
    from them and ignores its own duration and scheduling mode; its constraint applies to each task under
    it ("must start on" as "start no earlier than", "must finish on" as "finish no later than"). A
    `complete` task (all its work done) is scheduled like any other but is never critical: it can no longer
    delay anything, as in MS Project.
    """

    id: int
    name: str
    project_id: int
    kind: TaskKind = TaskKind.TASK
    duration_days: int = 1
    scheduling: SchedulingMode = SchedulingMode.AUTO
    constraint_type: ConstraintType = ConstraintType.ASAP
    constraint_date: date | None = None
    start: date | None = None
    finish: date | None = None
    parent_id: int | None = None
    complete: bool = False


@dataclass(frozen=True, slots=True)
class LinkInput:
    """A dependency: `successor_id` waits on `predecessor_id`. Negative lag is a lead."""

    predecessor_id: int
    successor_id: int
    type: DependencyType = DependencyType.FS
    lag_days: int = 0


class TaskSchedule(NamedTuple):
    """Where a task lands and how much room it has.

    `start`/`finish` are what the Gantt shows (a manual task's own dates; otherwise the early dates). Total
    float is late start minus early start in working days; free float is how far the task can slip before
    it moves a successor or its project's finish. `conflict` is a sentence for the user when the task cannot
    keep a date it must keep, else None.

    A named tuple rather than a frozen dataclass: the engine builds 10,000 of them per full pass, and a
    frozen dataclass takes four times as long to construct.
    """

    id: int
    start: date
    finish: date
    early_start: date
    early_finish: date
    late_start: date
    late_finish: date
    total_float: int
    free_float: int
    critical: bool
    conflict: str | None


@dataclass(frozen=True, slots=True)
class Schedule:
    """The dates of every task, by id, and the tasks on the critical path.

    The critical path of a project is its chain of least total float among the tasks not yet complete: zero
    in a plan that keeps all its dates, negative when a date is missed. `critical_ids` holds tasks and
    milestones only; a summary is flagged critical in its `TaskSchedule` when a task under it is.
    """

    tasks: Mapping[int, TaskSchedule]
    critical_ids: frozenset[int]

    def __getitem__(self, task_id: int) -> TaskSchedule:
        return self.tasks[task_id]

    @property
    def conflicts(self) -> dict[int, str]:
        """Each task that cannot keep its dates, with the reason."""
        return {task.id: task.conflict for task in self.tasks.values() if task.conflict is not None}

"""The engine against a deliberately simple reference on random acyclic plans.

The reference knows nothing of nodes, gates, points or topological order: it copies every link on a summary
to each task under it, then repeats "start no earlier than every predecessor allows" over dates until
nothing moves, and the same backwards for late dates. Slow and obvious; the engine must agree with it.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from hypothesis import given, settings

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, TaskKind
from pmo_desktop.scheduling import TaskInput, WorkCalendar
from tests.core.scheduling.plans import Plan, leaves_under, plans
from tests.core.scheduling.support import WEEKDAYS, engine

C = ConstraintType
FROM_START = (DependencyType.SS, DependencyType.SF)
TO_START = (DependencyType.FS, DependencyType.SS)


@dataclass
class Leaf:
    """A task without children, its own bounds as working-day boundaries (the morning of a working day)."""

    task: TaskInput
    duration: int
    milestone: bool
    floor_start: date
    floor_finish: date | None
    ceiling_start: date | None
    ceiling_finish: date | None
    pin: date | None


class Reference:
    """Dates by fixed-point iteration. A task of d days starting on day s has start boundary s and finish
    boundary s + d; a milestone on day m has both at m + 1 (the end of its day)."""

    def __init__(self, calendar: WorkCalendar, plan: Plan) -> None:
        self.calendar, self.plan = calendar, plan
        self.children: dict[int, list[int]] = defaultdict(list)
        for task in plan.tasks:
            if task.parent_id is not None:
                self.children[task.parent_id].append(task.id)
        self.leaves = {task.id: self._leaf(task) for task in plan.tasks if task.id not in self.children}
        self.links = [
            (before, after, link.type, link.lag_days)
            for link in plan.links
            for before in leaves_under(plan.tasks, link.predecessor_id)
            for after in leaves_under(plan.tasks, link.successor_id)
        ]
        self._forward()
        self._backward()

    def shift(self, day: date, days: int) -> date:
        return self.calendar.add_working_days(day, days)

    def after(self, day: date) -> date:
        return self.shift(day, 0)

    def before(self, day: date) -> date:
        return self.shift(self.shift(day, 1), -1)

    def between(self, first: date, second: date) -> int:
        """Working days from boundary `first` to boundary `second`, negative when it lies before."""
        if second >= first:
            return self.calendar.count_working_days(first, second) - 1
        return 1 - self.calendar.count_working_days(second, first)

    def _ancestors(self, task: TaskInput) -> list[TaskInput]:
        by_id = {item.id: item for item in self.plan.tasks}
        found, parent = [], task.parent_id
        while parent is not None:
            found.append(by_id[parent])
            parent = by_id[parent].parent_id
        return found

    def _leaf(self, task: TaskInput) -> Leaf:
        milestone = task.kind is TaskKind.MILESTONE or task.duration_days <= 0
        duration = 0 if milestone else task.duration_days
        if task.scheduling is SchedulingMode.MANUAL and task.start is not None:
            return self._manual(task, milestone, duration)
        leaf = Leaf(
            task,
            duration,
            milestone,
            self._start_boundary(self.plan.starts[task.project_id], milestone),
            None,
            None,
            None,
            None,
        )
        for holder in (task, *self._ancestors(task)):
            self._apply(leaf, holder, own=holder is task)
        return leaf

    def _manual(self, task: TaskInput, milestone: bool, duration: int) -> Leaf:
        """A task scheduled by hand: pinned to its dates; one on non-working days only is a milestone at the
        end of the last working day before its finish."""
        assert task.start is not None
        start = self._start_boundary(task.start, milestone)
        finish = self.shift(start, duration)
        if not milestone and task.finish is not None:
            finish = self.shift(self.before(task.finish), 1)
            if finish <= start:
                milestone, start = True, finish
        return Leaf(task, self.between(start, finish), milestone, start, None, None, None, start)

    def _start_boundary(self, day: date, milestone: bool) -> date:
        return self.shift(self.after(day), 1) if milestone else self.after(day)

    def _apply(self, leaf: Leaf, holder: TaskInput, *, own: bool) -> None:
        kind, day = holder.constraint_type, holder.constraint_date
        if day is None:
            return
        end_of = self.shift(self.before(day), 1)
        if kind in (C.START_NO_EARLIER, C.MUST_START_ON):
            leaf.floor_start = max(leaf.floor_start, self._start_boundary(day, leaf.milestone))
        if kind is C.FINISH_NO_EARLIER:
            floor = self.shift(self.after(day), 1)
            leaf.floor_finish = max(leaf.floor_finish or floor, floor)
        if kind is C.START_NO_LATER:
            ceiling = end_of if leaf.milestone else self.shift(end_of, -1)
            leaf.ceiling_start = min(leaf.ceiling_start or ceiling, ceiling)
        if kind in (C.FINISH_NO_LATER, C.MUST_FINISH_ON):
            leaf.ceiling_finish = min(leaf.ceiling_finish or end_of, end_of)
        if own and kind is C.MUST_START_ON:
            leaf.pin = self._start_boundary(day, leaf.milestone)
        if own and kind is C.MUST_FINISH_ON:
            leaf.pin = self.shift(end_of, -leaf.duration)
        if leaf.pin is not None:
            leaf.ceiling_start = min(leaf.ceiling_start or leaf.pin, leaf.pin)

    def linked_start(self, task_id: int) -> date | None:
        """The start boundary a leaf's incoming links ask for, if any."""
        leaf, bounds = self.leaves[task_id], []
        for before, after, kind, lag in self.links:
            if after == task_id:
                source = (self.early_start if kind in FROM_START else self.early_finish)[before]
                bound = self.shift(source, lag)
                bounds.append(bound if kind in TO_START else self.shift(bound, -leaf.duration))
        return max(bounds, default=None)

    def _forward(self) -> None:
        self.early_start = {task_id: leaf.floor_start for task_id, leaf in self.leaves.items()}
        self.early_finish = {
            task_id: self.shift(start, self.leaves[task_id].duration) for task_id, start in self.early_start.items()
        }
        moved = True
        while moved:
            moved = False
            for task_id, leaf in self.leaves.items():
                start = leaf.pin or max(leaf.floor_start, self.linked_start(task_id) or leaf.floor_start)
                if leaf.pin is None and leaf.floor_finish is not None:
                    start = max(start, self.shift(leaf.floor_finish, -leaf.duration))
                if start != self.early_start[task_id]:
                    moved = True
                    self.early_start[task_id], self.early_finish[task_id] = start, self.shift(start, leaf.duration)

    def _backward(self) -> None:
        self.project_finish: dict[int, date] = {}
        finishes = self.project_finish
        for task_id, finish in self.early_finish.items():
            project = self.leaves[task_id].task.project_id
            finishes[project] = max(finishes.get(project, finish), finish)
        self.own_late_start: dict[int, date] = {}
        self.late_start = dict.fromkeys(self.leaves, date.max)  # what predecessors must meet
        moved = True
        while moved:
            moved = False
            for task_id, leaf in self.leaves.items():
                finish = min(
                    filter(
                        None,
                        [finishes[leaf.task.project_id], leaf.ceiling_finish, *self._late_bounds(task_id, finish=True)],
                    )
                )
                starts = [
                    self.shift(finish, -leaf.duration),
                    leaf.ceiling_start,
                    *self._late_bounds(task_id, finish=False),
                ]
                own = min(filter(None, starts))
                seen = min(own, leaf.pin) if leaf.pin is not None else own
                if (own, seen) != (self.own_late_start.get(task_id), self.late_start[task_id]):
                    moved = True
                    self.own_late_start[task_id], self.late_start[task_id] = own, seen

    def _late_bounds(self, task_id: int, *, finish: bool) -> list[date]:
        """Late start (or finish) boundaries of a leaf set by its successors."""
        bounds = []
        for before, after, kind, lag in self.links:
            if before == task_id and (kind not in FROM_START) == finish and self.late_start[after] != date.max:
                seen = self.late_start[after]
                target = seen if kind in TO_START else self.shift(seen, self.leaves[after].duration)
                bounds.append(self.shift(target, -lag))
        return bounds

    def total_float(self, task_id: int) -> int:
        return self.between(self.early_start[task_id], self.own_late_start[task_id])

    def free_float(self, task_id: int) -> int:
        """How far a leaf can slip before it moves a successor or its project's finish."""
        finish = self.early_finish[task_id]
        slacks = [self.between(finish, self.project_finish[self.leaves[task_id].task.project_id])]
        for before, after, kind, lag in self.links:
            if before == task_id:
                source = self.early_start[task_id] if kind in FROM_START else finish
                target = (self.early_start if kind in TO_START else self.early_finish)[after]
                slacks.append(self.between(self.shift(source, lag), target))
        return max(0, min(*slacks, self.total_float(task_id)))

    def expected(self, task_id: int) -> tuple[date, date, date, date, int, int]:
        """Early start and finish, late start and finish dates, total and free float of a leaf."""
        leaf = self.leaves[task_id]
        start, late = self.early_start[task_id], self.own_late_start[task_id]
        first_day = self.shift(start, -1) if leaf.milestone else start
        late_day = self.shift(late, -1) if leaf.milestone else late
        return (
            first_day,
            self.shift(self.early_finish[task_id], -1),
            late_day,
            self.shift(self.shift(late, leaf.duration), -1),
            self.total_float(task_id),
            self.free_float(task_id),
        )


@settings(max_examples=150, deadline=None)
@given(plans())
def test_the_engine_agrees_with_the_reference(plan: Plan) -> None:
    result = engine(plan.tasks, plan.links, plan.starts).schedule
    reference = Reference(WEEKDAYS, plan)
    least: dict[int, int] = {}
    for task_id, leaf in reference.leaves.items():
        got = result[task_id]
        dates = got.early_start, got.early_finish, got.late_start, got.late_finish
        assert (*dates, got.total_float, got.free_float) == reference.expected(task_id)
        project = leaf.task.project_id
        least[project] = min(least.get(project, got.total_float), got.total_float)
    for task_id, leaf in reference.leaves.items():
        assert result[task_id].critical == (result[task_id].total_float == least[leaf.task.project_id])
        wanted = reference.linked_start(task_id)
        pushed = leaf.pin is not None and wanted is not None and wanted > leaf.pin
        assert (result[task_id].conflict is not None) == (pushed or result[task_id].total_float < 0)
    for summary in reference.children:
        below = [result[leaf] for leaf in leaves_under(plan.tasks, summary)]
        assert result[summary].early_start == min(item.early_start for item in below)
        assert result[summary].early_finish == max(item.early_finish for item in below)
        assert result[summary].total_float == min(item.total_float for item in below)

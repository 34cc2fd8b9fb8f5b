"""The realistic demo's plans: work breakdown, dependencies, dates and progress (`plan_rows` writes them).

Tasks are created in the order the phases list them, and every link points at a task created earlier (an
earlier step, the end of an earlier phase, or a task of an earlier project), so creation order is a
topological order: placing each task as soon as its links allow is a complete forward pass, and the graph
cannot have a cycle. Summaries are rolled up from their children once a project is placed.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from pmo_desktop.demo.catalogue import ProjectSpec
from pmo_desktop.demo.phases import FF, FS, Group, Phase
from pmo_desktop.demo.workdays import Span, day_of, earliest_start, index_of
from pmo_desktop.domain.enums import DependencyType, TaskKind

_GO_LIVE = "Go-live"
# Nothing goes live over Christmas: go-lives that would land from 15 December to 5 January wait for the
# freeze to end (a later start never breaks a link into the go-live, and its successors are placed after it).
_FREEZE_STARTS = (12, 15)
_FREEZE_ENDS = (1, 5)


def _outside_christmas_freeze(day: date) -> date:
    """`day`, or the first day after the freeze when `day` falls inside it."""
    if (day.month, day.day) >= _FREEZE_STARTS:
        return date(day.year + 1, *_FREEZE_ENDS) + timedelta(days=1)
    if (day.month, day.day) <= _FREEZE_ENDS:
        return date(day.year, *_FREEZE_ENDS) + timedelta(days=1)
    return day


@dataclass(eq=False)
class PlanTask:
    """A task, milestone or summary as placed; `span` is in working-day indices, `links` are incoming."""

    id: int
    project_id: int
    parent: "PlanTask | None"
    sort_order: int
    name: str
    kind: TaskKind
    span: Span
    links: list[tuple["PlanTask", DependencyType, int]] = field(default_factory=list)
    children: list["PlanTask"] = field(default_factory=list)
    percent: int = 0

    @property
    def start(self) -> date:
        return day_of(self.span.start)

    @property
    def finish(self) -> date:
        return day_of(self.span.finish)

    @property
    def is_leaf(self) -> bool:
        return self.kind is not TaskKind.SUMMARY


@dataclass(eq=False)
class PhasePlan:
    """A placed phase: its summary, and each group with the summary its tasks sit under."""

    phase: Phase
    summary: PlanTask
    groups: list[tuple[Group, PlanTask]]


@dataclass(eq=False)
class ProjectPlan:
    spec: ProjectSpec
    id: int
    tasks: list[PlanTask] = field(default_factory=list)
    phases: list[PhasePlan] = field(default_factory=list)

    @property
    def start(self) -> date:
        return min(task.start for task in self.tasks)

    @property
    def finish(self) -> date:
        return max(task.finish for task in self.tasks)

    def leaves(self) -> list[PlanTask]:
        return [task for task in self.tasks if task.is_leaf]


class PlanBuilder:
    """Builds every project's plan into one task list whose order is both id order and topological order."""

    def __init__(self, rng: random.Random, as_of: date) -> None:
        self._rng = rng
        self._as_of = as_of
        self.tasks: list[PlanTask] = []
        self._named: dict[tuple[str, str], PlanTask] = {}
        self._floor = 0  # no task of the project being built may start before this working day

    def add_project(self, spec: ProjectSpec, project_id: int) -> ProjectPlan:
        plan = ProjectPlan(spec, project_id)
        self._floor = self._index(spec.offset)
        ends: list[PlanTask] = []
        for order, phase in enumerate(spec.phases):
            if spec.resume is not None and order == spec.resume[0]:
                self._floor = self._index(spec.resume[1])
            ends = self._add_phase(plan, phase, ends, order)
        if spec.ends_at_offset:
            self._shift_to_finish(plan, self._index(spec.offset))
        self._roll_up(plan)
        return plan

    def _index(self, offset_days: int) -> int:
        return index_of(self._as_of + timedelta(days=offset_days))

    def _add_phase(self, plan: ProjectPlan, phase: Phase, entry: list[PlanTask], order: int) -> list[PlanTask]:
        summary = self._new(plan, None, order, phase.name, kind=TaskKind.SUMMARY)
        placed = PhasePlan(phase, summary, [])
        ends: list[PlanTask] = []
        for group_order, group in enumerate(phase.groups):
            parent = summary
            if group.summary is not None:
                parent = self._new(plan, summary, group_order, group.summary, kind=TaskKind.SUMMARY)
            ends.extend(self._add_chain(plan, parent, group, entry))
            placed.groups.append((group, parent))
        plan.phases.append(placed)
        return ends

    def _add_chain(self, plan: ProjectPlan, parent: PlanTask, group: Group, entry: list[PlanTask]) -> list[PlanTask]:
        """Add a group's steps; return its open ends (tasks nothing later in the group waits for)."""
        open_ends: list[PlanTask] = []
        previous: PlanTask | None = None
        for order, step in enumerate(group.steps):
            days = 0 if step.days == 0 else self._duration(step.days, plan.spec.pace)
            if previous is None:
                links = [(task, FS, 0) for task in entry]
            else:
                links = [(previous, step.link, step.lag)]
                if step.link in (FS, FF):
                    open_ends.remove(previous)
            if days == 0 and order == len(group.steps) - 1:
                # A closing milestone waits for every loose end, not just the step before it.
                links += [(task, FS, 0) for task in open_ends]
                open_ends = []
            links += self._cross_links(plan.spec, step.name)
            task = self._place(plan, parent, order, name=step.name, days=days, links=links)
            open_ends.append(task)
            previous = task
        return open_ends

    def _duration(self, nominal: int, pace: float) -> int:
        return max(1, round(nominal * pace * self._rng.uniform(0.8, 1.25)))

    def _cross_links(self, spec: ProjectSpec, step_name: str) -> list[tuple[PlanTask, DependencyType, int]]:
        return [
            (self._named[(link.project, link.predecessor)], link.kind, link.lag)
            for link in spec.links
            if link.successor == step_name
        ]

    def _place(
        self,
        plan: ProjectPlan,
        parent: PlanTask,
        order: int,
        *,
        name: str,
        days: int,
        links: list[tuple[PlanTask, DependencyType, int]],
    ) -> PlanTask:
        start = earliest_start(days, self._floor, ((task.span, kind, lag) for task, kind, lag in links))
        if name.startswith(_GO_LIVE):
            start = index_of(_outside_christmas_freeze(day_of(start)))
        kind = TaskKind.MILESTONE if days == 0 else TaskKind.TASK
        task = self._new(plan, parent, order, name, kind=kind, span=Span(start, days))
        task.links = links
        return task

    def _new(
        self,
        plan: ProjectPlan,
        parent: PlanTask | None,
        order: int,
        name: str,
        *,
        kind: TaskKind,
        span: Span | None = None,
    ) -> PlanTask:
        """Create a task; a summary's span is a placeholder until `_roll_up` sizes it."""
        span = span or Span(self._floor, 1)
        task = PlanTask(len(self.tasks) + 1, plan.id, parent, order, name, kind, span)
        self.tasks.append(task)
        plan.tasks.append(task)
        if parent is not None:
            parent.children.append(task)
        self._named[(plan.spec.code, name)] = task
        return task

    def _shift_to_finish(self, plan: ProjectPlan, finish: int) -> None:
        """Move a whole project so its last task ends on `finish`; safe because nothing links into it."""
        delta = finish - max(task.span.finish for task in plan.leaves())
        for task in plan.leaves():
            task.span.start += delta

    def _roll_up(self, plan: ProjectPlan) -> None:
        """Set percent complete from today, then size each summary to span its children exactly."""
        work: dict[int, tuple[int, int]] = {}
        for task in reversed(plan.tasks):
            if task.is_leaf:
                task.percent = self._percent(task)
                work[task.id] = (task.span.days, task.span.days * task.percent)
                continue
            start = min(child.span.start for child in task.children)
            finish = max(child.span.finish for child in task.children)
            task.span = Span(start, finish - start + 1)
            total = sum(work[child.id][0] for child in task.children)
            done = sum(work[child.id][1] for child in task.children)
            work[task.id] = (total, done)
            task.percent = round(done / total) if total else 0

    def _percent(self, task: PlanTask) -> int:
        """Done before today is 100, not started is 0; in progress is roughly the time elapsed."""
        if task.finish < self._as_of:
            return 100
        if task.start >= self._as_of:
            return 0
        elapsed = index_of(self._as_of) - task.span.start
        share = 100 * elapsed / task.span.days + self._rng.uniform(-12, 6)
        return min(95, max(1, round(share)))

"""Random plans for property tests: tasks in up to three projects, summaries, milestones, constraints, manual
tasks (some on weekends), and links of every type that never close a loop.

Links cannot loop because every task gets a rank and a link only joins tasks when all the leaves under its
predecessor rank below all the leaves under its successor: once links on summaries are spread over their
tasks, every link climbs in rank.
"""

from dataclasses import dataclass, replace
from datetime import date

from hypothesis import strategies as st

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, TaskKind
from pmo_desktop.scheduling import LinkInput, TaskInput
from tests.core.scheduling.support import day


@dataclass(frozen=True)
class Plan:
    tasks: list[TaskInput]
    links: list[LinkInput]
    starts: dict[int, date]
    ranks: dict[int, int]

    def may_link(self, before: int, after: int) -> bool:
        """Whether a link from `before` to `after` keeps the plan free of loops (see the module docstring)."""
        highest = max(self.ranks[leaf] for leaf in leaves_under(self.tasks, before))
        return highest < min(self.ranks[leaf] for leaf in leaves_under(self.tasks, after))


def leaves_under(tasks: list[TaskInput], task_id: int) -> list[int]:
    children = [item.id for item in tasks if item.parent_id == task_id]
    if not children:
        return [task_id]
    return [leaf for child in children for leaf in leaves_under(tasks, child)]


@st.composite
def _task(draw: st.DrawFn, task_id: int, earlier: list[TaskInput], fixed_dates: bool) -> TaskInput:
    project = draw(st.integers(1, 3))
    summaries = [item.id for item in earlier if item.kind is TaskKind.SUMMARY and item.project_id == project]
    parent = draw(st.sampled_from([None, *summaries]))
    kind = draw(st.sampled_from([TaskKind.TASK, TaskKind.TASK, TaskKind.MILESTONE, TaskKind.SUMMARY]))
    duration = 0 if kind is TaskKind.MILESTONE else draw(st.integers(0, 6))
    task = TaskInput(task_id, f"T{task_id}", project, kind, duration, parent_id=parent)
    if fixed_dates and draw(st.integers(0, 4)) == 0:
        kind = draw(st.sampled_from(list(ConstraintType)[1:]))
        task = replace(task, constraint_type=kind, constraint_date=day(draw(st.integers(-3, 30))))
    if fixed_dates and draw(st.integers(0, 7)) == 0:
        start = draw(st.integers(-2, 25))
        finish = day(start + draw(st.integers(0, 6)))
        task = replace(task, scheduling=SchedulingMode.MANUAL, start=day(start), finish=finish)
    return task


@st.composite
def plans(draw: st.DrawFn, max_tasks: int = 14, fixed_dates: bool = True) -> Plan:
    """A plan; without `fixed_dates` it has no constraints and no manual tasks."""
    tasks: list[TaskInput] = []
    for task_id in range(1, draw(st.integers(2, max_tasks)) + 1):
        tasks.append(draw(_task(task_id, tasks, fixed_dates)))
    ranks = dict(zip([item.id for item in tasks], draw(st.permutations(range(len(tasks)))), strict=True))
    starts = {project: day(draw(st.sampled_from([0, 2, 5, 7]))) for project in (1, 2, 3)}
    plan = Plan(tasks, [], starts, ranks)
    links: dict[tuple[int, int], LinkInput] = {}
    for _ in range(draw(st.integers(0, 2 * len(tasks)))):
        before = draw(st.sampled_from(tasks)).id
        candidates = [task.id for task in tasks if plan.may_link(before, task.id)]
        if candidates:
            after = draw(st.sampled_from(candidates))
            links[before, after] = draw(link_between(before, after))
    return replace(plan, links=list(links.values()))


def link_between(before: int, after: int) -> st.SearchStrategy[LinkInput]:
    return st.builds(
        LinkInput, st.just(before), st.just(after), st.sampled_from(list(DependencyType)), st.integers(-3, 3)
    )

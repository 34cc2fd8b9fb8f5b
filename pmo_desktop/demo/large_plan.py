"""The large benchmark portfolio's plans: 200 projects of 50 tasks each and 20,000 dependencies.

Every project has five phases; each phase holds two work packages (summaries) of tasks closed by a
milestone, so the WBS is two levels deep. Links go from a lower to a higher leaf of the same project, or
from an earlier project to a later one, so (project, leaf) order is topological: one forward pass places
every task after its links in O(tasks + links), and the graph cannot have a cycle.
"""

import random
from dataclasses import dataclass, field
from datetime import date

from pmo_desktop.demo.workdays import Span, earliest_start, index_of
from pmo_desktop.domain.enums import DependencyType, TaskKind

PROJECTS = 200
HALF_SPAN = 548  # days either side of today: three years in all
DEPENDENCIES = 20_000
PHASES = ("Initiation", "Design", "Build", "Test", "Deploy")
PACKAGE_TASKS = (3, 2)  # tasks per work package; each package then ends with a milestone
_LEAVES = len(PHASES) * sum(count + 1 for count in PACKAGE_TASKS)
_WITHIN = 1 + 2 + 3 * (_LEAVES - 3)  # leaf k links from k-1, k-2 and one of k-3..k-6
_CROSS_GAP = 10


@dataclass(eq=False, slots=True)
class LargeTask:
    id: int
    project: int
    parent: "LargeTask | None"
    sort_order: int
    name: str
    kind: TaskKind
    span: Span
    percent: int = 0
    children: list["LargeTask"] = field(default_factory=list)


@dataclass
class LargePlan:
    """All tasks in id order, each project's leaves in topological order, and every link."""

    tasks: list[LargeTask] = field(default_factory=list)
    leaves: list[list[LargeTask]] = field(default_factory=list)
    links: list[tuple[LargeTask, LargeTask, DependencyType, int]] = field(default_factory=list)


def build_plans(rng: random.Random, as_of: date, floors: list[int]) -> LargePlan:
    """Plan project p from working day `floors[p]`; `floors` must not decrease, so links from earlier
    projects point at work that is mostly done by the time they are needed."""
    plan = LargePlan()
    today = index_of(as_of)
    cross = DEPENDENCIES - _WITHIN * len(floors)
    for project, floor in enumerate(floors):
        summaries, leaves = _breakdown(plan, project, rng)
        incoming = _within_links(rng, leaves)
        if project:
            _cross_links(rng, plan, leaves, incoming, count=_share(cross, project, len(floors) - 1))
        for leaf, links in zip(leaves, incoming, strict=True):
            leaf.span.start = earliest_start(leaf.span.days, floor, ((p.span, k, lag) for p, k, lag in links))
            leaf.percent = _percent(leaf.span, today)
            plan.links.extend((predecessor, leaf, kind, lag) for predecessor, kind, lag in links)
        for summary in reversed(summaries):
            _roll_up(summary)
        plan.leaves.append(leaves)
    return plan


def _share(total: int, project: int, projects: int) -> int:
    """How many of `total` cross-project links go into `project` (1-based among `projects`), spread evenly."""
    return total * project // projects - total * (project - 1) // projects


def _breakdown(plan: LargePlan, project: int, rng: random.Random) -> tuple[list[LargeTask], list[LargeTask]]:
    """Create one project's tasks in WBS order; return its summaries and its leaves."""
    summaries: list[LargeTask] = []
    leaves: list[LargeTask] = []
    code = f"{project + 1:04d}"

    def add(parent: LargeTask | None, order: int, name: str, kind: TaskKind, days: int) -> LargeTask:
        task = LargeTask(len(plan.tasks) + 1, project, parent, order, name, kind, Span(0, days))
        plan.tasks.append(task)
        if parent is not None:
            parent.children.append(task)
        (leaves if kind is not TaskKind.SUMMARY else summaries).append(task)
        return task

    for phase_order, phase in enumerate(PHASES):
        phase_task = add(None, phase_order, phase, TaskKind.SUMMARY, 1)
        for package_order, count in enumerate(PACKAGE_TASKS):
            package = add(phase_task, package_order, f"{phase} work package {package_order + 1}", TaskKind.SUMMARY, 1)
            for order in range(count):
                add(package, order, f"Task {code}.{len(leaves) + 1:03d}", TaskKind.TASK, rng.randint(3, 12))
            add(package, count, f"Milestone {code}.{len(leaves) + 1:03d}", TaskKind.MILESTONE, 0)
    return summaries, leaves


def _within_links(rng: random.Random, leaves: list[LargeTask]) -> list[list[tuple[LargeTask, DependencyType, int]]]:
    incoming: list[list[tuple[LargeTask, DependencyType, int]]] = [[] for _ in leaves]
    for k in range(1, len(leaves)):
        sources = [k - 1] if k == 1 else [k - 1, k - 2]
        if k >= 3:
            sources.append(k - rng.randint(3, min(6, k)))
        incoming[k] = [(leaves[source], *_kind_and_lag(rng)) for source in sources]
    return incoming


def _kind_and_lag(rng: random.Random) -> tuple[DependencyType, int]:
    """Mostly finish-to-start; some start-to-start and finish-to-finish with lags, and a few leads."""
    roll = rng.random()
    if roll < 0.75:
        return DependencyType.FS, 0
    if roll < 0.8:
        return DependencyType.FS, -rng.randint(1, 3)
    if roll < 0.9:
        return DependencyType.SS, rng.randint(2, 5)
    return DependencyType.FF, rng.randint(0, 3)


def _cross_links(
    rng: random.Random,
    plan: LargePlan,
    leaves: list[LargeTask],
    incoming: list[list[tuple[LargeTask, DependencyType, int]]],
    *,
    count: int,
) -> None:
    """Link early work of a clearly earlier project (those in `plan` so far) to late work of this one."""
    project = len(plan.leaves)
    half = len(leaves) // 2
    used: set[tuple[int, int]] = set()
    while len(used) < count:
        source = plan.leaves[rng.randint(max(0, project - 4 * _CROSS_GAP), max(0, project - _CROSS_GAP))]
        predecessor = source[rng.randrange(half)]
        successor = rng.randrange(half, len(leaves))
        if (predecessor.id, successor) not in used:
            used.add((predecessor.id, successor))
            incoming[successor].append((predecessor, DependencyType.FS, 0))


def _roll_up(summary: LargeTask) -> None:
    """Span the children exactly; percent complete weighted by working days."""
    start = min(child.span.start for child in summary.children)
    finish = max(child.span.finish for child in summary.children)
    summary.span = Span(start, finish - start + 1)
    work = sum(child.span.days for child in summary.children if child.kind is not TaskKind.MILESTONE)
    done = sum(child.span.days * child.percent for child in summary.children if child.kind is not TaskKind.MILESTONE)
    summary.percent = round(done / work) if work else 0


def _percent(span: Span, today: int) -> int:
    if span.finish < today:
        return 100
    if span.start >= today:
        return 0
    return min(99, round(100 * (today - span.start) / span.days))

"""Properties on random plans: no task starts before its predecessors allow, the critical path runs as a
chain from a start to an end of its project, and an incremental update gives what a full pass gives."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, TaskKind
from pmo_desktop.domain.errors import CycleError
from pmo_desktop.scheduling import LinkInput, Schedule, ScheduleEngine, TaskInput
from tests.core.scheduling.plans import Plan, leaves_under, link_between, plans
from tests.core.scheduling.support import WEEKDAYS, day, engine

Edit = tuple[str, TaskInput | LinkInput]  # ("task", new task), ("link", link to set) or ("unlink", link)
FROM_START = (DependencyType.SS, DependencyType.SF)
TO_START = (DependencyType.FS, DependencyType.SS)


def _is_milestone(task: TaskInput) -> bool:
    return task.kind is TaskKind.MILESTONE or task.duration_days <= 0


def _points(task: TaskInput, result: Schedule) -> tuple[int, int]:
    """Start and finish points (working-day boundaries) of a leaf's early dates."""
    item = result[task.id]
    start = WEEKDAYS.index_on_or_after(item.early_start) + _is_milestone(task)
    return start, WEEKDAYS.index_on_or_after(item.early_finish) + 1


def _leaf_links(plan: Plan) -> list[tuple[TaskInput, TaskInput, LinkInput]]:
    """Links with those on summaries spread over the tasks under them."""
    by_id = {task.id: task for task in plan.tasks}
    return [
        (by_id[before], by_id[after], link)
        for link in plan.links
        for before in leaves_under(plan.tasks, link.predecessor_id)
        for after in leaves_under(plan.tasks, link.successor_id)
    ]


def _slack(before: TaskInput, after: TaskInput, link: LinkInput, result: Schedule) -> int:
    """How far the successor's start or finish sits beyond what the link asks for."""
    source = _points(before, result)[0 if link.type in FROM_START else 1] + link.lag_days
    return _points(after, result)[0 if link.type in TO_START else 1] - source


@settings(max_examples=80, deadline=None)
@given(plans())
def test_no_task_starts_before_its_predecessors_allow(plan: Plan) -> None:
    result = engine(plan.tasks, plan.links, plan.starts).schedule
    for before, after, link in _leaf_links(plan):
        assert _slack(before, after, link, result) >= 0 or (_pinned(after) and result[after.id].conflict)
    for task in plan.tasks:
        if not _pinned(task) and leaves_under(plan.tasks, task.id) == [task.id]:
            assert result[task.id].early_start >= plan.starts[task.project_id]
        item = result[task.id]
        assert item.early_start <= item.early_finish
        assert item.late_start <= item.late_finish


def _pinned(task: TaskInput) -> bool:
    """Whether the task keeps its date whatever its predecessors need."""
    must = (ConstraintType.MUST_START_ON, ConstraintType.MUST_FINISH_ON)
    return task.scheduling is SchedulingMode.MANUAL or task.constraint_type in must


@settings(max_examples=80, deadline=None)
@given(plans(fixed_dates=False))
def test_the_critical_path_is_a_chain_from_a_start_to_an_end(plan: Plan) -> None:
    result = engine(plan.tasks, plan.links, plan.starts).schedule
    links = _leaf_links(plan)
    finishes: dict[int, int] = {}
    for task in plan.tasks:
        if task.id in result.critical_ids:
            finish = _points(task, result)[1]
            finishes[task.project_id] = max(finishes.get(task.project_id, finish), finish)
    for task in (item for item in plan.tasks if item.id in result.critical_ids):
        tight_in = [b for b, a, link in links if a is task and _slack(b, a, link, result) == 0]
        tight_out = [a for b, a, link in links if b is task and _slack(b, a, link, result) == 0]
        project_start = WEEKDAYS.index_on_or_after(plan.starts[task.project_id]) + _is_milestone(task)
        starts_project = _points(task, result)[0] == project_start
        assert starts_project or any(_critical_or_elsewhere(b, task, result) for b in tight_in)
        ends_project = _points(task, result)[1] == finishes[task.project_id]
        assert ends_project or any(_critical_or_elsewhere(a, task, result) for a in tight_out)


def _critical_or_elsewhere(other: TaskInput, task: TaskInput, result: Schedule) -> bool:
    """A neighbour on the chain: critical in the same project, or in another project (which has its own)."""
    return other.project_id != task.project_id or other.id in result.critical_ids


@st.composite
def _edits(draw: st.DrawFn, plan: Plan) -> list[Edit]:
    """A few edits a user makes in the Gantt: move, resize, pin, finish or reopen, link, relink, unlink."""
    edits: list[Edit] = []
    for _ in range(draw(st.integers(1, 6))):
        task = draw(st.sampled_from(plan.tasks))
        edit = draw(st.sampled_from(["resize", "constrain", "manual", "auto", "finish", "link", "unlink"]))
        if edit == "finish":
            edits.append(("task", replace(task, complete=not task.complete)))
        elif edit == "resize":
            edits.append(("task", replace(task, duration_days=draw(st.integers(0, 8)))))
        elif edit == "constrain":
            kind = draw(st.sampled_from(list(ConstraintType)))
            when = None if kind is ConstraintType.ASAP else day(draw(st.integers(-3, 30)))
            edits.append(("task", replace(task, constraint_type=kind, constraint_date=when)))
        elif edit in ("manual", "auto"):
            start = day(draw(st.integers(0, 20)))
            edits.append(("task", replace(task, scheduling=SchedulingMode(edit), start=start, finish=None)))
        elif edit == "link":
            after = draw(st.sampled_from(plan.tasks))
            edits.append(("link", draw(link_between(task.id, after.id))))
        elif plan.links:
            edits.append(("unlink", draw(st.sampled_from(plan.links))))
    return edits


def _apply(scheduler: ScheduleEngine, plan: Plan, edit: Edit) -> tuple[Plan, frozenset[int]]:
    """Apply one edit to the engine and to the plan the fresh engine will see."""
    kind, value = edit
    if isinstance(value, TaskInput):
        tasks = [value if task.id == value.id else task for task in plan.tasks]
        return replace(plan, tasks=tasks), scheduler.update_task(value)
    assert isinstance(value, LinkInput)
    others = [
        link
        for link in plan.links
        if (link.predecessor_id, link.successor_id) != (value.predecessor_id, value.successor_id)
    ]
    if kind == "unlink":
        return replace(plan, links=others), scheduler.remove_link(value.predecessor_id, value.successor_id)
    return replace(plan, links=[*others, value]), scheduler.set_link(value)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_an_incremental_update_gives_what_a_full_pass_gives(data: st.DataObject) -> None:
    plan = data.draw(plans())
    scheduler = engine(plan.tasks, plan.links, plan.starts)
    for edit in data.draw(_edits(plan)):
        before = dict(scheduler.schedule.tasks)
        try:
            plan, changed = _apply(scheduler, plan, edit)
        except CycleError:  # a full pass refuses that link too, and the engine is as it was
            assert isinstance(edit[1], LinkInput)
            with pytest.raises(CycleError):
                engine(plan.tasks, [*plan.links, edit[1]], plan.starts)
            assert dict(scheduler.schedule.tasks) == before
            continue
        full = engine(plan.tasks, plan.links, plan.starts).schedule
        assert dict(scheduler.schedule.tasks) == dict(full.tasks)
        assert scheduler.schedule.critical_ids == full.critical_ids
        assert changed == {task_id for task_id, result in full.tasks.items() if before[task_id] != result}

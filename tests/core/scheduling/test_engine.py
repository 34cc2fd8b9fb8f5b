"""The engine's updates by hand: what moves, what they return, and the cases that take a full pass."""

from dataclasses import replace

import pytest

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, TaskKind
from pmo_desktop.scheduling import LinkInput, ScheduleEngine, TaskInput
from tests.core.scheduling.support import MONDAY, WEEKDAYS, dates, day, engine, link, task

SUMMARY = TaskKind.SUMMARY


def _full(scheduler: ScheduleEngine, tasks: list[TaskInput], links: list[LinkInput]) -> None:
    """The engine holds what a fresh engine on the same plan computes."""
    assert dict(scheduler.schedule.tasks) == dict(engine(tasks, links).schedule.tasks)


def test_moving_a_task_moves_its_successors_only() -> None:
    tasks = [task(1, "A", 2), task(2, "B", 3), task(3, "C", 1), task(4, "Other", 5)]
    scheduler = engine(tasks, [link(1, 2), link(2, 3)])
    old = scheduler.schedule
    moved = replace(tasks[0], constraint_type=ConstraintType.START_NO_EARLIER, constraint_date=day(2))
    changed = scheduler.update_task(moved)
    assert dates(scheduler.schedule, 3) == (day(9), day(9))
    assert changed == {1, 2, 3, 4}  # the project now ends later, so Other gains float
    assert dates(old, 3) == (day(7), day(7))  # a schedule once handed out never changes
    _full(scheduler, [moved, *tasks[1:]], [link(1, 2), link(2, 3)])


def test_resizing_a_task_updates_the_free_float_of_the_work_before_its_successor() -> None:
    tasks = [task(1, "A", 2), task(2, "B", 4), task(3, "C", 1), task(4, "Long", 10)]
    scheduler = engine(tasks, [link(1, 3), link(2, 3)])
    assert scheduler.schedule[1].free_float == 2
    changed = scheduler.update_task(replace(tasks[1], duration_days=1))
    assert scheduler.schedule[1].free_float == 0
    assert changed == {1, 2, 3}


def test_a_predecessor_that_grows_puts_a_manual_task_in_conflict() -> None:
    tasks = [task(1, "A", 2), task(2, "Demo", 1, scheduling=SchedulingMode.MANUAL, start=day(2)), task(3, "Long", 10)]
    scheduler = engine(tasks, [link(1, 2)])
    assert scheduler.schedule[2].conflict is None
    assert scheduler.update_task(replace(tasks[0], duration_days=4)) == {1, 2, 3}  # A is now the critical one
    assert dates(scheduler.schedule, 2) == (day(2), day(2))
    assert scheduler.schedule[2].conflict is not None


def test_a_task_linked_to_a_summary_sees_the_tasks_under_it_move() -> None:
    later = {"constraint_type": ConstraintType.START_NO_EARLIER, "constraint_date": day(3)}
    tasks = [task(1, "P", 1), task(10, "Phase", 0, kind=SUMMARY), task(11, "X", 2, parent_id=10, **later)]
    scheduler = engine([*tasks, task(3, "Long", 15)], [link(1, 10)])
    assert scheduler.schedule[1].free_float == 2
    scheduler.update_task(replace(tasks[2], constraint_date=day(4)))
    assert scheduler.schedule[1].free_float == 3


def test_renaming_the_task_that_sets_a_deadline_rewrites_the_messages_upstream() -> None:
    deadline = {"constraint_type": ConstraintType.FINISH_NO_LATER, "constraint_date": day(1)}
    tasks = [task(1, "A", 3), task(2, "B", 1), task(3, "Go-live", 1, **deadline)]
    scheduler = engine(tasks, [link(1, 2), link(2, 3)])
    changed = scheduler.update_task(replace(tasks[2], name="Launch"))
    assert scheduler.schedule[1].conflict == "3 working days late for 'Launch' to finish no later than 2025-01-07."
    assert changed == {1, 2}


def test_changing_a_link_lag_and_removing_it() -> None:
    tasks = [task(1, "A", 2), task(2, "B", 1)]
    scheduler = engine(tasks, [link(1, 2)])
    assert scheduler.set_link(link(1, 2, lag=2)) == {2}
    assert dates(scheduler.schedule, 2) == (day(4), day(4))
    assert scheduler.set_link(link(1, 2, lag=2)) == frozenset()
    assert scheduler.set_link(link(1, 2, DependencyType.SS, 1)) == {2}
    assert dates(scheduler.schedule, 2) == (day(1), day(1))
    assert scheduler.remove_link(1, 2) == {2}
    assert dates(scheduler.schedule, 2) == (day(0), day(0))
    assert scheduler.remove_link(1, 2) == frozenset()
    _full(scheduler, tasks, [])


def test_a_link_against_the_current_order_reorders_the_network() -> None:
    tasks = [task(1, "B", 1), task(2, "A", 2)]
    scheduler = engine(tasks, [])
    scheduler.set_link(link(2, 1))
    assert dates(scheduler.schedule, 1) == (day(2), day(2))
    scheduler.update_task(replace(tasks[1], duration_days=3))
    _full(scheduler, [tasks[0], replace(tasks[1], duration_days=3)], [link(2, 1)])


def test_the_first_link_into_a_summary() -> None:
    tasks = [task(1, "Permit", 2), task(10, "Phase", 0, kind=SUMMARY), task(11, "Dig", 2, parent_id=10)]
    scheduler = engine(tasks, [])
    assert scheduler.set_link(link(1, 10)) == {10, 11}
    assert dates(scheduler.schedule, 11) == (day(2), day(3))
    scheduler.set_link(link(1, 10, lag=1))
    _full(scheduler, tasks, [link(1, 10, lag=1)])


def test_a_summary_constraint_moves_the_tasks_under_it() -> None:
    tasks = [task(10, "Phase", 0, kind=SUMMARY), task(11, "Dig", 2, parent_id=10), task(12, "Pour", 1, parent_id=10)]
    scheduler = engine(tasks, [link(11, 12)])
    pushed = replace(tasks[0], constraint_type=ConstraintType.START_NO_EARLIER, constraint_date=day(7))
    scheduler.update_task(pushed)
    assert dates(scheduler.schedule, 10) == (day(7), day(9))
    _full(scheduler, [pushed, *tasks[1:]], [link(11, 12)])


def test_moving_a_task_under_another_summary_takes_a_full_pass() -> None:
    tasks = [
        task(10, "One", 0, kind=SUMMARY),
        task(11, "A", 2, parent_id=10),
        task(20, "Two", 0, kind=SUMMARY),
        task(21, "B", 3, parent_id=20),
        task(22, "C", 1, parent_id=20),
    ]
    scheduler = engine(tasks, [link(10, 20)])
    moved = replace(tasks[4], parent_id=10)
    changed = scheduler.update_task(moved)
    assert dates(scheduler.schedule, 22) == (day(0), day(0))
    assert changed == {22}  # One still ends with A, Two with B
    _full(scheduler, [*tasks[:4], moved], [link(10, 20)])


def test_unknown_tasks_are_a_callers_mistake() -> None:
    scheduler = engine([task(1, "A")])
    with pytest.raises(ValueError, match="task 9"):
        scheduler.update_task(task(9, "Ghost"))
    with pytest.raises(ValueError, match="task 9"):
        scheduler.set_link(link(1, 9))


@pytest.mark.parametrize(
    ("tasks", "links", "message"),
    [
        ([task(1, "A"), task(1, "B")], [], "unique"),
        ([task(1, "A", parent_id=5)], [], "parent"),
        ([task(1, "A", parent_id=2), task(2, "B", parent_id=1)], [], "loops"),
        ([task(1, "A")], [link(1, 2)], "task 2"),
        ([task(1, "A"), task(2, "B")], [link(1, 2), link(1, 2, lag=1)], "same pair"),
    ],
)
def test_inputs_that_do_not_fit_together_are_refused(
    tasks: list[TaskInput], links: list[LinkInput], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        engine(tasks, links)


def test_every_project_needs_a_start() -> None:
    with pytest.raises(ValueError, match="projects"):
        ScheduleEngine(WEEKDAYS, [task(1, "A", project_id=7)], [], {1: MONDAY})


def test_finished_work_is_never_critical_and_the_rest_keeps_its_own_path() -> None:
    tasks = [task(1, "Done", 3, complete=True), task(2, "Build", 4), task(3, "Test", 2), task(4, "Docs", 1)]
    links = [link(1, 2), link(2, 3), link(1, 4)]
    result = engine(tasks, links).schedule
    assert result.critical_ids == {2, 3}  # Docs has float; Done is on the chain but can delay nothing
    assert result[1].total_float == 0 and not result[1].critical


def test_a_project_whose_tasks_are_all_finished_has_no_critical_path() -> None:
    tasks = [task(1, "A", 2, complete=True), task(2, "B", 1, complete=True), task(10, "Phase", 0, kind=SUMMARY)]
    tasks += [task(11, "C", 1, parent_id=10, complete=True)]
    result = engine(tasks, [link(1, 2)]).schedule
    assert result.critical_ids == frozenset()
    assert not result[10].critical


def test_a_summary_is_critical_when_an_unfinished_task_under_it_is() -> None:
    tasks = [task(10, "Phase", 0, kind=SUMMARY), task(11, "Spec", 2, parent_id=10, complete=True)]
    tasks += [task(12, "Review", 1, parent_id=10), task(20, "Later", 0, kind=SUMMARY)]
    tasks += [task(21, "Done too", 5, parent_id=20, complete=True)]
    result = engine(tasks, [link(11, 12)]).schedule
    assert result[10].critical and not result[20].critical


def test_finishing_a_task_moves_the_critical_path_without_moving_a_date() -> None:
    tasks = [task(1, "A", 3), task(2, "B", 1), task(3, "C", 2)]
    links = [link(1, 3), link(2, 3)]
    scheduler = engine(tasks, links)
    assert scheduler.schedule.critical_ids == {1, 3}
    before = {task_id: dates(scheduler.schedule, task_id) for task_id in (1, 2, 3)}
    changed = scheduler.update_task(replace(tasks[0], complete=True))
    assert scheduler.schedule.critical_ids == {3}
    assert changed == {1}
    assert {task_id: dates(scheduler.schedule, task_id) for task_id in (1, 2, 3)} == before
    _full(scheduler, [replace(tasks[0], complete=True), *tasks[1:]], links)
    scheduler.update_task(tasks[0])  # reopened
    assert scheduler.schedule.critical_ids == {1, 3}
    _full(scheduler, tasks, links)

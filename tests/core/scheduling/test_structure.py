"""Manual tasks, summaries, links across projects, and dependency loops refused with the tasks' names."""

import pytest

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, TaskKind
from pmo_desktop.domain.errors import CycleError
from pmo_desktop.scheduling import TaskInput
from tests.core.scheduling.support import MONDAY, dates, day, engine, link, schedule, task

MANUAL = SchedulingMode.MANUAL
SUMMARY = TaskKind.SUMMARY


def test_a_manual_task_keeps_its_dates_and_drives_its_successors() -> None:
    tasks = [task(1, "Workshop", 3, scheduling=MANUAL, start=day(7), finish=day(9)), task(2, "Report", 1)]
    result = schedule(tasks, [link(1, 2)])
    assert dates(result, 1) == (day(7), day(9))
    assert dates(result, 2) == (day(10), day(10))


def test_a_manual_task_keeps_its_dates_against_its_predecessors() -> None:
    tasks = [task(1, "Prep", 5), task(2, "Workshop", 1, scheduling=MANUAL, start=day(2), finish=day(2))]
    result = schedule(tasks, [link(1, 2)])
    assert dates(result, 2) == (day(2), day(2))
    assert result[2].conflict == (
        "Scheduled by hand to start on 2025-01-08, but its predecessors allow 2025-01-13 at the earliest."
    )
    assert result[2].total_float == 2  # it could wait until Friday, when its project finishes
    assert result[1].total_float == -3
    assert result[1].conflict == "3 working days late for 'Workshop', scheduled by hand to start on 2025-01-08."


def test_a_manual_task_has_float_of_its_own() -> None:
    tasks = [task(1, "Board", 1, scheduling=MANUAL, start=day(1), finish=day(1)), task(2, "Long", 5)]
    result = schedule(tasks)
    assert result[1].total_float == 3
    assert result[1].late_start == day(4)
    assert not result[1].critical


def test_a_manual_task_on_a_weekend_shows_its_own_dates() -> None:
    tasks = [task(1, "Offsite", 1, scheduling=MANUAL, start=day(5), finish=day(6)), task(2, "After", 1)]
    result = schedule(tasks, [link(1, 2)])
    assert dates(result, 1) == (day(5), day(6))
    assert (result[1].early_start, result[1].early_finish) == (day(4), day(4))  # no working day in it
    assert dates(result, 2) == (day(7), day(7))


def test_a_manual_task_without_a_finish_runs_for_its_duration() -> None:
    result = schedule([task(1, "Audit", 3, scheduling=MANUAL, start=day(3))])
    assert dates(result, 1) == (day(3), day(7))


def test_a_manual_milestone() -> None:
    result = schedule([task(1, "Board", 0, kind=TaskKind.MILESTONE, scheduling=MANUAL, start=day(9))])
    assert dates(result, 1) == (day(9), day(9))


def test_a_manual_task_without_dates_is_scheduled_automatically() -> None:
    result = schedule([task(1, "Later", 2, scheduling=MANUAL)])
    assert dates(result, 1) == (day(0), day(1))


def _phase(*, summary_fields: dict[str, object] | None = None) -> list[TaskInput]:
    return [
        task(10, "Phase", 0, kind=SUMMARY, **(summary_fields or {})),
        task(11, "Dig", 2, parent_id=10),
        task(12, "Pour", 3, parent_id=10),
        task(13, "Cure", 1, parent_id=10),
    ]


def test_a_summary_spans_its_children() -> None:
    result = schedule(_phase(), [link(11, 12)])
    assert dates(result, 10) == (day(0), day(4))
    assert result[10].total_float == 0
    assert result[10].critical
    assert result[13].total_float == 4
    assert 10 not in result.critical_ids


def test_a_link_into_a_summary_holds_back_every_task_under_it() -> None:
    result = schedule([task(1, "Permit", 2), *_phase()], [link(1, 10), link(11, 12)])
    assert dates(result, 11) == (day(2), day(3))
    assert dates(result, 13) == (day(2), day(2))
    assert dates(result, 10) == (day(2), day(8))
    assert result[1].free_float == 0


def test_a_link_from_a_summary_waits_for_its_last_task() -> None:
    result = schedule([*_phase(), task(2, "Handover", 1)], [link(11, 12), link(10, 2)])
    assert dates(result, 2) == (day(7), day(7))
    assert result[13].free_float == 4  # Cure (Monday) may slip to Friday before Handover moves
    assert result[13].total_float == 4


def test_the_free_float_of_a_task_counts_the_links_of_its_summary() -> None:
    result = schedule([*_phase(), task(2, "Handover", 1), task(3, "Audit", 20)], [link(11, 12), link(10, 2)])
    assert result[13].free_float == 4
    assert result[13].total_float == 18


def test_start_to_start_from_a_summary_applies_to_each_task_under_it() -> None:
    result = schedule([*_phase(), task(2, "Inspect", 1)], [link(11, 12), link(10, 2, DependencyType.SS)])
    assert dates(result, 2) == (day(2), day(2))  # after the last of them has started


def test_a_summary_constraint_applies_to_its_tasks() -> None:
    fields = {"constraint_type": ConstraintType.START_NO_EARLIER, "constraint_date": day(7)}
    result = schedule(_phase(summary_fields=fields), [link(11, 12)])
    assert dates(result, 11) == (day(7), day(8))
    assert dates(result, 13) == (day(7), day(7))


def test_a_summary_deadline_names_the_summary() -> None:
    fields = {"constraint_type": ConstraintType.FINISH_NO_LATER, "constraint_date": day(3)}
    result = schedule(_phase(summary_fields=fields), [link(11, 12)])
    assert result[12].total_float == -1
    assert result[12].conflict == "1 working day late for 'Phase' to finish no later than 2025-01-09."
    assert result[10].conflict == "Some of its tasks cannot keep their dates."


def test_links_into_nested_summaries_reach_the_innermost_tasks() -> None:
    tasks = [
        task(1, "Kick-off", 3),
        task(10, "Programme", 0, kind=SUMMARY),
        task(20, "Stage", 0, kind=SUMMARY, parent_id=10),
        task(21, "Work", 2, parent_id=20),
    ]
    result = schedule(tasks, [link(1, 10)])
    assert dates(result, 21) == (day(3), day(4))
    assert dates(result, 10) == (day(3), day(4))


def test_links_across_projects_with_each_project_measured_against_its_own_finish() -> None:
    tasks = [
        task(1, "Platform", 5, project_id=1),
        task(2, "Docs", 10, project_id=1),
        task(3, "Migrate", 1, project_id=2),
        task(4, "Train", 10, project_id=2),
    ]
    result = schedule(tasks, [link(1, 3)], starts={1: MONDAY, 2: MONDAY})
    assert dates(result, 3) == (day(7), day(7))
    assert result[2].critical  # the end of project 1
    assert result[4].critical  # the end of project 2
    assert result[3].total_float == 4  # project 2 runs to Friday 17th
    assert result[1].total_float == 4  # its successor in project 2 has room, so it has too
    assert result[1].free_float == 0


def test_each_project_starts_on_its_own_date() -> None:
    tasks = [task(1, "A", 1, project_id=1), task(2, "B", 1, project_id=2)]
    result = schedule(tasks, starts={1: MONDAY, 2: day(9)})
    assert dates(result, 2) == (day(9), day(9))


def test_a_loop_in_the_links_is_refused_with_the_names() -> None:
    with pytest.raises(CycleError, match=r"in a loop: 'A' → 'B' → 'A'\.$"):
        engine([task(1, "A"), task(2, "B")], [link(1, 2), link(2, 1)])


def test_closing_a_loop_is_refused_and_changes_nothing() -> None:
    scheduler = engine([task(1, "A"), task(2, "B"), task(3, "C")], [link(1, 2), link(2, 3)])
    before = scheduler.schedule
    message = "Linking 'C' to 'A' would close a loop: 'C' → 'A' → 'B' → 'C'."
    with pytest.raises(CycleError, match=message):
        scheduler.set_link(link(3, 1))
    assert scheduler.schedule == before
    with pytest.raises(CycleError):
        scheduler.check_link(3, 2)
    scheduler.check_link(1, 3)


def test_linking_a_task_to_its_own_summary_is_a_loop() -> None:
    scheduler = engine(_phase())
    with pytest.raises(CycleError, match=r"'Dig' → 'Phase' → 'Dig'\.$"):
        scheduler.set_link(link(11, 10))
    with pytest.raises(CycleError, match=r"'Phase' → 'Dig' → 'Phase'\.$"):
        scheduler.set_link(link(10, 11))


def test_a_loop_through_a_summary_names_the_summary() -> None:
    tasks = [*_phase(), task(2, "Review", 1)]
    with pytest.raises(CycleError, match=r"'Phase' → 'Review' → 'Phase'\.$"):
        engine(tasks, [link(10, 2), link(2, 10)])


def test_a_task_cannot_depend_on_itself() -> None:
    with pytest.raises(CycleError, match="'A' → 'A'"):
        engine([task(1, "A")]).set_link(link(1, 1))

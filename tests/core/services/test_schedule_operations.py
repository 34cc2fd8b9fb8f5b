"""Schedule edits reschedule in their transaction, name every task they moved, and undo exactly."""

from datetime import date

import pytest

from pmo_desktop.domain.enums import ConstraintType, DependencyType, EntityKind, TaskKind
from pmo_desktop.domain.errors import CycleError, ValidationError
from pmo_desktop.services.gantt_queries import gantt_data, gantt_tasks
from pmo_desktop.services.records import create_record, delete_record, get_record, restore_records, update_record
from pmo_desktop.services.schedule_operations import (
    add_task,
    capture_tasks,
    indent_task,
    move_task,
    outdent_task,
    project_task_ids,
    reorder_task,
    resize_task,
    restore_tasks,
    set_constraint,
    set_progress,
    take_baseline,
)
from pmo_desktop.services.workspace import Workspace


def dates(workspace: Workspace, task_id: int) -> tuple[date, date]:
    record = get_record(workspace, EntityKind.TASK, task_id)
    return record["start"], record["finish"]


def test_the_plan_starts_consistent(workspace: Workspace, plan: dict[str, int]) -> None:
    assert dates(workspace, plan["design"]) == (date(2026, 2, 2), date(2026, 2, 6))
    assert dates(workspace, plan["build"]) == (date(2026, 2, 9), date(2026, 2, 20))


def test_moving_a_task_moves_its_successors_and_undo_restores_both(workspace: Workspace, plan: dict[str, int]) -> None:
    design, build = plan["design"], plan["build"]
    before = capture_tasks(workspace, [design])
    changes = move_task(workspace, design, date(2026, 2, 16))
    assert changes.updated[EntityKind.TASK] >= {design, build}
    assert dates(workspace, design) == (date(2026, 2, 16), date(2026, 2, 20))
    assert dates(workspace, build) == (date(2026, 2, 23), date(2026, 3, 6))
    record = get_record(workspace, EntityKind.TASK, design)
    assert (record["constraint_type"], record["constraint_date"]) == ("snet", date(2026, 2, 16))

    undone = restore_tasks(workspace, before)
    assert undone.updated[EntityKind.TASK] >= {design, build}
    assert dates(workspace, design) == (date(2026, 2, 2), date(2026, 2, 6))
    assert dates(workspace, build) == (date(2026, 2, 9), date(2026, 2, 20))


def test_a_task_moved_before_its_predecessor_allows_stays_where_the_link_holds_it(
    workspace: Workspace, plan: dict[str, int]
) -> None:
    # The first edit scheduled the plan; this one moves Build (after Design) to before Design finishes.
    changes = move_task(workspace, plan["build"], date(2026, 2, 4))
    assert dates(workspace, plan["build"]) == (date(2026, 2, 9), date(2026, 2, 20))  # not the typed 4 Feb
    assert get_record(workspace, EntityKind.TASK, plan["build"])["constraint_date"] == date(2026, 2, 4)
    assert plan["build"] in changes.updated[EntityKind.TASK]


def test_resize_changes_the_duration_and_pushes_successors(workspace: Workspace, plan: dict[str, int]) -> None:
    resize_task(workspace, plan["design"], date(2026, 2, 10))
    assert get_record(workspace, EntityKind.TASK, plan["design"])["duration_days"] == 7
    assert dates(workspace, plan["build"])[0] == date(2026, 2, 11)


def test_links_of_every_kind_reschedule(workspace: Workspace, plan: dict[str, int]) -> None:
    test = add_task(workspace, plan["project"], name="Test", start=date(2026, 2, 2), duration_days=3).id
    link = create_record(workspace, EntityKind.DEPENDENCY, {"predecessor_id": plan["build"], "successor_id": test})
    assert test in link.changes.updated[EntityKind.TASK]
    assert dates(workspace, test) == (date(2026, 2, 23), date(2026, 2, 25))
    update_record(workspace, EntityKind.DEPENDENCY, link.id, {"type": DependencyType.SS.value, "lag_days": 2})
    assert dates(workspace, test)[0] == date(2026, 2, 11)
    deleted = delete_record(workspace, EntityKind.DEPENDENCY, link.id)
    assert dates(workspace, test)[0] == date(2026, 2, 2)
    restore_records(workspace, deleted.snapshot)
    assert dates(workspace, test)[0] == date(2026, 2, 11)


def test_a_link_closing_a_loop_is_refused_and_nothing_changes(workspace: Workspace, plan: dict[str, int]) -> None:
    before = dates(workspace, plan["design"])
    with pytest.raises(CycleError, match="'Build' to 'Design' would close a loop"):
        create_record(
            workspace, EntityKind.DEPENDENCY, {"predecessor_id": plan["build"], "successor_id": plan["design"]}
        )
    assert dates(workspace, plan["design"]) == before


def test_a_constraint_that_cannot_be_met_is_a_visible_conflict(workspace: Workspace, plan: dict[str, int]) -> None:
    set_constraint(workspace, plan["build"], ConstraintType.FINISH_NO_LATER, date(2026, 2, 13))
    rows = gantt_tasks(workspace, [plan["build"], plan["design"]])
    assert rows[plan["build"]].conflict is not None
    assert rows[plan["build"]].total_float < 0
    assert "late" in (rows[plan["design"]].conflict or "") or rows[plan["design"]].total_float < 0


def test_progress_does_not_move_dates(workspace: Workspace, plan: dict[str, int]) -> None:
    changes = set_progress(workspace, plan["design"], 60)
    assert changes.updated == {EntityKind.TASK: {plan["design"]}}
    assert get_record(workspace, EntityKind.TASK, plan["design"])["percent_complete"] == 60


def test_a_finished_task_leaves_the_critical_path_without_moving(workspace: Workspace, plan: dict[str, int]) -> None:
    def critical() -> set[str]:
        return {task.name for task in gantt_data(workspace).tasks if task.critical}

    assert critical() == {"Design", "Build"}
    changes = set_progress(workspace, plan["design"], 100)
    assert critical() == {"Build"}
    assert changes.updated == {EntityKind.TASK: {plan["design"]}}
    assert dates(workspace, plan["design"]) == (date(2026, 2, 2), date(2026, 2, 6))
    set_progress(workspace, plan["design"], 90)
    assert critical() == {"Design", "Build"}


def test_structure_edits_and_their_undo(workspace: Workspace, plan: dict[str, int]) -> None:
    project = plan["project"]
    with pytest.raises(CycleError, match="'Design' → 'Build' → 'Design'"):
        indent_task(workspace, plan["build"])  # a task cannot sit under the task it waits for
    delete_record(workspace, EntityKind.DEPENDENCY, plan["link"])
    everything = capture_tasks(workspace, project_task_ids(workspace, project))
    milestone = add_task(workspace, project, name="Launch", kind=TaskKind.MILESTONE, after_id=plan["build"]).id
    indent_task(workspace, plan["build"])
    assert get_record(workspace, EntityKind.TASK, plan["build"])["parent_id"] == plan["design"]
    assert get_record(workspace, EntityKind.TASK, plan["design"])["kind"] == "summary"
    outdent_task(workspace, plan["build"])
    assert get_record(workspace, EntityKind.TASK, plan["build"])["parent_id"] is None
    assert get_record(workspace, EntityKind.TASK, plan["design"])["kind"] == "task"
    reorder_task(workspace, milestone, 0)
    assert [t.name for t in gantt_data(workspace).tasks] == ["Launch", "Design", "Build"]
    with pytest.raises(ValidationError, match="has no task above it"):
        indent_task(workspace, milestone)
    delete_record(workspace, EntityKind.TASK, milestone)
    restore_tasks(workspace, everything)
    assert [t.name for t in gantt_data(workspace).tasks] == ["Design", "Build"]


def test_gantt_rows_carry_wbs_float_baseline_and_people(workspace: Workspace, plan: dict[str, int]) -> None:
    create_record(
        workspace,
        EntityKind.ALLOCATION,
        {"person_id": plan["person"], "project_id": plan["project"], "task_id": plan["build"],
         "start": date(2026, 2, 9), "finish": date(2026, 2, 20), "amount": 20},
    )  # fmt: skip
    baseline = take_baseline(workspace, "Approved plan").id
    move_task(workspace, plan["design"], date(2026, 2, 9))
    data = gantt_data(workspace)
    assert data.baseline_id == baseline
    rows = {task.name: task for task in data.tasks}
    assert [rows["Design"].wbs, rows["Build"].wbs] == ["1", "2"]
    assert rows["Build"].baseline_finish == date(2026, 2, 20) and rows["Build"].finish == date(2026, 2, 27)
    assert rows["Build"].people == ("Priya Shah",)
    assert rows["Build"].critical and rows["Design"].critical
    assert [link.critical for link in data.links] == [True]
    assert not data.calendar.is_working_day(date(2026, 2, 7))


def test_moving_onto_a_weekend_starts_on_the_next_working_day(workspace: Workspace, plan: dict[str, int]) -> None:
    move_task(workspace, plan["build"], date(2026, 2, 14))  # a Saturday
    assert dates(workspace, plan["build"]) == (date(2026, 2, 16), date(2026, 2, 27))
    assert get_record(workspace, EntityKind.TASK, plan["build"])["duration_days"] == 10


def test_changes_name_tasks_whose_float_changed_without_moving(workspace: Workspace, plan: dict[str, int]) -> None:
    changes = set_constraint(workspace, plan["build"], ConstraintType.FINISH_NO_LATER, date(2026, 2, 13))
    assert dates(workspace, plan["design"]) == (date(2026, 2, 2), date(2026, 2, 6))  # it did not move
    assert plan["design"] in changes.updated[EntityKind.TASK]  # but it lost its float

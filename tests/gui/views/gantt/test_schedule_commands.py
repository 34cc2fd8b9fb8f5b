"""Every schedule command done, undone and redone on a real file: successors follow and follow back."""

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import ConstraintType, DependencyType, EntityKind, TaskKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.schedule_commands import (
    AddTaskCommand,
    ChangeLinkCommand,
    ClearBaselineCommand,
    DeleteTaskCommand,
    IndentTaskCommand,
    LinkTasksCommand,
    MoveTaskCommand,
    OutdentTaskCommand,
    ReorderTaskCommand,
    ResizeTaskCommand,
    SetConstraintCommand,
    SetProgressCommand,
    TakeBaselineCommand,
    UnlinkCommand,
)
from pmo_desktop.gui.document import Document
from pmo_desktop.services.records import get_record, list_records
from tests.gui.views.gantt.plans import Plan


def dates(document: Document, *ids: int) -> list[tuple[date, date]]:
    return [
        (task["start"], task["finish"]) for task in (get_record(document.workspace, EntityKind.TASK, i) for i in ids)
    ]


def field(document: Document, task_id: int, name: str) -> object:
    return get_record(document.workspace, EntityKind.TASK, task_id)[name]


def cycle(document: Document, command: DocumentCommand) -> None:
    """Run, undo, redo: the three states the test checks around."""
    assert document.run(command)
    document.undo_stack.undo()
    document.undo_stack.redo()


def test_moving_a_task_moves_its_successors_and_undo_brings_them_back(plan_document: Document, plan: Plan) -> None:
    chain = (plan.design, plan.build, plan.test, plan.golive)
    before = dates(plan_document, *chain)
    assert before[0] == (date(2026, 2, 2), date(2026, 2, 6))
    assert plan_document.run(MoveTaskCommand(plan_document, plan.design, date(2026, 2, 9)))
    moved = dates(plan_document, *chain)
    assert moved == [
        (date(2026, 2, 9), date(2026, 2, 13)),
        (date(2026, 2, 16), date(2026, 2, 27)),
        (date(2026, 3, 2), date(2026, 3, 6)),
        (date(2026, 3, 6), date(2026, 3, 6)),
    ]
    assert plan_document.undo_stack.undoText() == "Move 'Design'"
    plan_document.undo_stack.undo()
    assert dates(plan_document, *chain) == before
    assert field(plan_document, plan.design, "constraint_type") == ConstraintType.ASAP
    plan_document.undo_stack.redo()
    assert dates(plan_document, *chain) == moved


def test_consecutive_drags_of_one_task_merge_into_one_step(plan_document: Document, plan: Plan) -> None:
    before = dates(plan_document, plan.design, plan.build)
    plan_document.run(MoveTaskCommand(plan_document, plan.design, date(2026, 2, 9), drag=True))
    plan_document.run(MoveTaskCommand(plan_document, plan.design, date(2026, 2, 16), drag=True))
    assert plan_document.undo_stack.count() == 1
    assert dates(plan_document, plan.design)[0][0] == date(2026, 2, 16)
    plan_document.undo_stack.undo()
    assert dates(plan_document, plan.design, plan.build) == before
    plan_document.undo_stack.redo()
    assert dates(plan_document, plan.design)[0][0] == date(2026, 2, 16)
    plan_document.run(MoveTaskCommand(plan_document, plan.build, date(2026, 3, 2), drag=True))
    plan_document.run(ResizeTaskCommand(plan_document, plan.build, date(2026, 3, 20), drag=True))
    assert plan_document.undo_stack.count() == 3  # another task, another kind of drag: steps of their own


def test_resizing_changes_the_duration_and_pushes_successors(plan_document: Document, plan: Plan) -> None:
    cycle(plan_document, ResizeTaskCommand(plan_document, plan.build, date(2026, 2, 27)))
    assert field(plan_document, plan.build, "duration_days") == 15
    assert dates(plan_document, plan.test) == [(date(2026, 3, 2), date(2026, 3, 6))]
    plan_document.undo_stack.undo()
    assert field(plan_document, plan.build, "duration_days") == 10
    assert dates(plan_document, plan.test) == [(date(2026, 2, 23), date(2026, 2, 27))]


def test_progress_and_constraint(plan_document: Document, plan: Plan) -> None:
    cycle(plan_document, SetProgressCommand(plan_document, plan.design, 60))
    assert field(plan_document, plan.design, "percent_complete") == 60
    cycle(
        plan_document, SetConstraintCommand(plan_document, plan.test, ConstraintType.START_NO_EARLIER, date(2026, 3, 9))
    )
    assert dates(plan_document, plan.test, plan.golive) == [
        (date(2026, 3, 9), date(2026, 3, 13)),
        (date(2026, 3, 13), date(2026, 3, 13)),
    ]
    plan_document.undo_stack.undo()
    assert dates(plan_document, plan.golive) == [(date(2026, 2, 27), date(2026, 2, 27))]
    plan_document.undo_stack.undo()
    assert field(plan_document, plan.design, "percent_complete") == 0


def test_indent_outdent_and_reorder_restore_the_outline(plan_document: Document, plan: Plan) -> None:
    cycle(plan_document, IndentTaskCommand(plan_document, plan.handbook))
    assert field(plan_document, plan.handbook, "parent_id") == plan.training
    assert field(plan_document, plan.training, "kind") == TaskKind.SUMMARY
    plan_document.undo_stack.undo()
    assert field(plan_document, plan.handbook, "parent_id") is None
    assert field(plan_document, plan.training, "kind") == TaskKind.TASK
    plan_document.undo_stack.redo()
    cycle(plan_document, OutdentTaskCommand(plan_document, plan.handbook))
    assert field(plan_document, plan.handbook, "parent_id") is None
    cycle(plan_document, ReorderTaskCommand(plan_document, plan.golive, 0))
    assert field(plan_document, plan.golive, "sort_order") == 0
    plan_document.undo_stack.undo()
    assert field(plan_document, plan.golive, "sort_order") == 3


def test_indenting_under_a_linked_task_is_refused(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    with qtbot.waitSignal(plan_document.operation_failed) as refused:
        assert not plan_document.run(IndentTaskCommand(plan_document, plan.build))
    assert refused.args[0] == "These tasks depend on each other in a loop: 'Design' → 'Build' → 'Design'."


def test_adding_a_task_keeps_its_id_across_undo_and_redo(plan_document: Document, plan: Plan) -> None:
    command = AddTaskCommand(plan_document, plan.portal, name="Review", after_id=plan.design, duration_days=3)
    assert plan_document.run(command)
    new_id = command.record_id
    assert new_id is not None and field(plan_document, new_id, "sort_order") == 1
    plan_document.undo_stack.undo()
    assert all(task.id != new_id for task in list_records(plan_document.workspace, EntityKind.TASK))
    plan_document.undo_stack.redo()
    assert field(plan_document, new_id, "name") == "Review"
    milestone = AddTaskCommand(plan_document, plan.warehouse, name="Handover", kind=TaskKind.MILESTONE)
    cycle(plan_document, milestone)
    assert milestone.record_id is not None and field(plan_document, milestone.record_id, "duration_days") == 0


def test_deleting_a_task_and_undo_puts_back_its_links(plan_document: Document, plan: Plan) -> None:
    before = dates(plan_document, plan.test)
    cycle(plan_document, DeleteTaskCommand(plan_document, plan.build))
    assert dates(plan_document, plan.test) == [(date(2026, 2, 2), date(2026, 2, 6))]  # nothing holds it back now
    plan_document.undo_stack.undo()
    assert dates(plan_document, plan.test) == before
    links = list_records(plan_document.workspace, EntityKind.DEPENDENCY, successor_id=plan.build)
    assert [link["predecessor_id"] for link in links] == [plan.design]


def test_links_across_projects_change_and_go(plan_document: Document, plan: Plan) -> None:
    command = LinkTasksCommand(plan_document, plan.install, plan.design)
    cycle(plan_document, command)
    assert command.record_id is not None
    assert dates(plan_document, plan.design) == [(date(2026, 2, 11), date(2026, 2, 17))]
    cycle(plan_document, ChangeLinkCommand(plan_document, command.record_id, DependencyType.SS, 2))
    assert dates(plan_document, plan.design) == [(date(2026, 2, 9), date(2026, 2, 13))]
    plan_document.undo_stack.undo()
    assert dates(plan_document, plan.design) == [(date(2026, 2, 11), date(2026, 2, 17))]
    plan_document.undo_stack.redo()
    cycle(plan_document, UnlinkCommand(plan_document, command.record_id))
    assert dates(plan_document, plan.design) == [(date(2026, 2, 2), date(2026, 2, 6))]
    plan_document.undo_stack.undo()
    assert dates(plan_document, plan.design) == [(date(2026, 2, 9), date(2026, 2, 13))]


def test_a_link_closing_a_loop_is_refused_with_the_names(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    with qtbot.waitSignal(plan_document.operation_failed) as refused:
        assert not plan_document.run(LinkTasksCommand(plan_document, plan.golive, plan.design))
    message = refused.args[0]
    assert "Design" in message and "Go live" in message
    assert plan_document.undo_stack.count() == 0


def test_baselines_are_taken_and_cleared(plan_document: Document, plan: Plan) -> None:
    take = TakeBaselineCommand(plan_document, "Re-plan")
    cycle(plan_document, take)
    assert take.record_id is not None
    assert get_record(plan_document.workspace, EntityKind.BASELINE, take.record_id)["name"] == "Re-plan"
    assert len(list_records(plan_document.workspace, EntityKind.BASELINE_TASK, baseline_id=take.record_id)) == 8
    cycle(plan_document, ClearBaselineCommand(plan_document, plan.baseline))
    assert [b["name"] for b in list_records(plan_document.workspace, EntityKind.BASELINE)] == ["Re-plan"]
    plan_document.undo_stack.undo()
    assert len(list_records(plan_document.workspace, EntityKind.BASELINE_TASK, baseline_id=plan.baseline)) == 8


@pytest.mark.parametrize("percent", [-1, 101])
def test_a_refused_value_keeps_the_history(qtbot: QtBot, plan_document: Document, plan: Plan, percent: int) -> None:
    with qtbot.waitSignal(plan_document.operation_failed):
        assert not plan_document.run(SetProgressCommand(plan_document, plan.design, percent))
    assert plan_document.undo_stack.count() == 0

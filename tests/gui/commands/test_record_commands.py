"""Create, update and delete commands: redo, undo, redo against a real workspace, and refusals kept off the stack."""

from datetime import date

from pytestqt.qtbot import QtBot

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand, DeleteRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.services.records import delete_record, get_record, list_records
from tests.gui.portfolios import Ids


def _names(document: Document, kind: EntityKind) -> list[str]:
    return [record["name"] for record in list_records(document.workspace, kind)]


def test_create_redo_undo_redo_keeps_id_and_uuid(document: Document) -> None:
    command = CreateRecordCommand(document, EntityKind.PERSON, {"name": "Chen Wei", "hours_per_week": 30})
    assert document.run(command)
    record = get_record(document.workspace, EntityKind.PERSON, command.record_id or 0)
    assert command.text() == "Add person"

    document.undo_stack.undo()
    assert "Chen Wei" not in _names(document, EntityKind.PERSON)

    document.undo_stack.redo()
    again = get_record(document.workspace, EntityKind.PERSON, record.id)
    assert (again.uuid, again["hours_per_week"]) == (record.uuid, 30)


def test_update_captures_before_values_and_names_the_field(document: Document, ids: Ids) -> None:
    command = UpdateRecordCommand(document, EntityKind.PROJECT, ids.portal, {"name": "Portal 2.0"})
    assert command.text() == "Change project name"
    assert document.run(command)
    assert get_record(document.workspace, EntityKind.PROJECT, ids.portal)["name"] == "Portal 2.0"

    document.undo_stack.undo()
    assert get_record(document.workspace, EntityKind.PROJECT, ids.portal)["name"] == "Portal Relaunch"
    document.undo_stack.redo()
    assert get_record(document.workspace, EntityKind.PROJECT, ids.portal)["name"] == "Portal 2.0"


def test_delete_undo_restores_dependants_with_the_same_ids(document: Document, ids: Ids) -> None:
    command = DeleteRecordCommand(document, EntityKind.PROJECT, ids.portal)
    assert command.text() == "Delete project 'Portal Relaunch'"
    assert document.run(command)
    assert "Design" not in _names(document, EntityKind.TASK)

    document.undo_stack.undo()
    assert get_record(document.workspace, EntityKind.TASK, ids.design)["name"] == "Design"
    assert get_record(document.workspace, EntityKind.ALLOCATION, ids.allocation)["project_id"] == ids.portal
    document.undo_stack.redo()
    assert list_records(document.workspace, EntityKind.TASK, project_id=ids.portal) == []


def test_each_step_announces_its_changes(document: Document, ids: Ids, qtbot: QtBot) -> None:
    seen: list[Changes] = []
    document.changes_applied.connect(seen.append)
    document.run(UpdateRecordCommand(document, EntityKind.TASK, ids.build, {"percent_complete": 60}))
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert len(seen) == 3
    assert all(changes.ids(EntityKind.TASK) == {ids.build} for changes in seen)


def test_a_refused_edit_is_reported_and_not_pushed(document: Document, ids: Ids, qtbot: QtBot) -> None:
    command = UpdateRecordCommand(document, EntityKind.TASK, ids.design, {"finish": date(2026, 1, 1)})
    with qtbot.waitSignal(document.operation_failed) as blocker:
        assert not document.run(command)
    assert "cannot finish" in blocker.args[0]
    assert document.undo_stack.count() == 0
    assert not document.is_modified


def test_a_refused_edit_keeps_the_redo_history(document: Document, ids: Ids) -> None:
    document.run(UpdateRecordCommand(document, EntityKind.PERSON, ids.bob, {"hours_per_week": 32}))
    document.undo_stack.undo()
    document.run(UpdateRecordCommand(document, EntityKind.PERSON, ids.bob, {"hours_per_week": -4}))
    assert document.undo_stack.canRedo()


def test_mergeable_updates_of_one_field_become_one_step(document: Document, ids: Ids) -> None:
    for percent in (10, 20, 30):
        command = UpdateRecordCommand(
            document, EntityKind.TASK, ids.design, {"percent_complete": percent}, mergeable=True
        )
        document.run(command)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert get_record(document.workspace, EntityKind.TASK, ids.design)["percent_complete"] == 0


def test_table_edits_stay_separate_steps(document: Document, ids: Ids) -> None:
    for name in ("Design A", "Design B"):
        document.run(UpdateRecordCommand(document, EntityKind.TASK, ids.design, {"name": name}))
    assert document.undo_stack.count() == 2


def test_an_undo_that_can_no_longer_run_is_reported_and_dropped(document: Document, ids: Ids, qtbot: QtBot) -> None:
    document.run(UpdateRecordCommand(document, EntityKind.PERSON, ids.bob, {"name": "Robert Okafor"}))
    delete_record(document.workspace, EntityKind.PERSON, ids.bob)  # behind the stack's back, as an import could
    with qtbot.waitSignal(document.operation_failed) as blocker:
        document.undo_stack.undo()
    assert "no longer exists" in blocker.args[0]
    assert document.undo_stack.count() == 0

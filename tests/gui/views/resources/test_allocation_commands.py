"""Split and move commands: each runs once, then undo and redo swap the same rows back and forth."""

from datetime import date
from typing import Any

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.allocation_commands import MoveAllocationCommand, SplitAllocationCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.services.records import list_records
from tests.core.services.capacity_builders import Staffed


def allocations(document: Document) -> dict[int, tuple[Any, ...]]:
    return {
        record.id: (record.uuid, record["person_id"], record["start"], record["finish"], record["amount"])
        for record in list_records(document.workspace, EntityKind.ALLOCATION)
    }


def redo_undo_redo(document: Document, command: SplitAllocationCommand | MoveAllocationCommand) -> None:
    before = allocations(document)
    applied: list[object] = []
    document.changes_applied.connect(applied.append)
    assert document.run(command)
    after = allocations(document)
    assert after != before and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert allocations(document) == before
    document.undo_stack.redo()
    assert allocations(document) == after  # the same ids and UUIDs come back
    assert len(applied) == 3


def test_split_redo_undo_redo(staffed_document: Document, staffed: Staffed) -> None:
    command = SplitAllocationCommand(staffed_document, staffed.ada_portal, date(2026, 1, 19))
    redo_undo_redo(staffed_document, command)
    (new_id,) = command.created_ids
    assert allocations(staffed_document)[new_id][2:] == (date(2026, 1, 19), date(2026, 1, 30), 40.0)
    assert staffed_document.undo_stack.undoText() == "Split allocation at 19 Jan 2026"


def test_move_part_redo_undo_redo(staffed_document: Document, staffed: Staffed) -> None:
    command = MoveAllocationCommand(
        staffed_document, staffed.ada_portal, staffed.ben, start=date(2026, 1, 19), amount=10.0, text="Move to Ben"
    )
    redo_undo_redo(staffed_document, command)
    rows = allocations(staffed_document)
    assert sorted(rows[new_id][1:] for new_id in command.created_ids) == sorted(
        [
            (staffed.ada, date(2026, 1, 19), date(2026, 1, 30), 30.0),
            (staffed.ben, date(2026, 1, 19), date(2026, 1, 30), 10.0),
        ]
    )


def test_a_refused_move_stays_off_the_stack(staffed_document: Document, staffed: Staffed) -> None:
    refusals: list[str] = []
    staffed_document.operation_failed.connect(refusals.append)
    assert not staffed_document.run(MoveAllocationCommand(staffed_document, staffed.ada_portal, staffed.ada))
    assert refusals == ["This allocation is already Ada's."]
    assert staffed_document.undo_stack.count() == 0

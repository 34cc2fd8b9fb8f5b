"""Document: the modified flag, what saving resets, and which edits reach the stack."""

from pathlib import Path

from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.record_commands import UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.services.workspace import OpenMode, Workspace
from tests.gui.portfolios import Ids


def test_an_edit_marks_the_document_and_saving_clears_it(document: Document, ids: Ids, qtbot: QtBot) -> None:
    assert not document.is_modified
    with qtbot.waitSignal(document.state_changed):
        document.run(UpdateRecordCommand(document, EntityKind.PERSON, ids.bob, {"hours_per_week": 30}))
    assert document.is_modified
    with qtbot.waitSignal(document.state_changed):
        document.save()
    assert not document.is_modified
    assert document.undo_stack.isClean()


def test_an_edit_that_changes_nothing_is_not_pushed(document: Document, ids: Ids) -> None:
    assert document.run(UpdateRecordCommand(document, EntityKind.PERSON, ids.bob, {"hours_per_week": 40.0}))
    assert document.undo_stack.count() == 0
    assert not document.is_modified


def test_a_copy_starts_out_unsaved(ids: Ids, portfolio_file: Path) -> None:
    copy = Document(Workspace.open(portfolio_file, OpenMode.COPY))
    try:
        assert copy.is_modified
        assert copy.path is None
    finally:
        copy.close()


def test_a_new_portfolio_can_start_out_unmodified() -> None:
    fresh = Document(Workspace.create(None, "New"), modified=False)
    try:
        assert not fresh.is_modified
        assert fresh.display_name == "Untitled"
    finally:
        fresh.close()

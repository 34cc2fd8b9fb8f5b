"""RAID edits as undo commands (redo, undo, redo each), the view's edit gestures, and the whole PMO story:
click the critical cell, lower a residual probability, watch the matrix and burndown move, undo, save, reopen."""

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.raid_commands import (
    CloseRaidItemCommand,
    CreateRaidItemCommand,
    EditRaidItemCommand,
    ReopenRaidItemCommand,
)
from pmo_desktop.gui.dialogs.raid_item_dialog import RaidItemDialog
from pmo_desktop.gui.dialogs.raid_item_fields import select_value
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.gui.ui_loader import child
from pmo_desktop.gui.views.risks.risks_view import RisksView
from pmo_desktop.services.raid_queries import linked_tasks
from pmo_desktop.services.records import get_record, list_records
from pmo_desktop.services.workspace import Workspace
from tests.gui.portfolios import Ids
from tests.gui.views.risks.conftest import Log, add_log


def history(workspace: Workspace, item_id: int) -> list[tuple[int, int, int | None]]:
    entries = list_records(workspace, EntityKind.RAID_SCORE, raid_item_id=item_id)
    return [(entry["probability"], entry["impact"], entry["residual_probability"]) for entry in entries]


def item(workspace: Workspace, item_id: int) -> dict[str, Any]:
    return dict(get_record(workspace, EntityKind.RAID_ITEM, item_id).values)


def answer_editor(monkeypatch: pytest.MonkeyPatch, fill: Any) -> None:
    """Stand in for the user at the editor: `fill(dialog)` edits the form, then Save is pressed."""

    def exec_(dialog: RaidItemDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(RaidItemDialog, "exec", exec_)


def lower_residual_probability(dialog: RaidItemDialog) -> None:
    select_value(child(dialog.form, QComboBox, "residualProbabilityCombo"), 1)


def test_an_edit_appends_to_the_history_and_undo_removes_it(view: RisksView, document: Document, log: Log) -> None:
    workspace = document.workspace
    before, history_before = item(workspace, log.fire), history(workspace, log.fire)
    command = EditRaidItemCommand(document, log.fire, "R-002", {"residual_probability": 1})
    assert document.run(command)
    assert history(workspace, log.fire) == [*history_before, (5, 5, 1)]
    assert (view.matrix.model.count(2, 5), view.matrix.model.count(1, 5)) == (0, 1)
    assert document.undo_stack.undoText() == "Edit R-002"
    document.undo_stack.undo()
    assert item(workspace, log.fire) == before
    assert history(workspace, log.fire) == history_before
    assert (view.matrix.model.count(2, 5), view.matrix.model.count(1, 5)) == (1, 0)
    document.undo_stack.redo()
    assert item(workspace, log.fire)["residual_probability"] == 1
    assert history(workspace, log.fire) == [*history_before, (5, 5, 1)]
    assert view.matrix.model.count(1, 5) == 1


def test_adding_an_item_with_links_undoes_and_redoes_with_the_same_id(
    view: RisksView, document: Document, ids: Ids, log: Log
) -> None:
    values = {"kind": "risk", "title": "Strike at the port", "probability": 4, "impact": 5}
    command = CreateRaidItemCommand(document, values, link=[ids.build])
    assert document.run(command)
    new_id = command.item_id
    assert new_id is not None
    assert view.model.row_at(view.model.row_of(new_id) or 0).human_id == "R-005"
    assert [task.id for task in linked_tasks(document.workspace, new_id)] == [ids.build]
    document.undo_stack.undo()
    assert view.model.row_of(new_id) is None
    assert list_records(document.workspace, EntityKind.RAID_SCORE, raid_item_id=new_id) == []
    document.undo_stack.redo()
    assert view.model.row_of(new_id) is not None
    assert [task.id for task in linked_tasks(document.workspace, new_id)] == [ids.build]
    assert len(history(document.workspace, new_id)) == 1


def test_close_and_reopen_undo_and_redo(view: RisksView, document: Document, log: Log) -> None:
    workspace = document.workspace
    assert document.run(CloseRaidItemCommand(document, log.printer, "I-001", "Replaced the printer."))
    assert item(workspace, log.printer)["status"] == "closed"
    assert view.model.row_at(view.model.row_of(log.printer) or 0).review_overdue is False
    document.undo_stack.undo()
    assert (item(workspace, log.printer)["status"], item(workspace, log.printer)["closed_on"]) == ("open", None)
    document.undo_stack.redo()
    assert item(workspace, log.printer)["closure_note"] == "Replaced the printer."
    assert document.run(ReopenRaidItemCommand(document, log.printer, "I-001"))
    assert item(workspace, log.printer)["status"] == "open"
    document.undo_stack.undo()
    assert item(workspace, log.printer)["status"] == "closed"
    document.undo_stack.redo()
    assert item(workspace, log.printer)["closed_on"] is None


def test_a_refused_close_never_reaches_the_stack(qtbot: QtBot, view: RisksView, document: Document, log: Log) -> None:
    with qtbot.waitSignal(document.operation_failed) as refused:
        assert not document.run(CloseRaidItemCommand(document, log.printer, "I-001", ""))
    assert refused.args == ["Closing 'Printer down' needs a closure note saying why."]
    assert document.undo_stack.count() == 0


def test_editing_from_the_view_saves_what_the_editor_returns(
    monkeypatch: pytest.MonkeyPatch, view: RisksView, document: Document, log: Log
) -> None:
    answer_editor(monkeypatch, lambda dialog: child(dialog.form, QLineEdit, "titleEdit").setText("Vendor API lost"))
    assert view.table.select_item(log.vendor)
    assert view.open_selected()
    assert item(document.workspace, log.vendor)["title"] == "Vendor API lost"
    assert view.table.selected_item_id() == log.vendor
    document.undo_stack.undo()
    assert item(document.workspace, log.vendor)["title"] == "Vendor API late"
    document.undo_stack.redo()
    assert item(document.workspace, log.vendor)["title"] == "Vendor API lost"


def test_a_cancelled_editor_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, view: RisksView, document: Document, log: Log
) -> None:
    monkeypatch.setattr(RaidItemDialog, "exec", lambda dialog: int(QDialog.DialogCode.Rejected))
    assert not view.actions.edit(log.vendor)
    assert view.new_item() is None
    assert document.undo_stack.count() == 0


def test_adding_from_the_view_selects_the_new_item(
    monkeypatch: pytest.MonkeyPatch, view: RisksView, document: Document, log: Log
) -> None:
    def fill(dialog: RaidItemDialog) -> None:
        child(dialog.form, QLineEdit, "titleEdit").setText("Budget freeze")
        select_value(child(dialog.form, QComboBox, "probabilityCombo"), 2)
        select_value(child(dialog.form, QComboBox, "impactCombo"), 4)

    answer_editor(monkeypatch, fill)
    new_id = view.new_item()
    assert new_id is not None
    assert view.table.selected_item_id() == new_id
    assert document.undo_stack.undoText() == "Add RAID item 'Budget freeze'"


def test_closing_deleting_and_reopening_from_the_view(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, view: RisksView, document: Document, log: Log
) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *args, **kwargs: ("Printer replaced.", True))
    assert view.actions.close_item(log.printer)
    assert item(document.workspace, log.printer)["status"] == "closed"
    assert view.actions.reopen(log.printer)
    assert view.actions.delete(log.fire)
    assert view.model.row_of(log.fire) is None
    document.undo_stack.undo()
    assert len(history(document.workspace, log.fire)) == 2
    assert view.model.row_of(log.fire) is not None
    assert view.table.select_item(log.budget)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.row_of(log.budget) is None
    assert document.undo_stack.undoText() == "Delete A-001"
    menu = view.actions.menu_for(log.printer, view)
    assert [action.text() for action in menu.actions() if action.text()][:3] == [
        "Open I-001…",
        "Close I-001…",
        "Delete I-001",
    ]


def test_a_pmo_manager_lowers_a_critical_risk_undoes_saves_and_reopens(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, portfolio_file: Path, ids: Ids
) -> None:
    workspace = Workspace.open(portfolio_file)
    log = add_log(workspace, ids)
    workspace.save()
    workspace.close()
    assert window.files.open_path(portfolio_file)
    assert window.views is not None and window.document is not None
    window.views.setCurrentIndex(3)
    page = window.views.pages[3]
    assert isinstance(page, RisksView)
    toggles = {button.property("basis"): button for button in page.matrix._toggles.buttons()}
    before = page.burndown.burndown  # the residual burndown the view opens with
    assert before is not None
    toggles["inherent"].click()
    page.matrix.click_cell(5, 5)  # the critical cell
    assert page.proxy.rowCount() == 1 and page.table.select_item(log.fire)
    answer_editor(monkeypatch, lower_residual_probability)
    assert page.open_selected()
    toggles["residual"].click()
    page.matrix.clear_requested.emit()
    assert (page.matrix.model.count(2, 5), page.matrix.model.count(1, 5)) == (0, 1)
    qtbot.waitUntil(lambda: not page.burndown_pending)
    after = page.burndown.burndown
    assert after is not None
    # Residual 2x5 = 10 became 1x5 = 5 for every projected week the risk is open.
    moved = {a.threat - b.threat for a, b in zip(before.points, after.points, strict=True) if a.projected}
    assert moved == {5}
    window.undo_action.trigger()
    assert page.matrix.model.count(2, 5) == 1
    assert window.files.save()
    window.files.close_document()
    reopened = Workspace.open(portfolio_file)
    try:
        assert get_record(reopened, EntityKind.RAID_ITEM, log.fire)["residual_probability"] == 2
        assert len(list_records(reopened, EntityKind.RAID_SCORE, raid_item_id=log.fire)) == 2
    finally:
        reopened.close()

"""The heatmap page as a planner uses it: click a cell, edit its allocations in the side panel, undo and redo;
split and move from the panel; jump from a hotspot; copy cells; switch grouping from the toolbar."""

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QDialog, QDoubleSpinBox, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot

from pmo_desktop.gui.dialogs.allocation_dialog import AllocationDialog
from pmo_desktop.gui.dialogs.move_allocation_dialog import MoveAllocationDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.roles import ChoicesRole
from pmo_desktop.gui.views.resources.heatmap_page import HeatmapPage
from pmo_desktop.services.capacity_queries import Grouping
from tests.core.services.capacity_builders import TODAY, Staffed

WEEK_3 = 3  # the week of Monday 19 January 2026, where Ada is at 150 %


@pytest.fixture
def page(qtbot: QtBot, staffed_document: Document) -> Iterator[HeatmapPage]:
    shown = HeatmapPage(staffed_document, today=TODAY)
    qtbot.addWidget(shown)
    shown.resize(1400, 800)
    shown.show()
    qtbot.waitUntil(lambda: shown.model.loaded)
    yield shown


def row(page: HeatmapPage, label: str) -> int:
    return [entry.label for entry in page.model.grid.rows].index(label)


def text(page: HeatmapPage, label: str, bucket: int) -> str:
    return str(page.model.data(page.model.index(row(page, label), bucket)))


def click_cell(qtbot: QtBot, page: HeatmapPage, label: str, bucket: int) -> None:
    rect = page.heatmap.cell_rect(row(page, label), bucket)
    qtbot.mouseClick(page.heatmap.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def answer(monkeypatch: pytest.MonkeyPatch, dialog: type[QDialog], fill: Callable[[QDialog], None]) -> None:
    """Answer the next `dialog` like a user: fill it in, then press its accept button."""

    def exec_(shown: QDialog) -> int:
        fill(shown)
        shown.accept()
        return int(shown.result())

    monkeypatch.setattr(dialog, "exec", exec_)


def test_clicking_a_cell_lists_its_allocations(qtbot: QtBot, page: HeatmapPage, staffed: Staffed) -> None:
    click_cell(qtbot, page, "Ada", WEEK_3)
    panel = page.cell_panel
    assert panel.title == "Ada"
    assert [panel.allocations.allocation_at(index).id for index in range(panel.allocations.rowCount())] == [
        staffed.ada_portal,
        staffed.ada_ledger,
    ]
    assert panel.split_button.isEnabled() and panel.move_button.isEnabled()
    selection = page.heatmap.selection()
    assert selection is not None and selection.current == (row(page, "Ada"), WEEK_3)


def test_editing_hours_in_the_panel_changes_the_cell_undo_and_redo(
    qtbot: QtBot, page: HeatmapPage, staffed_document: Document
) -> None:
    click_cell(qtbot, page, "Ada", WEEK_3)
    panel = page.cell_panel
    index = panel.allocations.index(0, panel.allocations.column_of("amount"))
    delegate = panel.table.itemDelegate()
    editor = delegate.createEditor(panel.table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QDoubleSpinBox) and editor.maximum() >= 168
    delegate.setEditorData(editor, index)
    assert editor.value() == 40.0
    editor.setValue(20.0)
    delegate.setModelData(editor, panel.allocations, index)
    editor.deleteLater()
    assert text(page, "Ada", WEEK_3) == "100%"
    assert panel.details is not None and panel.details.confirmed == 20.0  # the panel followed at once
    assert staffed_document.undo_stack.undoText() == "Change allocation hours"
    staffed_document.undo_stack.undo()
    assert text(page, "Ada", WEEK_3) == "150%"
    assert panel.details is not None and panel.details.confirmed == 40.0
    staffed_document.undo_stack.redo()
    assert text(page, "Ada", WEEK_3) == "100%"


def test_status_and_dates_from_the_panel(qtbot: QtBot, page: HeatmapPage, staffed: Staffed) -> None:
    click_cell(qtbot, page, "Ada", WEEK_3)
    model = page.cell_panel.allocations
    ledger = model.row_of(staffed.ada_ledger)
    assert ledger is not None
    assert model.setData(model.index(ledger, model.column_of("status")), "confirmed")
    assert page.model.grid.tentative[row(page, "Ada"), WEEK_3] == 0.0
    assert model.setData(model.index(ledger, model.column_of("finish")), date(2026, 1, 23))
    assert text(page, "Ada", WEEK_3 + 1) == "100%"  # the ledger no longer reaches the last week
    project = model.index(model.row_of(staffed.ada_ledger) or 0, model.column_of("project_id"))
    assert (staffed.portal, "CX Portal") in model.data(project, ChoicesRole)
    assert model.setData(project, staffed.portal)
    details = page.cell_panel.details
    assert details is not None and [item.project for item in details.projects] == ["CX Portal"]


def test_split_from_the_panel(qtbot: QtBot, page: HeatmapPage, staffed_document: Document, staffed: Staffed) -> None:
    click_cell(qtbot, page, "Ada", WEEK_3)
    panel = page.cell_panel
    panel.select_allocation(staffed.ada_portal)
    panel.split_button.click()
    assert text(page, "Ada", WEEK_3) == "150%"  # a split moves no hours
    listed = {panel.allocations.allocation_at(index).id for index in range(panel.allocations.rowCount())}
    assert staffed.ada_portal not in listed and len(listed) == 2  # this week now holds the second part
    staffed_document.undo_stack.undo()
    listed = {panel.allocations.allocation_at(index).id for index in range(panel.allocations.rowCount())}
    assert listed == {staffed.ada_portal, staffed.ada_ledger}


def test_move_part_of_an_allocation_from_the_panel(
    qtbot: QtBot, page: HeatmapPage, staffed_document: Document, staffed: Staffed, monkeypatch: pytest.MonkeyPatch
) -> None:
    click_cell(qtbot, page, "Ada", WEEK_3)
    page.cell_panel.select_allocation(staffed.ada_portal)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MoveAllocationDialog)
        dialog.person.setCurrentIndex(dialog.person.findData(staffed.ben))
        dialog.amount.setValue(15.0)

    answer(monkeypatch, MoveAllocationDialog, fill)
    page.cell_panel.move_button.click()
    assert (text(page, "Ada", WEEK_3), text(page, "Ben", WEEK_3)) == ("112%", "38%")
    assert text(page, "Ada", 1) == "100%"  # from this week on only: the earlier weeks stay Ada's
    staffed_document.undo_stack.undo()
    assert (text(page, "Ada", WEEK_3), text(page, "Ben", WEEK_3)) == ("150%", "0%")
    staffed_document.undo_stack.redo()
    assert (text(page, "Ada", WEEK_3), text(page, "Ben", WEEK_3)) == ("112%", "38%")


def test_add_and_delete_from_the_panel(
    qtbot: QtBot, page: HeatmapPage, staffed_document: Document, staffed: Staffed, monkeypatch: pytest.MonkeyPatch
) -> None:
    click_cell(qtbot, page, "Cleo", WEEK_3)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AllocationDialog)
        assert dialog.form_values()["person_id"] == staffed.cleo
        dialog.form.findChild(QDoubleSpinBox, "amountSpin").setValue(10.0)

    answer(monkeypatch, AllocationDialog, fill)
    page.cell_panel.add_button.click()
    assert text(page, "Cleo", WEEK_3) == "50%"
    assert staffed_document.undo_stack.undoText() == "Add allocation"
    page.cell_panel.delete_button.click()
    assert text(page, "Cleo", WEEK_3) == "0%"
    staffed_document.undo_stack.undo()
    assert text(page, "Cleo", WEEK_3) == "50%"


def test_a_refused_edit_keeps_the_dialog_open(page: HeatmapPage, staffed_document: Document, staffed: Staffed) -> None:
    dialog = AllocationDialog(staffed_document.workspace, allocation_id=staffed.ada_portal)
    dialog.form.findChild(QDoubleSpinBox, "amountSpin").setValue(200.0)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "168 hours" in dialog.error
    dialog.deleteLater()


def test_a_hotspot_jumps_to_its_worst_week(qtbot: QtBot, page: HeatmapPage) -> None:
    qtbot.waitUntil(lambda: page.hotspots.hotspots.rowCount() == 1)
    page.toolbar.choose("grouping", Grouping.ROLES_ONLY)
    page.hotspots.hotspot_table.clicked.emit(page.hotspots.hotspots.index(0, 0))
    assert page.model.options.grouping is Grouping.TEAM  # people are shown again to find the person
    selection = page.heatmap.selection()
    assert selection is not None and selection.current == (row(page, "Ada"), WEEK_3)
    assert page.cell_panel.title == "Ada"


def test_toolbar_switches_grouping(page: HeatmapPage) -> None:
    page.toolbar.choose("grouping", Grouping.ROLE)
    assert page.model.options.grouping is Grouping.ROLE and "Unfilled demand" in [
        entry.label for entry in page.model.grid.rows
    ]
    page.toolbar.tentative.setCurrentIndex(page.toolbar.tentative.findData("hide"))
    assert text(page, "Ada", WEEK_3) == "100%"


def test_ctrl_c_copies_the_selection(qtbot: QtBot, page: HeatmapPage) -> None:
    click_cell(qtbot, page, "Ada", WEEK_3)
    qtbot.keyClick(page.heatmap, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.heatmap, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied == "\t\t2026-01-19\t2026-01-26\nAda\tDeveloper\t150%\t150%\n"


# Showing a tooltip raises its window, which Qt's offscreen test platform warns it cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support propagateSizeHints")
def test_hovering_a_cell_shows_its_breakdown(qtbot: QtBot, page: HeatmapPage) -> None:
    point = page.heatmap.cell_rect(row(page, "Ada"), WEEK_3).center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, page.heatmap.viewport().mapToGlobal(point))
    QApplication.sendEvent(page.heatmap.viewport(), event)
    assert QToolTip.isVisible() and "FI Ledger" in QToolTip.text()
    QToolTip.hideText()

"""The issue's "done when", end to end in the main window on the demo portfolio: open Resources, see the seeded
hotspots with their numbers, click an over-allocated cell, move part of an allocation to someone else, see
both rows change, undo, save, reopen."""

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pmo_desktop.demo import HOTSPOT_PEOPLE
from pmo_desktop.gui.dialogs.move_allocation_dialog import MoveAllocationDialog
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.gui.models.heatmap_hotspot_model import BucketRangeRole
from pmo_desktop.gui.models.heatmap_model import BandRole, HeatmapModel
from pmo_desktop.gui.views.resources.heatmap_page import HeatmapPage
from pmo_desktop.gui.views.resources.resources_view import ResourcesView
from pmo_desktop.services.capacity_queries import RowKind

RESOURCES = 2


def open_resources(qtbot: QtBot, window: MainWindow, path: Path) -> HeatmapPage:
    assert window.files.open_path(path)
    assert window.views is not None
    window.views.setCurrentIndex(RESOURCES)
    view = window.views.pages[RESOURCES]
    assert isinstance(view, ResourcesView)
    qtbot.waitUntil(lambda: view.heatmap_page.model.loaded)
    return view.heatmap_page


def row_of(model: HeatmapModel, person: str) -> int:
    return next(
        row for row, entry in enumerate(model.grid.rows) if entry.label == person and entry.kind is RowKind.PERSON
    )


def test_move_part_of_a_hotspot_then_undo_save_and_reopen(
    qtbot: QtBot, window: MainWindow, demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.resize(1400, 900)
    window.show()
    page = open_resources(qtbot, window, demo_file)
    model = page.model

    # The seeded hotspots lead the list, each with its peak.
    qtbot.waitUntil(lambda: page.hotspots.hotspots.rowCount() > 0)
    hotspots = page.hotspots.hotspots
    listed = [(hotspots.data(hotspots.index(row, 0)), hotspots.data(hotspots.index(row, 1))) for row in range(6)]
    people = list(dict.fromkeys(person for person, _ in listed))  # a person may have several runs
    assert set(people[:3]) == set(HOTSPOT_PEOPLE)
    assert all(int(peak.rstrip("%")) >= 140 for person, peak in listed if person in HOTSPOT_PEOPLE)

    # Click the worst week of the worst run: it is over capacity.
    person = str(listed[0][0])
    first, stop = hotspots.data(hotspots.index(0, 0), BucketRangeRole)
    row = row_of(model, person)
    bucket = first + int(np.argmax(model.grid.utilisation()[row, first:stop]))
    assert model.data(model.index(row, bucket), BandRole) == "over"
    page.heatmap.ensure_visible(row, bucket)
    qtbot.mouseClick(
        page.heatmap.viewport(), Qt.MouseButton.LeftButton, pos=page.heatmap.cell_rect(row, bucket).center()
    )
    panel = page.cell_panel
    assert panel.title == person and panel.allocations.rowCount() >= 3
    biggest = panel.allocations.allocation_at(0)
    panel.select_allocation(biggest.id)

    # Move half of it, from that week on, to whoever has the most room this week (the dialog lists them first).
    receiver: list[str] = []

    def move_half(dialog: QDialog) -> int:
        assert isinstance(dialog, MoveAllocationDialog)
        dialog.person.setCurrentIndex(0)
        receiver.append(dialog.person.currentText().split(" — ")[0])
        dialog.amount.setValue(biggest.amount / 2)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(MoveAllocationDialog, "exec", move_half)
    before = model.grid.load().copy()
    panel.move_button.click()
    other = row_of(model, receiver[0])
    after = model.grid.load()
    changed = np.flatnonzero((np.abs(after - before) > 1e-9).any(axis=1))
    assert {model.grid.rows[index].label for index in changed if model.grid.rows[index].kind is RowKind.PERSON} == {
        person,
        receiver[0],
    }
    assert after[row, bucket] < before[row, bucket] and after[other, bucket] > before[other, bucket]
    assert panel.details is not None and panel.details.load() == pytest.approx(after[row, bucket])

    # Undo: both rows are back.
    window.undo_action.trigger()
    np.testing.assert_allclose(model.grid.load(), before)

    # Save, close and reopen: the file holds the state the planner left.
    assert window.files.save()
    assert window.files.close_document()
    reopened = open_resources(qtbot, window, demo_file).model
    assert [entry.label for entry in reopened.grid.rows] == [entry.label for entry in model.grid.rows]
    np.testing.assert_allclose(reopened.grid.load(), before)
    assert reopened.data(reopened.index(row, bucket), BandRole) == "over"

"""The heatmap's Qt models: the model tester, roles, grouping, options, colours and the copied text."""

from datetime import date

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.record_commands import UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import heatmap_colours
from pmo_desktop.gui.models.heatmap_cell_model import CellAllocationsModel
from pmo_desktop.gui.models.heatmap_hotspot_model import (
    BucketRangeRole,
    HotspotTableModel,
    IdleRoleTableModel,
    SortValueRole,
)
from pmo_desktop.gui.models.heatmap_model import (
    BandRole,
    BucketStartRole,
    CapacityRole,
    HeatmapModel,
    RowKeyRole,
    RowKindRole,
    ShadeRole,
    TimeOffRole,
    UtilisationRole,
)
from pmo_desktop.gui.models.heatmap_paint import NumberMode, TentativeMode
from pmo_desktop.gui.models.roles import RecordIdRole
from pmo_desktop.services.capacity_hotspots import idle_by_role, top_over_allocations
from pmo_desktop.services.capacity_queries import Granularity, Grouping
from tests.core.services.capacity_builders import Staffed


def row_of(model: HeatmapModel, label: str) -> int:
    labels = [model.headerData(row, Qt.Orientation.Vertical) for row in range(model.rowCount())]
    return labels.index(label)


def cell(model: HeatmapModel, label: str, bucket: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row_of(model, label), bucket), role)


def test_the_grid_model_passes_the_model_tester(qtmodeltester: ModelTester, heatmap: HeatmapModel) -> None:
    qtmodeltester.check(heatmap)
    heatmap.set_options(grouping=Grouping.ROLE, tentative=TentativeMode.HATCH, numbers=NumberMode.HOURS)
    qtmodeltester.check(heatmap)


def test_an_unloaded_model_is_empty(staffed_document: Document) -> None:
    model = HeatmapModel(staffed_document)
    assert (model.rowCount(), model.columnCount(), model.loaded) == (0, 0, False)
    assert model.headerData(0, Qt.Orientation.Horizontal) is None


def test_cells_speak_in_roles(heatmap: HeatmapModel, staffed: Staffed) -> None:
    # The horizon starts with the quarter holding 21 January 2026: week 2 of the month is bucket 2.
    assert heatmap.headerData(2, Qt.Orientation.Horizontal, BucketStartRole) == date(2026, 1, 12)
    assert heatmap.headerData(2, Qt.Orientation.Horizontal) == "W03"
    ada = row_of(heatmap, "Ada")
    assert heatmap.headerData(ada, Qt.Orientation.Vertical, RowKindRole) == "person"
    assert heatmap.headerData(ada, Qt.Orientation.Vertical, RowKeyRole) == staffed.ada
    assert cell(heatmap, "Ada", 3) == "150%"
    assert cell(heatmap, "Ada", 3, UtilisationRole) == pytest.approx(1.5)
    assert cell(heatmap, "Ada", 3, BandRole) == "over"
    assert cell(heatmap, "Ada", 2, BandRole) == "full"
    assert cell(heatmap, "Ada", 2, TimeOffRole) == 2.0
    assert cell(heatmap, "Ada", 2, CapacityRole) == 24.0
    assert cell(heatmap, "Ada", 0, BandRole) == "under" and cell(heatmap, "Ada", 0) == "0%"  # before the month
    assert cell(heatmap, "Cleo", 1) == "0%"
    tooltip = str(cell(heatmap, "Ada", 3, Qt.ItemDataRole.ToolTipRole))
    assert "Ada" in tooltip and "150%" in tooltip and "CX Portal" in tooltip and "FI Ledger" in tooltip
    assert "Tentative" in tooltip and "20 h" in tooltip
    assert cell(heatmap, "Ada", 3, Qt.ItemDataRole.TextAlignmentRole) == Qt.AlignmentFlag.AlignCenter


def test_options_change_numbers_and_colours(heatmap: HeatmapModel) -> None:
    heatmap.set_options(numbers=NumberMode.HOURS)
    assert cell(heatmap, "Ada", 3) == "60"
    heatmap.set_options(numbers=NumberMode.PERCENT, tentative=TentativeMode.HIDE)
    assert cell(heatmap, "Ada", 3) == "100%" and cell(heatmap, "Ada", 3, BandRole) == "full"
    heatmap.set_options(tentative=TentativeMode.HATCH)
    # Hatched: the number counts tentative load, the colour shows confirmed load, stripes the rest.
    ada = row_of(heatmap, "Ada")
    assert cell(heatmap, "Ada", 3) == "150%"
    assert heatmap.paint.shades[ada, 3] == heatmap_colours.FULL
    assert heatmap.paint.hatch[ada, 3] == heatmap_colours.OVER_FIRST + 2  # 150 % is the "to 150 %" step


def test_grouping_switches(qtbot: QtBot, heatmap: HeatmapModel) -> None:
    labels = [heatmap.headerData(row, Qt.Orientation.Vertical) for row in range(heatmap.rowCount())]
    assert labels == ["Data", "Ben", "Platform", "Ada", "Cleo", "No team", "Exec"]
    with qtbot.waitSignals([heatmap.modelReset, heatmap.grid_changed]):
        heatmap.set_options(grouping=Grouping.ROLE)
    assert heatmap.rowCount() == 8 and cell(heatmap, "Unfilled demand", 1) == "12.8"
    heatmap.set_options(grouping=Grouping.ROLES_ONLY)
    roles = [heatmap.headerData(row, Qt.Orientation.Vertical) for row in range(heatmap.rowCount())]
    assert roles == ["Analyst", "Developer", "No role"]
    assert {heatmap.headerData(row, Qt.Orientation.Vertical, RowKindRole) for row in range(3)} == {"group"}
    heatmap.set_options(granularity=Granularity.MONTH)
    assert heatmap.columnCount() == 12 and heatmap.headerData(0, Qt.Orientation.Horizontal) == "Jan"


def test_the_horizon_moves_by_quarters(heatmap: HeatmapModel) -> None:
    heatmap.shift_horizon(1)
    assert heatmap.headerData(0, Qt.Orientation.Horizontal, BucketStartRole) == date(2026, 3, 30)
    heatmap.shift_horizon(0)
    assert heatmap.headerData(0, Qt.Orientation.Horizontal, BucketStartRole) == date(2025, 12, 29)


def test_110_and_220_percent_look_clearly_different() -> None:
    ratios = np.array([[0.0, 0.5, 0.8, 0.95, 1.10, 2.20]])
    bands = np.array([[0, 0, 1, 2, 3, 3]], dtype=np.int8)
    load = np.array([[0.0, 20.0, 32.0, 38.0, 44.0, 88.0]])
    codes = heatmap_colours.shade_codes(ratios, bands, load, np.full((1, 6), 40.0)).tolist()[0]
    assert len(set(codes)) == 6  # every band, and two steps of over, each has its own colour
    colours = heatmap_colours.colours()
    light, dark = colours[codes[4]], colours[codes[5]]
    assert light != dark
    assert light.lightnessF() - dark.lightnessF() > 0.3  # far apart, not two shades of one red
    assert heatmap_colours.text_colours()[codes[5]] == QColor("#ffffff")  # white numbers on the dark red
    assert heatmap_colours.shade_of(2.2, 88.0, 40.0) == codes[5]
    assert heatmap_colours.shade_of(float("inf"), 8.0, 0.0) == heatmap_colours.NO_CAPACITY_LOAD


def test_an_edit_refreshes_only_the_rows_it_moves(
    qtbot: QtBot, heatmap: HeatmapModel, staffed_document: Document, staffed: Staffed
) -> None:
    changed: list[int] = []
    heatmap.dataChanged.connect(lambda first, last: changed.append(first.row()))
    command = UpdateRecordCommand(staffed_document, EntityKind.ALLOCATION, staffed.ada_portal, {"amount": 20.0})
    with qtbot.waitSignal(heatmap.grid_changed):
        staffed_document.run(command)
    assert sorted(changed) == [row_of(heatmap, "Platform"), row_of(heatmap, "Ada")]
    assert cell(heatmap, "Ada", 4) == "100%"  # 20 h + half of 40 h tentative on 40 h
    staffed_document.undo_stack.undo()
    assert cell(heatmap, "Ada", 4) == "150%"


def test_copy_gives_tab_separated_text(heatmap: HeatmapModel) -> None:
    ada, ben = row_of(heatmap, "Ada"), row_of(heatmap, "Ben")
    text = heatmap.tab_separated(range(ben, ada + 1), range(1, 4))
    lines = text.splitlines()
    assert lines[0].split("\t") == ["", "", "2026-01-05", "2026-01-12", "2026-01-19"]
    assert lines[1].split("\t") == ["Ben", "Developer", "0%", "50%", "0%"]
    assert lines[2].split("\t") == ["Platform", "", "67%", "55%", "100%"]
    assert lines[3].split("\t") == ["Ada", "Developer", "100%", "100%", "150%"]
    assert text.endswith("\n") and len(lines) == 4


def test_the_side_panel_and_hotspot_models_pass_the_model_tester(
    qtmodeltester: ModelTester, heatmap: HeatmapModel, staffed_document: Document, staffed: Staffed
) -> None:
    cells = CellAllocationsModel(staffed_document)
    cells.show_cell(heatmap.cell_details(row_of(heatmap, "Ada"), 3), [(1, "CX Portal"), (2, "FI Ledger")])
    qtmodeltester.check(cells)
    assert cells.rowCount() == 2
    assert cells.data(cells.index(0, 3)) == "40 h/wk" and cells.data(cells.index(0, 5)) == "40 h"
    hotspots = HotspotTableModel()
    hotspots.set_items(top_over_allocations(heatmap.capacity_model))
    qtmodeltester.check(hotspots)
    assert hotspots.data(hotspots.index(0, 0)) == "Ada" and hotspots.data(hotspots.index(0, 1)) == "150%"
    assert hotspots.data(hotspots.index(0, 0), BucketRangeRole) == (3, 5)
    assert hotspots.data(hotspots.index(0, 3), SortValueRole) == pytest.approx(40.0)
    idle = IdleRoleTableModel()
    idle.set_items(idle_by_role(heatmap.capacity_model))
    qtmodeltester.check(idle)
    assert {idle.data(idle.index(row, 0)) for row in range(idle.rowCount())} == {"Analyst", "Developer", "No role"}
    assert idle.data(idle.index(0, 0), RecordIdRole) == staffed.developer  # Ben and Ada have the most free hours


def test_shade_role_matches_the_paint(heatmap: HeatmapModel) -> None:
    ada = row_of(heatmap, "Ada")
    assert cell(heatmap, "Ada", 3, ShadeRole) == int(heatmap.paint.shades[ada, 3])
    background = cell(heatmap, "Ada", 3, Qt.ItemDataRole.BackgroundRole)
    assert background == heatmap_colours.colours()[int(heatmap.paint.shades[ada, 3])]

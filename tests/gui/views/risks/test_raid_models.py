"""The register's Qt models: the model tester on each, how cells read, sorting and every filter."""

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester

from pmo_desktop.domain.enums import RaidKind, RaidStatus
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.raid_columns import RaidColumn
from pmo_desktop.gui.models.raid_filter_proxy import NO_OWNER, NO_PROJECT, RaidFilter, RaidFilterProxyModel
from pmo_desktop.gui.models.raid_matrix_model import MatrixCountRole, RaidMatrixModel, SelectedCellRole, cell_position
from pmo_desktop.gui.models.raid_table_model import BandChipRole, RaidTableModel
from pmo_desktop.gui.models.roles import RecordIdRole, SortRole
from pmo_desktop.risk import RiskBand, ScoreBasis
from pmo_desktop.services.raid_analysis import register_matrix
from pmo_desktop.services.raid_operations import edit_raid_item
from tests.gui.views.risks.conftest import TODAY, Log


@pytest.fixture
def model(document: Document, log: Log) -> RaidTableModel:
    return RaidTableModel(document, today=TODAY)


@pytest.fixture
def proxy(model: RaidTableModel) -> RaidFilterProxyModel:
    filtered = RaidFilterProxyModel()
    filtered.setSourceModel(model)
    return filtered


def cell(model: RaidTableModel, item_id: int, column: RaidColumn, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = model.row_of(item_id)
    assert row is not None
    return model.index(row, column).data(role)


def ids(proxy: RaidFilterProxyModel) -> list[int]:
    return [proxy.index(row, 0).data(RecordIdRole) for row in range(proxy.rowCount())]


def test_the_table_model_passes_the_model_tester_through_a_reload(
    document: Document, model: RaidTableModel, qtmodeltester: ModelTester, log: Log
) -> None:
    qtmodeltester.check(model)
    model.sort(RaidColumn.SCORE, Qt.SortOrder.DescendingOrder)
    edit_raid_item(document.workspace, log.vendor, {"impact": 5})
    model.reload()
    model.set_trend_days(91)


def test_the_proxy_passes_the_model_tester_filtered_and_sorted(
    proxy: RaidFilterProxyModel, qtmodeltester: ModelTester, log: Log
) -> None:
    proxy.set_filter(RaidFilter(kind=RaidKind.RISK))
    proxy.sort(RaidColumn.REVIEW, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    proxy.set_cell((5, 5))
    proxy.set_filter(RaidFilter(text="printer"))
    proxy.set_cell(None)


def test_the_matrix_model_passes_the_model_tester(model: RaidTableModel, qtmodeltester: ModelTester, log: Log) -> None:
    matrix = RaidMatrixModel()
    matrix.set_matrix(register_matrix(model.register.rows, ScoreBasis.INHERENT))
    matrix.set_selected((5, 5))
    qtmodeltester.check(matrix)
    row, column = cell_position(5, 5)
    assert (matrix.index(row, column).data(MatrixCountRole), matrix.index(row, column).data(SelectedCellRole)) == (
        1,
        True,
    )
    assert matrix.index(row, column).data(Qt.ItemDataRole.BackgroundRole) == QColor(RiskBand.CRITICAL.colour)
    assert matrix.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "Probability 5: Almost certain"


def test_cells_read_as_the_register_lists_them(model: RaidTableModel, log: Log) -> None:
    assert [model.index(row, RaidColumn.REF).data() for row in range(model.rowCount())] == [
        "R-001", "R-002", "R-003", "R-004", "A-001", "I-001", "D-001"
    ]  # fmt: skip
    assert cell(model, log.vendor, RaidColumn.PROJECT) == "CX-01"
    assert cell(model, log.vendor, RaidColumn.PROJECT, Qt.ItemDataRole.ToolTipRole) == "Portal Relaunch"
    assert cell(model, log.fire, RaidColumn.PROJECT) == "Portfolio"
    assert (cell(model, log.fire, RaidColumn.SCORE), cell(model, log.fire, RaidColumn.RESIDUAL)) == ("25", "10")
    assert cell(model, log.fire, RaidColumn.SCORE, Qt.ItemDataRole.BackgroundRole) == QColor(RiskBand.CRITICAL.colour)
    assert cell(model, log.fire, RaidColumn.SCORE, Qt.ItemDataRole.ForegroundRole) == QColor("#FFFFFF")
    assert cell(model, log.fire, RaidColumn.RESIDUAL, Qt.ItemDataRole.BackgroundRole) == QColor(RiskBand.HIGH.colour)
    assert cell(model, log.fire, RaidColumn.SCORE, BandChipRole) is True
    assert cell(model, log.vendor, RaidColumn.RESIDUAL, BandChipRole) is False
    assert cell(model, log.printer, RaidColumn.REVIEW) == "1 Jun 2026"
    assert cell(model, log.printer, RaidColumn.REVIEW, Qt.ItemDataRole.ToolTipRole) == (
        "Review overdue by 16 days (due 1 Jun 2026)"
    )
    assert cell(model, log.printer, RaidColumn.REVIEW, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(model, log.fire, RaidColumn.REVIEW, Qt.ItemDataRole.BackgroundRole) is None
    assert "Needed by 10 Jul 2026" in str(cell(model, log.region, RaidColumn.TITLE, Qt.ItemDataRole.ToolTipRole))


def test_trends_follow_the_window_and_the_basis(model: RaidTableModel, log: Log) -> None:
    # Residual fell from 25 to 10 on 4 May: outside four weeks, inside thirteen.
    assert cell(model, log.fire, RaidColumn.TREND) == "→"
    model.set_trend_days(91)
    assert cell(model, log.fire, RaidColumn.TREND) == "↓"
    model.set_basis(ScoreBasis.INHERENT)
    assert cell(model, log.fire, RaidColumn.TREND) == "→"


def test_scores_sort_as_numbers_and_dates_as_dates(
    model: RaidTableModel, proxy: RaidFilterProxyModel, log: Log
) -> None:
    proxy.sort(RaidColumn.SCORE, Qt.SortOrder.DescendingOrder)
    assert ids(proxy)[:4] == [log.fire, log.vendor, log.grant, log.typo]  # 25, 12, 9, 2; unscored last
    proxy.sort(RaidColumn.REVIEW, Qt.SortOrder.AscendingOrder)
    # 16 Feb before 1 Jun before 1 Jul: as text, "1 Jul" would come first.
    reviewed = [item for item in ids(proxy) if item in (log.vendor, log.printer, log.fire)]
    assert reviewed == [log.vendor, log.printer, log.fire]
    assert ids(proxy)[:4] == [log.grant, log.typo, log.budget, log.region]  # no review date sorts first
    proxy.sort(RaidColumn.RESIDUAL, Qt.SortOrder.DescendingOrder)
    assert ids(proxy)[0] == log.fire
    proxy.sort(RaidColumn.REF, Qt.SortOrder.DescendingOrder)
    assert ids(proxy)[0] == log.region
    assert model.index(0, RaidColumn.SCORE).data(SortRole) is not None


def test_a_sort_keeps_persistent_indexes_on_their_rows(
    model: RaidTableModel, proxy: RaidFilterProxyModel, log: Log
) -> None:
    row = model.row_of(log.printer)
    assert row is not None
    held = QPersistentModelIndex(proxy.mapFromSource(model.index(row, RaidColumn.TITLE)))
    proxy.sort(RaidColumn.TITLE, Qt.SortOrder.AscendingOrder)
    proxy.sort(RaidColumn.SCORE, Qt.SortOrder.DescendingOrder)
    assert held.data() == "Printer down"
    assert held.column() == RaidColumn.TITLE


def test_every_filter_narrows_the_rows(proxy: RaidFilterProxyModel, log: Log) -> None:
    def shown(**fields: object) -> set[int]:
        proxy.set_filter(RaidFilter(**fields))  # type: ignore[arg-type]
        return set(ids(proxy))

    assert shown(kind=RaidKind.ISSUE) == {log.printer}
    programme = proxy.register_model.row_at(proxy.register_model.row_of(log.vendor) or 0).programme_id
    assert shown(programme_id=programme) == {log.vendor, log.region}
    assert shown(project_id=NO_PROJECT) == {log.fire, log.grant, log.printer, log.budget}
    assert shown(owner_id=NO_OWNER) == {log.grant, log.typo, log.region, log.budget}
    assert shown(statuses=frozenset({RaidStatus.CLOSED})) == {log.typo}
    assert shown(band=RiskBand.HIGH) == {log.vendor, log.fire}  # the residual basis: fire is 10 after response
    assert shown(overdue_only=True) == {log.vendor, log.printer}
    assert shown(text="PRINTER") == {log.printer}
    assert shown(text="cx-01") == {log.vendor, log.region}
    assert shown(kind=RaidKind.RISK, band=RiskBand.CRITICAL) == set()
    proxy.register_model.set_basis(ScoreBasis.INHERENT)
    assert set(ids(proxy)) == {log.fire}  # the band filter follows the basis


def test_a_matrix_cell_narrows_to_open_threats_placed_there(proxy: RaidFilterProxyModel, log: Log) -> None:
    proxy.set_cell((2, 5))
    assert ids(proxy) == [log.fire]
    proxy.register_model.set_basis(ScoreBasis.INHERENT)
    assert ids(proxy) == []
    proxy.set_cell((5, 5))
    assert ids(proxy) == [log.fire]
    proxy.set_cell((1, 2))
    assert ids(proxy) == []  # the closed typo is not in the matrix
    proxy.set_cell(None)
    assert len(ids(proxy)) == 7

"""The panel beside the heatmap that says where to look: the top over-allocations (click one to jump to its
cells) and idle capacity by role for the next weeks.
"""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from pmo_desktop.gui.models.heatmap_hotspot_model import BucketRangeRole, HotspotTableModel, IdleRoleTableModel
from pmo_desktop.gui.models.heatmap_model import HeatmapModel
from pmo_desktop.gui.models.roles import RecordIdRole
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_hotspots import idle_by_role, top_over_allocations
from pmo_desktop.services.capacity_queries import Granularity

_HOTSPOTS_SHOWN = 20
_IDLE_WEEKS = 4


def _table(model: HotspotTableModel | IdleRoleTableModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


class HotspotPanel(QWidget):
    """Top over-allocations and idle capacity, refreshed from the heatmap's model.

    Signals:
        hotspot_chosen(int, int, int): person id, first and stop bucket of the over-allocation clicked.
    """

    hotspot_chosen = Signal(int, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hotspots = HotspotTableModel(self)
        self.idle = IdleRoleTableModel(self)
        self.hotspot_table = _table(self.hotspots, self)
        self.hotspot_table.clicked.connect(self._on_hotspot_clicked)
        self.hotspot_table.activated.connect(self._on_hotspot_clicked)
        self.idle_table = _table(self.idle, self)
        self._idle_title = QLabel(self)
        self._idle_title.setObjectName("pageSummary")
        self._idle_title.setContentsMargins(8, 6, 8, 4)
        idle_page = QWidget(self)
        idle_layout = QVBoxLayout(idle_page)
        idle_layout.setContentsMargins(0, 0, 0, 0)
        idle_layout.setSpacing(0)
        idle_layout.addWidget(self._idle_title)
        idle_layout.addWidget(self.idle_table, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.hotspot_table, tr("Top over-allocations"))
        self.tabs.addTab(idle_page, tr("Idle by role"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self, model: HeatmapModel) -> None:
        """Re-read hotspots and idle capacity from `model` (as its options count tentative load)."""
        if not model.loaded:
            return
        capacity, counted = model.capacity_model, model.include_tentative
        self.hotspots.set_items(top_over_allocations(capacity, limit=_HOTSPOTS_SHOWN, include_tentative=counted))
        grid = model.grid
        first = grid.current if grid.current is not None else 0
        span = _IDLE_WEEKS if grid.granularity is Granularity.WEEK else 1
        self.idle.set_items(idle_by_role(capacity, first, first + span, include_tentative=counted))
        self._idle_title.setText(
            tr("Free hours and unfilled demand in the next {count} weeks", count=span)
            if grid.granularity is Granularity.WEEK
            else tr("Free hours and unfilled demand this month")
        )
        self.tabs.setTabText(0, tr("Top over-allocations ({count})", count=self.hotspots.rowCount()))

    def _on_hotspot_clicked(self, index: QModelIndex) -> None:
        person = index.siblingAtColumn(0).data(RecordIdRole)
        first, stop = index.siblingAtColumn(0).data(BucketRangeRole)
        self.hotspot_chosen.emit(int(person), int(first), int(stop))

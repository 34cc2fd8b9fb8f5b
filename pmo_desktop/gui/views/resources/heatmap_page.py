"""The capacity heatmap page: toolbar, the heatmap with its legend, and beside it the hotspots and the
clicked cell's allocations.

The portfolio's capacity is read the first time the page is shown (`ensure_loaded`), not when the file
opens. Choosing a hotspot jumps to its worst week and opens that cell in the side panel.
"""

from datetime import date

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.heatmap_model import HeatmapModel
from pmo_desktop.gui.views.resources.cell_panel import CellPanel
from pmo_desktop.gui.views.resources.heatmap_legend import HeatmapLegend
from pmo_desktop.gui.views.resources.heatmap_toolbar import HeatmapToolbar
from pmo_desktop.gui.views.resources.heatmap_widget import HeatmapWidget
from pmo_desktop.gui.views.resources.hotspot_panel import HotspotPanel
from pmo_desktop.services.capacity_queries import Grouping

_SIDE_WIDTH = 470
_SIDE_SHARES = (2, 3)  # hotspots above, the clicked cell below


class HeatmapPage(QWidget):
    """Who is over or under capacity, by how much, week by week; and the allocations behind it.

    Signals: none.
    """

    def __init__(self, document: Document, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.model = HeatmapModel(document, self, today=today)
        self.toolbar = HeatmapToolbar(self.model.options, self)
        self.heatmap = HeatmapWidget(self.model, self)
        self.legend = HeatmapLegend(self)
        self.hotspots = HotspotPanel(self)
        self.cell_panel = CellPanel(document, self.model, self)
        self._refresh_pending = False
        self._layout()
        self.toolbar.options_chosen.connect(lambda options: self.model.set_options(**options))
        self.toolbar.horizon_shifted.connect(self.model.shift_horizon)
        self.toolbar.copy_requested.connect(self.heatmap.copy_selection)
        self.heatmap.cell_clicked.connect(self.cell_panel.show_cell)
        self.hotspots.hotspot_chosen.connect(self.jump_to)
        self.model.grid_changed.connect(self._on_grid_changed)

    def ensure_loaded(self) -> None:
        """Read the portfolio's capacity now (the first show does this by itself)."""
        self.model.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.model.loaded:
            # After the first paint, so the tab appears at once and fills a moment later.
            QTimer.singleShot(0, self.ensure_loaded)

    def jump_to(self, person_id: int, first: int, stop: int) -> None:
        """Select the worst cell of a person's run of buckets [first, stop) and open it in the side panel."""
        if self.model.options.grouping is Grouping.ROLES_ONLY:
            self.toolbar.choose("grouping", Grouping.TEAM)
        grid = self.model.grid
        row = grid.row_of_person(person_id)
        if row is None:
            return
        ratios = grid.utilisation(self.model.include_tentative)[row, first:stop]
        bucket = first + int(np.argmax(np.where(np.isfinite(ratios), ratios, np.finfo(float).max)))
        self.heatmap.select_cell(row, bucket)
        self.heatmap.setFocus()
        self.cell_panel.show_cell(row, bucket)

    def _layout(self) -> None:
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.hotspots)
        side.addWidget(self.cell_panel)
        side.setStretchFactor(0, 2)
        side.setStretchFactor(1, 3)
        side.setSizes([share * 200 for share in _SIDE_SHARES])
        side.setChildrenCollapsible(False)
        main = QSplitter(Qt.Orientation.Horizontal, self)
        main.addWidget(self.heatmap)
        main.addWidget(side)
        main.setStretchFactor(0, 1)
        main.setStretchFactor(1, 0)
        main.setSizes([1400 - _SIDE_WIDTH, _SIDE_WIDTH])
        main.setChildrenCollapsible(False)
        self.splitter = main
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(main, 1)
        layout.addWidget(self.legend)

    def _on_grid_changed(self) -> None:
        self.cell_panel.refresh()
        # Hotspots scan the whole grid: once per burst of changes (an undo macro, several options) is enough.
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._refresh_hotspots)

    def _refresh_hotspots(self) -> None:
        self._refresh_pending = False
        self.hotspots.refresh(self.model)

"""The capacity heatmap as a Qt table model: rows are people, group totals and unfilled demand; columns are
weeks or months.

It holds the workspace's `CapacityModel` (the engine kept current) and the `HeatmapGrid` read from it,
speaks in custom roles, and follows `Document.changes_applied`: an allocation edit recomputes the people
it touches and emits `dataChanged` for the rows whose numbers moved. The heatmap widget paints from
`paint` (whole-grid arrays) rather than calling `data` per cell; `data` serves hovers, copies, tests and
accessibility. Reading the portfolio waits until the view is first shown (`load`).
"""

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from pmo_desktop.domain.changes import Changes
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import heatmap_colours
from pmo_desktop.gui.models.heatmap_paint import HeatmapPaint, NumberMode, TentativeMode, build_paint
from pmo_desktop.gui.models.heatmap_text import bucket_label, cell_tooltip, period_text, tab_separated
from pmo_desktop.services.capacity_cells import CellDetails, cell_details
from pmo_desktop.services.capacity_model import CapacityModel
from pmo_desktop.services.capacity_queries import (
    Granularity,
    Grouping,
    HeatmapGrid,
    Horizon,
    band,
    default_horizon,
    heatmap_grid,
    open_capacity,
    refresh_grid,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_USER = int(Qt.ItemDataRole.UserRole)

UtilisationRole = _USER + 20
"""Load / capacity of the cell as the numbers count it (float; infinite for load without capacity)."""
BandRole = _USER + 21
"""The cell's band: "under", "healthy", "full" or "over" (str)."""
ShadeRole = _USER + 22
"""Index of the cell's colour in `heatmap_colours.SHADES` (int)."""
CapacityRole = _USER + 23
ConfirmedRole = _USER + 24
TentativeRole = _USER + 25
TimeOffRole = _USER + 26
"""Working days of time off in the cell (float)."""
RowKindRole = _USER + 27
"""The row's kind: "group", "person" or "unfilled" (str); cells and the vertical header answer it."""
RowKeyRole = _USER + 28
"""The person's id, the group's team or role id, or the unfilled role's id (int or None)."""
BucketStartRole = _USER + 29
"""First day of the column's week or month (datetime.date), from the horizontal header."""

_ALIGN = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class HeatmapOptions:
    """What the heatmap shows: grouping, weeks or months, percent or hours, and tentative load."""

    grouping: Grouping = Grouping.TEAM
    granularity: Granularity = Granularity.WEEK
    numbers: NumberMode = NumberMode.PERCENT
    tentative: TentativeMode = TentativeMode.INCLUDE


class HeatmapModel(QAbstractTableModel):
    """The heatmap of one document.

    Signals:
        grid_changed(): the rows or numbers changed (an edit, an undo, another option or horizon).
    """

    grid_changed = Signal()

    def __init__(self, document: Document, parent: QObject | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._today = today or date.today()
        self._anchor = self._today
        self._options = HeatmapOptions()
        self._capacity: CapacityModel | None = None
        self._grid: HeatmapGrid | None = None
        self._paint: HeatmapPaint | None = None
        self._colours = heatmap_colours.colours()
        self._text_colours = heatmap_colours.text_colours()
        document.changes_applied.connect(self._on_changes_applied)

    # -- state ------------------------------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._grid is not None

    def load(self) -> None:
        """Read the portfolio and lay the grid out; does nothing once loaded."""
        if self._capacity is not None:
            return
        self.beginResetModel()
        self._capacity = open_capacity(self._document.workspace, self._anchor, self._options.granularity)
        self._relayout()
        self.endResetModel()
        self.grid_changed.emit()

    @property
    def capacity_model(self) -> CapacityModel:
        assert self._capacity is not None, "load() first"
        return self._capacity

    @property
    def grid(self) -> HeatmapGrid:
        assert self._grid is not None, "load() first"
        return self._grid

    @property
    def paint(self) -> HeatmapPaint:
        assert self._paint is not None, "load() first"
        return self._paint

    @property
    def options(self) -> HeatmapOptions:
        return self._options

    @property
    def today(self) -> date:
        return self._today

    @property
    def include_tentative(self) -> bool:
        """Whether the numbers count tentative load (they do unless it is hidden)."""
        return self._options.tentative is not TentativeMode.HIDE

    # -- options ----------------------------------------------------------------------------------------

    def set_options(self, **changes: Any) -> None:
        """Change display options (`grouping`, `granularity`, `numbers`, `tentative`) and refresh."""
        before = self._options
        self._options = replace(before, **changes)
        if self._options == before or self._capacity is None:
            return
        if self._options.granularity is not before.granularity:
            self._reset(lambda: self.capacity_model.set_horizon(self._horizon()))
        elif self._options.grouping is not before.grouping:
            self._reset(lambda: None)
        else:
            self._paint = build_paint(self.grid, self._options.numbers, self._options.tentative)
            self._all_changed()
            self.grid_changed.emit()

    def shift_horizon(self, quarters: int) -> None:
        """Show the horizon `quarters` quarters later (earlier when negative); 0 goes back to today's."""
        if quarters == 0:
            self._anchor = self._today
        else:
            month = self._anchor.month - 1 + 3 * quarters
            self._anchor = date(self._anchor.year + month // 12, month % 12 + 1, 1)
        if self._capacity is not None:
            self._reset(lambda: self.capacity_model.set_horizon(self._horizon()))

    def _horizon(self) -> Horizon:
        fiscal = self.capacity_model.fiscal_year_start_month
        return default_horizon(self._anchor, self._options.granularity, fiscal)

    def _reset(self, change: Any) -> None:
        self.beginResetModel()
        change()
        self._relayout()
        self.endResetModel()
        self.grid_changed.emit()

    def _relayout(self) -> None:
        self._grid = heatmap_grid(self.capacity_model, self._options.grouping, today=self._today)
        self._paint = build_paint(self._grid, self._options.numbers, self._options.tentative)

    # -- shape ------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._grid is None else len(self._grid.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() or self._grid is None else len(self._grid.starts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._is_cell(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._column_header(section, role)
        return self._row_header(section, role)

    def _column_header(self, bucket: int, role: int) -> Any:
        grid = self.grid
        if not 0 <= bucket < len(grid.starts):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return bucket_label(grid, bucket)
        if role == Qt.ItemDataRole.ToolTipRole:
            return period_text(grid, bucket)
        if role == BucketStartRole:
            return grid.starts[bucket]
        return None

    def _row_header(self, row: int, role: int) -> Any:
        grid = self.grid
        if not 0 <= row < len(grid.rows):
            return None
        entry = grid.rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label
        if role == RowKindRole:
            return entry.kind.value
        if role == RowKeyRole:
            return entry.key
        return None

    # -- cells ------------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._is_cell(index):
            return None
        row, bucket = index.row(), index.column()
        reader = _READERS.get(int(role))
        return reader(self, row, bucket) if reader is not None else None

    def cell_details(self, row: int, bucket: int, *, with_allocations: bool = True) -> CellDetails:
        return cell_details(self.capacity_model, self.grid, row, bucket, with_allocations=with_allocations)

    def ratio(self, row: int, bucket: int) -> float:
        grid, counted = self.grid, self.include_tentative
        load = grid.confirmed[row, bucket] + (grid.tentative[row, bucket] if counted else 0.0)
        capacity = grid.capacity[row, bucket]
        if capacity <= 0:
            return float("inf") if load > 0 else 0.0
        return float(load / capacity)

    def _tooltip(self, row: int, bucket: int) -> str:
        details = self.cell_details(row, bucket, with_allocations=False)
        return cell_tooltip(details, self.grid, self.include_tentative)

    def _shade(self, row: int, bucket: int) -> int:
        return int(self.paint.shades[row, bucket])

    # -- copying ----------------------------------------------------------------------------------------

    def tab_separated(self, rows: range, buckets: range) -> str:
        """The cells of `rows` x `buckets` with their row names and column dates, ready to paste."""
        grid = self.grid
        header = ["", "", *(grid.starts[bucket].isoformat() for bucket in buckets)]
        lines = [header]
        for row in rows:
            entry = grid.rows[row]
            lines.append([entry.label, entry.role, *(self.paint.text(row, bucket) for bucket in buckets)])
        return tab_separated(lines)

    # -- following edits --------------------------------------------------------------------------------

    def _on_changes_applied(self, changes: Changes) -> None:
        if self._capacity is None or self._grid is None:
            return
        refresh = self._capacity.apply(changes)
        if refresh.is_empty:
            return
        old = self._grid
        new = refresh_grid(old, self._capacity, refresh)
        if new.rows != old.rows:
            self.beginResetModel()
            self._grid = new
            self._paint = build_paint(new, self._options.numbers, self._options.tentative)
            self.endResetModel()
        else:
            self._grid = new
            self._paint = build_paint(new, self._options.numbers, self._options.tentative)
            self._rows_changed(old, new)
        self.grid_changed.emit()

    def _rows_changed(self, old: HeatmapGrid, new: HeatmapGrid) -> None:
        moved = (old.confirmed != new.confirmed) | (old.tentative != new.tentative) | (old.capacity != new.capacity)
        last = len(new.starts) - 1
        for row in np.flatnonzero(moved.any(axis=1)).tolist():
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _is_cell(self, index: Index) -> bool:
        """Like checkIndex, but silent: Qt's checkIndex logs a warning for the invalid indexes views pass."""
        return (
            self._grid is not None
            and index.isValid()
            and index.model() is self
            and 0 <= index.row() < len(self._grid.rows)
            and 0 <= index.column() < len(self._grid.starts)
        )


def _row_kind(model: HeatmapModel, row: int, bucket: int) -> str:
    return model.grid.rows[row].kind.value


_READERS: dict[int, Any] = {
    int(Qt.ItemDataRole.DisplayRole): lambda m, r, b: m.paint.text(r, b),
    int(Qt.ItemDataRole.ToolTipRole): HeatmapModel._tooltip,
    int(Qt.ItemDataRole.BackgroundRole): lambda m, r, b: m._colours[m._shade(r, b)],
    int(Qt.ItemDataRole.ForegroundRole): lambda m, r, b: m._text_colours[m._shade(r, b)],
    int(Qt.ItemDataRole.TextAlignmentRole): lambda m, r, b: _ALIGN,
    UtilisationRole: HeatmapModel.ratio,
    BandRole: lambda m, r, b: band(m.ratio(r, b)).value,
    ShadeRole: HeatmapModel._shade,
    CapacityRole: lambda m, r, b: float(m.grid.capacity[r, b]),
    ConfirmedRole: lambda m, r, b: float(m.grid.confirmed[r, b]),
    TentativeRole: lambda m, r, b: float(m.grid.tentative[r, b]),
    TimeOffRole: lambda m, r, b: float(m.grid.time_off_days[r, b]),
    RowKindRole: _row_kind,
    RowKeyRole: lambda m, r, b: m.grid.rows[r].key,
}

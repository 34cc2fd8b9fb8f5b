"""Sorting and filtering over a `RecordTableModel`: sort by `SortRole`, filter by free text and by stored value.

The stored-value filter is how the resources view shows the allocations of the selected person: the proxy
keeps rows whose column holds exactly that id, without a second query.
"""

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from pmo_desktop.gui.models.roles import RawValueRole, SortRole

Index = QModelIndex | QPersistentModelIndex
_NO_FILTER = object()


class RecordFilterProxyModel(QSortFilterProxyModel):
    """A sortable, filterable view of a record table.

    Signals: only those of QSortFilterProxyModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(True)
        self._value_column = -1
        self._value: Any = _NO_FILTER

    def set_value_filter(self, column: int, value: Any) -> None:
        """Keep only rows whose stored value in `column` equals `value` (None matches empty cells)."""
        self.beginFilterChange()
        self._value_column, self._value = column, value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def clear_value_filter(self) -> None:
        self.beginFilterChange()
        self._value_column, self._value = -1, _NO_FILTER
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._value is not _NO_FILTER:
            source = self.sourceModel()
            stored = source.index(source_row, self._value_column, source_parent).data(RawValueRole)
            if stored != self._value:
                return False
        return super().filterAcceptsRow(source_row, source_parent)

"""The people table's proxy: people who left are hidden unless asked for, and shown greyed when they are."""

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from pmo_desktop.gui.models.record_filter_proxy import RecordFilterProxyModel
from pmo_desktop.gui.models.record_table_model import RecordTableModel

Index = QModelIndex | QPersistentModelIndex
_GONE = QColor("#98a2ae")


class PeopleFilterProxy(RecordFilterProxyModel):
    """Active people, or everyone with `show_inactive`; inactive rows read grey and italic.

    Signals: only those of QSortFilterProxyModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show_inactive = False

    @property
    def show_inactive(self) -> bool:
        return self._show_inactive

    def set_show_inactive(self, shown: bool) -> None:
        self.beginFilterChange()
        self._show_inactive = shown
        self.endFilterChange(RecordFilterProxyModel.Direction.Rows)

    def _active(self, source_row: int) -> bool:
        source = self.sourceModel()
        assert isinstance(source, RecordTableModel)
        return bool(source.record_at(source_row).values.get("active", True))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._show_inactive and not self._active(source_row):
            return False
        return super().filterAcceptsRow(source_row, source_parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        styled = role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
        if styled and index.isValid() and not self._active(self.mapToSource(index).row()):
            if role == Qt.ItemDataRole.ForegroundRole:
                return _GONE
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)

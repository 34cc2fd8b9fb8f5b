"""The register table: sortable by any column, scores drawn as chips in their band's colours.

Sorting goes through the proxy to `RaidTableModel.sort` (see there why). The chips keep their band colour
on a selected row, where a plain background colour would give way to the selection highlight.
"""

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from pmo_desktop.gui.models.raid_columns import RaidColumn
from pmo_desktop.gui.models.raid_filter_proxy import RaidFilterProxyModel
from pmo_desktop.gui.models.raid_table_model import BandChipRole
from pmo_desktop.gui.models.roles import RecordIdRole

Index = QModelIndex | QPersistentModelIndex
_WIDTHS = {
    RaidColumn.REF: 64,
    RaidColumn.PROJECT: 80,
    RaidColumn.OWNER: 112,
    RaidColumn.PROBABILITY: 32,
    RaidColumn.IMPACT: 32,
    RaidColumn.SCORE: 58,
    RaidColumn.RESIDUAL: 76,
    RaidColumn.PROXIMITY: 104,
    RaidColumn.RESPONSE: 80,
    RaidColumn.STATUS: 86,
    RaidColumn.REVIEW: 108,
    RaidColumn.TREND: 54,
}
_CHIP_WIDTH = 40
_CHIP_MARGIN = 4


class BandChipDelegate(QStyledItemDelegate):
    """Paints cells flagged by `BandChipRole` as a rounded chip; every other cell as usual.

    Signals: only those of QStyledItemDelegate.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not index.data(BandChipRole):
            super().paint(painter, option, index)
            return
        panel = QStyleOptionViewItem(option)
        self.initStyleOption(panel, index)
        panel.text = ""
        panel.backgroundBrush = QColor(0, 0, 0, 0)
        style = panel.widget.style() if panel.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, panel, painter, panel.widget)
        cell = QRectF(option.rect)
        width = min(float(_CHIP_WIDTH), cell.width() - 2 * _CHIP_MARGIN)
        chip = QRectF(cell.center().x() - width / 2, cell.top() + _CHIP_MARGIN, width, cell.height() - 2 * _CHIP_MARGIN)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(index.data(Qt.ItemDataRole.BackgroundRole))
        painter.drawRoundedRect(chip, 4, 4)
        painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole))
        painter.setFont(index.data(Qt.ItemDataRole.FontRole) or option.font)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, str(index.data(Qt.ItemDataRole.DisplayRole)))
        painter.restore()


class RaidTableView(QTableView):
    """The register over a `RaidFilterProxyModel`.

    Signals:
        delete_requested(): the Delete key was pressed on the table.
        (and those of QTableView; activated opens the item's editor)
    """

    delete_requested = Signal()

    def __init__(self, proxy: RaidFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._proxy = proxy
        self.setModel(proxy)
        self.setItemDelegate(BandChipDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(RaidColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(34)
        for column, width in _WIDTHS.items():
            header.resizeSection(column, width)
        self.setSortingEnabled(True)
        self.sortByColumn(RaidColumn.REF, Qt.SortOrder.AscendingOrder)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def selected_item_id(self) -> int | None:
        current = self.currentIndex()
        return None if not current.isValid() else int(current.siblingAtColumn(0).data(RecordIdRole))

    def item_id_at(self, index: Index) -> int | None:
        return None if not index.isValid() else int(index.siblingAtColumn(0).data(RecordIdRole))

    def select_item(self, item_id: int) -> bool:
        """Make the row of `item_id` current, if the filter shows it."""
        row = self._proxy.register_model.row_of(item_id)
        if row is None:
            return False
        index = self._proxy.mapFromSource(self._proxy.register_model.index(row, 0))
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)
        return True

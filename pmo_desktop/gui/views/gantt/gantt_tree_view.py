"""The WBS tree left of the chart: fixed row height and header height so its rows line up with the bars,
and editors for dates (a calendar), duration and progress (spin boxes).

Editing starts with F2, a click on the selected cell or typing; a double-click opens the task dialog
(`task_activated`), as in the chart. The vertical scroll bar is hidden: the chart shows the one they share.
"""

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from pmo_desktop.gui.models import gantt_columns as columns
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel

Index = QModelIndex | QPersistentModelIndex
_DATE_FORMAT = "d MMM yyyy"
_MAX_DURATION = 9999


class GanttItemDelegate(QStyledItemDelegate):
    """Rows exactly `row_height` tall; a calendar for dates, spin boxes for duration and percent.

    Signals: only those of QStyledItemDelegate.
    """

    def __init__(self, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row_height = row_height

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), self._row_height)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column in (columns.START, columns.FINISH):
            editor = QDateEdit(parent)
            editor.setCalendarPopup(True)
            editor.setDisplayFormat(_DATE_FORMAT)
            return editor
        if column in (columns.DURATION, columns.PROGRESS):
            spin = QSpinBox(parent)
            spin.setRange(0, 100 if column == columns.PROGRESS else _MAX_DURATION)
            spin.setSuffix(" %" if column == columns.PROGRESS else " d")
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value: Any = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDateEdit) and isinstance(value, QDate):
            editor.setDate(value)
        elif isinstance(editor, QSpinBox) and isinstance(value, int):
            editor.setValue(value)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class GanttTreeView(QTreeView):
    """The outline of programmes, projects and tasks.

    Signals:
        task_activated(int): a task row was double-clicked.
    """

    task_activated = Signal(int)

    def __init__(
        self, model: GanttTreeModel, row_height: int, header_height: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setItemDelegate(GanttItemDelegate(row_height, self))
        self.setUniformRowHeights(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setExpandsOnDoubleClick(False)
        self.setAllColumnsShowFocus(True)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.setIndentation(16)
        header = self.header()
        header.setFixedHeight(header_height)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for position, column in enumerate(columns.COLUMNS):
            header.resizeSection(position, column.width)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        task = self._model.task_at(index)
        if task is not None:
            self.task_activated.emit(task.id)
        elif index.isValid():
            self.setExpanded(index.siblingAtColumn(0), not self.isExpanded(index.siblingAtColumn(0)))
        else:
            super().mouseDoubleClickEvent(event)

"""Editors for the side panel's allocations: the record table's combo boxes and calendars, and an amount
box wide enough for any allocation (Qt's default spin box stops at 99.99)."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QDoubleSpinBox, QStyleOptionViewItem, QWidget

from pmo_desktop.gui.views.record_delegate import RecordItemDelegate
from pmo_desktop.services.validation.people import MAX_PERCENT

Index = QModelIndex | QPersistentModelIndex


class CellAllocationDelegate(RecordItemDelegate):
    """Chooses editors like the record tables do, with a half-hour-step amount box.

    Signals: only those of QStyledItemDelegate.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QDoubleSpinBox):
            editor.setDecimals(1)
            editor.setRange(0.0, float(MAX_PERCENT))
            editor.setSingleStep(0.5)
        return editor

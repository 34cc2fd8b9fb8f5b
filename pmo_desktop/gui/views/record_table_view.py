"""The table every view shows its records in: sortable through a filter proxy, edited in place.

It wraps a `RecordTableModel` in a `RecordFilterProxyModel`, so sorting by a header never reorders the
source model, and installs the delegate that picks combo boxes and calendars.
"""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from pmo_desktop.gui.models.record_filter_proxy import RecordFilterProxyModel
from pmo_desktop.gui.models.record_table_model import RecordTableModel
from pmo_desktop.gui.views.record_delegate import RecordItemDelegate

_MAX_INITIAL_WIDTH = 320
_MIN_INITIAL_WIDTH = 72
_CELL_PADDING = 12
_MEASURED_ROWS = 200  # measuring every row of a 10,000-task table would stall opening the view


class RecordTableView(QTableView):
    """A record table with its own sort proxy.

    Signals: only those of QTableView.
    """

    def __init__(
        self, model: RecordTableModel, parent: QWidget | None = None, *, stretch_field: str | None = None
    ) -> None:
        """`stretch_field` takes the spare width (a name or a title); without one the last column does."""
        super().__init__(parent)
        self._source = model
        self._proxy = RecordFilterProxyModel(self)
        self._proxy.setSourceModel(model)
        self.setModel(self._proxy)
        self.setItemDelegate(RecordItemDelegate(self))
        self._configure(stretch_field)

    @property
    def source_model(self) -> RecordTableModel:
        return self._source

    @property
    def proxy(self) -> RecordFilterProxyModel:
        return self._proxy

    def selected_record_id(self) -> int | None:
        """The id of the record of the current row, if any."""
        current = self.currentIndex()
        if not current.isValid():
            return None
        row = self._proxy.mapToSource(current).row()
        return self._source.record_at(row).id

    def select_record(self, record_id: int) -> None:
        row = self._source.row_of(record_id)
        if row is None:
            return
        index = self._proxy.mapFromSource(self._source.index(row, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)

    def _configure(self, stretch_field: str | None) -> None:
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the source order until a header is clicked
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        if stretch_field is None:
            header.setStretchLastSection(True)
        else:
            header.setSectionResizeMode(self._source.column_of(stretch_field), QHeaderView.ResizeMode.Stretch)

    def _fit_columns(self) -> None:
        """Size columns to their content once, within bounds; afterwards the user owns the widths."""
        header = self.horizontalHeader()
        header.setResizeContentsPrecision(_MEASURED_ROWS)
        self.resizeColumnsToContents()
        for section in range(header.count()):
            width = header.sectionSize(section) + _CELL_PADDING
            header.resizeSection(section, max(_MIN_INITIAL_WIDTH, min(width, _MAX_INITIAL_WIDTH)))

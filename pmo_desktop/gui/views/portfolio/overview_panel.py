"""The overview: the filter bar over the programmes > projects tree, with a column chooser on the header.

Double-clicking a project asks to edit it, double-clicking a programme to edit the programme; the context
menu offers the portfolio actions for the row under the mouse.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QVBoxLayout, QWidget

from pmo_desktop.gui.catch_up import follow_visibility
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import overview_columns as columns
from pmo_desktop.gui.models.overview_filter_proxy import OverviewFilterProxy
from pmo_desktop.gui.models.overview_tree_model import OverviewTreeModel
from pmo_desktop.gui.models.portfolio_roles import RowKindRole
from pmo_desktop.gui.models.roles import RecordIdRole
from pmo_desktop.gui.views.portfolio.overview_delegate import OverviewDelegate
from pmo_desktop.gui.views.portfolio.overview_filter_bar import OverviewFilterBar
from pmo_desktop.i18n import tr

MenuBuilder = Callable[[QMenu, str | None, int | None], None]
"""Fills a context menu for a row: (menu, "programme"/"project"/None, record id)."""


class OverviewPanel(QWidget):
    """The filterable, sortable overview tree of one document.

    Signals:
        project_activated(int): a project row was double-clicked (its id).
        programme_activated(int): a programme row was double-clicked (its id).
        selection_changed(): the current row changed.
    """

    project_activated = Signal(int)
    programme_activated = Signal(int)
    selection_changed = Signal()

    def __init__(self, document: Document, as_of: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OverviewTreeModel(document, as_of, self)
        follow_visibility(self, self.model.catch_up)
        self.proxy = OverviewFilterProxy(self.model, self)
        self.filters = OverviewFilterBar(self.proxy, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("overviewTree")
        self.menu_builder: MenuBuilder | None = None
        self._configure_tree()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(self.tree, 1)
        self.model.modelReset.connect(self.tree.expandAll)
        self.proxy.layoutChanged.connect(self.tree.expandAll)
        self.proxy.rowsInserted.connect(lambda *_: self.tree.expandAll())

    def current_project_id(self) -> int | None:
        return self._current_id("project")

    def current_programme_id(self) -> int | None:
        """The programme of the current row (a programme row, or a project's programme)."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        return self.model.group_at(source).programme_id

    def select_project(self, project_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.index_of_project(project_id))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _current_id(self, kind: str) -> int | None:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(RowKindRole) != kind:
            return None
        return int(index.data(RecordIdRole))

    def _configure_tree(self) -> None:
        tree = self.tree
        tree.setModel(self.proxy)
        tree.setItemDelegate(OverviewDelegate(columns.column_index("progress"), columns.column_index("name"), tree))
        tree.setSortingEnabled(True)
        tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # programme and code order until a header is clicked
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setIndentation(14)
        tree.setExpandsOnDoubleClick(False)  # a double-click opens the editor instead
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_context_menu)
        tree.doubleClicked.connect(self._on_double_click)
        tree.selectionModel().currentChanged.connect(lambda *_: self.selection_changed.emit())
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_column_menu)
        for position, column in enumerate(columns.COLUMNS):
            header.resizeSection(position, column.width)
            tree.setColumnHidden(position, column.hidden)
        header.setSectionResizeMode(columns.column_index("name"), QHeaderView.ResizeMode.Stretch)
        tree.expandAll()

    def _show_column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for section, column in enumerate(columns.COLUMNS):
            if column.key in ("code", "name"):
                continue
            action = QAction(tr(column.header), menu)
            action.setCheckable(True)
            action.setChecked(not self.tree.isColumnHidden(section))
            action.toggled.connect(lambda shown, at=section: self.tree.setColumnHidden(at, not shown))
            menu.addAction(action)
        menu.exec(self.tree.header().mapToGlobal(position))

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.tree.indexAt(position)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        kind = index.data(RowKindRole) if index.isValid() else None
        record_id = index.data(RecordIdRole) if index.isValid() else None
        if self.menu_builder is None:
            return
        menu = QMenu(self)
        self.menu_builder(menu, kind, record_id)
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(position))

    def _on_double_click(self, index: QModelIndex) -> None:
        record_id = index.data(RecordIdRole)
        if index.data(RowKindRole) == "project":
            self.project_activated.emit(int(record_id))
        elif record_id:
            self.programme_activated.emit(int(record_id))

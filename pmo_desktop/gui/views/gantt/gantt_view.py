"""The Gantt view: the WBS tree on the left, the chart on the right, one selection, filters and zoom above.

Assembles the parts (`GanttTreeModel`, `GanttTreeView`, `GanttChart`, `GanttToolbar`, `GanttActions`) and
keeps what a reset of the model would lose: which rows were collapsed and which were selected survive a
reload, a filter and an edit that changes the outline.
"""

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import TaskKind
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import count_of, format_date, join_parts
from pmo_desktop.gui.models.gantt_rows import GanttFilter, slipped
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from pmo_desktop.gui.views.gantt.gantt_actions import GanttActions
from pmo_desktop.gui.views.gantt.gantt_chart import HEADER_HEIGHT, ROW_HEIGHT, GanttChart
from pmo_desktop.gui.views.gantt.gantt_toolbar import GanttToolbar
from pmo_desktop.gui.views.gantt.gantt_tree_view import GanttTreeView
from pmo_desktop.gui.views.gantt.time_scale import Tier, tier_of
from pmo_desktop.gui.views.page_header import PageHeader
from pmo_desktop.i18n import tr
from pmo_desktop.services.gantt_queries import GanttTask

_TREE_WIDTH = 600


class GanttView(QWidget):
    """The schedule of every project, grouped by programme.

    Signals: none.
    """

    def __init__(self, document: Document, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ganttView")
        self._document = document
        self._collapsed: set[int] = set()
        self._restoring = False
        self._kept_selection: tuple[list[int], int | None] = ([], None)
        self.header = PageHeader(self)
        self.model = GanttTreeModel(document, self)
        self.toolbar = GanttToolbar(self)
        self.tree = GanttTreeView(self.model, ROW_HEIGHT, HEADER_HEIGHT, self)
        self.chart = GanttChart(self.model, self.tree, self, today=today)
        self.actions = GanttActions(self.model, self.tree, self.chart, self)
        self.menu: QMenu = self.actions.menu(self)
        self._lay_out()
        self._connect()
        self.tree.expandAll()
        self.toolbar.set_choices(self.model.data_model)
        self.chart.set_tier(Tier.WEEKS)
        self.toolbar.show_tier(Tier.WEEKS)
        self.chart.show_today()
        self.model.set_following(self.isVisible())
        self.menu.setEnabled(self.isVisible())
        self.refresh_header()

    @property
    def document(self) -> Document:
        return self._document

    def _lay_out(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([_TREE_WIDTH, 900])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        model, tree, toolbar = self.model, self.tree, self.toolbar
        model.modelAboutToBeReset.connect(self._keep_selection)
        model.modelReset.connect(self._restore_outline)
        model.links_changed.connect(lambda: toolbar.set_choices(model.data_model))
        tree.collapsed.connect(self._on_collapsed)
        tree.expanded.connect(self._on_expanded)
        tree.selectionModel().currentChanged.connect(self._follow_current)
        toolbar.filter_changed.connect(self.set_filter)
        toolbar.tier_chosen.connect(self.chart.set_tier)
        toolbar.today_requested.connect(self.chart.show_today)
        toolbar.baseline_chosen.connect(model.set_baseline)
        self.chart.zoom_changed.connect(lambda width: toolbar.show_tier(tier_of(width)))
        self._document.changes_applied.connect(self._on_changes_applied)

    # -- filters and outline ----------------------------------------------------------------------------

    def set_filter(self, shown: GanttFilter) -> None:
        self.model.set_filter(shown)
        self.refresh_header()

    def _on_collapsed(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.add(self.model.key_at(index) or 0)

    def _on_expanded(self, index: QModelIndex) -> None:
        if not self._restoring:
            self._collapsed.discard(self.model.key_at(index) or 0)

    def _keep_selection(self) -> None:
        rows = self.tree.selectionModel().selectedRows(0)
        current = self.model.key_at(self.tree.currentIndex())
        self._kept_selection = ([key for key in map(self.model.key_at, rows) if key is not None], current)

    def _restore_outline(self) -> None:
        """After a reset: everything expanded but what the user collapsed, and the same rows selected."""
        tree, model = self.tree, self.model
        self._restoring = True  # expandAll reports every row it expands: not the user's doing
        try:
            tree.expandAll()
            for key in self._collapsed:
                index = model.index_of_key(key)
                if index.isValid():
                    tree.collapse(index)
        finally:
            self._restoring = False
        keys, current = self._kept_selection
        selection = QItemSelection()
        for key in keys:
            index = model.index_of_key(key)
            if index.isValid():
                selection.select(index, index.siblingAtColumn(model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        tree.selectionModel().select(selection, flags)
        if current is not None and model.index_of_key(current).isValid():
            tree.selectionModel().setCurrentIndex(
                model.index_of_key(current), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def _follow_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        task = self.model.task_at(current)
        if task is not None:
            self.chart.show_task(task.id)

    # -- header -----------------------------------------------------------------------------------------

    def title(self) -> str:
        return tr("Schedule")

    def summary(self) -> str:
        data = self.model.data_model
        if not data.tasks:
            return tr("No tasks yet.")
        figures = _Figures.of(data.tasks)
        parts = [
            count_of(len(data.tasks) - figures.milestones, "task", "tasks"),
            count_of(figures.milestones, "milestone", "milestones"),
            count_of(len(figures.projects), "project", "projects"),
            tr("{first} to {last}", first=format_date(figures.first), last=format_date(figures.last)),
            tr("{count} on the critical path", count=figures.critical),
        ]
        baseline = next((name for key, name in data.baselines if key == data.baseline_id), None)
        if baseline is not None:
            parts.append(tr("{count} later than '{baseline}'", count=figures.late, baseline=baseline))
        return join_parts(parts)

    def refresh_header(self) -> None:
        self.header.set_text(self.title(), self.summary())

    def _on_changes_applied(self, changes: Changes) -> None:
        if self.isVisible():
            self.refresh_header()
            self.actions.update_enabled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.menu.setEnabled(True)
        self.model.set_following(True)
        self.refresh_header()
        self.actions.update_enabled()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Hidden behind another tab: edits there are caught up with in one reload when the Gantt shows again,
        # and the Schedule menu waits too (its actions work on the Gantt's selection).
        self.model.set_following(False)
        self.menu.setEnabled(False)


@dataclass
class _Figures:
    """What the header counts, in one pass over the tasks (a large portfolio has ten thousand)."""

    first: date
    last: date
    milestones: int = 0
    critical: int = 0
    late: int = 0
    projects: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, tasks: tuple[GanttTask, ...]) -> "_Figures":
        figures = cls(tasks[0].start, tasks[0].finish)
        milestone = TaskKind.MILESTONE
        for task in tasks:
            figures.first = min(figures.first, task.start)
            figures.last = max(figures.last, task.finish)
            figures.milestones += task.kind is milestone
            figures.projects.add(task.project_id)
            if not task.has_children:
                figures.critical += task.critical
                figures.late += slipped(task)
        return figures

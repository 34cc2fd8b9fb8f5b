"""The Gantt's WBS tree as a Qt model: programmes > projects > tasks, with the chart's data in custom roles.

Reads `gantt_data` once and follows `Document.changes_applied`: tasks whose dates moved are read again with
`gantt_tasks` and only their rows (and their project's and programme's) are signalled, so a drag that moves
a hundred successors costs a hundred rows, not the portfolio; anything that changes the outline, the links,
the baseline or the calendar reloads the read model, resetting only when the rows themselves differ.
Filters (`set_filter`) rebuild the rows. Inline edits become schedule commands through the document.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind, TaskKind
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.catch_up import CatchUp
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.record_commands import UpdateRecordCommand
from pmo_desktop.gui.commands.schedule_commands import MoveTaskCommand, ResizeTaskCommand, SetProgressCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import gantt_columns as columns
from pmo_desktop.gui.models import gantt_roles as roles
from pmo_desktop.gui.models.gantt_rows import ROOT, GanttFilter, GanttTree, Node, RowKind, id_of, key_of, kind_of
from pmo_desktop.gui.models.roles import RecordIdRole
from pmo_desktop.i18n import tr
from pmo_desktop.services.gantt_queries import (
    GanttData,
    GanttProgramme,
    GanttProject,
    GanttTask,
    gantt_data,
    gantt_tasks,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT_INDEX = QModelIndex()
_ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_PROGRAMME_BACKGROUND = QColor("#eef2f7")
_PROJECT_BACKGROUND = QColor("#f7f9fb")
_NEGATIVE = QColor("#c92a2a")
_MUTED = QColor("#7b8794")
_RELOAD_KINDS = frozenset(
    {
        EntityKind.PORTFOLIO,
        EntityKind.HOLIDAY,
        EntityKind.PROGRAMME,
        EntityKind.PROJECT,
        EntityKind.DEPENDENCY,
        EntityKind.BASELINE,
        EntityKind.BASELINE_TASK,
        EntityKind.PERSON,
        EntityKind.ALLOCATION,
    }
)
"""Kinds whose change reloads the whole read model (the outline, links, baselines, calendar or people)."""
_TASK = EntityKind.TASK
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# Combining Qt flags makes new Python objects each time; expanding ten thousand rows asks for them all.
_FLAGS = {
    (False, False): _SHOWN,
    (False, True): _SHOWN | Qt.ItemFlag.ItemIsEditable,
    (True, False): _SHOWN | Qt.ItemFlag.ItemNeverHasChildren,
    (True, True): _SHOWN | Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsEditable,
}
_NOT_EDITABLE: frozenset[TaskKind] = frozenset()
_EDITABLE = {
    columns.NAME: frozenset({TaskKind.TASK, TaskKind.MILESTONE, TaskKind.SUMMARY}),
    columns.START: frozenset({TaskKind.TASK, TaskKind.MILESTONE}),
    columns.FINISH: frozenset({TaskKind.TASK}),
    columns.DURATION: frozenset({TaskKind.TASK}),
    columns.PROGRESS: frozenset({TaskKind.TASK, TaskKind.MILESTONE}),
}


class GanttTreeModel(QAbstractItemModel):
    """Programmes, their projects and each project's WBS, with the columns of `gantt_columns`.

    Signals:
        links_changed(): the dependencies, the baseline or the calendar may have changed (after a reload).
        rows_refreshed(object): the set of keys whose rows changed in place (dates, progress, names).
    """

    links_changed = Signal()
    rows_refreshed = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None, *, baseline_id: int | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._baseline_id = baseline_id
        self._catch_up = CatchUp(self.reload)
        self._tree = GanttTree(self._read(), GanttFilter())
        document.changes_applied.connect(self._on_changes_applied)

    # -- the read model ---------------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return self._document

    @property
    def tree(self) -> GanttTree:
        return self._tree

    @property
    def data_model(self) -> GanttData:
        return self._tree.data

    @property
    def filter(self) -> GanttFilter:
        return self._tree.filter

    @property
    def baseline_id(self) -> int | None:
        """The baseline the ghosts show (None: the latest); `data_model.baseline_id` says which one that is."""
        return self._baseline_id

    def set_baseline(self, baseline_id: int | None) -> None:
        self._baseline_id = baseline_id
        self.reload()

    def set_filter(self, shown: GanttFilter) -> None:
        if shown == self._tree.filter:
            return
        self.beginResetModel()
        self._tree = GanttTree(self._tree.data, shown)
        self.endResetModel()
        self.links_changed.emit()

    def reload(self) -> None:
        """Read the schedule again; rows keep their place (and the view its state) when the outline is the same."""
        fresh = GanttTree(self._read(), self._tree.filter)
        if fresh.shape() != self._tree.shape():
            self.beginResetModel()
            self._tree = fresh
            self.endResetModel()
        else:
            old, self._tree = self._tree, fresh
            self._signal_rows({key for key, node in fresh.nodes.items() if _differs(old.nodes[key], node)})
        self.links_changed.emit()

    def refresh_tasks(self, ids: frozenset[int]) -> None:
        """Read the projects of `ids` again after an edit; reloads instead when the outline or the filter's
        verdict changed.

        `Changes` names the tasks whose dates moved; others of their projects can gain or lose float, the
        critical path or a conflict without moving, so the whole of each project is read (the query reads
        whole projects anyway, for the WBS numbers)."""
        known = self._tree.tasks
        projects = {known[task_id].project_id for task_id in ids if task_id in known}
        wanted = set(ids).union(*(self._tree.project_task_ids(project) for project in projects))
        tasks = gantt_tasks(self._document.workspace, wanted, baseline_id=self._baseline_id)
        changed = self._tree.refresh(tasks) if len(tasks) == len(wanted) else None
        if changed is None:
            self.reload()
        else:
            self._signal_rows(changed)

    def _read(self) -> GanttData:
        return gantt_data(self._document.workspace, baseline_id=self._baseline_id)

    def set_following(self, following: bool) -> None:
        """Follow edits as they come (while the Gantt is shown), or only note that one came and catch up with
        one reload when following again: edits made in other views then cost nothing until the Gantt shows."""
        self._catch_up.set_following(following)

    def _on_changes_applied(self, changes: Changes) -> None:
        if not changes.touches(EntityKind.TASK, *_RELOAD_KINDS):
            return
        if self._catch_up.deferred():
            return
        structural = changes.created.get(EntityKind.TASK) or changes.deleted.get(EntityKind.TASK)
        if structural or changes.kinds & _RELOAD_KINDS:
            self.reload()
        elif changes.touches(EntityKind.TASK):
            self.refresh_tasks(changes.ids(EntityKind.TASK))

    def _signal_rows(self, keys: set[int]) -> None:
        """One dataChanged per run of adjacent rows under one parent (a moved chain is mostly such runs)."""
        nodes = self._tree.nodes
        rows_by_parent: dict[int, list[int]] = {}
        for key in keys:
            node = nodes.get(key)
            if node is not None and key != ROOT:
                rows_by_parent.setdefault(node.parent, []).append(node.row)
        last = len(columns.COLUMNS) - 1
        for parent, rows in rows_by_parent.items():
            for first, final in _runs(sorted(rows)):
                self.dataChanged.emit(self.createIndex(first, 0, parent), self.createIndex(final, last, parent))
        if keys:
            self.rows_refreshed.emit(keys)

    # -- keys and indexes -------------------------------------------------------------------------------

    def node_at(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        parent = self._tree.nodes.get(index.internalId())
        if parent is None or index.row() >= len(parent.children):
            return None
        return self._tree.nodes[parent.children[index.row()]]

    def key_at(self, index: Index) -> int | None:
        node = self.node_at(index)
        return node.key if node is not None else None

    def index_of_key(self, key: int, column: int = 0) -> QModelIndex:
        node = self._tree.nodes.get(key)
        if node is None or key == ROOT:
            return QModelIndex()
        return self.createIndex(node.row, column, node.parent)

    def index_of_task(self, task_id: int, column: int = 0) -> QModelIndex:
        return self.index_of_key(key_of(RowKind.TASK, task_id), column)

    def task_at(self, index: Index) -> GanttTask | None:
        node = self.node_at(index)
        return node.payload if node is not None and isinstance(node.payload, GanttTask) else None

    # -- shape ------------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT_INDEX) -> QModelIndex:
        if not 0 <= column < len(columns.COLUMNS) or row < 0:
            return QModelIndex()
        parent_key = ROOT if not parent.isValid() else self.key_at(parent)
        if parent_key is None or parent.column() > 0:
            return QModelIndex()
        if row >= len(self._tree.nodes[parent_key].children):
            return QModelIndex()
        return self.createIndex(row, column, parent_key)

    def parent(self, child: Index = _ROOT_INDEX) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == ROOT:
            return QModelIndex()
        parent = self._tree.nodes.get(child.internalId())
        if parent is None:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent.parent)

    def rowCount(self, parent: Index = _ROOT_INDEX) -> int:
        if not parent.isValid():
            return len(self._tree.nodes[ROOT].children)
        if parent.column() > 0:
            return 0
        node = self.node_at(parent)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = _ROOT_INDEX) -> int:
        return len(columns.COLUMNS)

    def hasChildren(self, parent: Index = _ROOT_INDEX) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self.node_at(index)
        if node is None:
            return _NO_FLAGS
        task = node.payload
        editable = isinstance(task, GanttTask) and task.kind in _EDITABLE.get(index.column(), _NOT_EDITABLE)
        return _FLAGS[(not node.children, editable and not self._document.read_only)]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns.COLUMNS):
            return None
        column = columns.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_NUMBER if column.numeric else _ALIGN_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and column.key == "float":
            return tr("Total float: working days a task can slip without delaying its project.")
        return None

    # -- data -------------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node_at(index)
        if node is None:
            return None
        payload = node.payload
        if isinstance(payload, GanttTask):
            return self._task_data(payload, index.column(), role)
        return self._group_data(node, index.column(), role)

    def _task_data(self, task: GanttTask, column: int, role: int) -> Any:
        reader = _TASK_READERS.get(role)
        return None if reader is None else reader(self, task, column)

    def _group_data(self, node: Node, column: int, role: int) -> Any:
        reader = _GROUP_READERS.get(role)
        return None if reader is None else reader(self, node, column)

    def group_text(self, node: Node, column: int) -> str:
        if column == columns.NAME:
            return self._group_name(node)
        return columns.span_text(column, node.span, node.progress, self._tree.data.calendar)

    def _group_name(self, node: Node) -> str:
        if kind_of(node.key) is RowKind.PROGRAMME:
            return self._tree.programme_name(node)
        return self._tree.project_name(id_of(node.key))

    def group_tooltip(self, node: Node) -> str:
        payload = node.payload
        if isinstance(payload, GanttProject):
            stage = tr("tentative") if payload.tentative else payload.stage.value.replace("_", " ")
            return tr("{name} ({stage})", name=self._group_name(node), stage=stage)
        return self._group_name(node)

    def group_colour(self, node: Node) -> str:
        payload = node.payload
        if kind_of(node.key) is RowKind.PROJECT:
            return self.colour_of_project(id_of(node.key))
        return payload.colour if isinstance(payload, GanttProgramme) else "#52606d"

    def colour_of_project(self, project_id: int) -> str:
        project = self._tree.projects.get(project_id)
        return project.colour if project is not None else "#4c6ef5"

    # -- editing ----------------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push the edit as a schedule command; a refused value is reported by the document."""
        task = self.task_at(index)
        if task is None or role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        try:
            command = self._command_for(task, index.column(), value)
        except PmoError as error:
            self._document.report(error)
            return False
        return command is not None and self._document.run(command)

    def _command_for(self, task: GanttTask, column: int, value: Any) -> DocumentCommand | None:
        document = self._document
        if column == columns.NAME:
            name = str(value).strip()
            return None if name == task.name else UpdateRecordCommand(document, _TASK, task.id, {"name": name})
        if column == columns.START:
            day = _as_date(value)
            return None if day == task.start else MoveTaskCommand(document, task.id, day)
        if column == columns.FINISH:
            day = _as_date(value)
            return None if day == task.finish else ResizeTaskCommand(document, task.id, day)
        number = int(value)
        if column == columns.DURATION:
            change = {"duration_days": number}
            return None if number == task.duration_days else UpdateRecordCommand(document, _TASK, task.id, change)
        return None if number == task.percent_complete else SetProgressCommand(document, task.id, number)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _edit_value(task: GanttTask, column: int) -> Any:
    if column == columns.NAME:
        return task.name
    if column == columns.START:
        return QDate(task.start.year, task.start.month, task.start.day)
    if column == columns.FINISH:
        return QDate(task.finish.year, task.finish.month, task.finish.day)
    if column == columns.DURATION:
        return task.duration_days
    if column == columns.PROGRESS:
        return task.percent_complete
    return None


def _as_date(value: Any) -> date:
    if isinstance(value, QDate):
        return date(value.year(), value.month(), value.day())
    if isinstance(value, date):
        return value
    raise PmoError(tr("'{typed}' is not a date.", typed=value))


def _task_foreground(task: GanttTask, column: int) -> QColor | None:
    if column == columns.FLOAT and task.total_float < 0:
        return _NEGATIVE
    if column == columns.NAME and columns.owns_conflict(task):
        return _NEGATIVE
    if column == columns.PEOPLE:
        return _MUTED
    return None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _differs(old: Node, new: Node) -> bool:
    return (old.payload, old.span, old.progress) != (new.payload, new.span, new.progress)


def _alignment(column: int) -> Qt.AlignmentFlag:
    return _ALIGN_NUMBER if columns.COLUMNS[column].numeric else _ALIGN_TEXT


def _kind_word(node: Node) -> str:
    return "programme" if kind_of(node.key) is RowKind.PROGRAMME else "project"


_Reader = Callable[[GanttTreeModel, Any, int], Any]
_DISPLAY, _EDIT, _TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole
_FONT, _FORE, _BACK = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole
_ALIGN, _DECORATION = Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole

_TASK_READERS: dict[int, _Reader] = {
    int(_DISPLAY): lambda model, task, column: columns.task_text(column, task),
    int(_EDIT): lambda model, task, column: _edit_value(task, column),
    int(_TIP): lambda model, task, column: columns.task_tooltip(task),
    int(_FONT): lambda model, task, column: _bold() if task.has_children and column == columns.NAME else None,
    int(_FORE): lambda model, task, column: _task_foreground(task, column),
    int(_ALIGN): lambda model, task, column: _alignment(column),
    RecordIdRole: lambda model, task, column: task.id,
    roles.KeyRole: lambda model, task, column: key_of(RowKind.TASK, task.id),
    roles.RowKindRole: lambda model, task, column: "task",
    roles.StartRole: lambda model, task, column: task.start,
    roles.FinishRole: lambda model, task, column: task.finish,
    roles.KindRole: lambda model, task, column: task.kind.value,
    roles.ProgressRole: lambda model, task, column: task.percent_complete,
    roles.CriticalRole: lambda model, task, column: task.critical,
    roles.BaselineStartRole: lambda model, task, column: task.baseline_start,
    roles.BaselineFinishRole: lambda model, task, column: task.baseline_finish,
    roles.TotalFloatRole: lambda model, task, column: task.total_float,
    roles.FreeFloatRole: lambda model, task, column: task.free_float,
    roles.ConflictRole: lambda model, task, column: task.conflict,
    roles.ColourRole: lambda model, task, column: model.colour_of_project(task.project_id),
}
_GROUP_READERS: dict[int, _Reader] = {
    int(_DISPLAY): lambda model, node, column: model.group_text(node, column),
    int(_TIP): lambda model, node, column: model.group_tooltip(node) if column == columns.NAME else None,
    int(_FONT): lambda model, node, column: _bold() if column == columns.NAME else None,
    int(_BACK): lambda model, node, column: (
        _PROGRAMME_BACKGROUND if kind_of(node.key) is RowKind.PROGRAMME else _PROJECT_BACKGROUND
    ),
    int(_DECORATION): lambda model, node, column: (
        QColor(model.group_colour(node)) if column == columns.NAME and kind_of(node.key) is RowKind.PROJECT else None
    ),
    int(_ALIGN): lambda model, node, column: _alignment(column),
    RecordIdRole: lambda model, node, column: id_of(node.key),
    roles.KeyRole: lambda model, node, column: node.key,
    roles.RowKindRole: lambda model, node, column: _kind_word(node),
    roles.StartRole: lambda model, node, column: node.span[0] if node.span else None,
    roles.FinishRole: lambda model, node, column: node.span[1] if node.span else None,
    roles.KindRole: lambda model, node, column: _kind_word(node),
    roles.ProgressRole: lambda model, node, column: node.progress,
    roles.CriticalRole: lambda model, node, column: False,
    roles.ColourRole: lambda model, node, column: model.group_colour(node),
}

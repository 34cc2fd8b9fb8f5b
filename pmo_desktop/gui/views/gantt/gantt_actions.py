"""The Gantt's actions: add, delete, indent, outdent, link, unlink, baselines, zoom and today, with their
shortcuts, the Schedule menu and the context menus of tasks and arrows.

Every edit is one undo command run through the document (several selected tasks make one undo step). A
refused edit is reported by the document, whose window shows the sentence (a link closing a loop names
the tasks in it). Shortcuts only act while the focus is in the Gantt.
"""

from collections.abc import Callable, Mapping
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from pmo_desktop.domain.enums import DependencyType, TaskKind
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.schedule_commands import (
    LINK_WORDS,
    AddMilestoneCommand,
    AddTaskCommand,
    ChangeLinkCommand,
    ClearBaselineCommand,
    DeleteTaskCommand,
    IndentTaskCommand,
    LinkTasksCommand,
    MoveTaskCommand,
    OutdentTaskCommand,
    ReorderTaskCommand,
    ResizeTaskCommand,
    TakeBaselineCommand,
    UnlinkCommand,
)
from pmo_desktop.gui.dialogs.task_dialog import TaskDialog
from pmo_desktop.gui.models.gantt_rows import RowKind, id_of, kind_of
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from pmo_desktop.gui.views.gantt.chart_drag import Edit, LinkEdit, MoveEdit, ResizeEdit
from pmo_desktop.gui.views.gantt.gantt_chart import GanttChart
from pmo_desktop.gui.views.gantt.gantt_tree_view import GanttTreeView
from pmo_desktop.i18n import tr
from pmo_desktop.services.gantt_queries import GanttTask

_KEYS = {
    "add_task": (QKeySequence(Qt.Key.Key_Insert),),
    "add_milestone": (QKeySequence("Shift+Insert"),),
    "delete": (QKeySequence(Qt.Key.Key_Delete),),
    "indent": (QKeySequence("Alt+Shift+Right"),),
    "outdent": (QKeySequence("Alt+Shift+Left"),),
    "move_up": (QKeySequence("Alt+Shift+Up"),),
    "move_down": (QKeySequence("Alt+Shift+Down"),),
    "link": (QKeySequence("Ctrl+F2"),),
    "unlink": (QKeySequence("Ctrl+Shift+F2"),),
    "edit": (QKeySequence("Shift+F2"),),
    "zoom_in": (QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")),
    "zoom_out": (QKeySequence("Ctrl+-"),),
    "today": (QKeySequence(Qt.Key.Key_Home),),
}


class GanttActions(QObject):
    """Actions over the Gantt's selection, and the commands they run.

    Signals: none.
    """

    def __init__(self, model: GanttTreeModel, tree: GanttTreeView, chart: GanttChart, owner: QWidget) -> None:
        super().__init__(owner)
        self._model = model
        self._document = model.document
        self._tree = tree
        self._chart = chart
        self._owner = owner
        self.add_task = self._action("add_task", tr("Add task"), lambda: self.add(TaskKind.TASK))
        self.add_milestone = self._action("add_milestone", tr("Add milestone"), lambda: self.add(TaskKind.MILESTONE))
        self.delete = self._action("delete", tr("Delete"), self.delete_selected)
        self.indent = self._action("indent", tr("Indent"), lambda: self._each_task(IndentTaskCommand, tr("Indent")))
        self.outdent = self._action(
            "outdent", tr("Outdent"), lambda: self._each_task(OutdentTaskCommand, tr("Outdent"))
        )
        self.move_up = self._action("move_up", tr("Move up"), lambda: self.move_selected(-1))
        self.move_down = self._action("move_down", tr("Move down"), lambda: self.move_selected(1))
        self.link = self._action("link", tr("Link selected tasks"), lambda: self.link_selected(DependencyType.FS))
        self.unlink = self._action("unlink", tr("Unlink selected tasks"), self.unlink_selected)
        self.edit = self._action("edit", tr("Task information…"), self.edit_current)
        self.take_baseline = self._action("", tr("Take baseline…"), self.ask_baseline)
        self.clear_baseline = self._action("", tr("Clear baseline shown"), self.clear_shown_baseline)
        self.zoom_in = self._action("zoom_in", tr("Zoom in"), chart.zoom_in)
        self.zoom_out = self._action("zoom_out", tr("Zoom out"), chart.zoom_out)
        self.today = self._action("today", tr("Go to today"), chart.show_today)
        chart.edit_requested.connect(self.apply_edit)
        chart.task_activated.connect(self.open_task)
        chart.context_requested.connect(self.show_context_menu)
        tree.task_activated.connect(self.open_task)
        tree.selectionModel().selectionChanged.connect(self.update_enabled)
        tree.selectionModel().currentChanged.connect(self.update_enabled)
        model.modelReset.connect(self.update_enabled)
        self.update_enabled()

    def _action(self, key: str, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._owner)
        if key:
            action.setShortcuts(list(_KEYS[key]))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self._owner.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # -- the selection ----------------------------------------------------------------------------------

    def selected_task_ids(self) -> list[int]:
        """The selected tasks, top to bottom."""
        lines = self._chart.layout_rows
        tasks = [self._model.task_at(index) for index in self._tree.selectionModel().selectedRows(0)]
        ids = [task.id for task in tasks if task is not None]
        return sorted(ids, key=lambda task_id: lines.line_of_task(task_id) or 0)

    def current_task_id(self) -> int | None:
        task = self._model.task_at(self._tree.currentIndex())
        return task.id if task is not None else None

    def current_project_id(self) -> int | None:
        """The project of the current row (a task's project, or the project row itself)."""
        index = self._tree.currentIndex()
        task = self._model.task_at(index)
        if task is not None:
            return task.project_id
        key = self._model.key_at(index)
        return id_of(key) if key is not None and kind_of(key) is RowKind.PROJECT else None

    def update_enabled(self) -> None:
        writable = not self._document.read_only
        tasks = self.selected_task_ids()
        self.add_task.setEnabled(writable and self.current_project_id() is not None)
        self.add_milestone.setEnabled(self.add_task.isEnabled())
        for action in (self.delete, self.indent, self.outdent, self.move_up, self.move_down, self.unlink):
            action.setEnabled(writable and bool(tasks))
        self.edit.setEnabled(self.current_task_id() is not None)
        self.link.setEnabled(writable and len(tasks) >= 2)
        self.take_baseline.setEnabled(writable)
        self.clear_baseline.setEnabled(writable and self._model.data_model.baseline_id is not None)

    # -- running commands -------------------------------------------------------------------------------

    def run(self, build: Callable[[], DocumentCommand]) -> bool:
        """Build a command and run it; a refusal while building (a record gone) is reported like any other."""
        try:
            command = build()
        except PmoError as error:
            self._document.report(error)
            return False
        return self._document.run(command)

    def run_all(self, text: str, builders: list[Callable[[], DocumentCommand]]) -> None:
        """Several commands as one undo step."""
        if not builders:
            return
        if len(builders) == 1:
            self.run(builders[0])
            return
        stack = self._document.undo_stack
        stack.beginMacro(text)
        try:
            for build in builders:
                self.run(build)
        finally:
            stack.endMacro()

    def apply_edit(self, edit: Edit) -> None:
        """A drag on the chart asked for an edit."""
        document = self._document
        if isinstance(edit, MoveEdit):
            self.run(lambda: MoveTaskCommand(document, edit.task_id, edit.start, drag=True))
        elif isinstance(edit, ResizeEdit):
            self.run(lambda: ResizeTaskCommand(document, edit.task_id, edit.finish, drag=True))
        elif isinstance(edit, LinkEdit):
            self.run(lambda: LinkTasksCommand(document, edit.predecessor_id, edit.successor_id, edit.type))

    # -- the actions ------------------------------------------------------------------------------------

    def add(self, kind: TaskKind) -> None:
        """Add a task or milestone after the current task (or at the end of the current project)."""
        project_id = self.current_project_id()
        if project_id is None:
            return
        after = self.current_task_id()
        if kind is TaskKind.MILESTONE:
            command: AddTaskCommand = AddMilestoneCommand(
                self._document, project_id, name=tr("New milestone"), after_id=after
            )
        else:
            command = AddTaskCommand(self._document, project_id, name=tr("New task"), after_id=after)
        if self._document.run(command) and command.record_id is not None:
            index = self._model.index_of_task(command.record_id)
            self._tree.setCurrentIndex(index)
            self._tree.scrollTo(index)
            self._tree.setFocus()
            self._tree.edit(index)

    def delete_selected(self) -> None:
        ids = self.selected_task_ids()
        chosen = set(ids)
        tasks = self._model.tree.tasks
        # A task under a selected summary goes with it: deleting it first would leave a hole in the undo.
        tops = [task_id for task_id in ids if not _has_ancestor_in(tasks, task_id, chosen)]
        builders = [partial(DeleteTaskCommand, self._document, task_id) for task_id in tops]
        self.run_all(tr("Delete {count} tasks", count=len(tops)), builders)

    def _each_task(self, command: Callable[..., DocumentCommand], text: str) -> None:
        self.run_all(text, [partial(command, self._document, task_id) for task_id in self.selected_task_ids()])

    def move_selected(self, step: int) -> None:
        """Move the current task one place up (-1) or down (1) among its siblings."""
        task_id = self.current_task_id()
        if task_id is None:
            return
        tasks = self._model.tree.tasks
        task = tasks[task_id]
        siblings = sorted(
            (t for t in tasks.values() if t.project_id == task.project_id and t.parent_id == task.parent_id),
            key=lambda sibling: (sibling.sort_order, sibling.id),
        )
        place = [sibling.id for sibling in siblings].index(task_id) + step
        if 0 <= place < len(siblings):
            self.run(partial(ReorderTaskCommand, self._document, task_id, place))

    def link_selected(self, kind: DependencyType) -> None:
        """Link the selected tasks one after another, top to bottom."""
        ids = self.selected_task_ids()
        builders = [partial(LinkTasksCommand, self._document, first, second, kind) for first, second in pairwise(ids)]
        self.run_all(tr("Link {count} tasks", count=len(ids)), builders)

    def unlink_selected(self) -> None:
        """Remove the links between the selected tasks, or every link of a single selected task."""
        ids = set(self.selected_task_ids())
        links = self._model.data_model.links
        if len(ids) == 1:
            doomed = [link.id for link in links if {link.predecessor_id, link.successor_id} & ids]
        else:
            doomed = [link.id for link in links if link.predecessor_id in ids and link.successor_id in ids]
        builders = [partial(UnlinkCommand, self._document, link_id) for link_id in doomed]
        self.run_all(tr("Unlink {count} links", count=len(doomed)), builders)

    def edit_current(self) -> None:
        task_id = self.current_task_id()
        if task_id is not None:
            self.open_task(task_id)

    def open_task(self, task_id: int) -> None:
        """The task dialog; it runs its own undoable edit when accepted."""
        if task_id in self._model.tree.tasks:
            TaskDialog(self._document, self._model.tree, task_id, self._owner).exec()

    def ask_baseline(self) -> None:
        count = len(self._model.data_model.baselines) + 1
        name, accepted = QInputDialog.getText(
            self._owner, tr("Take baseline"), tr("Name of the baseline"), text=tr("Baseline {number}", number=count)
        )
        if accepted and name.strip():
            self.run(lambda: TakeBaselineCommand(self._document, name.strip()))

    def clear_shown_baseline(self) -> None:
        baseline_id = self._model.data_model.baseline_id
        if baseline_id is not None:
            self.run(lambda: ClearBaselineCommand(self._document, baseline_id))

    # -- menus ------------------------------------------------------------------------------------------

    def menu(self, parent: QWidget) -> QMenu:
        """The Schedule menu of the main window."""
        menu = QMenu(tr("&Schedule"), parent)
        self._fill(menu)
        menu.addSeparator()
        menu.addActions([self.zoom_in, self.zoom_out, self.today])
        return menu

    def _fill(self, menu: QMenu) -> None:
        menu.addActions([self.add_task, self.add_milestone])
        menu.addSeparator()
        menu.addAction(self.link)
        menu.addMenu(self._link_menu(menu))
        menu.addAction(self.unlink)
        menu.addSeparator()
        menu.addActions([self.indent, self.outdent, self.move_up, self.move_down])
        menu.addSeparator()
        menu.addActions([self.edit, self.delete])
        menu.addSeparator()
        menu.addActions([self.take_baseline, self.clear_baseline])

    def _link_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(tr("Link selected tasks as"), parent)
        menu.setEnabled(self.link.isEnabled())
        for kind in DependencyType:
            action = menu.addAction(tr(LINK_WORDS[kind]))
            action.triggered.connect(lambda _checked=False, kind=kind: self.link_selected(kind))
        return menu

    def show_context_menu(self, task_id: int | None, link_id: int | None, position: QPoint) -> None:
        self.update_enabled()
        menu = QMenu(self._owner)
        if link_id is not None and not self._document.read_only:
            self._fill_link_menu(menu, link_id)
        else:
            self._fill(menu)
        menu.exec(position)
        menu.deleteLater()

    def _fill_link_menu(self, menu: QMenu, link_id: int) -> None:
        link = next(link for link in self._model.data_model.links if link.id == link_id)
        for kind in DependencyType:
            action = menu.addAction(tr(LINK_WORDS[kind]))
            action.setCheckable(True)
            action.setChecked(kind is link.type)
            action.triggered.connect(
                lambda _checked=False, kind=kind: self.run(
                    lambda: ChangeLinkCommand(self._document, link_id, kind, link.lag_days)
                )
            )
        menu.addSeparator()
        menu.addAction(tr("Lag…")).triggered.connect(
            lambda _checked=False: self._ask_lag(link_id, link.type, link.lag_days)
        )
        menu.addAction(tr("Remove link")).triggered.connect(
            lambda _checked=False: self.run(lambda: UnlinkCommand(self._document, link_id))
        )

    def _ask_lag(self, link_id: int, kind: DependencyType, lag: int) -> None:
        days, accepted = QInputDialog.getInt(
            self._owner, tr("Lag"), tr("Working days between the tasks (negative for a lead)"), lag, -999, 999
        )
        if accepted and days != lag:
            self.run(lambda: ChangeLinkCommand(self._document, link_id, kind, days))


def _has_ancestor_in(tasks: Mapping[int, GanttTask], task_id: int, chosen: set[int]) -> bool:
    parent = tasks[task_id].parent_id
    while parent is not None and parent in tasks:
        if parent in chosen:
            return True
        parent = tasks[parent].parent_id
    return False

"""The linked-tasks part of the RAID item form: the list of links, a task picker, Link and Unlink.

Links are staged here and saved with the rest of the form in one undoable edit; `changes` says which task
ids to link and which to unlink compared with what the item had when the form opened.
"""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QListWidget, QListWidgetItem, QPushButton, QWidget

from pmo_desktop.gui.formatting import format_date
from pmo_desktop.gui.ui_loader import child
from pmo_desktop.i18n import tr
from pmo_desktop.services.raid_queries import TaskRef, linked_tasks, task_choices
from pmo_desktop.services.workspace import Workspace

_MILESTONE = "◆"


def task_text(task: TaskRef) -> str:
    """ "WMS · Build the carrier interface · 3 Mar 2026 – 14 Apr 2026", milestones marked and dated once."""
    if task.milestone:
        return f"{task.project_code} · {_MILESTONE} {task.name} · {format_date(task.finish)}"
    return f"{task.project_code} · {task.name} · {format_date(task.start)} – {format_date(task.finish)}"


class TaskLinks(QObject):
    """Stages links between one item and tasks until the form is saved.

    Signals: none.
    """

    def __init__(self, workspace: Workspace, item_id: int | None, form: QWidget) -> None:
        super().__init__(form)
        self._workspace = workspace
        self._list = child(form, QListWidget, "linkedTasksList")
        self._picker = child(form, QComboBox, "taskPicker")
        self._link_button = child(form, QPushButton, "addTaskButton")
        self._unlink_button = child(form, QPushButton, "removeTaskButton")
        self._original = {task.id: task for task in linked_tasks(workspace, item_id)} if item_id is not None else {}
        self._linked = dict(self._original)
        self._choices: dict[int, TaskRef] = {}
        self._picker.setEditable(True)
        self._picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._picker.lineEdit().setPlaceholderText(tr("Find a task or milestone to link"))
        completer = self._picker.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._link_button.clicked.connect(self.link_current)
        self._unlink_button.clicked.connect(self.unlink_selected)
        self._list.itemSelectionChanged.connect(self._enable_buttons)
        self._picker.currentIndexChanged.connect(self._enable_buttons)
        self._show_links()

    @property
    def linked(self) -> list[TaskRef]:
        return sorted(self._linked.values(), key=lambda task: (task.project_code, task.start, task.id))

    def set_project(self, project_id: int | None) -> None:
        """Offer the tasks of `project_id`, or of every project for an item on the portfolio."""
        self._choices = {task.id: task for task in task_choices(self._workspace, project_id)}
        self._fill_picker()

    def link(self, task_id: int) -> None:
        task = self._choices.get(task_id) or self._original.get(task_id)
        if task is not None:
            self._linked[task_id] = task
            self._show_links()
            self._fill_picker()

    def link_current(self) -> None:
        task_id = self._picker.currentData()
        if task_id is not None and self._picker.currentText() == self._picker.itemText(self._picker.currentIndex()):
            self.link(int(task_id))

    def unlink_selected(self) -> None:
        for item in self._list.selectedItems():
            self._linked.pop(int(item.data(Qt.ItemDataRole.UserRole)), None)
        self._show_links()
        self._fill_picker()

    def changes(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(task ids to link, task ids to unlink) against the links the item had when the form opened."""
        to_link = tuple(sorted(set(self._linked) - set(self._original)))
        to_unlink = tuple(sorted(set(self._original) - set(self._linked)))
        return to_link, to_unlink

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self._picker, self._link_button, self._unlink_button):
            widget.setEnabled(not read_only)

    def _show_links(self) -> None:
        self._list.clear()
        for task in self.linked:
            item = QListWidgetItem(task_text(task))
            item.setData(Qt.ItemDataRole.UserRole, task.id)
            item.setToolTip(task_text(task))
            self._list.addItem(item)
        if not self._linked:
            placeholder = QListWidgetItem(tr("No linked tasks yet: pick one below and press Link."))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self._list.addItem(placeholder)
        self._enable_buttons()

    def _fill_picker(self) -> None:
        self._picker.blockSignals(True)
        self._picker.clear()
        for task in self._choices.values():
            if task.id not in self._linked:
                self._picker.addItem(task_text(task), task.id)
        self._picker.setCurrentIndex(-1)
        self._picker.blockSignals(False)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        self._link_button.setEnabled(self._picker.isEnabled() and self._picker.currentIndex() >= 0)
        selected = [item for item in self._list.selectedItems() if item.data(Qt.ItemDataRole.UserRole) is not None]
        self._unlink_button.setEnabled(self._picker.isEnabled() and bool(selected))

"""Undoable edits of the schedule: move, resize, progress, constraints, the WBS, links, tasks and baselines.

Each command calls one operation of `schedule_operations` (or of `records` for links, deletions and
baselines) forward and one back. Edits of task fields capture the tasks they touch when the command is
built (`capture_tasks`) and undo with `restore_tasks`, which reschedules, so successors that followed a
moved task follow it back. Consecutive drags of one task merge into one step: undo returns it to where
the first drag found it.
"""

from collections.abc import Iterable
from datetime import date

from PySide6.QtGui import QUndoCommand

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import ConstraintType, DependencyType, EntityKind, TaskKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand, DeleteRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services.cascade import Snapshot
from pmo_desktop.services.records import Created, delete_record, get_record, restore_records
from pmo_desktop.services.schedule_operations import (
    add_task,
    capture_tasks,
    indent_task,
    move_task,
    outdent_task,
    project_task_ids,
    reorder_task,
    resize_task,
    restore_tasks,
    set_constraint,
    set_progress,
    take_baseline,
)

_MOVE_ID = 0x6A01
_RESIZE_ID = 0x6A02
LINK_WORDS = {
    DependencyType.FS: "Finish-to-start",
    DependencyType.SS: "Start-to-start",
    DependencyType.FF: "Finish-to-finish",
    DependencyType.SF: "Start-to-finish",
}
"""Each link type in words (untranslated), for menus and command texts."""


def task_name(document: Document, task_id: int) -> str:
    return str(get_record(document.workspace, EntityKind.TASK, task_id)["name"])


class TaskStateCommand(DocumentCommand):
    """An edit of task fields; undo puts back the fields of `ids` as they were when the command was built."""

    def __init__(self, document: Document, text: str, ids: Iterable[int]) -> None:
        super().__init__(document, text)
        self._state = capture_tasks(document.workspace, ids)

    def backward(self) -> Changes:
        return restore_tasks(self.document.workspace, self._state)


class _DragCommand(TaskStateCommand):
    """A move or resize of one task; with `drag`, it merges with the next drag of the same task."""

    MERGE_ID = -1

    def __init__(self, document: Document, text: str, task_id: int, day: date, *, drag: bool) -> None:
        super().__init__(document, text, [task_id])
        self.task_id = task_id
        self.day = day
        self._drag = drag

    def id(self) -> int:
        return self.MERGE_ID if self._drag else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self) or not isinstance(other, _DragCommand) or other.task_id != self.task_id:
            return False
        self.day = other.day  # the first command keeps its captured state: undo goes back before both drags
        return True


class MoveTaskCommand(_DragCommand):
    """Move a task to start on `start` (an automatic task gets "start no earlier than" that day)."""

    MERGE_ID = _MOVE_ID

    def __init__(self, document: Document, task_id: int, start: date, *, drag: bool = False) -> None:
        text = tr("Move '{name}'", name=task_name(document, task_id))
        super().__init__(document, text, task_id, start, drag=drag)

    def forward(self) -> Changes:
        return move_task(self.document.workspace, self.task_id, self.day)


class ResizeTaskCommand(_DragCommand):
    """Make a task finish on `finish` (its duration in working days changes)."""

    MERGE_ID = _RESIZE_ID

    def __init__(self, document: Document, task_id: int, finish: date, *, drag: bool = False) -> None:
        text = tr("Resize '{name}'", name=task_name(document, task_id))
        super().__init__(document, text, task_id, finish, drag=drag)

    def forward(self) -> Changes:
        return resize_task(self.document.workspace, self.task_id, self.day)


class SetProgressCommand(TaskStateCommand):
    def __init__(self, document: Document, task_id: int, percent: int) -> None:
        super().__init__(document, tr("Set progress of '{name}'", name=task_name(document, task_id)), [task_id])
        self._task_id, self._percent = task_id, percent

    def forward(self) -> Changes:
        return set_progress(self.document.workspace, self._task_id, self._percent)


class SetConstraintCommand(TaskStateCommand):
    def __init__(self, document: Document, task_id: int, constraint: ConstraintType, day: date | None) -> None:
        super().__init__(document, tr("Set constraint of '{name}'", name=task_name(document, task_id)), [task_id])
        self._task_id, self._constraint, self._day = task_id, constraint, day

    def forward(self) -> Changes:
        return set_constraint(self.document.workspace, self._task_id, self._constraint, self._day)


class _WbsCommand(TaskStateCommand):
    """A change of the WBS of one task's project; undo puts back every task of that project."""

    WORDS = ""

    def __init__(self, document: Document, task_id: int) -> None:
        task = get_record(document.workspace, EntityKind.TASK, task_id)
        ids = project_task_ids(document.workspace, int(task["project_id"]))
        super().__init__(document, tr(self.WORDS, name=task["name"]), ids)
        self._task_id = task_id


class IndentTaskCommand(_WbsCommand):
    WORDS = "Indent '{name}'"

    def forward(self) -> Changes:
        return indent_task(self.document.workspace, self._task_id)


class OutdentTaskCommand(_WbsCommand):
    WORDS = "Outdent '{name}'"

    def forward(self) -> Changes:
        return outdent_task(self.document.workspace, self._task_id)


class ReorderTaskCommand(_WbsCommand):
    WORDS = "Move '{name}' in the outline"

    def __init__(self, document: Document, task_id: int, index: int) -> None:
        super().__init__(document, task_id)
        self._index = index

    def forward(self) -> Changes:
        return reorder_task(self.document.workspace, self._task_id, self._index)


class _CreatingCommand(DocumentCommand):
    """A command whose first run creates a record; undo deletes it, redo restores it with the same id."""

    KIND = EntityKind.TASK

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(document, text)
        self.record_id: int | None = None
        self._snapshot: Snapshot | None = None

    def create(self) -> Created:
        raise NotImplementedError

    def forward(self) -> Changes:
        if self._snapshot is not None:
            return restore_records(self.document.workspace, self._snapshot)
        created = self.create()
        self.record_id = created.id
        return created.changes

    def backward(self) -> Changes:
        assert self.record_id is not None, "undo before the first run"
        deleted = delete_record(self.document.workspace, self.KIND, self.record_id)
        self._snapshot = deleted.snapshot
        return deleted.changes


class AddTaskCommand(_CreatingCommand):
    """Add a task (or, with `kind`, a milestone) to a project, after `after_id` or under `parent_id`."""

    def __init__(
        self,
        document: Document,
        project_id: int,
        *,
        name: str,
        kind: TaskKind = TaskKind.TASK,
        after_id: int | None = None,
        parent_id: int | None = None,
        start: date | None = None,
        duration_days: int = 1,
    ) -> None:
        text = (
            tr("Add milestone '{name}'", name=name)
            if kind is TaskKind.MILESTONE
            else tr("Add task '{name}'", name=name)
        )
        super().__init__(document, text)
        self._project_id = project_id
        self._options = {
            "name": name,
            "kind": kind,
            "after_id": after_id,
            "parent_id": parent_id,
            "start": start,
            "duration_days": 0 if kind is TaskKind.MILESTONE else duration_days,
        }

    def create(self) -> Created:
        return add_task(self.document.workspace, self._project_id, **self._options)  # type: ignore[arg-type]


class AddMilestoneCommand(AddTaskCommand):
    """Add a milestone (a task of no duration) to a project, after `after_id` or under `parent_id`."""

    def __init__(
        self,
        document: Document,
        project_id: int,
        *,
        name: str,
        after_id: int | None = None,
        parent_id: int | None = None,
        start: date | None = None,
    ) -> None:
        super().__init__(
            document,
            project_id,
            name=name,
            kind=TaskKind.MILESTONE,
            after_id=after_id,
            parent_id=parent_id,
            start=start,
        )


class TakeBaselineCommand(_CreatingCommand):
    """Record every task's dates now as the baseline `name`."""

    KIND = EntityKind.BASELINE

    def __init__(self, document: Document, name: str) -> None:
        super().__init__(document, tr("Take baseline '{name}'", name=name))
        self._name = name

    def create(self) -> Created:
        return take_baseline(self.document.workspace, self._name)


class ClearBaselineCommand(DeleteRecordCommand):
    def __init__(self, document: Document, baseline_id: int) -> None:
        name = get_record(document.workspace, EntityKind.BASELINE, baseline_id)["name"]
        super().__init__(document, EntityKind.BASELINE, baseline_id, tr("Clear baseline '{name}'", name=name))


class DeleteTaskCommand(DeleteRecordCommand):
    """Delete a task with everything under it and its links; undo restores all of it."""

    def __init__(self, document: Document, task_id: int) -> None:
        text = tr("Delete '{name}'", name=task_name(document, task_id))
        super().__init__(document, EntityKind.TASK, task_id, text)


class LinkTasksCommand(CreateRecordCommand):
    """Make `successor_id` depend on `predecessor_id`; a link closing a loop is refused (CycleError)."""

    def __init__(
        self,
        document: Document,
        predecessor_id: int,
        successor_id: int,
        kind: DependencyType = DependencyType.FS,
        lag_days: int = 0,
    ) -> None:
        values = {
            "predecessor_id": predecessor_id,
            "successor_id": successor_id,
            "type": kind.value,
            "lag_days": lag_days,
        }
        text = tr(
            "Link '{first}' to '{second}' ({kind})",
            first=task_name(document, predecessor_id),
            second=task_name(document, successor_id),
            kind=kind.value,
        )
        super().__init__(document, EntityKind.DEPENDENCY, values, text)


class UnlinkCommand(DeleteRecordCommand):
    def __init__(self, document: Document, link_id: int) -> None:
        link = get_record(document.workspace, EntityKind.DEPENDENCY, link_id)
        text = tr(
            "Unlink '{first}' and '{second}'",
            first=task_name(document, link["predecessor_id"]),
            second=task_name(document, link["successor_id"]),
        )
        super().__init__(document, EntityKind.DEPENDENCY, link_id, text)


class ChangeLinkCommand(UpdateRecordCommand):
    """Change a link's type and lag; undo puts back the ones it had."""

    def __init__(self, document: Document, link_id: int, kind: DependencyType, lag_days: int) -> None:
        link = get_record(document.workspace, EntityKind.DEPENDENCY, link_id)
        text = tr(
            "Change link '{first}' to '{second}'",
            first=task_name(document, link["predecessor_id"]),
            second=task_name(document, link["successor_id"]),
        )
        values = {"type": kind.value, "lag_days": lag_days}
        super().__init__(document, EntityKind.DEPENDENCY, link_id, values, text)

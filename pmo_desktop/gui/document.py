"""The open portfolio as the GUI holds it: a `Workspace`, its undo stack, and the signal every model follows.

One edit flows view -> undo command -> one service operation -> `Changes` -> `changes_applied` -> each model
refreshes what the record touches (DESIGN.md section 1). A command runs once before it is pushed, so a
refused edit never reaches the stack: the user sees the sentence and the history is left as it was.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from pmo_desktop.gui.commands.base import DocumentCommand


class Document(QObject):
    """One open portfolio and its edit history.

    Signals:
        changes_applied(Changes): an operation (or its undo) changed records; refresh what it touches.
        state_changed(): the modified flag, read-only state, path or name changed.
        operation_failed(str): an edit was refused; the argument is one sentence for the user.
    """

    changes_applied = Signal(object)
    state_changed = Signal()
    operation_failed = Signal(str)

    def __init__(self, workspace: Workspace, *, modified: bool | None = None, parent: QObject | None = None) -> None:
        """`modified` defaults to the workspace's own flag: recovered, migrated and copied files start unsaved."""
        super().__init__(parent)
        self._workspace = workspace
        self._unsaved_on_open = workspace.dirty if modified is None else modified
        self._stack = QUndoStack(self)
        self._stack.cleanChanged.connect(self.state_changed)

    # -- state ------------------------------------------------------------------------------------------

    @property
    def workspace(self) -> Workspace:
        return self._workspace

    @property
    def undo_stack(self) -> QUndoStack:
        return self._stack

    @property
    def path(self) -> Path | None:
        return self._workspace.path

    @property
    def display_name(self) -> str:
        return self._workspace.display_name

    @property
    def read_only(self) -> bool:
        return self._workspace.read_only

    @property
    def is_modified(self) -> bool:
        """True when closing would lose something: edits since the last save, or unsaved state from opening."""
        return self._unsaved_on_open or not self._stack.isClean()

    # -- edits ------------------------------------------------------------------------------------------

    def run(self, command: "DocumentCommand") -> bool:
        """Carry out `command` and push it; a refused edit is reported and kept off the stack."""
        try:
            changes = command.execute()
        except PmoError as error:
            self.report(error)
            return False
        if not changes.is_empty:
            self._stack.push(command)
        return True

    def apply(self, changes: Changes) -> None:
        """Announce what an operation changed (commands call this after each service call)."""
        if not changes.is_empty:
            self.changes_applied.emit(changes)

    def report(self, error: PmoError) -> None:
        self.operation_failed.emit(str(error))

    # -- saving and closing -----------------------------------------------------------------------------

    def save(self, *, overwrite_changes: bool = False) -> None:
        """Publish to the file; raises `SaveError` (or `FileChangedOnDiskError`) and then nothing changes."""
        self._workspace.save(overwrite_changes=overwrite_changes)
        self._mark_saved()

    def save_as(self, path: Path) -> None:
        self._workspace.save_as(path)
        self._mark_saved()

    def close(self) -> None:
        """Forget the history and the working copy; the caller has already asked about unsaved changes."""
        self._stack.clear()
        self._workspace.close()

    def _mark_saved(self) -> None:
        self._unsaved_on_open = False
        self._stack.setClean()
        self.state_changed.emit()

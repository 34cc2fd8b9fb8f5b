"""The File menu: new, open, save, save as, close, the demo and recovery, and the questions around them.

`FileActions` owns the open `Document` (one per window). Every way of replacing it first asks about unsaved
changes; opening handles a refused file (one sentence, the file untouched) and a file someone else has open
(read-only or a copy); saving handles a file changed on disk (overwrite, save as, or cancel).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from pmo_desktop.domain.errors import FileChangedOnDiskError, FileLockedError, PmoError
from pmo_desktop.gui.dialogs import file_dialogs, lock_dialog, prompts
from pmo_desktop.gui.dialogs.prompts import ConflictChoice, UnsavedChoice
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.recent_files import RecentFiles, RecentFilesMenu
from pmo_desktop.i18n import tr
from pmo_desktop.services import files
from pmo_desktop.services.workspace import OpenMode, RecoveryCandidate, Workspace


class FileActions(QObject):
    """The open document and the File menu's actions.

    Signals:
        document_changed(object): the document was replaced; the argument is the new Document or None.
    """

    document_changed = Signal(object)

    def __init__(self, window: QWidget, recent: RecentFiles) -> None:
        super().__init__(window)
        self._window = window
        self._recent = recent
        self._document: Document | None = None
        self.new_action = self._action(tr("&New"), QKeySequence.StandardKey.New, self.new_portfolio)
        self.open_action = self._action(tr("&Open…"), QKeySequence.StandardKey.Open, self.open_file)
        self.demo_action = self._action(tr("Open the &Demo"), None, self.open_demo)
        self.save_action = self._action(tr("&Save"), QKeySequence.StandardKey.Save, self.save)
        self.save_as_action = self._action(tr("Save &As…"), QKeySequence.StandardKey.SaveAs, self.save_as)
        self.close_action = self._action(tr("&Close"), QKeySequence.StandardKey.Close, self.close_document)
        self.board_pack_action = self._action(tr("Export &Board Pack…"), None, self.export_board_pack)
        self.recent_menu = RecentFilesMenu(recent, window)
        self.recent_menu.open_requested.connect(self.open_path)
        self._enable_document_actions()

    @property
    def document(self) -> Document | None:
        return self._document

    # -- opening ----------------------------------------------------------------------------------------

    def new_portfolio(self) -> bool:
        if not self._may_close():
            return False
        # An empty, untouched portfolio loses nothing when closed, so it does not start out modified.
        self._replace(Document(Workspace.create(None, tr("New Portfolio")), modified=False))
        return True

    def open_file(self) -> bool:
        """File > Open: ask about unsaved changes first, then which file."""
        if not self._may_close():
            return False
        folder = self._document.path.parent if self._document and self._document.path else None
        path = file_dialogs.ask_open_path(self._window, folder)
        return path is not None and self._open(path, OpenMode.EDIT)

    def open_path(self, path: Path, mode: OpenMode = OpenMode.EDIT) -> bool:
        """Open `path` (from Open Recent, the command line or a drop), asking about unsaved changes first."""
        return self._may_close() and self._open(path, mode)

    def open_demo(self) -> bool:
        """Write a fresh copy of the demo portfolio into the app's folder and open it."""
        if not self._may_close():
            return False
        target = files.demo_path()
        if self._document is not None and self._document.path == target.resolve():
            self._replace(None)  # our own lock would stop the demo from being rewritten
        try:
            with _busy():
                files.write_demo(target, overwrite=True)
        except PmoError as error:
            prompts.show_failure(self._window, tr("Cannot open the demo"), str(error))
            return False
        return self._open(target, OpenMode.EDIT)

    def recover(self, candidate: RecoveryCandidate) -> bool:
        """Open the unsaved work of a crashed session; it stays modified until saved."""
        if not self._may_close():
            return False
        try:
            workspace = Workspace.recover(candidate)
        except PmoError as error:
            prompts.show_failure(self._window, tr("Cannot recover"), str(error))
            return False
        self._replace(Document(workspace, modified=True))
        return True

    def _open(self, path: Path, mode: OpenMode) -> bool:
        """Open without asking about the current document (the caller has)."""
        if self._document is not None and self._document.path == path.resolve():
            self._replace(None)  # reopening our own file: release our lock first
        try:
            with _busy():
                workspace = Workspace.open(path, mode)
        except FileLockedError as error:
            choice = lock_dialog.ask_locked_file(self._window, path, error)
            return choice is not None and self._open(path, choice)
        except PmoError as error:
            prompts.show_refused(self._window, str(error))
            return False
        self._recent.add(path)
        self._replace(Document(workspace))
        return True

    # -- saving and closing -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the file; a portfolio that has none, or is read-only, is saved under a new name."""
        document = self._document
        if document is None:
            return False
        if document.path is None or document.read_only:
            return self.save_as()
        try:
            document.save()
        except FileChangedOnDiskError as error:
            return self._resolve_conflict(document, str(error))
        except PmoError as error:
            prompts.show_failure(self._window, tr("Not saved"), str(error))
            return False
        return True

    def save_as(self) -> bool:
        document = self._document
        if document is None:
            return False
        path = file_dialogs.ask_save_path(self._window, _suggested_path(document))
        if path is None:
            return False
        try:
            document.save_as(path)
        except PmoError as error:
            prompts.show_failure(self._window, tr("Not saved"), str(error))
            return False
        self._recent.add(path)
        return True

    def close_document(self) -> bool:
        """File > Close (and closing the window): False when the user chose to keep it open."""
        if not self._may_close():
            return False
        self._replace(None)
        return True

    def export_board_pack(self) -> bool:
        """File > Export Board Pack…: the export dialog on the open portfolio, unsaved edits included."""
        from pmo_desktop.gui.dialogs.board_pack_dialog import BoardPackDialog

        if self._document is None:
            return False
        return BoardPackDialog(self._document, self._window).exec() == BoardPackDialog.DialogCode.Accepted

    def _resolve_conflict(self, document: Document, message: str) -> bool:
        choice = prompts.ask_changed_on_disk(self._window, message)
        if choice is ConflictChoice.SAVE_AS:
            return self.save_as()
        if choice is ConflictChoice.OVERWRITE:
            try:
                document.save(overwrite_changes=True)
            except PmoError as error:
                prompts.show_failure(self._window, tr("Not saved"), str(error))
                return False
            return True
        return False

    def _may_close(self) -> bool:
        """True when the current document may go: nothing unsaved, saved now, or the user discards it."""
        document = self._document
        if document is None or not document.is_modified:
            return True
        choice = prompts.ask_unsaved_changes(self._window, document.display_name)
        if choice is UnsavedChoice.SAVE:
            return self.save()
        return choice is UnsavedChoice.DISCARD

    def _replace(self, document: Document | None) -> None:
        previous, self._document = self._document, document
        self._enable_document_actions()
        self.document_changed.emit(document)
        if previous is not None:
            previous.close()

    # -- actions ----------------------------------------------------------------------------------------

    def _action(self, text: str, key: QKeySequence.StandardKey | None, slot: Callable[[], bool]) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _enable_document_actions(self) -> None:
        for action in (self.save_action, self.save_as_action, self.close_action, self.board_pack_action):
            action.setEnabled(self._document is not None)


def _suggested_path(document: Document) -> Path:
    name = document.display_name
    if not name.lower().endswith(file_dialogs.SUFFIX):
        name += file_dialogs.SUFFIX
    folder = document.path.parent if document.path is not None else Path.home()
    return folder / name


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a file is checked or written (seconds on a large portfolio)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()

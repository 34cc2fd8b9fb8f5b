"""The main window: menus, the four views of the open portfolio (or the start page), title and status bar.

Split by concern: `file_actions` owns the document and the File menu, `recent_files` the recent list,
`window_state` geometry, `view_actions` the View menu. This module assembles them and keeps the title and
status bar in step with the document.
"""

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from pmo_desktop import APP_NAME
from pmo_desktop.gui.dialogs import about_dialog, prompts
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.file_actions import FileActions
from pmo_desktop.gui.recent_files import RecentFiles
from pmo_desktop.gui.view_actions import ViewActions
from pmo_desktop.gui.views.start_page import StartPage
from pmo_desktop.gui.views.workspace_views import WorkspaceViews
from pmo_desktop.gui.window_state import restore_window, save_view, save_window, saved_view
from pmo_desktop.i18n import tr


class MainWindow(QMainWindow):
    """One window, one open portfolio at a time.

    Signals: only those of QMainWindow.
    """

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else QSettings()
        self.recent = RecentFiles(self._settings, self)
        self.files = FileActions(self, self.recent)
        self.files.document_changed.connect(self._show_document)
        self._undo_group = QUndoGroup(self)
        self.views: WorkspaceViews | None = None
        self.view_actions = ViewActions(self)
        self.view_actions.view_chosen.connect(self._show_view)
        self.start_page = StartPage(QApplication.windowIcon(), self)
        self.start_page.new_requested.connect(self.files.new_portfolio)
        self.start_page.open_requested.connect(self.files.open_file)
        self.start_page.demo_requested.connect(self.files.open_demo)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.start_page)
        self.setCentralWidget(self._pages)
        self._status = QLabel(self)
        self.statusBar().addPermanentWidget(self._status)
        self._build_menus()
        restore_window(self, self._settings)
        self._show_document(None)

    @property
    def document(self) -> Document | None:
        return self.files.document

    @property
    def current_page(self) -> QWidget | None:
        """The start page when nothing is open, else the views of the document."""
        return self._pages.currentWidget()

    @property
    def status_text(self) -> str:
        """What the status bar says about the document: Saved, Unsaved changes or Read-only."""
        return self._status.text()

    # -- menus ------------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        files = self.files
        file_menu = self.menuBar().addMenu(tr("&File"))
        file_menu.addActions([files.new_action, files.open_action])
        file_menu.addMenu(files.recent_menu)
        file_menu.addAction(files.demo_action)
        file_menu.addSeparator()
        file_menu.addActions([files.save_action, files.save_as_action])
        file_menu.addSeparator()
        file_menu.addAction(files.board_pack_action)
        file_menu.addSeparator()
        file_menu.addAction(files.close_action)
        file_menu.addSeparator()
        self.quit_action = self._add_action(file_menu, tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)

        edit_menu = self.menuBar().addMenu(tr("&Edit"))
        # The group's actions follow the active stack and name the command: "Undo Change task name".
        self.undo_action = self._undo_group.createUndoAction(self, tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self._undo_group.createRedoAction(self, tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        edit_menu.addActions([self.undo_action, self.redo_action])

        view_menu = self.menuBar().addMenu(tr("&View"))
        view_menu.addActions(self.view_actions.actions)

        help_menu = self.menuBar().addMenu(tr("&Help"))
        self._help_menu = help_menu
        self.about_action = self._add_action(
            help_menu, tr("&About {app}", app=APP_NAME), None, lambda: about_dialog.show_about(self)
        )

    def _add_action(
        self, menu: QMenu, text: str, key: QKeySequence.StandardKey | None, slot: Callable[[], object]
    ) -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    # -- the document -----------------------------------------------------------------------------------

    def _show_document(self, document: Document | None) -> None:
        if self.views is not None:
            self._forget_views()
        if document is None:
            self._pages.setCurrentWidget(self.start_page)
        else:
            self._undo_group.addStack(document.undo_stack)
            self._undo_group.setActiveStack(document.undo_stack)
            document.state_changed.connect(self._refresh_state)
            document.operation_failed.connect(self._show_refusal)
            self.views = WorkspaceViews(document, self._pages)
            # Pages with a menu of their own (the Portfolio menu) show it before Help while they are open.
            for page in self.views.pages:
                if isinstance(getattr(page, "menu", None), QMenu):
                    self.menuBar().insertMenu(self._help_menu.menuAction(), page.menu)
            self.views.setCurrentIndex(saved_view(self._settings))
            self.views.currentChanged.connect(self._on_view_changed)
            self._pages.addWidget(self.views)
            self._pages.setCurrentWidget(self.views)
        self.view_actions.set_enabled(document is not None)
        self.view_actions.set_current(self.views.currentIndex() if self.views else 0)
        self._refresh_state()

    def _forget_views(self) -> None:
        assert self.views is not None
        for page in self.views.pages:
            if isinstance(getattr(page, "menu", None), QMenu):
                self.menuBar().removeAction(page.menu.menuAction())
        for stack in self._undo_group.stacks():
            self._undo_group.removeStack(stack)
        self._pages.removeWidget(self.views)
        self.views.deleteLater()
        self.views = None

    def _show_view(self, index: int) -> None:
        if self.views is not None:
            self.views.setCurrentIndex(index)

    def _on_view_changed(self, index: int) -> None:
        self.view_actions.set_current(index)
        save_view(self._settings, index)

    def _show_refusal(self, message: str) -> None:
        prompts.show_failure(self, tr("Not changed"), message)

    def _refresh_state(self) -> None:
        """Title "name[*] — PMO Desktop", the modified marker, and Saved / Unsaved changes / Read-only."""
        document = self.document
        if document is None:
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            self._status.setText("")
            return
        read_only = tr(" (read-only)") if document.read_only else ""
        self.setWindowTitle(f"{document.display_name}[*]{read_only} — {APP_NAME}")
        self.setWindowModified(document.is_modified)
        if document.read_only:
            self._status.setText(tr("Read-only"))
        else:
            self._status.setText(tr("Unsaved changes") if document.is_modified else tr("Saved"))

    # -- closing ----------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.close_document():
            event.ignore()
            return
        save_window(self, self._settings)
        event.accept()

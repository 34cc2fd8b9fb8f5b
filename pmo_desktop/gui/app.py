"""Start the desktop app: the QApplication, its look, the error hook, the main window and the first file.

At start-up, unsaved work of a crashed session is offered first; otherwise the app opens the file it was
given, the demo if asked, the most recent file if it still exists, and else a fresh copy of the demo.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pmo_desktop import APP_NAME, __version__
from pmo_desktop.gui.dialogs.recovery_dialog import RecoveryChoice, ask_recovery
from pmo_desktop.gui.exception_hook import install_exception_hook
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.gui.theme import apply_theme
from pmo_desktop.services.workspace import Workspace


def run(path: Path | None = None, *, demo: bool = False) -> int:
    """Run the app until its window closes; returns the exit status."""
    app = create_application()
    install_exception_hook()
    window = launch(path, demo=demo)
    status = app.exec()
    del window  # the window (and its models) go before the application object does
    return status


def create_application() -> QApplication:
    """The QApplication with the names QSettings files its settings under, and the app's look."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_theme(app)
    return app


def launch(path: Path | None = None, *, demo: bool = False, settings: QSettings | None = None) -> MainWindow:
    """Show the main window and open the first portfolio."""
    window = MainWindow(settings)
    window.show()
    if not offer_recovery(window):
        open_first(window, path, demo=demo)
    return window


def offer_recovery(window: MainWindow) -> bool:
    """Ask about each crashed session's unsaved work; True when one was recovered (and is now open)."""
    recovered = False
    for candidate in Workspace.recoverable():
        choice = ask_recovery(window, candidate)
        if choice is RecoveryChoice.RECOVER:
            recovered = window.files.recover(candidate) or recovered
        elif choice is RecoveryChoice.DISCARD:
            Workspace.discard_recovery(candidate)
    return recovered


def open_first(window: MainWindow, path: Path | None, *, demo: bool) -> None:
    files = window.files
    if path is not None:
        files.open_path(path)
    elif demo:
        files.open_demo()
    else:
        recent = window.recent.most_recent_existing()
        if recent is None or not files.open_path(recent):
            files.open_demo()

"""Start-up: what the app opens first, the recovery prompt after a crash, the look, and the error hook."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.gui import app
from pmo_desktop.gui.exception_hook import UnexpectedErrorHook
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.services import files
from pmo_desktop.services.workspace import Workspace
from tests.gui.conftest import MessageBoxAnswers
from tests.gui.portfolios import Ids
from tests.gui.test_main_window import saved_task_name

Button = QMessageBox.StandardButton

_CRASHING_SESSION = """
import os, sys
from pathlib import Path
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import update_record
from pmo_desktop.services.workspace import Workspace

workspace = Workspace.open(Path(sys.argv[1]))
update_record(workspace, EntityKind.TASK, int(sys.argv[2]), {"name": "Unsaved work"})
os._exit(9)  # the crash: no close, no save, the lock and the working copy stay behind
"""


@pytest.fixture
def launched(answers: MessageBoxAnswers) -> Iterator[list[MainWindow]]:
    """Windows that `app.launch` opened in a test; discarded and closed afterwards."""
    windows: list[MainWindow] = []
    yield windows
    answers.queued.clear()
    for window in windows:
        if window.document is not None and window.document.is_modified:
            answers.answer(Button.Discard)
        window.close()
        window.deleteLater()


def launch(launched: list[MainWindow], path: Path | None = None, *, demo: bool = False) -> MainWindow:
    window = app.launch(path, demo=demo)
    launched.append(window)
    return window


def crash_while_editing(path: Path, task_id: int, home: Path) -> None:
    environment = {**os.environ, "PMO_DESKTOP_HOME": str(home)}
    subprocess.run([sys.executable, "-c", _CRASHING_SESSION, str(path), str(task_id)], env=environment, check=False)


def test_the_given_file_is_opened(launched: list[MainWindow], portfolio_file: Path, ids: Ids) -> None:
    window = launch(launched, portfolio_file)
    assert window.isVisible()
    assert window.document is not None
    assert window.document.path == portfolio_file.resolve()


def test_demo_opens_a_fresh_demo(launched: list[MainWindow]) -> None:
    window = launch(launched, demo=True)
    assert window.document is not None
    assert window.document.path == files.demo_path().resolve()


def test_otherwise_the_most_recent_file_is_opened(launched: list[MainWindow], portfolio_file: Path, ids: Ids) -> None:
    window = launch(launched, portfolio_file)
    window.files.close_document()
    again = launch(launched)
    assert again.document is not None
    assert again.document.path == portfolio_file.resolve()


def test_without_a_recent_file_the_demo_is_opened(launched: list[MainWindow], portfolio_file: Path, ids: Ids) -> None:
    launch(launched, portfolio_file).files.close_document()
    portfolio_file.unlink()
    window = launch(launched)
    assert window.document is not None
    assert window.document.path == files.demo_path().resolve()


def test_unsaved_work_of_a_crash_is_offered_first(
    launched: list[MainWindow],
    *,
    answers: MessageBoxAnswers,
    portfolio_file: Path,
    ids: Ids,
    private_app_home: Path,
    tmp_path: Path,
) -> None:
    crash_while_editing(portfolio_file, ids.design, private_app_home)
    answers.answer("Recover")
    window = launch(launched, tmp_path / "ignored because work was recovered.pmo")
    assert "closed unexpectedly while 'portfolio.pmo' had unsaved changes" in answers.shown[0].text
    assert window.document is not None
    assert window.document.is_modified
    window.files.save()
    window.files.close_document()
    assert saved_task_name(portfolio_file, ids.design) == "Unsaved work"


def test_discarded_work_is_gone_and_later_keeps_it(
    launched: list[MainWindow], answers: MessageBoxAnswers, portfolio_file: Path, ids: Ids, private_app_home: Path
) -> None:
    crash_while_editing(portfolio_file, ids.design, private_app_home)
    answers.answer("Later")
    launch(launched, portfolio_file).files.close_document()
    assert len(Workspace.recoverable()) == 1
    answers.answer("Discard")
    window = launch(launched, portfolio_file)
    assert Workspace.recoverable() == []
    assert window.document is not None
    assert not window.document.is_modified


def test_the_application_has_its_names_icon_and_style(qapp: QApplication) -> None:
    application = app.create_application()
    assert application is qapp
    assert (application.organizationName(), application.applicationName()) == ("PMO Desktop", "PMO Desktop")
    assert not application.windowIcon().isNull()
    assert "QTableView" in application.styleSheet()
    assert QSettings().fileName().endswith("PMO Desktop.ini")


def test_an_unexpected_error_is_shown_with_its_traceback(answers: MessageBoxAnswers) -> None:
    hook = UnexpectedErrorHook()
    answers.answer(Button.Ok)
    try:
        raise RuntimeError("the scheduler lost a task")
    except RuntimeError as error:
        hook(type(error), error, error.__traceback__)
    assert answers.shown[-1].title == "Unexpected error"
    assert answers.shown[-1].text == "Something went wrong: RuntimeError: the scheduler lost a task"


def test_a_user_error_that_escaped_is_shown_as_its_sentence(answers: MessageBoxAnswers) -> None:
    answers.answer(Button.Ok)
    error = ValidationError("A task needs a name.")
    UnexpectedErrorHook()(ValidationError, error, None)
    assert answers.shown[-1].text == "A task needs a name."

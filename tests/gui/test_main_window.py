"""The main window end to end: open, edit through the undo stack, undo, redo, save, reopen; title and status;
the close prompt; menus, shortcuts and About."""

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from pmo_desktop import __version__
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.gui.models import gantt_columns
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from pmo_desktop.gui.views.start_page import StartPage
from pmo_desktop.services.records import get_record
from pmo_desktop.services.workspace import Workspace
from tests.gui.conftest import MessageBoxAnswers
from tests.gui.portfolios import Ids

Button = QMessageBox.StandardButton


def task_model(window: MainWindow) -> GanttTreeModel:
    assert window.views is not None
    return window.views.pages[1].model


def rename_task(window: MainWindow, task_id: int, name: str) -> bool:
    model = task_model(window)
    return model.setData(model.index_of_task(task_id, gantt_columns.NAME), name)


def saved_task_name(path: Path, task_id: int) -> str:
    """The task's name as a fresh session reads it from the file on disk."""
    workspace = Workspace.open(path)
    try:
        return str(get_record(workspace, EntityKind.TASK, task_id)["name"])
    finally:
        workspace.close()


def test_without_a_document_the_window_shows_the_start_page(window: MainWindow) -> None:
    assert window.windowTitle() == "PMO Desktop"
    assert window.current_page is window.start_page
    assert isinstance(window.start_page, StartPage)
    assert not window.files.save_action.isEnabled()


def test_open_edit_undo_redo_save_and_reopen(window: MainWindow, portfolio_file: Path, ids: Ids) -> None:
    assert window.files.open_path(portfolio_file)
    assert window.windowTitle() == "portfolio.pmo[*] — PMO Desktop"
    assert not window.isWindowModified()
    assert window.status_text == "Saved"

    assert rename_task(window, ids.design, "Discovery")
    assert window.isWindowModified()
    assert window.status_text == "Unsaved changes"
    assert window.undo_action.text().replace("&", "") == "Undo Change task name"

    window.undo_action.trigger()
    assert window.document is not None
    assert get_record(window.document.workspace, EntityKind.TASK, ids.design)["name"] == "Design"
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert window.isWindowModified()

    window.files.save_action.trigger()
    assert not window.isWindowModified()
    assert window.status_text == "Saved"
    assert window.files.close_document()
    assert saved_task_name(portfolio_file, ids.design) == "Discovery"


def test_undoing_back_to_the_saved_state_clears_the_marker(window: MainWindow, portfolio_file: Path, ids: Ids) -> None:
    window.files.open_path(portfolio_file)
    rename_task(window, ids.design, "Discovery")
    window.files.save()
    window.undo_action.trigger()
    assert window.isWindowModified()
    window.redo_action.trigger()
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    ("answer", "expected_name", "still_open"),
    [(Button.Save, "Discovery", False), (Button.Discard, "Design", False), (Button.Cancel, "Design", True)],
    ids=["save", "discard", "cancel"],
)
def test_closing_with_unsaved_changes_asks_first(
    window: MainWindow,
    *,
    answers: MessageBoxAnswers,
    portfolio_file: Path,
    ids: Ids,
    answer: Button,
    expected_name: str,
    still_open: bool,
) -> None:
    window.show()
    window.files.open_path(portfolio_file)
    rename_task(window, ids.design, "Discovery")
    answers.answer(answer)
    window.close()
    assert answers.shown[-1].text == "Save the changes to 'portfolio.pmo' before closing?"
    assert window.isVisible() is still_open
    assert (window.document is not None) is still_open
    if still_open:
        assert window.isWindowModified()
        answers.answer(Button.Discard)
        window.files.close_document()
    assert saved_task_name(portfolio_file, ids.design) == expected_name


def test_closing_an_unchanged_portfolio_asks_nothing(window: MainWindow, portfolio_file: Path, ids: Ids) -> None:
    window.files.open_path(portfolio_file)
    assert window.files.close_document()  # an unexpected box would fail the test
    assert window.document is None


def test_a_refused_edit_shows_the_sentence(
    window: MainWindow, answers: MessageBoxAnswers, portfolio_file: Path, ids: Ids
) -> None:
    window.files.open_path(portfolio_file)
    answers.answer(Button.Ok)
    assert not rename_task(window, ids.design, "   ")
    assert answers.shown[-1].text == "A task needs a name."
    assert not window.isWindowModified()


def test_view_menu_switches_views_with_ctrl_numbers(window: MainWindow, portfolio_file: Path, ids: Ids) -> None:
    window.files.open_path(portfolio_file)
    shortcuts = [action.shortcut().toString() for action in window.view_actions.actions]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"]
    window.view_actions.actions[3].trigger()
    assert window.views is not None
    assert window.views.currentIndex() == 3
    window.views.setCurrentIndex(2)
    assert window.view_actions.actions[2].isChecked()


def test_the_view_is_remembered_for_the_next_document(window: MainWindow, portfolio_file: Path, ids: Ids) -> None:
    window.files.open_path(portfolio_file)
    window.view_actions.actions[1].trigger()
    window.files.close_document()
    window.files.open_path(portfolio_file)
    assert window.views is not None
    assert window.views.currentIndex() == 1


def test_standard_shortcuts(window: MainWindow) -> None:
    files = window.files
    expected = {
        files.new_action: QKeySequence.StandardKey.New,
        files.open_action: QKeySequence.StandardKey.Open,
        files.save_action: QKeySequence.StandardKey.Save,
        files.save_as_action: QKeySequence.StandardKey.SaveAs,
        files.close_action: QKeySequence.StandardKey.Close,
        window.quit_action: QKeySequence.StandardKey.Quit,
        window.undo_action: QKeySequence.StandardKey.Undo,
        window.redo_action: QKeySequence.StandardKey.Redo,
    }
    for action, key in expected.items():
        assert action.shortcut() == QKeySequence(key), action.text()


def test_menus(window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Help"]


def test_about_names_the_versions(window: MainWindow, answers: MessageBoxAnswers) -> None:
    answers.answer(Button.Ok)
    window.about_action.trigger()
    about = answers.shown[-1]
    assert about.text == f"PMO Desktop {__version__}"
    for component in ("Qt 6.", "PySide6 6.11.3", "Python 3.", "SQLAlchemy 2."):
        assert component in about.informative


def test_window_geometry_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(640, 480)  # within the offscreen screen, which is 800 x 600
    window.show()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 480)

"""The File menu's flows: a file in use, a refused file, Save As for new and read-only portfolios, a file
changed on disk, recent files and the demo."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.dialogs import file_dialogs
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.services import files
from pmo_desktop.services.records import get_record
from pmo_desktop.services.workspace import Workspace
from tests.gui.conftest import MessageBoxAnswers
from tests.gui.portfolios import Ids
from tests.gui.test_main_window import rename_task, saved_task_name

Button = QMessageBox.StandardButton


@pytest.fixture
def held_elsewhere(ids: Ids, portfolio_file: Path) -> Iterator[Workspace]:
    """The portfolio open in another session, which holds its lock."""
    other = Workspace.open(portfolio_file)
    yield other
    other.close()


@pytest.fixture
def save_target(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Where the Save As dialog will answer to save."""
    target = tmp_path / "saved as.pmo"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda parent, suggested: target)
    return target


def test_a_file_in_use_can_be_opened_read_only(
    window: MainWindow, answers: MessageBoxAnswers, held_elsewhere: Workspace, portfolio_file: Path
) -> None:
    answers.answer("Open Read-Only")
    assert window.files.open_path(portfolio_file)
    assert answers.shown[-1].text.startswith("'portfolio.pmo' is open by ")
    assert window.document is not None
    assert window.document.read_only
    assert window.windowTitle() == "portfolio.pmo[*] (read-only) — PMO Desktop"
    assert window.status_text == "Read-only"


def test_a_file_in_use_can_be_opened_as_a_copy(
    window: MainWindow, answers: MessageBoxAnswers, held_elsewhere: Workspace, portfolio_file: Path, ids: Ids
) -> None:
    answers.answer("Open a Copy")
    assert window.files.open_path(portfolio_file)
    assert window.document is not None
    assert (window.document.path, window.document.read_only) == (None, False)
    assert window.document.display_name == "Copy of portfolio.pmo"
    assert rename_task(window, ids.design, "Mine")


def test_cancelling_the_lock_question_opens_nothing(
    window: MainWindow, answers: MessageBoxAnswers, held_elsewhere: Workspace, portfolio_file: Path
) -> None:
    answers.answer(Button.Cancel)
    assert not window.files.open_path(portfolio_file)
    assert window.document is None


def test_a_refused_file_gets_one_sentence_and_stays_untouched(
    window: MainWindow, answers: MessageBoxAnswers, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    bad = folder / "notes.pmo"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)
    before = bad.read_bytes()
    answers.answer(Button.Ok)
    assert not window.files.open_path(bad)
    message = answers.shown[-1]
    assert message.title == "Cannot open file"
    assert "notes.pmo" in message.text
    assert "Traceback" not in message.text
    assert bad.read_bytes() == before
    assert [path.name for path in folder.iterdir()] == ["notes.pmo"]  # no lock, journal or copy beside it
    assert window.document is None


def test_a_read_only_portfolio_saves_as_a_new_file(
    window: MainWindow, answers: MessageBoxAnswers, held_elsewhere: Workspace, portfolio_file: Path, save_target: Path
) -> None:
    answers.answer("Open Read-Only")
    window.files.open_path(portfolio_file)
    assert window.files.save()
    assert window.document is not None
    assert (window.document.path, window.document.read_only) == (save_target.resolve(), False)
    assert window.windowTitle() == "saved as.pmo[*] — PMO Desktop"


def test_a_new_portfolio_saves_as(window: MainWindow, save_target: Path) -> None:
    assert window.files.new_portfolio()
    assert window.document is not None
    assert not window.isWindowModified()
    assert window.windowTitle() == "Untitled[*] — PMO Desktop"
    window.files.save_action.trigger()
    assert save_target.is_file()
    assert window.recent.paths()[0] == save_target.resolve()
    assert window.status_text == "Saved"


@pytest.mark.parametrize(
    ("answer", "saved"),
    [("Overwrite", True), (Button.Cancel, False), ("Save As…", True)],
    ids=["overwrite", "cancel", "save-as"],
)
def test_a_file_changed_on_disk_asks_before_overwriting(
    window: MainWindow,
    *,
    answers: MessageBoxAnswers,
    portfolio_file: Path,
    ids: Ids,
    save_target: Path,
    answer: Button | str,
    saved: bool,
) -> None:
    window.files.open_path(portfolio_file)
    rename_task(window, ids.design, "Discovery")
    stat = portfolio_file.stat()
    os.utime(portfolio_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # someone else saved
    answers.answer(answer)
    assert window.files.save() is saved
    assert answers.shown[-1].title == "File changed on disk"
    assert window.isWindowModified() is not saved
    written = save_target if answer == "Save As…" else portfolio_file
    if saved:
        window.files.close_document()
        assert saved_task_name(written, ids.design) == "Discovery"


def test_opened_files_are_offered_again(window: MainWindow, portfolio_file: Path, ids: Ids) -> None:
    window.files.open_path(portfolio_file)
    window.files.close_document()
    entries = [action.text() for action in window.files.recent_menu.actions()]
    assert entries[0] == "&1 portfolio.pmo"
    window.files.recent_menu.actions()[0].trigger()
    assert window.document is not None
    assert window.document.path == portfolio_file.resolve()


def test_the_demo_opens_a_fresh_copy(window: MainWindow, answers: MessageBoxAnswers) -> None:
    assert window.files.open_demo()
    assert window.document is not None
    assert window.document.path == files.demo_path().resolve()
    rename_task(window, 1, "Changed")
    answers.answer(Button.Discard)
    assert window.files.open_demo()
    assert get_record(window.document.workspace, EntityKind.TASK, 1)["name"] != "Changed"

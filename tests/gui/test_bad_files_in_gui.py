"""Every file of the corruption corpus, opened in the app: one sentence within 5 seconds, file untouched."""

import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from pmo_desktop.gui.main_window import MainWindow
from tests.core.factories import small_portfolio
from tests.core.storage.bad_files import BAD_FILES
from tests.gui.conftest import MessageBoxAnswers

# The deadline of the checks themselves (storage.file_check.CHECK_SECONDS); the app must answer within it.
ANSWER_WITHIN_SECONDS = 5.0


@pytest.fixture(scope="module")
def valid_portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_portfolio(tmp_path_factory.mktemp("valid") / "valid.pmo")


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_the_app_refuses_with_one_sentence(
    kind: str, valid_portfolio: Path, window: MainWindow, answers: MessageBoxAnswers, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    bad = folder / "from a colleague.pmo"
    BAD_FILES[kind](valid_portfolio, bad)
    before = bad.read_bytes()
    answers.answer(QMessageBox.StandardButton.Ok)
    started = time.monotonic()
    assert not window.files.open_path(bad)
    assert time.monotonic() - started < ANSWER_WITHIN_SECONDS
    (shown,) = answers.shown
    assert "from a colleague.pmo" in shown.text
    assert "\n" not in shown.text and "Traceback" not in shown.text + shown.informative
    assert bad.read_bytes() == before
    assert [path.name for path in folder.iterdir()] == ["from a colleague.pmo"]
    assert window.document is None

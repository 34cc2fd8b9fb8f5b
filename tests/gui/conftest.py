"""Fixtures for GUI tests: a saved portfolio on disk, an open document over it, settings in a throwaway folder.

Every fixture that opens something closes it again, so no window, workspace or lock outlives its test.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from pmo_desktop import APP_NAME
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.services.workspace import Workspace
from tests.gui import portfolios

# Qt's offscreen platform warns "This plugin does not support propagateSizeHints()" whenever a window is
# shown; it is about the test platform, not our code, so it must not fail the tests that show windows.
_OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def private_settings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """QSettings (recent files, window geometry) go to a folder of this test, never the user's own."""
    folder = tmp_path / "settings"
    qapp.setOrganizationName(APP_NAME)
    qapp.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def portfolio_file(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.pmo"


@pytest.fixture
def ids(portfolio_file: Path) -> portfolios.Ids:
    """Writes the small test portfolio to `portfolio_file` and returns the ids of its records."""
    return portfolios.build(portfolio_file)


@pytest.fixture
def document(ids: portfolios.Ids, portfolio_file: Path) -> Iterator[Document]:
    """The test portfolio open for editing; closed (and its lock released) after the test."""
    opened = Document(Workspace.open(portfolio_file))
    yield opened
    opened.close()


@dataclass(frozen=True)
class Shown:
    """A message box as the user saw it."""

    title: str
    text: str
    informative: str


class MessageBoxAnswers:
    """Stands in for the user at every QMessageBox: records what was shown and clicks the queued answer.

    Every prompt of the app goes through `QMessageBox.exec` called from Python (dialogs/message_box.py), so
    replacing that one method answers all of them. A box nobody queued an answer for fails the test.
    """

    def __init__(self) -> None:
        self.queued: list[QMessageBox.StandardButton | str] = []
        self.shown: list[Shown] = []

    def answer(self, *answers: QMessageBox.StandardButton | str) -> None:
        """Queue the buttons to click, by standard button or by label, in the order the boxes appear."""
        self.queued.extend(answers)

    def exec(self, box: QMessageBox) -> int:
        self.shown.append(Shown(box.windowTitle(), box.text(), box.informativeText()))
        assert self.queued, f"unexpected message box: {box.text()}"
        wanted = self.queued.pop(0)
        if isinstance(wanted, str):
            button = next(button for button in box.buttons() if button.text() == wanted)
        else:
            button = box.button(wanted)
        button.click()
        return 0


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> MessageBoxAnswers:
    answering = MessageBoxAnswers()

    def answer_box(box: QMessageBox) -> int:  # a plain function, so it binds to the box like a method
        return answering.exec(box)

    monkeypatch.setattr(QMessageBox, "exec", answer_box)
    return answering


@pytest.fixture
def window(answers: MessageBoxAnswers) -> Iterator[MainWindow]:
    """A main window with nothing open yet; afterwards its document is discarded and the window closed."""
    main = MainWindow()
    yield main
    # Closed here rather than by qtbot.addWidget: pytest-qt closes its widgets before fixtures are torn
    # down, when the close prompt could no longer be answered.
    answers.queued.clear()
    if main.document is not None and main.document.is_modified:
        answers.answer(QMessageBox.StandardButton.Discard)
    main.close()
    main.deleteLater()

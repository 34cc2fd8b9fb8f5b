"""File > Export Board Pack…: the dialog exports off the UI thread from a snapshot (unsaved edits included),
reports progress, can be cancelled, and offers to open the PDF."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.record_commands import UpdateRecordCommand
from pmo_desktop.gui.dialogs.board_pack_dialog import BoardPackDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.reporting.options import Paper, Section
from pmo_desktop.services.records import list_records
from tests.gui.conftest import MessageBoxAnswers
from tests.gui.portfolio_demo import DAY

WAIT_MS = 60_000


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the dialog asked the desktop to open (nothing is really opened)."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def make_dialog(qtbot: QtBot, document: Document, output: Path, sections: tuple[Section, ...]) -> BoardPackDialog:
    dialog = BoardPackDialog(document, today=DAY)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(output))
    for section, box in dialog.sections.items():
        box.setChecked(section in sections)
    return dialog


def test_the_fields_start_from_the_portfolio(qtbot: QtBot, demo_document: Document) -> None:
    dialog = BoardPackDialog(demo_document, today=DAY)
    qtbot.addWidget(dialog)
    assert dialog.period.currentText() == "FY2027 Q3 · 1 Oct 2026 – 31 Dec 2026 (current)"
    assert dialog.period.count() == 8 and dialog.period.itemText(1).startswith("FY2027 Q2")
    assert dialog.classification.text() == "Internal"
    assert dialog.output.text().endswith("Kestrel board pack FY2027-Q3.pdf")
    assert all(box.isChecked() for box in dialog.sections.values())
    options = dialog.options()
    assert (options.period, options.paper in (Paper.A4, Paper.LETTER)) == ("FY2027-Q3", True)
    assert not dialog.progress.isVisible()


def test_the_export_runs_off_the_ui_thread_with_progress_and_unsaved_edits(
    qtbot: QtBot, demo_document: Document, tmp_path: Path, answers: MessageBoxAnswers, opened: list[QUrl]
) -> None:
    project = list_records(demo_document.workspace, EntityKind.PROJECT)[0]
    demo_document.run(
        UpdateRecordCommand(demo_document, EntityKind.PROJECT, project.id, {"name": "Renamed, not saved"}, "Rename")
    )
    output = tmp_path / "pack.pdf"
    dialog = make_dialog(qtbot, demo_document, output, (Section.SUMMARY, Section.STATUS))
    answers.answer("Open")
    dialog.export()
    worker = dialog.worker
    assert worker is not None and worker.running
    assert not dialog.export_button.isEnabled() and dialog.close_button.text() == "Cancel"
    percents: list[int] = []
    worker.progress.connect(lambda percent, _: percents.append(percent))
    with qtbot.waitSignal(worker.done, timeout=WAIT_MS):
        pass
    assert percents and percents == sorted(percents) and percents[-1] == 100
    assert dialog.result is not None and dialog.result.pages >= 3
    text = " ".join(page.extract_text() for page in PdfReader(output).pages)
    assert "Renamed, not saved" in " ".join(text.split())
    assert answers.shown[-1].text == "Open 'pack.pdf' now?"
    assert opened == [QUrl.fromLocalFile(str(output))]
    assert not worker.job.snapshot.path.parent.exists()
    assert demo_document.is_modified


def test_cancel_stops_the_export_and_writes_nothing(
    qtbot: QtBot, demo_document: Document, tmp_path: Path, opened: list[QUrl]
) -> None:
    output = tmp_path / "pack.pdf"
    dialog = make_dialog(qtbot, demo_document, output, tuple(Section))
    dialog.export()
    worker = dialog.worker
    assert worker is not None
    worker.progress.connect(dialog.close_button.click)
    with qtbot.waitSignal(worker.cancelled, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(dialog.export_button.isEnabled, timeout=WAIT_MS)
    assert not output.exists() and list(tmp_path.glob("*.part")) == []
    assert dialog.state.text() == "Cancelled: nothing was written."
    assert dialog.result is None and dialog.close_button.text() == "Close" and opened == []
    assert not worker.job.snapshot.path.parent.exists()


def test_closing_the_dialog_mid_export_cancels_it(qtbot: QtBot, demo_document: Document, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, demo_document, tmp_path / "pack.pdf", tuple(Section))
    dialog.show()
    dialog.export()
    worker = dialog.worker
    assert worker is not None
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        dialog.reject()
    assert not worker.running and not (tmp_path / "pack.pdf").exists()


def test_missing_choices_are_explained_in_the_dialog(qtbot: QtBot, demo_document: Document, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, demo_document, tmp_path / "pack.pdf", ())
    dialog.export()
    assert dialog.worker is None and dialog.state.text() == "Choose at least one section."
    dialog.sections[Section.COVER].setChecked(True)
    dialog.output.setText("  ")
    dialog.export()
    assert dialog.worker is None and dialog.state.text() == "Choose where to save the board pack."


def test_the_file_menu_offers_the_export(qtbot: QtBot, window: MainWindow, demo_file: Path) -> None:
    action = window.files.board_pack_action
    assert not action.isEnabled()
    assert window.files.open_path(demo_file)
    assert action.isEnabled() and action.text() == "Export &Board Pack…"
    assert action in window.menuBar().actions()[0].menu().actions()

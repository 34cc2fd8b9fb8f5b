"""File > Export Board Pack…: choose the quarter, sections, classification, paper and file, then export off the
UI thread with a progress bar and Cancel, and offer to open the PDF.

The export reads a snapshot of the open portfolio taken when Export is pressed, so it includes the edits not
saved yet and the user can keep working meanwhile (see `workers.board_pack_worker`).
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.dialogs.message_box import Button, ButtonRole, Choice, Icon, ask
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.ui_loader import child, load_form
from pmo_desktop.gui.workers.board_pack_worker import BoardPackJob, BoardPackWorker
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.export import PackResult
from pmo_desktop.reporting.options import PackOptions, Paper, Section
from pmo_desktop.services.board_pack_period import ReportPeriod, period_of
from pmo_desktop.services.portfolio_settings import portfolio_settings
from pmo_desktop.services.snapshots import write_snapshot

QUARTERS_OFFERED = 8
_ERROR_STYLE = "color: #c92a2a;"


class BoardPackDialog(QDialog):
    """The export dialog of one document; `worker` is the running (or last) export.

    Signals: only those of QDialog.
    """

    def __init__(self, document: Document, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Export Board Pack"))
        self.document = document
        self.worker: BoardPackWorker | None = None
        self.result: PackResult | None = None
        """The last export that finished."""
        self._closing = False
        self.form = load_form("board_pack_dialog", self)
        self.period = child(self.form, QComboBox, "period")
        self.classification = child(self.form, QLineEdit, "classification")
        self.paper = child(self.form, QComboBox, "paper")
        self.output = child(self.form, QLineEdit, "output")
        self.progress = child(self.form, QProgressBar, "progress")
        self.state = child(self.form, QLabel, "state")
        self.sections = {section: child(self.form, QCheckBox, f"section_{section.value}") for section in Section}
        self.browse = child(self.form, QPushButton, "browse")
        self._inputs: list[QWidget] = [
            self.period,
            self.classification,
            self.paper,
            self.output,
            self.browse,
            child(self.form, QGroupBox, "sectionsBox"),
        ]
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self._close_or_cancel)
        self.browse.clicked.connect(self._browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self._fill(today or date.today())

    # -- the fields -----------------------------------------------------------------------------------------

    def _fill(self, today: date) -> None:
        settings = portfolio_settings(self.document.workspace)
        current = period_of(today, settings.fiscal_year_start_month)
        quarter = current
        for index in range(QUARTERS_OFFERED):
            suffix = tr(" (current)") if index == 0 else ""
            self.period.addItem(f"{quarter.label} · {quarter.span_text}{suffix}", quarter)
            quarter = quarter.previous()
        self.classification.setText(settings.classification)
        self.paper.addItem(tr("A4 landscape"), Paper.A4)
        self.paper.addItem(tr("Letter landscape"), Paper.LETTER)
        us = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        self.paper.setCurrentIndex(1 if us else 0)
        for box in self.sections.values():
            box.setChecked(True)
        self.output.setText(str(self._suggested_output(current)))
        self.progress.setValue(0)
        self.progress.hide()
        self.state.hide()

    def _suggested_output(self, period: ReportPeriod) -> Path:
        document = self.document
        folder = document.path.parent if document.path is not None else Path.home()
        stem = Path(document.display_name).stem
        return folder / tr("{name} board pack {period}.pdf", name=stem, period=period.code)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, tr("Save Board Pack As"), self.output.text(), tr("PDF (*.pdf)"))
        if chosen:
            self.output.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def chosen_sections(self) -> tuple[Section, ...]:
        return tuple(section for section, box in self.sections.items() if box.isChecked())

    def options(self) -> PackOptions:
        period: ReportPeriod = self.period.currentData()
        return PackOptions(
            sections=self.chosen_sections(),
            paper=Paper(self.paper.currentData()),
            period=period.code,
            classification=self.classification.text().strip() or None,
        )

    # -- exporting ------------------------------------------------------------------------------------------

    def export(self) -> None:
        """Check the fields, snapshot the portfolio and start the worker."""
        output = Path(self.output.text().strip()).expanduser() if self.output.text().strip() else None
        if output is None:
            self._show_state(tr("Choose where to save the board pack."), error=True)
            return
        if not self.chosen_sections():
            self._show_state(tr("Choose at least one section."), error=True)
            return
        if output.exists() and not self._may_replace(output):
            return
        try:
            snapshot = write_snapshot(self.document.workspace)
        except (PmoError, OSError) as error:
            self._show_state(str(error), error=True)
            return
        self.result = None
        self.worker = BoardPackWorker(BoardPackJob(snapshot, output, self.options()), self)
        self.worker.progress.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_succeeded)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)
        self.worker.done.connect(self._on_done)
        self._set_running(True)
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None and self.worker.running:
            self.worker.cancel()
            self._show_state(tr("Cancelling…"))

    def _may_replace(self, output: Path) -> bool:
        choices = [Choice(tr("Replace"), True, ButtonRole.DestructiveRole), Choice(Button.Cancel, False)]
        question = tr("'{name}' exists. Replace it?", name=output.name)
        return ask(self, Icon.Question, tr("Replace file?"), question, choices, escape=False)

    def _set_running(self, running: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.close_button.setText(tr("Cancel") if running else tr("Close"))
        if running:
            self.progress.setValue(0)
            self.progress.show()
            self._show_state(tr("Taking a snapshot of the portfolio…"))

    def _show_state(self, text: str, *, error: bool = False) -> None:
        self.state.setStyleSheet(_ERROR_STYLE if error else "")
        self.state.setText(text)
        self.state.show()

    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        if text:
            self._show_state(text)

    def _on_succeeded(self, result: PackResult) -> None:
        assert self.worker is not None
        self.result = result
        self.progress.setValue(100)
        self._show_state(tr("Wrote {pages} pages to {path}.", pages=result.pages, path=self.worker.job.output))

    def _on_failed(self, message: str) -> None:
        self._show_state(message, error=True)

    def _on_cancelled(self) -> None:
        self._show_state(tr("Cancelled: nothing was written."))

    def _on_done(self) -> None:
        self._set_running(False)
        if self._closing:
            super().reject()
        elif self.result is not None and self.worker is not None:
            self._offer_to_open(self.worker.job.output)

    def _offer_to_open(self, output: Path) -> None:
        choices = [Choice(tr("Open"), True), Choice(tr("Not now"), False, ButtonRole.RejectRole)]
        question = tr("Open '{name}' now?", name=output.name)
        if ask(self, Icon.Information, tr("Board pack ready"), question, choices, escape=False):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(output)))
        self.accept()

    # -- closing --------------------------------------------------------------------------------------------

    def _close_or_cancel(self) -> None:
        if self.worker is not None and self.worker.running:
            self.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        """Closing while an export runs cancels it and closes once the worker has stopped."""
        if self.worker is not None and self.worker.running:
            self._closing = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None and self.worker.running:
            self._closing = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

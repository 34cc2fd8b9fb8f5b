"""The status report editor: the period, the five RAGs, a comment (required for amber and red), summary,
achievements and next steps. A new report starts from the project's previous one, for the next period."""

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QWidget

from pmo_desktop.domain.enums import EntityKind, Rag
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import date_value, set_date
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import enum_words, format_date
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import get_record
from pmo_desktop.services.status_queries import DIMENSIONS, draft_status_report

RAG_HEX = {Rag.GREEN: "#2f9e44", Rag.AMBER: "#f08c00", Rag.RED: "#e03131"}
_TEXTS = (("comment", "comment"), ("summary", "summary"), ("achievements", "achievements"), ("next_steps", "nextSteps"))


def rag_icon(rag: Rag) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(RAG_HEX[rag]).darker(115))
    painter.setBrush(QColor(RAG_HEX[rag]))
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class StatusReportDialog(FormDialog):
    """Write a new report of `project_id` (from its previous one), or edit the report `report_id`.

    Signals: only those of QDialog.
    """

    FORM = "status_report_form"

    def __init__(
        self,
        document: Document,
        project_id: int,
        report_id: int | None = None,
        parent: QWidget | None = None,
        *,
        as_of: date | None = None,
    ) -> None:
        project = get_record(document.workspace, EntityKind.PROJECT, project_id)
        title = tr("Status report: {code} {name}", code=project["code"], name=project["name"])
        super().__init__(document, title, parent)
        self._report_id = report_id
        if report_id is None:
            draft = draft_status_report(document.workspace, project_id, as_of)
            values: dict[str, Any] = draft.values()
            note = self._draft_note(draft.previous_id)
        else:
            values = dict(get_record(document.workspace, EntityKind.STATUS_REPORT, report_id).values)
            note = tr("Editing the report for the period ending {end}.", end=format_date(values["period_end"]))
        self._before = values
        self.field(QLabel, "previousNote").setText(note)
        self.period_end = self.field(QDateEdit, "periodEnd")
        self.period_label = self.field(QLineEdit, "periodLabel")
        self.rags = {dimension: self.field(QComboBox, dimension) for dimension in DIMENSIONS}
        self.texts = {column: self.field(QPlainTextEdit, name) for column, name in _TEXTS}
        self.hint = self.field(QLabel, "commentHint")
        self.hint.setObjectName("commentHint")
        set_date(self.period_end, values["period_end"])
        self.period_label.setText(values.get("period_label", ""))
        for dimension, combo in self.rags.items():
            combo.clear()
            for rag in (Rag.GREEN, Rag.AMBER, Rag.RED):
                combo.addItem(rag_icon(rag), enum_words(rag), rag.value)
            fill_current = combo.findData(str(values.get(dimension, Rag.GREEN.value)))
            combo.setCurrentIndex(max(fill_current, 0))
            combo.currentIndexChanged.connect(self._show_hint)
        for column, edit in self.texts.items():
            edit.setPlainText(values.get(column, ""))
        self.texts["comment"].textChanged.connect(self._show_hint)
        self._show_hint()
        self.resize(720, 800)

    def _draft_note(self, previous_id: int | None) -> str:
        if previous_id is None:
            return tr("The project's first report: every RAG starts green.")
        previous = get_record(self.document.workspace, EntityKind.STATUS_REPORT, previous_id)
        label = previous["period_label"] or format_date(previous["period_end"])
        return tr("Starts from the {label} report: update what changed since.", label=label)

    def set_rag(self, dimension: str, rag: Rag) -> None:
        combo = self.rags[dimension]
        combo.setCurrentIndex(combo.findData(rag.value))

    def _flagged(self) -> list[str]:
        return [dimension for dimension, combo in self.rags.items() if combo.currentData() != Rag.GREEN.value]

    def _show_hint(self, *_args: object) -> None:
        flagged = self._flagged()
        missing = bool(flagged) and not self.texts["comment"].toPlainText().strip()
        if not flagged:
            self.hint.setText(tr("All green: a comment is optional."))
        else:
            words = ", ".join(tr(dimension) for dimension in flagged)
            self.hint.setText(tr("Amber or red ({which}): the comment must say why.", which=words))
        self.hint.setProperty("missing", missing)
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "period_end": date_value(self.period_end),
            "period_label": self.period_label.text().strip(),
            **{dimension: combo.currentData() for dimension, combo in self.rags.items()},
        }
        values.update({column: edit.toPlainText().strip() for column, edit in self.texts.items()})
        return values

    def command(self) -> DocumentCommand | None:
        values = self.values()
        if self._report_id is None:
            values["project_id"] = self._before["project_id"]
            return CreateRecordCommand(self.document, EntityKind.STATUS_REPORT, values, tr("Add status report"))
        changed = {key: value for key, value in values.items() if self._before.get(key) != value}
        if not changed:
            return None
        return UpdateRecordCommand(
            self.document, EntityKind.STATUS_REPORT, self._report_id, changed, tr("Edit status report")
        )

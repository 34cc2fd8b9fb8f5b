"""The objective editor: code, title, owner, how success is measured and the target."""

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import combo_value, fill_combo, record_choices
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import get_record


class ObjectiveDialog(FormDialog):
    """Add an objective (`objective_id` None) or edit one.

    Signals: only those of QDialog.
    """

    FORM = "objective_form"

    def __init__(self, document: Document, objective_id: int | None = None, parent: QWidget | None = None) -> None:
        title = tr("New objective") if objective_id is None else tr("Edit objective")
        super().__init__(document, title, parent)
        self._objective_id = objective_id
        self.code = self.field(QLineEdit, "code")
        self.title = self.field(QLineEdit, "title")
        self.owner = self.field(QComboBox, "owner")
        self.measure = self.field(QPlainTextEdit, "measure")
        self.target = self.field(QLineEdit, "target")
        values: dict[str, Any] = {}
        if objective_id is not None:
            values = dict(get_record(document.workspace, EntityKind.OBJECTIVE, objective_id).values)
        self._before = values
        self.code.setText(values.get("code", ""))
        self.title.setText(values.get("title", ""))
        people = record_choices(document.workspace, EntityKind.PERSON, active=True)
        if values.get("owner_id") is not None and values["owner_id"] not in dict(people):
            people = record_choices(document.workspace, EntityKind.PERSON)
        fill_combo(self.owner, people, values.get("owner_id"), none=tr("(no owner)"))
        self.measure.setPlainText(values.get("measure", ""))
        self.target.setText(values.get("target", ""))

    def values(self) -> dict[str, Any]:
        return {
            "code": self.code.text().strip(),
            "title": self.title.text().strip(),
            "owner_id": combo_value(self.owner),
            "measure": self.measure.toPlainText().strip(),
            "target": self.target.text().strip(),
        }

    def command(self) -> DocumentCommand | None:
        values = self.values()
        if self._objective_id is None:
            return CreateRecordCommand(self.document, EntityKind.OBJECTIVE, values, tr("Add objective"))
        changed = {key: value for key, value in values.items() if self._before.get(key) != value}
        if not changed:
            return None
        return UpdateRecordCommand(
            self.document, EntityKind.OBJECTIVE, self._objective_id, changed, tr("Edit objective")
        )

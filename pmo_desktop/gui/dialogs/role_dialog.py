"""The role editor: name, cost rate per hour and the colour the heatmap gives it."""

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import choose_colour, money_value, set_money
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import get_record

_DEFAULT_COLOUR = "#868E96"


class RoleDialog(FormDialog):
    """Add a role (`role_id` None) or edit one.

    Signals: only those of QDialog.
    """

    FORM = "role_form"

    def __init__(self, document: Document, role_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(document, tr("New role") if role_id is None else tr("Edit role"), parent)
        self._role_id = role_id
        self.name = self.field(QLineEdit, "name")
        self.cost_rate = self.field(QLineEdit, "costRate")
        self.colour = self.field(QLineEdit, "colour")
        self.field(QPushButton, "chooseColour").clicked.connect(lambda: choose_colour(self, self.colour))
        values: dict[str, Any] = {}
        if role_id is not None:
            values = dict(get_record(document.workspace, EntityKind.ROLE, role_id).values)
        self._before = values
        self.name.setText(values.get("name", ""))
        set_money(self.cost_rate, values.get("cost_rate_minor"))
        self.colour.setText(values.get("colour", _DEFAULT_COLOUR))

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "cost_rate_minor": money_value(self.cost_rate, tr("cost rate")),
            "colour": self.colour.text().strip().upper(),
        }

    def command(self) -> DocumentCommand | None:
        values = self.values()
        if self._role_id is None:
            return CreateRecordCommand(
                self.document, EntityKind.ROLE, values, tr("Add role '{name}'", name=values["name"])
            )
        changed = {key: value for key, value in values.items() if self._before.get(key) != value}
        if not changed:
            return None
        text = tr("Edit role '{name}'", name=values["name"])
        return UpdateRecordCommand(self.document, EntityKind.ROLE, self._role_id, changed, text)

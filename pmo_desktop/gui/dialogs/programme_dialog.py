"""The programme editor: name, description, sponsor, manager, colour, archived, and the objectives it
contributes to. One undo step saves the programme and its objective links together."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.portfolio_commands import save_programme_command
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import choose_colour, combo_value, fill_combo, record_choices
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_editing import programme_objective_ids
from pmo_desktop.services.records import get_record, list_records

_DEFAULT_COLOUR = "#4C6EF5"


class ProgrammeDialog(FormDialog):
    """Add a programme (`programme_id` None) or edit one.

    Signals: only those of QDialog.
    """

    FORM = "programme_form"

    def __init__(self, document: Document, programme_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(document, tr("New programme") if programme_id is None else tr("Edit programme"), parent)
        workspace = document.workspace
        self._programme_id = programme_id
        self.name = self.field(QLineEdit, "name")
        self.description = self.field(QPlainTextEdit, "description")
        self.sponsor = self.field(QComboBox, "sponsor")
        self.manager = self.field(QComboBox, "manager")
        self.colour = self.field(QLineEdit, "colour")
        self.archived = self.field(QCheckBox, "archived")
        self.objectives = self.field(QListWidget, "objectives")
        self.field(QPushButton, "chooseColour").clicked.connect(lambda: choose_colour(self, self.colour))
        values: dict[str, Any] = {}
        linked: list[int] = []
        if programme_id is not None:
            values = dict(get_record(workspace, EntityKind.PROGRAMME, programme_id).values)
            linked = programme_objective_ids(workspace, programme_id)
        self._before, self._linked = values, linked
        self.name.setText(values.get("name", ""))
        self.description.setPlainText(values.get("description", ""))
        people = record_choices(workspace, EntityKind.PERSON)
        fill_combo(self.sponsor, people, values.get("sponsor_id"), none=tr("(no sponsor)"))
        fill_combo(self.manager, people, values.get("manager_id"), none=tr("(no manager)"))
        self.colour.setText(values.get("colour", _DEFAULT_COLOUR))
        self.archived.setChecked(bool(values.get("archived", False)))
        for objective in list_records(workspace, EntityKind.OBJECTIVE):
            item = QListWidgetItem(f"{objective['code']}  {objective['title']}", self.objectives)
            item.setData(Qt.ItemDataRole.UserRole, objective.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if objective.id in linked else Qt.CheckState.Unchecked)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "description": self.description.toPlainText().strip(),
            "sponsor_id": combo_value(self.sponsor),
            "manager_id": combo_value(self.manager),
            "colour": self.colour.text().strip().upper(),
            "archived": self.archived.isChecked(),
        }

    def objective_ids(self) -> list[int]:
        items = [self.objectives.item(row) for row in range(self.objectives.count())]
        return [
            int(item.data(Qt.ItemDataRole.UserRole)) for item in items if item.checkState() == Qt.CheckState.Checked
        ]

    def command(self) -> DocumentCommand | None:
        values, objectives = self.values(), self.objective_ids()
        if self._programme_id is None:
            return save_programme_command(self.document, None, values, objectives, values["name"])
        changed = {key: value for key, value in values.items() if self._before.get(key) != value}
        if not changed and objectives == self._linked:
            return None
        return save_programme_command(self.document, self._programme_id, changed, objectives, values["name"])

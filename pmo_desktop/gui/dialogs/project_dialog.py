"""The project editor: every field of a project, and the objectives it serves with their weights.

One undo step saves the project and its objective links together. The dates are shown, not edited: they
come from the project's tasks.
"""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pmo_desktop.domain.enums import EntityKind, Stage
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.portfolio_commands import save_project_command
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import (
    choose_colour,
    combo_value,
    dates_text,
    fill_combo,
    money_value,
    record_choices,
    set_money,
)
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import enum_words
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_editing import project_objective_weights
from pmo_desktop.services.records import get_record, list_records

_DEFAULT_COLOUR = "#4C6EF5"
_FULL = 100


class ProjectDialog(FormDialog):
    """Add a project (`project_id` None, optionally in `programme_id`) or edit one.

    Signals: only those of QDialog.
    """

    FORM = "project_form"

    def __init__(
        self,
        document: Document,
        project_id: int | None = None,
        parent: QWidget | None = None,
        *,
        programme_id: int | None = None,
    ) -> None:
        super().__init__(document, tr("New project") if project_id is None else tr("Edit project"), parent)
        self._project_id = project_id
        workspace = document.workspace
        values: dict[str, Any] = {"programme_id": programme_id, "stage": Stage.PROPOSED.value, "priority": 3}
        weights: dict[int, int] = {}
        if project_id is not None:
            values = dict(get_record(workspace, EntityKind.PROJECT, project_id).values)
            weights = project_objective_weights(workspace, project_id)
        self._before, self._weights = values, weights
        self._bind_fields()
        self._fill(values)
        self._fill_objectives(weights)
        tasks = list_records(workspace, EntityKind.TASK, project_id=project_id) if project_id is not None else []
        self.dates.setText(
            dates_text(min((t["start"] for t in tasks), default=None), max((t["finish"] for t in tasks), default=None))
        )

    def _bind_fields(self) -> None:
        self.code = self.field(QLineEdit, "code")
        self.name = self.field(QLineEdit, "name")
        self.programme = self.field(QComboBox, "programme")
        self.stage = self.field(QComboBox, "stage")
        self.priority = self.field(QSpinBox, "priority")
        self.tentative = self.field(QCheckBox, "tentative")
        self.budget = self.field(QLineEdit, "budget")
        self.colour = self.field(QLineEdit, "colour")
        self.dates = self.field(QLabel, "dates")
        self.sponsor = self.field(QComboBox, "sponsor")
        self.manager = self.field(QComboBox, "manager")
        self.description = self.field(QPlainTextEdit, "description")
        self.objectives = self.field(QTableWidget, "objectives")
        self.total = self.field(QLabel, "objectivesTotal")
        self.field(QPushButton, "chooseColour").clicked.connect(lambda: choose_colour(self, self.colour))

    def _fill(self, values: dict[str, Any]) -> None:
        workspace = self.document.workspace
        self.code.setText(values.get("code", ""))
        self.name.setText(values.get("name", ""))
        fill_combo(
            self.programme,
            record_choices(workspace, EntityKind.PROGRAMME),
            values.get("programme_id"),
            none=tr("(no programme)"),
        )
        fill_combo(self.stage, [(stage.value, enum_words(stage)) for stage in Stage], str(values.get("stage")))
        self.priority.setValue(int(values.get("priority", 3)))
        self.tentative.setChecked(bool(values.get("tentative", False)))
        set_money(self.budget, values.get("budget_minor"))
        self.colour.setText(values.get("colour", _DEFAULT_COLOUR))
        people = record_choices(workspace, EntityKind.PERSON)
        fill_combo(self.sponsor, people, values.get("sponsor_id"), none=tr("(no sponsor)"))
        fill_combo(self.manager, people, values.get("manager_id"), none=tr("(no manager)"))
        self.description.setPlainText(values.get("description", ""))

    def _fill_objectives(self, weights: dict[int, int]) -> None:
        objectives = list_records(self.document.workspace, EntityKind.OBJECTIVE)
        table = self.objectives
        table.setRowCount(len(objectives))
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, objective in enumerate(objectives):
            item = QTableWidgetItem(f"{objective['code']}  {objective['title']}")
            item.setData(Qt.ItemDataRole.UserRole, objective.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if objective.id in weights else Qt.CheckState.Unchecked)
            item.setToolTip(f"{objective['measure']}: {objective['target']}" if objective["measure"] else "")
            table.setItem(row, 0, item)
            spin = QSpinBox(table)
            spin.setRange(0, _FULL)
            spin.setSuffix(" %")
            spin.setValue(weights.get(objective.id, _FULL if not weights else 0))
            spin.valueChanged.connect(self._show_total)
            table.setCellWidget(row, 1, spin)
        table.itemChanged.connect(self._show_total)
        self._show_total()

    def set_weight(self, objective_id: int, weight: int | None) -> None:
        """Serve `objective_id` with `weight` percent, or not at all with None (as a user would tick and type)."""
        for row in range(self.objectives.rowCount()):
            item = self.objectives.item(row, 0)
            if item.data(Qt.ItemDataRole.UserRole) == objective_id:
                item.setCheckState(Qt.CheckState.Unchecked if weight is None else Qt.CheckState.Checked)
                if weight is not None:
                    spin = self.objectives.cellWidget(row, 1)
                    assert isinstance(spin, QSpinBox)
                    spin.setValue(weight)
                return
        raise KeyError(objective_id)

    def weights(self) -> dict[int, int]:
        chosen = {}
        for row in range(self.objectives.rowCount()):
            item = self.objectives.item(row, 0)
            spin = self.objectives.cellWidget(row, 1)
            if item.checkState() == Qt.CheckState.Checked and isinstance(spin, QSpinBox):
                chosen[int(item.data(Qt.ItemDataRole.UserRole))] = spin.value()
        return chosen

    def _show_total(self, *_args: object) -> None:
        weights = self.weights()
        total = sum(weights.values())
        if not weights:
            self.total.setText(tr("⚠ Serves no objective: the overview will flag it."))
        elif total == _FULL:
            self.total.setText(tr("Weights add up to 100 %."))
        else:
            self.total.setText(tr("Weights add up to {total} %; they usually add up to 100 %.", total=total))

    def values(self) -> dict[str, Any]:
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "programme_id": combo_value(self.programme),
            "stage": combo_value(self.stage),
            "priority": self.priority.value(),
            "tentative": self.tentative.isChecked(),
            "budget_minor": money_value(self.budget, tr("budget")),
            "colour": self.colour.text().strip().upper(),
            "sponsor_id": combo_value(self.sponsor),
            "manager_id": combo_value(self.manager),
            "description": self.description.toPlainText().strip(),
        }

    def command(self) -> DocumentCommand | None:
        values, weights = self.values(), self.weights()
        if self._project_id is None:
            return save_project_command(self.document, None, values, weights, values["code"] or values["name"])
        changed = {key: value for key, value in values.items() if self._before.get(key) != value}
        if not changed and weights == self._weights:
            return None
        return save_project_command(self.document, self._project_id, changed, weights, values["code"])

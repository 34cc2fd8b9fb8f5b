"""The allocation editor: the Designer form `ui/allocation_dialog.ui` in a dialog, for a new allocation or an
existing one.

Every field of the record is on the form: the person (or none, for demand not yet staffed, then the role
is required), the project and optionally one of its tasks (the allocation then follows the task's dates),
the dates, the amount as hours per week or percent of the person's week, the status and a note. Saving
checks the values with the services first and keeps the dialog open with the refusal shown inline; the
caller turns the accepted `values` into one undoable command.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, EntityKind
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.formatting import enum_words, format_date
from pmo_desktop.gui.ui_loader import child, load_form
from pmo_desktop.i18n import tr
from pmo_desktop.services.allocation_operations import check_allocation
from pmo_desktop.services.records import get_record, list_records
from pmo_desktop.services.workspace import Workspace

_UNITS = {AllocationUnit.HOURS_PER_WEEK: "hours per week", AllocationUnit.PERCENT: "% of the person's week"}
_ERROR_STYLE = (
    "QLabel { background: #fdecea; color: #8a1c14; border: 1px solid #f5c2bd; border-radius: 4px; padding: 8px 10px; }"
)


def _fill(combo: QComboBox, choices: Sequence[tuple[Any, str]], current: Any) -> None:
    combo.blockSignals(True)
    combo.clear()
    for value, label in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AllocationDialog(QDialog):
    """Edits one allocation; after `exec()` returns Accepted, `values` holds the fields to write.

    For an existing allocation only the changed fields are returned. Signals: only those of QDialog.
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        allocation_id: int | None = None,
        defaults: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._allocation_id = allocation_id
        record = get_record(workspace, EntityKind.ALLOCATION, allocation_id) if allocation_id is not None else None
        self._original: dict[str, Any] = dict(record.values) if record is not None else _new(defaults or {})
        self._values: dict[str, Any] | None = None
        self.form = load_form("allocation_dialog", self)
        self._find_widgets()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self._populate()
        self._project.currentIndexChanged.connect(self._on_project_changed)
        self._task.currentIndexChanged.connect(self._on_task_changed)
        self.setWindowTitle(tr("Edit allocation") if allocation_id is not None else tr("New allocation"))
        self.resize(560, self.sizeHint().height())

    @property
    def values(self) -> dict[str, Any] | None:
        """What to write, once the dialog was accepted."""
        return self._values

    @property
    def error(self) -> str:
        return self._error.text() if not self._error.isHidden() else ""

    def form_values(self) -> dict[str, Any]:
        """Every field of the form as the services store it."""
        return {
            "person_id": self._person.currentData(),
            "role_id": self._role.currentData(),
            "project_id": self._project.currentData(),
            "task_id": self._task.currentData(),
            "start": self._start.date().toPython(),
            "finish": self._finish.date().toPython(),
            "amount": self._amount.value(),
            "unit": self._unit.currentData(),
            "status": self._status.currentData(),
            "note": self._note.toPlainText().strip(),
        }

    def accept(self) -> None:
        """Save only if the services would accept the values; otherwise say why and stay open."""
        values = self.form_values()
        if self._allocation_id is not None:
            values = {field: value for field, value in values.items() if value != _stored(self._original, field)}
        try:
            check_allocation(self._workspace, values, self._allocation_id)
        except PmoError as error:
            self.show_error(str(error))
            return
        self._values = values
        super().accept()

    def show_error(self, message: str) -> None:
        self._error.setText(message)
        self._error.setVisible(bool(message))

    # -- building ---------------------------------------------------------------------------------------

    def _find_widgets(self) -> None:
        form = self.form
        self._person = child(form, QComboBox, "personCombo")
        self._role = child(form, QComboBox, "roleCombo")
        self._project = child(form, QComboBox, "projectCombo")
        self._task = child(form, QComboBox, "taskCombo")
        self._start = child(form, QDateEdit, "startEdit")
        self._finish = child(form, QDateEdit, "finishEdit")
        self._amount = child(form, QDoubleSpinBox, "amountSpin")
        self._unit = child(form, QComboBox, "unitCombo")
        self._status = child(form, QComboBox, "statusCombo")
        self._note = child(form, QPlainTextEdit, "noteEdit")
        self._error = child(form, QLabel, "errorLabel")
        self._error.setStyleSheet(_ERROR_STYLE)
        self._error.hide()

    def _populate(self) -> None:
        record = self._original
        people = sorted(list_records(self._workspace, EntityKind.PERSON), key=lambda p: str(p["name"]).casefold())
        offered = [(p.id, str(p["name"])) for p in people if p["active"] or p.id == record.get("person_id")]
        _fill(self._person, [(None, tr("Nobody yet (unfilled demand)")), *offered], record.get("person_id"))
        roles = sorted(list_records(self._workspace, EntityKind.ROLE), key=lambda r: str(r["name"]).casefold())
        _fill(self._role, [(None, tr("No role")), *((r.id, str(r["name"])) for r in roles)], record.get("role_id"))
        projects = sorted(list_records(self._workspace, EntityKind.PROJECT), key=lambda p: str(p["code"]).casefold())
        _fill(self._project, [(p.id, f"{p['code']} {p['name']}") for p in projects], record.get("project_id"))
        self._fill_tasks(record.get("task_id"))
        self._start.setDate(_qdate(record["start"]))
        self._finish.setDate(_qdate(record["finish"]))
        self._amount.setValue(float(record.get("amount") or 0.0))
        _fill(self._unit, [(unit.value, tr(_UNITS[unit])) for unit in AllocationUnit], _stored(record, "unit"))
        statuses = [(status.value, enum_words(status)) for status in AllocationStatus]
        _fill(self._status, statuses, _stored(record, "status"))
        self._note.setPlainText(str(record.get("note") or ""))
        self._on_task_changed()

    def _fill_tasks(self, current: int | None) -> None:
        project = self._project.currentData()
        tasks = list_records(self._workspace, EntityKind.TASK, project_id=project) if project is not None else []
        labels = [(t.id, f"{t['name']} ({format_date(t['start'])} – {format_date(t['finish'])})") for t in tasks]
        _fill(self._task, [(None, tr("No task: use the dates below")), *labels], current)
        self._task_dates = {t.id: (t["start"], t["finish"]) for t in tasks}

    def _on_project_changed(self) -> None:
        self._fill_tasks(None)
        self._on_task_changed()

    def _on_task_changed(self) -> None:
        """A task decides the dates: they show the task's and cannot be typed over."""
        span = self._task_dates.get(self._task.currentData())
        for edit, day in zip((self._start, self._finish), span or (None, None), strict=True):
            if day is not None:
                edit.setDate(_qdate(day))
            edit.setEnabled(span is None)


def _new(defaults: Mapping[str, Any]) -> dict[str, Any]:
    today = date.today()
    return {
        "start": today,
        "finish": today,
        "amount": 0.0,
        "unit": AllocationUnit.HOURS_PER_WEEK.value,
        "status": AllocationStatus.CONFIRMED.value,
        "note": "",
        **defaults,
    }


def _stored(record: Mapping[str, Any], field: str) -> Any:
    """A record's value as the form compares it: enum members as their stored text."""
    value = record.get(field)
    return getattr(value, "value", value) if field in ("unit", "status") else value

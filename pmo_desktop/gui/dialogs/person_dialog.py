"""The person editor: who they are, their role, team, hours and cost, their employment, and their time off.

One undo step saves the person and their time off together. Time off is edited in a small table: each row
keeps the id of the absence it shows, so an edited absence stays the same record.
"""

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from pmo_desktop.domain.enums import EntityKind, TimeOffKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.portfolio_commands import save_person_command
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import (
    combo_value,
    date_value,
    fill_combo,
    money_value,
    record_choices,
    set_date,
    set_money,
    setup_optional_date,
)
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import enum_words
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_editing import person_time_off
from pmo_desktop.services.portfolio_operations import TimeOffEntry
from pmo_desktop.services.records import get_record

_FROM, _TO, _KIND, _NOTE = range(4)
_DATE_FORMAT = "d MMM yyyy"


class PersonDialog(FormDialog):
    """Add a person (`person_id` None) or edit one, with their time off.

    Signals: only those of QDialog.
    """

    FORM = "person_form"

    def __init__(self, document: Document, person_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(document, tr("New person") if person_id is None else tr("Edit person"), parent)
        workspace = document.workspace
        self._person_id = person_id
        values: dict[str, Any] = {"hours_per_week": 37.5, "active": True}
        time_off: tuple[TimeOffEntry, ...] = ()
        if person_id is not None:
            values = dict(get_record(workspace, EntityKind.PERSON, person_id).values)
            time_off = person_time_off(workspace, person_id)
        self._before, self._time_off = values, time_off
        self.name = self.field(QLineEdit, "name")
        self.email = self.field(QLineEdit, "email")
        self.role = self.field(QComboBox, "role")
        self.team = self.field(QComboBox, "team")
        self.hours = self.field(QDoubleSpinBox, "hoursPerWeek")
        self.cost_rate = self.field(QLineEdit, "costRate")
        self.start = self.field(QDateEdit, "employmentStart")
        self.end = self.field(QDateEdit, "employmentEnd")
        self.active = self.field(QCheckBox, "active")
        self.table = self.field(QTableWidget, "timeOff")
        self.name.setText(values.get("name", ""))
        self.email.setText(values.get("email", ""))
        fill_combo(self.role, record_choices(workspace, EntityKind.ROLE), values.get("role_id"), none=tr("(no role)"))
        fill_combo(self.team, record_choices(workspace, EntityKind.TEAM), values.get("team_id"), none=tr("(no team)"))
        self.hours.setValue(float(values.get("hours_per_week", 0)))
        set_money(self.cost_rate, values.get("cost_rate_minor"))
        setup_optional_date(self.start, values.get("employment_start"))
        setup_optional_date(self.end, values.get("employment_end"))
        self.active.setChecked(bool(values.get("active", True)))
        self._setup_table()
        for entry in time_off:
            self.add_time_off(entry)
        self.field(QPushButton, "addTimeOff").clicked.connect(lambda _checked=False: self.add_time_off())
        self.field(QPushButton, "removeTimeOff").clicked.connect(self._remove_current)

    def _setup_table(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(_NOTE, QHeaderView.ResizeMode.Stretch)
        # Cell widgets do not size their column: give the date and kind pickers room for their longest text.
        for column, width in ((_FROM, 136), (_TO, 136), (_KIND, 116)):
            header.resizeSection(column, width)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)

    def add_time_off(self, entry: TimeOffEntry | None = None) -> int:
        """Add a row (a new absence of one week from next Monday, unless `entry` is given); return its row."""
        if entry is None:
            monday = date.today() + timedelta(days=7 - date.today().weekday())
            entry = TimeOffEntry(monday, monday + timedelta(days=4))
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, day in ((_FROM, entry.start), (_TO, entry.finish)):
            edit = QDateEdit(self.table)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(_DATE_FORMAT)
            set_date(edit, day)
            self.table.setCellWidget(row, column, edit)
        kind = QComboBox(self.table)
        fill_combo(kind, [(member.value, enum_words(member)) for member in TimeOffKind], entry.kind.value)
        self.table.setCellWidget(row, _KIND, kind)
        note = QTableWidgetItem(entry.note)
        note.setData(Qt.ItemDataRole.UserRole, entry.id)
        self.table.setItem(row, _NOTE, note)
        return row

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def time_off(self) -> list[TimeOffEntry]:
        entries = []
        for row in range(self.table.rowCount()):
            start, finish = (self.table.cellWidget(row, column) for column in (_FROM, _TO))
            kind = self.table.cellWidget(row, _KIND)
            note = self.table.item(row, _NOTE)
            assert isinstance(start, QDateEdit) and isinstance(finish, QDateEdit) and isinstance(kind, QComboBox)
            entries.append(
                TimeOffEntry(
                    _day(start.date()),
                    _day(finish.date()),
                    TimeOffKind(combo_value(kind)),
                    note.text().strip() if note is not None else "",
                    note.data(Qt.ItemDataRole.UserRole) if note is not None else None,
                )
            )
        return entries

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "email": self.email.text().strip(),
            "role_id": combo_value(self.role),
            "team_id": combo_value(self.team),
            "hours_per_week": self.hours.value(),
            "cost_rate_minor": money_value(self.cost_rate, tr("cost rate"), optional=True),
            "employment_start": date_value(self.start),
            "employment_end": date_value(self.end),
            "active": self.active.isChecked(),
        }

    def command(self) -> DocumentCommand | None:
        values, time_off = self.values(), self.time_off()
        if self._person_id is None:
            return save_person_command(self.document, None, values, time_off, values["name"])
        changed = {key: value for key, value in values.items() if self._before.get(key) != value}
        if not changed and time_off == list(self._time_off):
            return None
        return save_person_command(self.document, self._person_id, changed, time_off, values["name"])


def _day(value: QDate) -> date:
    day = value.toPython()
    assert isinstance(day, date)
    return day

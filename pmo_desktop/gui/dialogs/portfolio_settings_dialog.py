"""The portfolio settings editor: name, owner, classification, currency, fiscal year, working week, hours per
day, the country (and region) whose public holidays apply, and holidays entered by hand. One undo step saves
the settings and the holidays together."""

from datetime import date
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

from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.portfolio_commands import save_settings_command
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.form_fields import fill_combo, set_date
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import month_name, tr
from pmo_desktop.services.portfolio_operations import HolidayEntry
from pmo_desktop.services.portfolio_settings import holiday_countries, portfolio_settings

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CURRENCIES = ("EUR", "GBP", "USD", "CHF", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD", "JPY")
_DATE_FORMAT = "d MMM yyyy"


class PortfolioSettingsDialog(FormDialog):
    """Edit the settings of the open portfolio.

    Signals: only those of QDialog.
    """

    FORM = "portfolio_settings_form"

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, tr("Portfolio settings"), parent)
        settings = portfolio_settings(document.workspace)
        self._settings = settings
        self.name = self.field(QLineEdit, "name")
        self.owner = self.field(QLineEdit, "owner")
        self.classification = self.field(QLineEdit, "classification")
        self.currency = self.field(QComboBox, "currency")
        self.fiscal_start = self.field(QComboBox, "fiscalStart")
        self.weekdays = [self.field(QCheckBox, day) for day in WEEKDAYS]
        self.hours_per_day = self.field(QDoubleSpinBox, "hoursPerDay")
        self.country = self.field(QComboBox, "country")
        self.subdivision = self.field(QLineEdit, "subdivision")
        self.holidays = self.field(QTableWidget, "holidays")
        self.name.setText(settings.name)
        self.owner.setText(settings.owner)
        self.classification.setText(settings.classification)
        self.currency.addItems(sorted(set(CURRENCIES) | {settings.currency}))
        self.currency.setCurrentText(settings.currency)
        fill_combo(
            self.fiscal_start,
            [(month, month_name(month)) for month in range(1, 13)],
            settings.fiscal_year_start_month,
        )
        for bit, box in enumerate(self.weekdays):
            box.setChecked(bool(settings.working_days >> bit & 1))
        self.hours_per_day.setValue(settings.hours_per_day)
        countries = [(code, f"{name} ({code})") for code, name, _regions in holiday_countries()]
        fill_combo(self.country, countries, settings.holiday_country, none=tr("(no public holidays)"))
        self.subdivision.setText(settings.holiday_subdivision or "")
        self._setup_holidays()
        for holiday in settings.holidays:
            self.add_holiday(HolidayEntry(holiday.day, holiday.name, holiday.id))
        self.field(QPushButton, "addHoliday").clicked.connect(lambda _checked=False: self.add_holiday())
        self.field(QPushButton, "removeHoliday").clicked.connect(self._remove_current)

    def _setup_holidays(self) -> None:
        self.holidays.verticalHeader().hide()
        header = self.holidays.horizontalHeader()
        # Cell widgets do not size their column: give the date picker room for its longest date.
        header.resizeSection(0, 136)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.holidays.verticalHeader().setDefaultSectionSize(32)

    def add_holiday(self, entry: HolidayEntry | None = None) -> int:
        """Add a row (today with no name, unless `entry` is given); return its row."""
        entry = entry or HolidayEntry(date.today(), "")
        row = self.holidays.rowCount()
        self.holidays.insertRow(row)
        edit = QDateEdit(self.holidays)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(_DATE_FORMAT)
        set_date(edit, entry.day)
        self.holidays.setCellWidget(row, 0, edit)
        name = QTableWidgetItem(entry.name)
        name.setData(Qt.ItemDataRole.UserRole, entry.id)
        self.holidays.setItem(row, 1, name)
        return row

    def _remove_current(self) -> None:
        row = self.holidays.currentRow()
        if row >= 0:
            self.holidays.removeRow(row)

    def holiday_entries(self) -> list[HolidayEntry]:
        entries = []
        for row in range(self.holidays.rowCount()):
            edit = self.holidays.cellWidget(row, 0)
            name = self.holidays.item(row, 1)
            assert isinstance(edit, QDateEdit)
            day = QDate(edit.date()).toPython()
            assert isinstance(day, date)
            text = name.text().strip() if name is not None else ""
            entries.append(HolidayEntry(day, text, name.data(Qt.ItemDataRole.UserRole) if name is not None else None))
        return entries

    def values(self) -> dict[str, Any]:
        working = sum(1 << bit for bit, box in enumerate(self.weekdays) if box.isChecked())
        return {
            "name": self.name.text().strip(),
            "owner": self.owner.text().strip(),
            "classification": self.classification.text().strip(),
            "currency": self.currency.currentText().strip().upper(),
            "fiscal_year_start_month": self.fiscal_start.currentData(),
            "working_days": working,
            "hours_per_day": self.hours_per_day.value(),
            "holiday_country": self.country.currentData(),
            "holiday_subdivision": self.subdivision.text().strip().upper() or None,
        }

    def command(self) -> DocumentCommand | None:
        settings = self._settings
        before = {key: getattr(settings, key) for key in self.values()}
        changed = {key: value for key, value in self.values().items() if before[key] != value}
        holidays = self.holiday_entries()
        kept = [HolidayEntry(holiday.day, holiday.name, holiday.id) for holiday in settings.holidays]
        if not changed and holidays == kept:
            return None
        return save_settings_command(self.document, changed, holidays)

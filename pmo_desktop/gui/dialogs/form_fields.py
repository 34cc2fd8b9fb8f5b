"""Reading and filling the fields the portfolio editors share: record pickers, optional dates, money, colours.

Each helper converts between a widget and the stored value the services expect; a value the user typed
that cannot be one raises `ValidationError` with a sentence, so the dialog shows why and stays open.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QComboBox, QDateEdit, QLineEdit, QWidget

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.gui.formatting import format_date, money_for_editing, parse_money, record_label
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace

_NO_DATE = QDate(1900, 1, 1)


def record_choices(workspace: Workspace, kind: EntityKind, **where: Any) -> list[tuple[int, str]]:
    """Records of `kind` as (id, label), by label."""
    choices = [(record.id, record_label(record)) for record in list_records(workspace, kind, **where)]
    return sorted(choices, key=lambda pair: pair[1].casefold())


def fill_combo(combo: QComboBox, choices: Iterable[tuple[Any, str]], current: Any, *, none: str | None = None) -> None:
    """Offer `choices` (value, label), with a first "none" entry when `none` is given; select `current`."""
    combo.clear()
    if none is not None:
        combo.addItem(none, None)
    for value, label in choices:
        combo.addItem(label, value)
    position = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(position, 0))


def combo_value(combo: QComboBox) -> Any:
    return combo.currentData()


def setup_optional_date(edit: QDateEdit, value: date | None) -> None:
    """A date edit that may be empty: its lowest date reads as "—" and stands for no date."""
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText("—")
    set_date(edit, value)


def set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value is not None else edit.minimumDate())


def date_value(edit: QDateEdit) -> date | None:
    """The date shown, or None when an optional date edit shows "—"."""
    if edit.specialValueText() and edit.date() == edit.minimumDate():
        return None
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def money_text(minor: int | None) -> str:
    """An amount as a planner types it, with thousands separators ("2,400,000" or "75.50"); empty for none."""
    if not minor:
        return ""
    whole, _, pence = money_for_editing(minor).partition(".")
    return f"{int(whole):,}" + (f".{pence}" if pence else "")


def set_money(edit: QLineEdit, minor: int | None) -> None:
    edit.setText(money_text(minor))


def money_value(edit: QLineEdit, what: str, *, optional: bool = False) -> int | None:
    """Minor units of what was typed; empty is 0 (or None when `optional`)."""
    text = edit.text().strip()
    if not text:
        return None if optional else 0
    try:
        return parse_money(text)
    except ValidationError:
        raise ValidationError(tr("'{typed}' is not an amount for the {what}.", typed=text, what=what)) from None


def choose_colour(parent: QWidget, edit: QLineEdit) -> None:
    """Let the user pick a colour for `edit` (which holds "#RRGGBB")."""
    chosen = QColorDialog.getColor(QColor(edit.text() or "#4C6EF5"), parent, tr("Choose a colour"))
    if chosen.isValid():
        edit.setText(chosen.name().upper())


def dates_text(start: date | None, finish: date | None) -> str:
    if start is None or finish is None:
        return tr("No tasks yet: the dates come from the plan.")
    return tr("{start} to {finish}, from the plan", start=format_date(start), finish=format_date(finish))

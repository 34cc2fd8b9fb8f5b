"""One cell's value in each of its forms: the text shown, the value an editor starts from, the stored value an
edit produces, and the key it sorts by. Reference and computed columns get their text from the model.
"""

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate

from pmo_desktop.gui.formatting import enum_words, format_date, format_money, format_number, money_for_editing
from pmo_desktop.gui.formatting import parse_money as parse_money_text
from pmo_desktop.gui.models.columns import Column, ValueType
from pmo_desktop.i18n import tr

_MINOR_PER_MAJOR = 100


def display_text(column: Column, value: Any, currency: str) -> str:
    """The text a cell shows (for flags: what a tooltip says; the cell itself shows a check box)."""
    if value is None:
        return ""
    formatter = _FORMATTERS.get(column.value_type)
    return formatter(column, value, currency) if formatter is not None else str(value)


_FORMATTERS: dict[ValueType, Callable[[Column, Any, str], str]] = {
    ValueType.NUMBER: lambda column, value, _currency: format_number(value, column.unit),
    ValueType.MONEY: lambda _column, value, currency: format_money(int(value), currency),
    ValueType.DATE: lambda _column, value, _currency: format_date(value),
    ValueType.FLAG: lambda _column, value, _currency: tr("Yes") if value else tr("No"),
    ValueType.CHOICE: lambda _column, value, _currency: enum_words(value),
}


def editor_value(column: Column, value: Any) -> Any:
    """What an editor starts from; Qt's editors need QDate (PySide passes `datetime.date` as a plain object)."""
    if column.value_type is ValueType.DATE:
        return QDate(value.year, value.month, value.day) if isinstance(value, date) else QDate()
    if column.value_type is ValueType.MONEY:
        return money_for_editing(value)
    if column.value_type is ValueType.CHOICE:
        return None if value is None else str(value)
    if column.value_type is ValueType.TEXT:
        return "" if value is None else str(value)
    return value


def stored_value(column: Column, value: Any) -> Any:
    """What an editor produced, as the service expects it; the service validates and words any refusal."""
    parser = _PARSERS.get(column.value_type)
    return parser(value) if parser is not None else value


def _as_money(value: Any) -> int:
    if isinstance(value, str):
        return parse_money_text(value)
    return int(Decimal(str(value)) * _MINOR_PER_MAJOR)


def _as_date(value: Any) -> Any:
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    return None if value == "" else value


_PARSERS: dict[ValueType, Callable[[Any], Any]] = {
    ValueType.DATE: _as_date,
    ValueType.MONEY: _as_money,
    ValueType.TEXT: lambda value: "" if value is None else str(value),
    ValueType.FLAG: bool,
    ValueType.NUMBER: lambda value: None if value == "" else value,
}


def sort_key(column: Column, value: Any, text: str) -> Any:
    """A key of one type per column: numbers and dates by magnitude, stages in life-cycle order, text folded."""
    if column.value_type in (ValueType.NUMBER, ValueType.MONEY):
        return float("-inf") if value is None else float(value)
    if column.value_type is ValueType.DATE:
        return value.toordinal() if isinstance(value, date) else 0
    if column.value_type is ValueType.FLAG:
        return int(bool(value))
    if column.value_type is ValueType.CHOICE and column.choices is not None:
        members = [member.value for member in column.choices]
        return members.index(str(value)) if value is not None and str(value) in members else -1
    return text.casefold()

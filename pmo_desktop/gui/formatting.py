"""How values read on screen: dates as "3 Feb 2026", enum values as words, money in major units.

One place, so every table, header and command text formats a value the same way. Parsing what a user typed
back into a stored value lives here too, beside its formatter.
"""

from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum

from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import month_abbreviation, tr
from pmo_desktop.services.records import Record

_CURRENCY_SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥"}
_MINOR_PER_MAJOR = 100
_LABEL_FIELDS = ("name", "title", "code")


def format_date(value: date | None) -> str:
    """A date as a planner writes it; the month is spelled out so 03/02 is never ambiguous."""
    if value is None:
        return ""
    return f"{value.day} {month_abbreviation(value.month)} {value.year}"


def enum_words(value: Enum | str | None) -> str:
    """A stored enum value as words: "on_hold" -> "On hold". Codes in capitals ("FS") stay as they are."""
    if value is None:
        return ""
    text = str(value.value if isinstance(value, Enum) else value)
    if not text.islower():
        return tr(text)
    return tr(text.replace("_", " ").capitalize())


def format_number(value: float | None, unit: str = "") -> str:
    """A number without trailing zeros, with its unit if it has one ("37.5 h", "40 %")."""
    if value is None:
        return ""
    fractional = isinstance(value, float) and not value.is_integer()
    text = f"{value:,.2f}".rstrip("0") if fractional else f"{int(value):,}"
    return f"{text} {tr(unit)}" if unit else text


def format_money(minor: int | None, currency: str) -> str:
    """Minor units as an amount in the portfolio currency: 125000000 EUR -> "€1,250,000"."""
    if minor is None:
        return ""
    amount = Decimal(minor) / _MINOR_PER_MAJOR
    digits = f"{amount:,.0f}" if minor % _MINOR_PER_MAJOR == 0 else f"{amount:,.2f}"
    symbol = _CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{digits}" if symbol else f"{currency} {digits}"


def money_for_editing(minor: int | None) -> str:
    """Minor units as the plain number an editor starts from ("1250000" or "1250000.50")."""
    if minor is None:
        return ""
    amount = Decimal(minor) / _MINOR_PER_MAJOR
    return f"{amount:.0f}" if minor % _MINOR_PER_MAJOR == 0 else f"{amount:.2f}"


def parse_money(text: str) -> int:
    """What a user typed as an amount, in minor units; thousands separators and a currency sign are allowed."""
    cleaned = text.strip().replace(",", "").replace(" ", "")
    cleaned = cleaned.lstrip("".join(_CURRENCY_SYMBOLS.values()))
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(tr("'{typed}' is not an amount of money.", typed=text)) from None
    if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(tr("'{typed}' is not an amount of money.", typed=text))
    return int(amount * _MINOR_PER_MAJOR)


def record_label(record: Record) -> str:
    """What a record is called where another record refers to it (its name, title or code)."""
    for field in _LABEL_FIELDS:
        value = record.values.get(field)
        if value:
            return str(value)
    return f"#{record.id}"


def raid_reference(record: Record) -> str:
    """The human identifier of a RAID item: kind letter and number, "R-014"."""
    return f"{RaidKind(record.values['kind']).prefix}-{int(record.values['number']):03d}"


def count_of(count: int, one: str, many: str) -> str:
    """ "1 project", "12 projects": `one` and `many` are untranslated nouns."""
    return f"{count:,} {tr(one) if count == 1 else tr(many)}"


def join_parts(parts: list[str]) -> str:
    """Summary fragments on one line, separated by a middle dot."""
    return "  ·  ".join(part for part in parts if part)

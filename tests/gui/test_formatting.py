"""How values read: dates, enum words, numbers with units, money in and out, record labels."""

from datetime import date
from types import MappingProxyType

import pytest

from pmo_desktop.domain.enums import DependencyType, EntityKind, RaidKind, Stage
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.gui.formatting import (
    count_of,
    enum_words,
    format_date,
    format_money,
    format_number,
    money_for_editing,
    parse_money,
    raid_reference,
    record_label,
)
from pmo_desktop.services.records import Record


def test_dates_spell_the_month() -> None:
    assert format_date(date(2026, 2, 3)) == "3 Feb 2026"
    assert format_date(None) == ""


def test_enum_values_read_as_words() -> None:
    assert enum_words(Stage.ON_HOLD) == "On hold"
    assert enum_words("in_progress") == "In progress"
    assert enum_words(DependencyType.FS) == "FS"


def test_numbers_drop_trailing_zeros_and_keep_units() -> None:
    assert format_number(37.5, "h") == "37.5 h"
    assert format_number(40.0, "h") == "40 h"
    assert format_number(1_250_000.0) == "1,250,000"
    assert format_number(40, "%") == "40 %"


def test_money_shows_major_units_with_the_currency() -> None:
    assert format_money(125_000_000, "EUR") == "€1,250,000"
    assert format_money(1_050, "GBP") == "£10.50"
    assert format_money(500, "CHF") == "CHF 5"
    assert money_for_editing(1_050) == "10.50"


@pytest.mark.parametrize(("typed", "minor"), [("1,250,000", 125_000_000), ("€10.5", 1_050), (" 7 ", 700)])
def test_typed_amounts_become_minor_units(typed: str, minor: int) -> None:
    assert parse_money(typed) == minor


@pytest.mark.parametrize("typed", ["lots", "1.005", "inf", ""])
def test_malformed_amounts_are_refused_with_a_sentence(typed: str) -> None:
    with pytest.raises(ValidationError, match="is not an amount of money"):
        parse_money(typed)


def test_records_are_labelled_by_name_title_or_code() -> None:
    def record(**values: object) -> Record:
        return Record(EntityKind.RAID_ITEM, 7, "uuid", MappingProxyType(values))

    assert record_label(record(name="Alice", code="A")) == "Alice"
    assert record_label(record(title="Vendor late")) == "Vendor late"
    assert record_label(record()) == "#7"
    assert raid_reference(record(kind=RaidKind.ISSUE, number=14)) == "I-014"


def test_counts_agree_with_their_nouns() -> None:
    assert count_of(1, "person", "people") == "1 person"
    assert count_of(1200, "person", "people") == "1,200 people"

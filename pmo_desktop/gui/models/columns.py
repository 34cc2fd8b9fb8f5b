"""What a table shows of a record: one `Column` per field, saying how its value reads and is edited.

Views declare their columns with the small constructors below (`text`, `date`, `choice`, `reference`, ...),
so a view reads like the list of fields a planner sees.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import Record


class ValueType(Enum):
    """How a column's value is displayed, sorted and edited."""

    TEXT = "text"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    FLAG = "flag"
    CHOICE = "choice"
    REFERENCE = "reference"
    COMPUTED = "computed"


@dataclass(frozen=True)
class Column:
    """One field of a record as a table column. `header` is untranslated; the model passes it through tr."""

    field: str
    header: str
    value_type: ValueType = ValueType.TEXT
    unit: str = ""
    choices: type[StrEnum] | None = None
    references: EntityKind | None = None
    optional: bool = False
    editable: bool = True
    compute: Callable[[Record], str] | None = None

    @property
    def is_numeric(self) -> bool:
        return self.value_type in (ValueType.NUMBER, ValueType.MONEY)


def text(field: str, header: str, *, editable: bool = True) -> Column:
    return Column(field, header, editable=editable)


def number(field: str, header: str, unit: str = "", *, editable: bool = True) -> Column:
    return Column(field, header, ValueType.NUMBER, unit=unit, editable=editable)


def money(field: str, header: str) -> Column:
    """An amount stored in minor units of the portfolio currency."""
    return Column(field, header, ValueType.MONEY)


def date(field: str, header: str, *, optional: bool = False) -> Column:
    return Column(field, header, ValueType.DATE, optional=optional)


def flag(field: str, header: str) -> Column:
    return Column(field, header, ValueType.FLAG)


def choice(field: str, header: str, choices: type[StrEnum], *, optional: bool = False) -> Column:
    return Column(field, header, ValueType.CHOICE, choices=choices, optional=optional)


def reference(field: str, header: str, kind: EntityKind, *, optional: bool = True) -> Column:
    """A foreign key, shown as the referenced record's name and edited by picking one."""
    return Column(field, header, ValueType.REFERENCE, references=kind, optional=optional)


def computed(field: str, header: str, compute: Callable[[Record], str]) -> Column:
    """A read-only column derived from the record ("R-014"); `field` names the column for sorting and tests."""
    return Column(field, header, ValueType.COMPUTED, editable=False, compute=compute)

"""SQL conditions that find values a portfolio must never hold, derived from the models.

SQLite's integrity check verifies the b-trees, CHECK and NOT NULL, but not types or dates, and a file written
past our services (or by a hostile tool) may hold text where a date belongs. Each rule is a condition that is true
for a bad row; the check counts them per column and reports the first problem in words.
"""

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Boolean, CheckConstraint, Column, Date, DateTime, Float, Integer, String, Table
from sqlalchemy.dialects import sqlite

from pmo_desktop.storage.models import Base
from pmo_desktop.storage.models.types import UuidBytes

EARLIEST_DATE = "1900-01-01"
LATEST_DATE = "2199-12-31"
# Notes and descriptions have no declared length; past this a value is not something a person wrote.
MAX_FREE_TEXT = 200_000


@dataclass(frozen=True)
class ValueRule:
    """One thing that must hold for every row of `table`; `bad_when` is SQL true for an offending row."""

    table: str
    description: str
    bad_when: str
    # True for CHECK and NOT NULL rules, which SQLite's integrity check verifies too: they only need to run
    # (to name the column) when the integrity check reported a broken rule.
    schema_rule: bool = False


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_rules(table: Table, column: Column[object]) -> list[ValueRule]:
    if column.primary_key:  # an INTEGER PRIMARY KEY is SQLite's rowid: always a whole number, never NULL
        return []
    name = _quoted(column.name)
    present = f"{name} IS NOT NULL"
    label = f"{table.name}.{column.name}"
    rules: list[ValueRule] = []
    if isinstance(column.type, Date):
        rules.append(
            ValueRule(
                table.name,
                f"{label} holds a date that is not a valid calendar date",
                f"{present} AND (typeof({name}) != 'text' OR date({name}) IS NOT {name})",
            )
        )
        rules.append(
            ValueRule(
                table.name,
                f"{label} holds a date outside {EARLIEST_DATE[:4]}-{LATEST_DATE[:4]}",
                f"{present} AND {name} NOT BETWEEN '{EARLIEST_DATE}' AND '{LATEST_DATE}'",
            )
        )
    elif isinstance(column.type, DateTime):
        rules.append(
            ValueRule(
                table.name,
                f"{label} holds a timestamp that cannot be read",
                f"{present} AND (typeof({name}) != 'text' OR datetime({name}) IS NULL "
                f"OR {name} NOT GLOB '[0-9]*-[0-9]*-[0-9]* [0-9]*:[0-9]*:[0-9]*')",
            )
        )
    elif isinstance(column.type, UuidBytes):
        rules.append(
            ValueRule(
                table.name,
                f"{label} holds an identifier that is not a UUID",
                f"{present} AND (typeof({name}) != 'blob' OR length({name}) != 16)",
            )
        )
    elif isinstance(column.type, Boolean):
        rules.append(
            ValueRule(
                table.name, f"{label} holds something other than yes or no", f"{present} AND {name} NOT IN (0, 1)"
            )
        )
    elif isinstance(column.type, Integer):
        rules.append(
            ValueRule(
                table.name,
                f"{label} holds something other than a whole number",
                f"{present} AND typeof({name}) != 'integer'",
            )
        )
    elif isinstance(column.type, Float):
        rules.append(
            ValueRule(
                table.name,
                f"{label} holds something other than a number",
                f"{present} AND typeof({name}) NOT IN ('integer', 'real')",
            )
        )
    elif isinstance(column.type, String):
        kind_check = f"{present} AND typeof({name}) != 'text'"
        rules.append(ValueRule(table.name, f"{label} holds something other than text", kind_check))
        limit = column.type.length or MAX_FREE_TEXT
        rules.append(
            ValueRule(
                table.name,
                f"{label} holds text longer than {limit:,} characters",
                f"{present} AND length({name}) > {limit}",
            )
        )
    if not column.nullable:
        rules.append(ValueRule(table.name, f"{label} is empty", f"{name} IS NULL", schema_rule=True))
    return rules


def _constraint_rule(table: Table, constraint: CheckConstraint) -> ValueRule:
    expression = constraint.sqltext.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    rule = str(constraint.name).removeprefix(f"ck_{table.name}_").replace("_", " ")
    return ValueRule(table.name, f"{table.name} breaks the rule '{rule}'", f"NOT ({expression})", schema_rule=True)


@cache
def value_rules() -> tuple[ValueRule, ...]:
    """Every rule of every table of the current schema."""
    rules: list[ValueRule] = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            rules.extend(_column_rules(table, column))
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                rules.append(_constraint_rule(table, constraint))
    return tuple(rules)


@cache
def rules_by_table(*, schema_rules: bool) -> dict[str, tuple[ValueRule, ...]]:
    """The rules of each table; the CHECK and NOT NULL ones only when `schema_rules`."""
    grouped: dict[str, list[ValueRule]] = {table.name: [] for table in Base.metadata.sorted_tables}
    for rule in value_rules():
        if schema_rules or not rule.schema_rule:
            grouped[rule.table].append(rule)
    return {table: tuple(rules) for table, rules in grouped.items()}


@cache
def text_columns_by_table() -> dict[str, tuple[str, ...]]:
    """The columns of each table that hold text (enums included), for the UTF-8 check."""
    return {
        table.name: tuple(column.name for column in table.columns if isinstance(column.type, String))
        for table in Base.metadata.sorted_tables
    }

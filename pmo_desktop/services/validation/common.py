"""Helpers shared by the validation rules: normalising values and phrasing refusals."""

from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Float, Integer, String, Table, select
from sqlalchemy import Enum as SqlEnum

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.labels import field_label, kind_label
from pmo_desktop.storage.models import Base

Row = dict[str, Any]


def day(value: date) -> str:
    """A date as a planner writes it: 1 Feb 2026."""
    return f"{value.day} {value:%b %Y}"


def _as_enum(column_type: SqlEnum, value: Any, label: str) -> str:
    allowed = list(column_type.enums)
    text = value.value if isinstance(value, Enum) else str(value)
    if text not in allowed:
        raise ValidationError(
            tr(
                "'{value}' is not a valid {field}; choose one of: {allowed}.",
                value=text,
                field=label,
                allowed=", ".join(allowed),
            )
        )
    return text


def _as_text(column_type: String, value: Any, label: str) -> str:
    text = str(value).strip()
    if column_type.length and len(text) > column_type.length:
        raise ValidationError(
            tr(
                "The {field} is too long ({length} characters; at most {limit}).",
                field=label,
                length=len(text),
                limit=column_type.length,
            )
        )
    return text


def _coerce(table: Table, column_name: str, value: Any) -> Any:
    """`value` as the type its column stores; the Enum test comes first since Enum is a String."""
    column_type = table.c[column_name].type
    label = field_label(column_name)
    if value is None:
        result: Any = None
    elif isinstance(column_type, SqlEnum):
        result = _as_enum(column_type, value, label)
    elif isinstance(column_type, Date):
        result = _as_date(value, label)
    elif isinstance(column_type, Boolean):
        result = bool(value)
    elif isinstance(column_type, Integer):
        result = _as_number(value, label, int)
    elif isinstance(column_type, Float):
        result = _as_number(value, label, float)
    elif isinstance(column_type, String):
        result = _as_text(column_type, value, label)
    else:
        result = value
    return result


def _as_date(value: Any, label: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(
            tr("'{value}' is not a date for the {field} (use YYYY-MM-DD).", value=value, field=label)
        ) from None


def _as_number(value: Any, label: str, kind: type[int] | type[float]) -> int | float:
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise ValidationError(tr("'{value}' is not a number for the {field}.", value=value, field=label)) from None
    if kind is int and isinstance(value, float) and not value.is_integer():
        raise ValidationError(tr("The {field} must be a whole number (got {value}).", field=label, value=value))
    return number


def normalise(kind: EntityKind, row: Row) -> Row:
    """Each value coerced to its column's type."""
    table = Base.metadata.tables[kind.value]
    return {name: _coerce(table, name, value) for name, value in row.items()}


def require_present(kind: EntityKind, clean: Row) -> None:
    """Refuse a row that lacks a value its table requires (after the kind's rules filled in defaults)."""
    for column in Base.metadata.tables[kind.value].columns:
        required = not column.nullable and column.default is None and not column.primary_key
        if required and clean.get(column.name) is None:
            raise ValidationError(
                tr("A {kind} needs a {field}.", kind=kind_label(kind), field=field_label(column.name))
            )


def require_text(row: Row, column: str, kind: EntityKind) -> None:
    if not str(row.get(column) or "").strip():
        raise ValidationError(tr("A {kind} needs a {field}.", kind=kind_label(kind), field=field_label(column)))


def require_between(value: float | None, low: float, high: float, sentence: str) -> None:
    if value is not None and not low <= value <= high:
        raise ValidationError(tr(sentence, value=value, low=low, high=high))


def require_order(start: date | None, finish: date | None, sentence: str, **fields: object) -> None:
    if start is not None and finish is not None and finish < start:
        raise ValidationError(tr(sentence, start=day(start), finish=day(finish), **fields))


def exists(connection: Connection, kind: EntityKind, record_id: int | None) -> bool:
    if record_id is None:
        return False
    table = Base.metadata.tables[kind.value]
    return connection.execute(select(table.c.id).where(table.c.id == record_id)).first() is not None


def name_of(connection: Connection, kind: EntityKind, record_id: int, column: str = "name") -> str:
    table = Base.metadata.tables[kind.value]
    value = connection.execute(select(table.c[column]).where(table.c.id == record_id)).scalar()
    return str(value) if value is not None else "?"


def require_reference(connection: Connection, row: Row, column: str, target: EntityKind, sentence: str) -> None:
    """Refuse a reference (`column` in `row`) to a record of `target` that does not exist."""
    if row.get(column) is not None and not exists(connection, target, row[column]):
        raise ValidationError(tr(sentence))


def require_unique(connection: Connection, kind: EntityKind, row: Row, column: str, sentence: str) -> None:
    """Refuse a value of `column` that another record of `kind` already has; `sentence` may use {value}."""
    value = row.get(column)
    if value is None or value == "":
        return
    table = Base.metadata.tables[kind.value]
    query = select(table.c.id).where(table.c[column] == value, table.c.id != row.get("id", -1))
    if connection.execute(query).first() is not None:
        raise ValidationError(tr(sentence, value=value if not isinstance(value, date) else day(value)))

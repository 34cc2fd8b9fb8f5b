"""Generic create, read, update and delete for every kind of record, each one transaction.

Every operation validates with the rules of `validation`, writes through SQLAlchemy Core, and returns a
`Changes` record. Deleting captures everything the database would remove or unlink along with the record
(ON DELETE CASCADE and SET NULL), so undo can put it all back with the same ids and UUIDs.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import NotFoundError, ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.cascade import Snapshot, capture_delete, restore_snapshot
from pmo_desktop.services.integrity import explain_integrity_error
from pmo_desktop.services.labels import kind_label
from pmo_desktop.services.schedule_state import follow_schedule
from pmo_desktop.services.validation import validate
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Base

_READ_ONLY_COLUMNS = frozenset({"id", "uuid", "created_at", "updated_at"})


@dataclass(frozen=True)
class Record:
    """One row as plain data: never an ORM object."""

    kind: EntityKind
    id: int
    uuid: str
    values: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __getitem__(self, column: str) -> Any:
        return self.values[column]


@dataclass(frozen=True)
class Created:
    changes: Changes
    id: int


@dataclass(frozen=True)
class Deleted:
    changes: Changes
    snapshot: Snapshot


def table_of(kind: EntityKind) -> Table:
    return Base.metadata.tables[kind.value]


def _record(kind: EntityKind, row: dict[str, Any]) -> Record:
    return Record(kind, row["id"], row["uuid"], MappingProxyType(row))


def fetch_values(connection: Connection, kind: EntityKind, record_id: int) -> dict[str, Any]:
    """Every field of one record inside the caller's transaction; NotFoundError when it is gone."""
    table = table_of(kind)
    row = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        raise NotFoundError(tr("This {kind} no longer exists.", kind=kind_label(kind)))
    return dict(row)


def _check_columns(kind: EntityKind, values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(table_of(kind).columns.keys())
    if unknown:
        raise ValidationError(tr("A {kind} has no field {field}.", kind=kind_label(kind), field=sorted(unknown)[0]))


def list_records(
    workspace: Workspace, kind: EntityKind, /, *, ids: Collection[int] | None = None, **where: Any
) -> list[Record]:
    """Every record of `kind` (optionally only those with `ids`, and where columns equal the given values),
    in id order."""
    table = table_of(kind)
    query = select(table).order_by(table.c.id)
    if ids is not None:
        query = query.where(table.c.id.in_(list(ids)))
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    with workspace.reading() as connection:
        result = connection.execute(query)
        # Zipping plain tuples with the keys once is several times faster than RowMapping per row.
        keys = list(result.keys())
        return [_record(kind, dict(zip(keys, row, strict=True))) for row in result.all()]


def count_records(workspace: Workspace, kind: EntityKind, /, **where: Any) -> int:
    """How many records of `kind` there are (optionally where columns equal the given values)."""
    table = table_of(kind)
    query = select(func.count()).select_from(table)
    for column, value in where.items():
        query = query.where(table.c[column] == value)
    with workspace.reading() as connection:
        return int(connection.execute(query).scalar_one())


def get_record(workspace: Workspace, kind: EntityKind, record_id: int) -> Record:
    with workspace.reading() as connection:
        return _record(kind, fetch_values(connection, kind, record_id))


def create_record(workspace: Workspace, kind: EntityKind, values: Mapping[str, Any]) -> Created:
    """Add a record; `values` may carry `uuid` (imports, undo) but never `id`."""
    with workspace.transaction() as connection:
        new_id = insert_record(connection, kind, values)
        changes = Changes.of(created={kind: [new_id]})
        changes = changes.merge(follow_schedule(workspace, connection, changes))
    return Created(changes, new_id)


def update_record(workspace: Workspace, kind: EntityKind, record_id: int, values: Mapping[str, Any]) -> Changes:
    """Change some fields of a record."""
    with workspace.transaction() as connection:
        if not write_record(connection, kind, record_id, values):
            return Changes()
        changes = Changes.of(updated={kind: [record_id]})
        return changes.merge(follow_schedule(workspace, connection, changes))


def delete_record(workspace: Workspace, kind: EntityKind, record_id: int) -> Deleted:
    """Delete a record and what depends on it; the snapshot lets undo restore all of it."""
    with workspace.transaction() as connection:
        fetch_values(connection, kind, record_id)
        snapshot = capture_delete(connection, kind, [record_id])
        table = table_of(kind)
        connection.execute(delete(table).where(table.c.id == record_id))
        changes = snapshot.changes_on_delete()
        changes = changes.merge(follow_schedule(workspace, connection, changes))
    return Deleted(changes, snapshot)


def restore_records(workspace: Workspace, snapshot: Snapshot) -> Changes:
    """Put back what a delete removed, with the same ids and UUIDs (undo of a delete)."""
    with workspace.transaction() as connection:
        restore_snapshot(connection, snapshot)
        changes = snapshot.changes_on_restore()
        return changes.merge(follow_schedule(workspace, connection, changes))


def insert_record(connection: Connection, kind: EntityKind, values: Mapping[str, Any]) -> int:
    """Validate and insert one record inside the caller's transaction; returns its id."""
    _check_columns(kind, values)
    row = validate(connection, kind, {**_defaults(kind), **values}, before=None)
    try:
        key = connection.execute(insert(table_of(kind)).values(row)).inserted_primary_key
    except IntegrityError as error:
        raise explain_integrity_error(kind, error) from None
    assert key is not None
    return int(key[0])


def write_record(connection: Connection, kind: EntityKind, record_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and write some fields of one record inside the caller's transaction; returns the values the
    changed fields had before (empty, so false, when nothing changed)."""
    _check_columns(kind, values)
    forbidden = set(values) & _READ_ONLY_COLUMNS
    if forbidden:
        raise ValidationError(tr("The {field} of a record cannot be changed.", field=sorted(forbidden)[0]))
    before = fetch_values(connection, kind, record_id)
    after = validate(connection, kind, {**before, **values}, before=before)
    changed = {column: after[column] for column in after if after[column] != before.get(column)}
    if not changed:
        return {}
    table = table_of(kind)
    try:
        connection.execute(update(table).where(table.c.id == record_id).values(changed))
    except IntegrityError as error:
        raise explain_integrity_error(kind, error) from None
    return {column: before[column] for column in changed}


def _defaults(kind: EntityKind) -> dict[str, Any]:
    """Python-side defaults of the table, so validation sees the values the row will hold."""
    defaults: dict[str, Any] = {}
    for column in table_of(kind).columns:
        if column.key in _READ_ONLY_COLUMNS or column.default is None:
            continue
        default = column.default
        if getattr(default, "is_scalar", False):
            defaults[column.key] = default.arg  # type: ignore[attr-defined]
    return defaults

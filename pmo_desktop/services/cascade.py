"""What a delete takes with it, captured before it happens so that undo can put everything back.

The database applies ON DELETE CASCADE and SET NULL by itself; this module walks the same foreign keys from
the models first and records the rows that will go and the links that will be cleared.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, ForeignKey, Table, delete, insert, select, update

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.storage.models import Base, Tombstone

_CHUNK = 500


@dataclass(frozen=True)
class Unlinked:
    """A reference that the delete set to NULL: put `value` back into `table.column` of row `row_id`."""

    table: str
    row_id: int
    column: str
    value: int


@dataclass(frozen=True)
class Snapshot:
    """Rows removed by one delete (by table, in dependency order) and references it cleared."""

    rows: tuple[tuple[str, tuple[Mapping[str, Any], ...]], ...]
    unlinked: tuple[Unlinked, ...]

    def _deleted_ids(self) -> dict[EntityKind, list[int]]:
        return {EntityKind(table): [int(row["id"]) for row in rows] for table, rows in self.rows}

    def _unlinked_ids(self) -> dict[EntityKind, list[int]]:
        ids: dict[EntityKind, list[int]] = {}
        for link in self.unlinked:
            ids.setdefault(EntityKind(link.table), []).append(link.row_id)
        return ids

    def changes_on_delete(self) -> Changes:
        return Changes.of(deleted=self._deleted_ids(), updated=self._unlinked_ids())

    def changes_on_restore(self) -> Changes:
        return Changes.of(created=self._deleted_ids(), updated=self._unlinked_ids())


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _referencing(table_name: str) -> list[tuple[Table, ForeignKey]]:
    return [
        (table, key)
        for table in Base.metadata.sorted_tables
        for key in table.foreign_keys
        if key.column.table.name == table_name
    ]


def capture_delete(connection: Connection, kind: EntityKind, ids: Sequence[int]) -> Snapshot:
    """Everything deleting `ids` of `kind` would remove or unlink, read before the delete."""
    doomed: dict[str, dict[int, Mapping[str, Any]]] = {}
    unlinked: list[Unlinked] = []
    pending: list[tuple[str, list[int]]] = [(kind.value, list(ids))]
    while pending:
        table_name, table_ids = pending.pop()
        table = Base.metadata.tables[table_name]
        fresh = [row_id for row_id in table_ids if row_id not in doomed.get(table_name, {})]
        if not fresh:
            continue
        for chunk in _chunks(fresh):
            for row in connection.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                doomed.setdefault(table_name, {})[int(row["id"])] = dict(row)
        for child, key in _referencing(table_name):
            column = child.c[key.parent.name]
            for chunk in _chunks(fresh):
                found = connection.execute(select(child.c.id, column).where(column.in_(chunk))).all()
                if key.ondelete == "CASCADE":
                    pending.append((child.name, [int(row_id) for row_id, _ in found]))
                elif key.ondelete == "SET NULL":
                    unlinked.extend(
                        Unlinked(child.name, int(row_id), column.name, int(value)) for row_id, value in found
                    )
    order = [table.name for table in Base.metadata.sorted_tables]
    rows = tuple(
        (name, tuple(doomed[name][row_id] for row_id in sorted(doomed[name]))) for name in order if doomed.get(name)
    )
    gone = {(name, row_id) for name, table_rows in doomed.items() for row_id in table_rows}
    kept_links = tuple(link for link in unlinked if (link.table, link.row_id) not in gone)
    return Snapshot(rows, kept_links)


def restore_snapshot(connection: Connection, snapshot: Snapshot) -> None:
    """Re-insert the rows and links of `snapshot` and drop their tombstones (foreign keys are deferred)."""
    uuids: list[str] = []
    for table_name, rows in snapshot.rows:
        connection.execute(insert(Base.metadata.tables[table_name]), [dict(row) for row in rows])
        uuids.extend(str(row["uuid"]) for row in rows)
    for link in snapshot.unlinked:
        table = Base.metadata.tables[link.table]
        connection.execute(update(table).where(table.c.id == link.row_id).values({link.column: link.value}))
    for chunk in _chunks(uuids):  # type: ignore[arg-type]
        connection.execute(delete(Tombstone).where(Tombstone.uuid.in_(chunk)))

"""Several record edits as one transaction, returned with the edits that undo them.

An editor that changes several records at once (a project and its objective links, a person and their time
off, a quarter grid of budget lines) sends one batch: everything commits together or nothing does, the
first refusal's sentence is the whole answer, and `Applied.inverse` is a batch that puts everything back.
The inverse of the inverse redoes the edit, with the same ids and UUIDs: a create is undone by a delete
whose snapshot the redo restores, so later edits that name the record still find it.

A `Create` later in a batch can refer to a record created earlier in it with `NewId(position)`.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, delete

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.cascade import Snapshot, capture_delete, restore_snapshot
from pmo_desktop.services.labels import field_label
from pmo_desktop.services.records import fetch_values, insert_record, table_of, write_record
from pmo_desktop.services.workspace import Workspace

_READ_ONLY = frozenset({"id", "uuid", "created_at", "updated_at"})


@dataclass(frozen=True)
class NewId:
    """The id of the record created by the edit at `position` of the same batch."""

    position: int


def _frozen(values: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(values))


@dataclass(frozen=True)
class Create:
    kind: EntityKind
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", _frozen(self.values))


@dataclass(frozen=True)
class Update:
    kind: EntityKind
    id: int | NewId
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", _frozen(self.values))


@dataclass(frozen=True)
class Delete:
    kind: EntityKind
    id: int


@dataclass(frozen=True)
class Restore:
    """Put back what deleting `id` of `kind` removed (the inverse of a `Delete`)."""

    kind: EntityKind
    id: int
    snapshot: Snapshot


Edit = Create | Update | Delete | Restore


@dataclass(frozen=True)
class Applied:
    """What a batch changed, the batch that undoes it, and the ids its `Create` edits made (in order)."""

    changes: Changes
    inverse: tuple[Edit, ...]
    created: tuple[int, ...] = ()


def apply_edits(workspace: Workspace, edits: Sequence[Edit]) -> Applied:
    """Carry out `edits` in one transaction; raises `ValidationError` (and writes nothing) on the first refusal."""
    with workspace.transaction() as connection:
        return apply_on(connection, edits)


def apply_on(connection: Connection, edits: Sequence[Edit]) -> Applied:
    """`apply_edits` inside a transaction the caller holds (for operations that read before they edit)."""
    changes = Changes()
    inverse: list[Edit] = []
    new_ids: dict[int, int] = {}
    for position, edit in enumerate(edits):
        step_changes, step_inverse = _apply(connection, edit, new_ids)
        if isinstance(edit, Create):
            assert isinstance(step_inverse, Delete)
            new_ids[position] = step_inverse.id
        changes = changes.merge(step_changes)
        if step_inverse is not None:
            inverse.append(step_inverse)
    created = tuple(new_ids[position] for position in sorted(new_ids))
    return Applied(changes, tuple(reversed(inverse)), created)


def _resolve(value: Any, new_ids: Mapping[int, int]) -> Any:
    return new_ids[value.position] if isinstance(value, NewId) else value


def _apply(connection: Connection, edit: Edit, new_ids: Mapping[int, int]) -> tuple[Changes, Edit | None]:
    if isinstance(edit, Create):
        values = {column: _resolve(value, new_ids) for column, value in edit.values.items()}
        new_id = _create(connection, edit.kind, values)
        return Changes.of(created={edit.kind: [new_id]}), Delete(edit.kind, new_id)
    if isinstance(edit, Update):
        record_id = int(_resolve(edit.id, new_ids))
        values = {column: _resolve(value, new_ids) for column, value in edit.values.items()}
        before = _update(connection, edit.kind, record_id, values)
        if not before:
            return Changes(), None
        return Changes.of(updated={edit.kind: [record_id]}), Update(edit.kind, record_id, before)
    if isinstance(edit, Delete):
        fetch_values(connection, edit.kind, edit.id)  # NotFoundError when it is already gone
        snapshot = capture_delete(connection, edit.kind, [edit.id])
        table = table_of(edit.kind)
        connection.execute(delete(table).where(table.c.id == edit.id))
        return snapshot.changes_on_delete(), Restore(edit.kind, edit.id, snapshot)
    restore_snapshot(connection, edit.snapshot)
    return edit.snapshot.changes_on_restore(), Delete(edit.kind, edit.id)


def _check_columns(kind: EntityKind, values: Mapping[str, Any]) -> None:
    """Refuse the fields no edit may set (a batch may carry a record's uuid on create, for undo and redo)."""
    forbidden = set(values) & (_READ_ONLY - {"uuid"})
    if forbidden:
        raise ValidationError(tr("The {field} of a record cannot be changed.", field=field_label(sorted(forbidden)[0])))


def _create(connection: Connection, kind: EntityKind, values: Mapping[str, Any]) -> int:
    _check_columns(kind, values)
    return insert_record(connection, kind, values)


def _update(connection: Connection, kind: EntityKind, record_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    """Change a record; return the values the changed fields had (empty when nothing changed)."""
    _check_columns(kind, values)
    if "uuid" in values:
        raise ValidationError(tr("The {field} of a record cannot be changed.", field=field_label("uuid")))
    return write_record(connection, kind, record_id, values)

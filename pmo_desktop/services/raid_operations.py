"""Edits of the RAID log: create, edit, close and reopen an item, link and unlink tasks; each one transaction.

Every change of an item's probability or impact (inherent or residual) appends an entry to its score
history in the same transaction, so trends and the burndown follow the register. An edit returns a
`RaidEdit` holding everything it changed (the fields before and after, the history entry it appended and
the links it added or removed, as whole rows), so `revert_raid_edit` puts the file back exactly as it was
and `apply_raid_edit` redoes it with the same ids and UUIDs.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus
from pmo_desktop.domain.errors import NotFoundError, ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.risk import human_id
from pmo_desktop.services.integrity import explain_integrity_error
from pmo_desktop.services.records import Created, table_of
from pmo_desktop.services.validation import validate
from pmo_desktop.services.validation.raid import SCORE_COLUMNS
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Tombstone

Row = Mapping[str, Any]
_ITEM = EntityKind.RAID_ITEM
_SCORE = EntityKind.RAID_SCORE
_LINK = EntityKind.RAID_TASK_LINK
_READ_ONLY = frozenset({"id", "uuid", "created_at", "updated_at", "kind", "number"})


@dataclass(frozen=True)
class RaidEdit:
    """What one edit of an item changed, whole, so that it can be reverted and applied again exactly.

    `before` and `after` hold the changed fields (and `updated_at`); `appended_score` is the history entry
    the edit added (None when no score changed); links are the rows added and removed.
    """

    item_id: int
    before: Row
    after: Row
    appended_score: Row | None
    added_links: tuple[Row, ...]
    removed_links: tuple[Row, ...]

    @property
    def changes(self) -> Changes:
        """What applying the edit changes (reverting it changes the same records the other way)."""
        return Changes.of(
            created=self._created(), updated={_ITEM: [self.item_id]} if self.before else {}, deleted=self._deleted()
        )

    @property
    def revert_changes(self) -> Changes:
        return Changes.of(
            created=self._deleted(), updated={_ITEM: [self.item_id]} if self.before else {}, deleted=self._created()
        )

    @property
    def is_empty(self) -> bool:
        return not (self.before or self.added_links or self.removed_links)

    def _created(self) -> dict[EntityKind, list[int]]:
        created = {_LINK: [int(row["id"]) for row in self.added_links]}
        if self.appended_score is not None:
            created[_SCORE] = [int(self.appended_score["id"])]
        return created

    def _deleted(self) -> dict[EntityKind, list[int]]:
        return {_LINK: [int(row["id"]) for row in self.removed_links]}


def check_raid_item(workspace: Workspace, values: Mapping[str, Any], item_id: int | None = None) -> None:
    """Raise `ValidationError` if saving `values` (a new item's, or changes to `item_id`) would be refused.

    For editors that keep the user's input on screen until it is right; nothing is written.
    """
    with workspace.reading() as connection:
        before = None if item_id is None else _fetch(connection, _ITEM, item_id)
        validate(connection, _ITEM, {**(before or {}), **values}, before=before)


def create_raid_item(
    workspace: Workspace, values: Mapping[str, Any], *, link: Collection[int] = (), today: date | None = None
) -> Created:
    """Add an item (numbered after the last of its kind), its first history entry if scored, and its links."""
    day = today or date.today()
    with workspace.transaction() as connection:
        row = validate(connection, _ITEM, {"raised_on": day, **values}, before=None)
        item_id = _insert(connection, _ITEM, row)
        created: dict[EntityKind, list[int]] = {_ITEM: [item_id]}
        # The stored row, with the defaults the table filled in (status, opportunity), makes the first entry.
        score = _score_entry(connection, item_id, _fetch(connection, _ITEM, item_id), day)
        if score is not None:
            created[_SCORE] = [int(score["id"])]
        created[_LINK] = [int(link_row["id"]) for link_row in _add_links(connection, item_id, link)]
    return Created(Changes.of(created=created), item_id)


def edit_raid_item(
    workspace: Workspace,
    item_id: int,
    values: Mapping[str, Any],
    *,
    link: Collection[int] = (),
    unlink: Collection[int] = (),
    today: date | None = None,
) -> RaidEdit:
    """Change fields of an item and link or unlink tasks; a change of any score appends to its history."""
    _check_fields(values)
    day = today or date.today()
    with workspace.transaction() as connection:
        before = _fetch(connection, _ITEM, item_id)
        after = validate(connection, _ITEM, {**before, **values}, before=before)
        changed = {column: after[column] for column in after if after[column] != before.get(column)}
        old: dict[str, Any] = {}
        if changed:
            old = {column: before[column] for column in changed} | {"updated_at": before["updated_at"]}
            _write(connection, _ITEM, item_id, changed)
            changed["updated_at"] = _fetch(connection, _ITEM, item_id)["updated_at"]
        scored = any(column in changed for column in SCORE_COLUMNS)
        score = _score_entry(connection, item_id, after, day) if scored else None
        removed = _remove_links(connection, item_id, unlink)
        added = _add_links(connection, item_id, link)
    return RaidEdit(item_id, _frozen(old), _frozen(changed), score, tuple(added), tuple(removed))


def close_raid_item(workspace: Workspace, item_id: int, note: str, *, today: date | None = None) -> RaidEdit:
    """Close an open item with a closure note saying why (required), on `today`."""
    day = today or date.today()
    _require_status(workspace, item_id, closed=False)
    return edit_raid_item(
        workspace, item_id, {"status": RaidStatus.CLOSED.value, "closure_note": note, "closed_on": day}, today=day
    )


def reopen_raid_item(workspace: Workspace, item_id: int) -> RaidEdit:
    """Open a closed item again; its closure note stays as a record of the earlier closing."""
    _require_status(workspace, item_id, closed=True)
    return edit_raid_item(workspace, item_id, {"status": RaidStatus.OPEN.value})


def apply_raid_edit(workspace: Workspace, edit: RaidEdit) -> Changes:
    """Carry out `edit` again after `revert_raid_edit` (redo), with the same ids and UUIDs."""
    with workspace.transaction() as connection:
        if edit.after:
            _write(connection, _ITEM, edit.item_id, edit.after)
        if edit.appended_score is not None:
            _restore(connection, _SCORE, [edit.appended_score])
        _delete(connection, _LINK, edit.removed_links)
        _restore(connection, _LINK, edit.added_links)
    return edit.changes


def revert_raid_edit(workspace: Workspace, edit: RaidEdit) -> Changes:
    """Undo `edit`: the fields as they were, its history entry and added links gone, removed links back."""
    with workspace.transaction() as connection:
        _delete(connection, _LINK, edit.added_links)
        _restore(connection, _LINK, edit.removed_links)
        if edit.appended_score is not None:
            _delete(connection, _SCORE, [edit.appended_score])
        if edit.before:
            _write(connection, _ITEM, edit.item_id, edit.before)
    return edit.revert_changes


# -- helpers -------------------------------------------------------------------------------------------


def _check_fields(values: Mapping[str, Any]) -> None:
    unknown = set(values) - set(table_of(_ITEM).columns.keys())
    if unknown:
        raise ValidationError(tr("A RAID item has no field {field}.", field=sorted(unknown)[0]))
    fixed = set(values) & _READ_ONLY
    if fixed:
        raise ValidationError(tr("The {field} of a RAID item cannot be changed.", field=sorted(fixed)[0]))


def _require_status(workspace: Workspace, item_id: int, *, closed: bool) -> None:
    with workspace.reading() as connection:
        row = _fetch(connection, _ITEM, item_id)
    is_closed = row["status"] == RaidStatus.CLOSED.value
    if is_closed != closed:
        reference = human_id(RaidKind(row["kind"]), row["number"])
        sentence = "{item} is already closed." if is_closed else "{item} is not closed."
        raise ValidationError(tr(sentence, item=reference))


def _score_entry(connection: Connection, item_id: int, item: Row, day: date) -> Row | None:
    """Append the item's scores as they stand to its history; None (nothing written) while unscored."""
    if item.get("probability") is None or item.get("impact") is None:
        return None
    values = {column: item.get(column) for column in SCORE_COLUMNS}
    row = validate(
        connection, _SCORE, {"raid_item_id": item_id, "recorded_on": day, "status": item["status"], **values}, None
    )
    return _fetch(connection, _SCORE, _insert(connection, _SCORE, row))


def _add_links(connection: Connection, item_id: int, task_ids: Collection[int]) -> list[Row]:
    added: list[Row] = []
    for task_id in sorted(set(task_ids)):
        row = validate(connection, _LINK, {"raid_item_id": item_id, "task_id": task_id}, None)
        added.append(_fetch(connection, _LINK, _insert(connection, _LINK, row)))
    return added


def _remove_links(connection: Connection, item_id: int, task_ids: Collection[int]) -> list[Row]:
    if not task_ids:
        return []
    table = table_of(_LINK)
    query = select(table).where(table.c.raid_item_id == item_id, table.c.task_id.in_(sorted(set(task_ids))))
    rows: list[Row] = [dict(row) for row in connection.execute(query).mappings()]
    if len(rows) != len(set(task_ids)):
        raise ValidationError(tr("That task is not linked to this item."))
    _delete(connection, _LINK, rows)
    return rows


def _fetch(connection: Connection, kind: EntityKind, record_id: int) -> dict[str, Any]:
    table = table_of(kind)
    row = connection.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        raise NotFoundError(
            tr("This RAID item no longer exists.") if kind is _ITEM else tr("This record no longer exists.")
        )
    return dict(row)


def _insert(connection: Connection, kind: EntityKind, row: Row) -> int:
    try:
        key = connection.execute(insert(table_of(kind)).values(dict(row))).inserted_primary_key
    except IntegrityError as error:
        raise explain_integrity_error(kind, error) from None
    assert key is not None
    return int(key[0])


def _write(connection: Connection, kind: EntityKind, record_id: int, values: Row) -> None:
    table = table_of(kind)
    try:
        connection.execute(update(table).where(table.c.id == record_id).values(dict(values)))
    except IntegrityError as error:
        raise explain_integrity_error(kind, error) from None


def _restore(connection: Connection, kind: EntityKind, rows: Collection[Row]) -> None:
    if rows:
        connection.execute(insert(table_of(kind)), [dict(row) for row in rows])
        _forget_tombstones(connection, rows)


def _delete(connection: Connection, kind: EntityKind, rows: Collection[Row]) -> None:
    if rows:
        table = table_of(kind)
        connection.execute(delete(table).where(table.c.id.in_([int(row["id"]) for row in rows])))


def _forget_tombstones(connection: Connection, rows: Collection[Row]) -> None:
    """A row put back by undo or redo was never really deleted: drop the tombstone its delete left."""
    connection.execute(delete(Tombstone).where(Tombstone.uuid.in_([str(row["uuid"]) for row in rows])))


def _frozen(values: Mapping[str, Any]) -> Row:
    return MappingProxyType(dict(values))

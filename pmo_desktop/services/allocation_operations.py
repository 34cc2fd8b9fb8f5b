"""Operations on allocations beyond create, change and delete: split one at a week, give (part of) one to
another person, and put back the rows an operation replaced.

Each operation runs in one transaction and returns an `AllocationEdit`: the allocation rows it touched as
they were before and as they are after, with the `Changes`. Undo writes `before` back with
`revert_allocation_edit`; redo writes `after` back with `reapply_allocation_edit`, re-creating new rows
with the same ids and UUIDs, so later commands that name them still find them.

An allocation that follows a task takes the task's dates. Cutting one in time (a split, or a move from a
given week on) therefore unties both parts from the task: each keeps the dates it covered, and the task can
no longer stretch them both over its whole span.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import NotFoundError, ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.integrity import explain_integrity_error
from pmo_desktop.services.records import table_of
from pmo_desktop.services.validation import validate
from pmo_desktop.services.validation.common import day, name_of
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Task, Tombstone
from pmo_desktop.storage.models.base import new_uuid

Row = Mapping[str, Any]

_KIND = EntityKind.ALLOCATION
_FIXED_COLUMNS = frozenset({"id", "uuid", "created_at"})


@dataclass(frozen=True)
class AllocationEdit:
    """The allocations one operation touched, as full rows before and after it, and what it changed."""

    before: tuple[Row, ...]
    after: tuple[Row, ...]
    changes: Changes

    @property
    def created_ids(self) -> tuple[int, ...]:
        """Ids of the allocations the operation added, in the order it added them."""
        existing = {row["id"] for row in self.before}
        return tuple(row["id"] for row in self.after if row["id"] not in existing)


def split_allocation(workspace: Workspace, allocation_id: int, at: date) -> AllocationEdit:
    """Cut an allocation in two: the first part ends the day before `at`, the second starts on `at`."""
    with workspace.transaction() as connection:
        before = _fetch(connection, allocation_id)
        first, second = _cut(connection, before, at)
        return _write(connection, [before], [first, second])


def reassign_allocation(
    workspace: Workspace,
    allocation_id: int,
    person_id: int,
    *,
    start: date | None = None,
    amount: float | None = None,
) -> AllocationEdit:
    """Give an allocation, or part of it, to another person.

    From `start` on when given (the earlier part stays), and only `amount` of it (in the allocation's own
    unit: hours per week or percent) when given: the rest stays with its current owner.
    """
    with workspace.transaction() as connection:
        before = _fetch(connection, allocation_id)
        _check_new_owner(connection, before, person_id)
        if amount is not None and amount <= 0:
            raise ValidationError(tr("Choose how much of the allocation to move (more than 0)."))
        kept: list[Row] = []
        moving = before
        if start is not None and start > _span(connection, before)[0]:
            earlier, moving = _cut(connection, before, start)
            kept.append(earlier)
        if amount is None or amount >= moving["amount"]:
            return _write(connection, [before], [*kept, {**moving, "person_id": person_id}])
        # The part that stays keeps the moving part's identity (the original row, or the new later part).
        kept.append({**moving, "amount": moving["amount"] - amount})
        given = {**moving, "id": None, "uuid": new_uuid(), "person_id": person_id, "amount": amount}
        return _write(connection, [before], [*kept, given])


def check_allocation(workspace: Workspace, values: Mapping[str, Any], allocation_id: int | None = None) -> None:
    """Raise `ValidationError` if writing `values` (over the allocation's current row, if any) would be refused.

    Nothing is written: the allocation dialog asks before it closes, so a refusal keeps what was typed.
    """
    with workspace.reading() as connection:
        before = _fetch(connection, allocation_id) if allocation_id is not None else None
        validate(connection, _KIND, {**(before or {}), **values}, before=before)


def revert_allocation_edit(workspace: Workspace, edit: AllocationEdit) -> Changes:
    """Put back the rows an operation replaced (undo)."""
    with workspace.transaction() as connection:
        return _replace(connection, edit.after, edit.before)


def reapply_allocation_edit(workspace: Workspace, edit: AllocationEdit) -> Changes:
    """Write an operation's result again, with the same ids and UUIDs (redo)."""
    with workspace.transaction() as connection:
        return _replace(connection, edit.before, edit.after)


# -- cutting ------------------------------------------------------------------------------------------


def _fetch(connection: Connection, allocation_id: int) -> dict[str, Any]:
    table = table_of(_KIND)
    row = connection.execute(select(table).where(table.c.id == allocation_id)).mappings().first()
    if row is None:
        raise NotFoundError(tr("This allocation no longer exists."))
    return dict(row)


def _span(connection: Connection, row: Row) -> tuple[date, date]:
    """The days an allocation covers: its task's dates when it follows one."""
    if row["task_id"] is not None:
        dates = connection.execute(select(Task.start, Task.finish).where(Task.id == row["task_id"])).first()
        if dates is not None:
            return dates[0], dates[1]
    return row["start"], row["finish"]


def _cut(connection: Connection, row: Row, at: date) -> tuple[dict[str, Any], dict[str, Any]]:
    """The part of `row` before `at` (keeping its id) and the part from `at` on (a new row)."""
    start, finish = _span(connection, row)
    if not start < at <= finish:
        raise ValidationError(
            tr(
                "An allocation from {start} to {finish} can only be cut after its first day; {at} is not.",
                start=day(start),
                finish=day(finish),
                at=day(at),
            )
        )
    first = {**row, "task_id": None, "start": start, "finish": at - timedelta(days=1)}
    second = {**row, "id": None, "uuid": new_uuid(), "task_id": None, "start": at, "finish": finish}
    return first, second


def _check_new_owner(connection: Connection, row: Row, person_id: int) -> None:
    name = name_of(connection, EntityKind.PERSON, person_id)
    if row["person_id"] == person_id:
        raise ValidationError(tr("This allocation is already {name}'s.", name=name))


# -- writing ------------------------------------------------------------------------------------------


def _write(connection: Connection, before: Sequence[Row], after: Sequence[Row]) -> AllocationEdit:
    """Replace `before` by `after` (rows without an id are inserted) and return the edit with full rows."""
    table = table_of(_KIND)
    existing = {row["id"]: row for row in before}
    ids: list[int] = []
    for values in after:
        old = existing.get(values.get("id"))
        row = validate(
            connection,
            _KIND,
            {key: value for key, value in values.items() if key != "id"},
            before=None if old is None else dict(old),
        )
        try:
            if old is None:
                key = connection.execute(insert(table).values(row)).inserted_primary_key
                assert key is not None
                ids.append(int(key[0]))
            else:
                connection.execute(update(table).where(table.c.id == old["id"]).values(_changed(old, row)))
                ids.append(old["id"])
        except IntegrityError as error:
            raise explain_integrity_error(_KIND, error) from None
    changes = Changes.of(
        created={_KIND: [row_id for row_id in ids if row_id not in existing]},
        updated={_KIND: [row_id for row_id in ids if row_id in existing]},
    )
    written = tuple(_fetch(connection, row_id) for row_id in ids)
    return AllocationEdit(tuple(dict(row) for row in before), written, changes)


def _changed(old: Row, new: Row) -> dict[str, Any]:
    return {key: value for key, value in new.items() if key not in _FIXED_COLUMNS and value != old.get(key)}


def _replace(connection: Connection, current: Sequence[Row], target: Sequence[Row]) -> Changes:
    """Make the allocations of `current` and `target` read as `target`: delete, update and re-insert."""
    table = table_of(_KIND)
    wanted = {row["id"]: row for row in target}
    present = {row["id"] for row in current}
    gone = [row_id for row_id in present if row_id not in wanted]
    if gone:
        connection.execute(delete(table).where(table.c.id.in_(gone)))
    created, updated = [], []
    for row_id, row in wanted.items():
        clean = validate(connection, _KIND, dict(row), before=None)
        try:
            if row_id in present:
                _require(connection, row_id)
                values = {key: value for key, value in clean.items() if key not in _FIXED_COLUMNS}
                connection.execute(update(table).where(table.c.id == row_id).values(values))
                updated.append(row_id)
            else:
                connection.execute(insert(table).values({**clean, "id": row_id}))
                connection.execute(delete(Tombstone).where(Tombstone.uuid == row["uuid"]))
                created.append(row_id)
        except IntegrityError as error:
            raise explain_integrity_error(_KIND, error) from None
    return Changes.of(created={_KIND: created}, updated={_KIND: updated}, deleted={_KIND: gone})


def _require(connection: Connection, row_id: int) -> None:
    table = table_of(_KIND)
    if connection.execute(select(table.c.id).where(table.c.id == row_id)).first() is None:
        raise NotFoundError(tr("This allocation no longer exists."))

"""Create, change and delete one record, undoably. Ids and UUIDs stay stable across undo and redo.

Undoing a create deletes the record and keeps the delete's snapshot; redoing restores that snapshot, so the
record comes back with the same id and UUID and later commands that name it still find it.
"""

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import record_label
from pmo_desktop.i18n import tr
from pmo_desktop.services.cascade import Snapshot
from pmo_desktop.services.labels import field_label, kind_label
from pmo_desktop.services.records import create_record, delete_record, get_record, restore_records, update_record

_MERGE_ID = 0x5EC0  # any id but -1; only mergeable UpdateRecordCommands return it


class CreateRecordCommand(DocumentCommand):
    """Add a record of `kind` with `values`; undo deletes it, redo restores it."""

    def __init__(
        self, document: Document, kind: EntityKind, values: Mapping[str, Any], text: str | None = None
    ) -> None:
        super().__init__(document, text or tr("Add {kind}", kind=kind_label(kind)))
        self._kind = kind
        self._values = dict(values)
        self._record_id: int | None = None
        self._snapshot: Snapshot | None = None

    @property
    def record_id(self) -> int | None:
        """The new record's id once the command has run."""
        return self._record_id

    def forward(self) -> Changes:
        workspace = self.document.workspace
        if self._snapshot is not None:
            return restore_records(workspace, self._snapshot)
        created = create_record(workspace, self._kind, self._values)
        self._record_id = created.id
        return created.changes

    def backward(self) -> Changes:
        assert self._record_id is not None, "undo before the first run"
        deleted = delete_record(self.document.workspace, self._kind, self._record_id)
        self._snapshot = deleted.snapshot
        return deleted.changes


class UpdateRecordCommand(DocumentCommand):
    """Change some fields of one record; the values they had are read when the command is built.

    With `mergeable`, consecutive changes of the same fields of the same record become one step (a slider
    or a drag); table edits leave it off so that each committed cell is its own undo step.
    """

    def __init__(
        self,
        document: Document,
        kind: EntityKind,
        record_id: int,
        values: Mapping[str, Any],
        text: str | None = None,
        *,
        mergeable: bool = False,
    ) -> None:
        super().__init__(document, text or _update_text(kind, values))
        record = get_record(document.workspace, kind, record_id)
        self._kind = kind
        self._record_id = record_id
        self._before = {field: record.values[field] for field in values}
        self._after = dict(values)
        self._mergeable = mergeable

    def forward(self) -> Changes:
        return update_record(self.document.workspace, self._kind, self._record_id, self._after)

    def backward(self) -> Changes:
        return update_record(self.document.workspace, self._kind, self._record_id, self._before)

    def id(self) -> int:
        return _MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateRecordCommand) or not self._same_target(other):
            return False
        self._after = dict(other._after)
        # Back where it started: Qt drops an obsolete command after a merge.
        self.setObsolete(self._after == self._before)
        return True

    def _same_target(self, other: "UpdateRecordCommand") -> bool:
        return (other._kind, other._record_id, other._after.keys()) == (self._kind, self._record_id, self._after.keys())


class DeleteRecordCommand(DocumentCommand):
    """Delete a record and what depends on it; undo puts all of it back with the same ids."""

    def __init__(self, document: Document, kind: EntityKind, record_id: int, text: str | None = None) -> None:
        record = get_record(document.workspace, kind, record_id)
        default = tr("Delete {kind} '{name}'", kind=kind_label(kind), name=record_label(record))
        super().__init__(document, text or default)
        self._kind = kind
        self._record_id = record_id
        self._snapshot: Snapshot | None = None

    def forward(self) -> Changes:
        deleted = delete_record(self.document.workspace, self._kind, self._record_id)
        self._snapshot = deleted.snapshot
        return deleted.changes

    def backward(self) -> Changes:
        assert self._snapshot is not None, "undo before the first run"
        return restore_records(self.document.workspace, self._snapshot)


def _update_text(kind: EntityKind, values: Mapping[str, Any]) -> str:
    """ "Change project name" for one field, "Edit project" for several."""
    if len(values) == 1:
        return tr("Change {kind} {field}", kind=kind_label(kind), field=field_label(next(iter(values))))
    return tr("Edit {kind}", kind=kind_label(kind))

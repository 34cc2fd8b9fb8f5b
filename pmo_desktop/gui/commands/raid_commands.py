"""Undoable edits of the RAID log: add an item, edit it (fields and task links), close it, reopen it.

Each command calls one service operation per direction. An edit's first run returns a `RaidEdit` holding
everything it changed (including the score history entry a score change appends), so undo reverts exactly
that and redo applies it again with the same ids; adding keeps the delete's snapshot for the same reason.
"""

from collections.abc import Collection, Mapping
from typing import Any

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services.cascade import Snapshot
from pmo_desktop.services.raid_operations import (
    RaidEdit,
    apply_raid_edit,
    close_raid_item,
    create_raid_item,
    edit_raid_item,
    reopen_raid_item,
    revert_raid_edit,
)
from pmo_desktop.services.records import delete_record, restore_records


class CreateRaidItemCommand(DocumentCommand):
    """Add a RAID item with `values`, linked to `link` (task ids); undo deletes it, redo restores it."""

    def __init__(self, document: Document, values: Mapping[str, Any], link: Collection[int] = ()) -> None:
        super().__init__(document, tr("Add RAID item '{title}'", title=values.get("title", "")))
        self._values = dict(values)
        self._link = tuple(link)
        self._item_id: int | None = None
        self._snapshot: Snapshot | None = None

    @property
    def item_id(self) -> int | None:
        """The new item's id once the command has run."""
        return self._item_id

    def forward(self) -> Changes:
        workspace = self.document.workspace
        if self._snapshot is not None:
            return restore_records(workspace, self._snapshot)
        created = create_raid_item(workspace, self._values, link=self._link)
        self._item_id = created.id
        return created.changes

    def backward(self) -> Changes:
        assert self._item_id is not None, "undo before the first run"
        deleted = delete_record(self.document.workspace, EntityKind.RAID_ITEM, self._item_id)
        self._snapshot = deleted.snapshot
        return deleted.changes


class _RaidEditCommand(DocumentCommand):
    """An edit whose first run is a service call returning `RaidEdit`; undo and redo replay that record."""

    def __init__(self, document: Document, item_id: int, text: str) -> None:
        super().__init__(document, text)
        self._item_id = item_id
        self._edit: RaidEdit | None = None

    @property
    def edit(self) -> RaidEdit | None:
        """What the edit changed, once it has run."""
        return self._edit

    def first_run(self) -> RaidEdit:
        raise NotImplementedError

    def forward(self) -> Changes:
        if self._edit is None:
            self._edit = self.first_run()
            return self._edit.changes
        return apply_raid_edit(self.document.workspace, self._edit)

    def backward(self) -> Changes:
        assert self._edit is not None, "undo before the first run"
        return revert_raid_edit(self.document.workspace, self._edit)


class EditRaidItemCommand(_RaidEditCommand):
    """Change fields of an item and link or unlink tasks; a score change appends to its history."""

    def __init__(
        self,
        document: Document,
        item_id: int,
        reference: str,
        values: Mapping[str, Any],
        *,
        link: Collection[int] = (),
        unlink: Collection[int] = (),
    ) -> None:
        super().__init__(document, item_id, tr("Edit {item}", item=reference))
        self._values = dict(values)
        self._link = tuple(link)
        self._unlink = tuple(unlink)

    def first_run(self) -> RaidEdit:
        return edit_raid_item(
            self.document.workspace, self._item_id, self._values, link=self._link, unlink=self._unlink
        )


class CloseRaidItemCommand(_RaidEditCommand):
    """Close an item with a closure note."""

    def __init__(self, document: Document, item_id: int, reference: str, note: str) -> None:
        super().__init__(document, item_id, tr("Close {item}", item=reference))
        self._note = note

    def first_run(self) -> RaidEdit:
        return close_raid_item(self.document.workspace, self._item_id, self._note)


class ReopenRaidItemCommand(_RaidEditCommand):
    """Open a closed item again."""

    def __init__(self, document: Document, item_id: int, reference: str) -> None:
        super().__init__(document, item_id, tr("Reopen {item}", item=reference))

    def first_run(self) -> RaidEdit:
        return reopen_raid_item(self.document.workspace, self._item_id)

"""Undoable allocation edits beyond create, change and delete: split one at a week, move (part of) one to
another person.

Each command runs its service operation once and keeps the `AllocationEdit` it returns; undo writes the
rows back as they were, redo writes the result again with the same ids and UUIDs, so a later command that
names a row the split created still finds it.
"""

from datetime import date

from pmo_desktop.domain.changes import Changes
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import format_date
from pmo_desktop.i18n import tr
from pmo_desktop.services.allocation_operations import (
    AllocationEdit,
    reapply_allocation_edit,
    reassign_allocation,
    revert_allocation_edit,
    split_allocation,
)


class _AllocationEditCommand(DocumentCommand):
    """Runs `first_run` once, then swaps between the edit's before and after rows."""

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(document, text)
        self._edit: AllocationEdit | None = None

    @property
    def created_ids(self) -> tuple[int, ...]:
        """The allocations the command added (empty before it ran)."""
        return self._edit.created_ids if self._edit is not None else ()

    def first_run(self) -> AllocationEdit:
        raise NotImplementedError

    def forward(self) -> Changes:
        if self._edit is None:
            self._edit = self.first_run()
            return self._edit.changes
        return reapply_allocation_edit(self.document.workspace, self._edit)

    def backward(self) -> Changes:
        assert self._edit is not None, "undo before the first run"
        return revert_allocation_edit(self.document.workspace, self._edit)


class SplitAllocationCommand(_AllocationEditCommand):
    """Cut an allocation in two at `at` (the first day of a week or month)."""

    def __init__(self, document: Document, allocation_id: int, at: date) -> None:
        super().__init__(document, tr("Split allocation at {day}", day=format_date(at)))
        self._allocation_id = allocation_id
        self._at = at

    def first_run(self) -> AllocationEdit:
        return split_allocation(self.document.workspace, self._allocation_id, self._at)


class MoveAllocationCommand(_AllocationEditCommand):
    """Give an allocation, or part of it (from `start`, `amount` of it), to another person."""

    def __init__(
        self,
        document: Document,
        allocation_id: int,
        person_id: int,
        *,
        start: date | None = None,
        amount: float | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(document, text or tr("Move allocation"))
        self._allocation_id = allocation_id
        self._person_id = person_id
        self._start = start
        self._amount = amount

    def first_run(self) -> AllocationEdit:
        return reassign_allocation(
            self.document.workspace, self._allocation_id, self._person_id, start=self._start, amount=self._amount
        )

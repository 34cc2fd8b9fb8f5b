"""Undoable portfolio edits that change several records at once, as ONE undo step each.

`BatchCommand` runs one portfolio operation the first time (save a project with its objectives, a person
with their time off, the settings with their holidays, a budget grid, a deactivation); that operation
returns the batch that undoes it. Undo applies that batch, redo applies the batch the undo returned: each
step is exactly one call of `apply_edits`, and ids and UUIDs survive every round trip.
"""

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from pmo_desktop.domain.changes import Changes
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services import portfolio_operations as operations
from pmo_desktop.services.portfolio_batch import Applied, Edit, apply_edits


class BatchCommand(DocumentCommand):
    """Run `operation` once; undo and redo apply the batches it and its undo return."""

    def __init__(self, document: Document, text: str, operation: Callable[[], Applied]) -> None:
        super().__init__(document, text)
        self._operation: Callable[[], Applied] | None = operation
        self._redo: tuple[Edit, ...] = ()
        self._undo: tuple[Edit, ...] = ()
        self.created: tuple[int, ...] = ()
        """Ids the first run created, in the order of the operation's creates (a new record is first)."""

    def forward(self) -> Changes:
        workspace = self.document.workspace
        if self._operation is not None:
            applied = self._operation()
            self._operation = None
            self.created = applied.created
        else:
            applied = apply_edits(workspace, self._redo)
        self._undo = applied.inverse
        return applied.changes

    def backward(self) -> Changes:
        applied = apply_edits(self.document.workspace, self._undo)
        self._redo = applied.inverse
        return applied.changes


def _text(record_id: int | None, new: str, edit: str, name: str) -> str:
    return tr(new, name=name) if record_id is None else tr(edit, name=name)


def save_project_command(
    document: Document, project_id: int | None, values: Mapping[str, Any], weights: Mapping[int, int], name: str
) -> BatchCommand:
    text = _text(project_id, "Add project '{name}'", "Edit project '{name}'", name)
    workspace = document.workspace
    return BatchCommand(document, text, lambda: operations.save_project(workspace, project_id, values, weights))


def save_programme_command(
    document: Document, programme_id: int | None, values: Mapping[str, Any], objectives: Sequence[int], name: str
) -> BatchCommand:
    text = _text(programme_id, "Add programme '{name}'", "Edit programme '{name}'", name)
    workspace = document.workspace
    return BatchCommand(document, text, lambda: operations.save_programme(workspace, programme_id, values, objectives))


def save_person_command(
    document: Document,
    person_id: int | None,
    values: Mapping[str, Any],
    time_off: Sequence[operations.TimeOffEntry],
    name: str,
) -> BatchCommand:
    text = _text(person_id, "Add person '{name}'", "Edit person '{name}'", name)
    workspace = document.workspace
    return BatchCommand(document, text, lambda: operations.save_person(workspace, person_id, values, time_off))


def deactivate_person_command(document: Document, person_id: int, last_day: date, name: str) -> BatchCommand:
    workspace = document.workspace
    return BatchCommand(
        document,
        tr("Deactivate '{name}'", name=name),
        lambda: operations.deactivate_person(workspace, person_id, last_day),
    )


def save_settings_command(
    document: Document, values: Mapping[str, Any], holidays: Sequence[operations.HolidayEntry]
) -> BatchCommand:
    workspace = document.workspace
    return BatchCommand(
        document, tr("Edit portfolio settings"), lambda: operations.save_settings(workspace, values, holidays)
    )


def save_budget_command(document: Document, project_id: int, grid: operations.BudgetGrid, code: str) -> BatchCommand:
    workspace = document.workspace
    return BatchCommand(
        document,
        tr("Edit budget of '{code}'", code=code),
        lambda: operations.save_budget_grid(workspace, project_id, grid),
    )

"""The register's edits: open the editor (or ask for a closure note), then run one undo command.

Every gesture ends in `Document.run`, so a refusal is reported by the document and never reaches the undo
stack; the editor itself refuses invalid values inline before anything is run.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QWidget

from pmo_desktop.domain.enums import EntityKind, RaidKind
from pmo_desktop.gui.commands.raid_commands import (
    CloseRaidItemCommand,
    CreateRaidItemCommand,
    EditRaidItemCommand,
    ReopenRaidItemCommand,
)
from pmo_desktop.gui.commands.record_commands import DeleteRecordCommand
from pmo_desktop.gui.dialogs.raid_item_dialog import RaidItemDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.raid_table_model import RaidTableModel
from pmo_desktop.i18n import tr

KIND_NOUNS = {
    RaidKind.RISK: "risk",
    RaidKind.ASSUMPTION: "assumption",
    RaidKind.ISSUE: "issue",
    RaidKind.DECISION: "decision",
}


class RaidActions(QObject):
    """Adds, edits, closes, reopens and deletes RAID items for one view.

    Signals:
        item_saved(int): an item was added or changed; the argument is its id (the view selects it).
    """

    item_saved = Signal(int)

    def __init__(self, document: Document, model: RaidTableModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._document = document
        self._model = model
        self._parent = parent

    def create(self, kind: RaidKind, project_id: int | None = None) -> int | None:
        """Open the editor on a new item of `kind`; returns the new id once it is saved."""
        dialog = RaidItemDialog(self._document.workspace, kind=kind, project_id=project_id, parent=self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.draft is None:
            return None
        command = CreateRaidItemCommand(self._document, dialog.draft.values, dialog.draft.link)
        if not self._document.run(command) or command.item_id is None:
            return None
        self.item_saved.emit(command.item_id)
        return command.item_id

    def edit(self, item_id: int) -> bool:
        """Open the editor on `item_id` (read-only when the file is); True when a change was saved."""
        read_only = self._document.read_only
        dialog = RaidItemDialog(self._document.workspace, item_id=item_id, read_only=read_only, parent=self._parent)
        draft = dialog.draft if dialog.exec() == QDialog.DialogCode.Accepted else None
        if draft is None or draft.is_empty:
            return False
        command = EditRaidItemCommand(
            self._document, item_id, self._reference(item_id), draft.values, link=draft.link, unlink=draft.unlink
        )
        saved = self._document.run(command)
        if saved:
            self.item_saved.emit(item_id)
        return saved

    def close_item(self, item_id: int) -> bool:
        """Ask why the item can be closed, then close it with that note."""
        reference = self._reference(item_id)
        note, accepted = QInputDialog.getMultiLineText(
            self._parent,
            tr("Close {item}", item=reference),
            tr("Why can {item} be closed? This is kept as its closure note.", item=reference),
        )
        if not accepted:
            return False
        return self._document.run(CloseRaidItemCommand(self._document, item_id, reference, note))

    def reopen(self, item_id: int) -> bool:
        return self._document.run(ReopenRaidItemCommand(self._document, item_id, self._reference(item_id)))

    def delete(self, item_id: int) -> bool:
        """Delete the item with its history and links (undo brings all of it back)."""
        text = tr("Delete {item}", item=self._reference(item_id))
        return self._document.run(DeleteRecordCommand(self._document, EntityKind.RAID_ITEM, item_id, text))

    def menu_for(self, item_id: int | None, parent: QWidget) -> QMenu:
        """The context menu of a register row (or of the empty table, for adding)."""
        menu = QMenu(parent)
        editable = not self._document.read_only
        position = None if item_id is None else self._model.row_of(item_id)
        if item_id is not None and position is not None:
            row = self._model.row_at(position)
            self._add(menu, tr("Open {item}…", item=row.human_id), lambda: self.edit(item_id))
            menu.addSeparator()
            if row.is_open:
                self._add(menu, tr("Close {item}…", item=row.human_id), lambda: self.close_item(item_id), editable)
            else:
                self._add(menu, tr("Reopen {item}", item=row.human_id), lambda: self.reopen(item_id), editable)
            self._add(menu, tr("Delete {item}", item=row.human_id), lambda: self.delete(item_id), editable)
            menu.addSeparator()
        for kind, noun in KIND_NOUNS.items():
            self._add(menu, tr("New {kind}…", kind=tr(noun)), lambda kind=kind: self.create(kind), editable)
        return menu

    def _add(self, menu: QMenu, text: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
        action = menu.addAction(text)
        action.setEnabled(enabled)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _reference(self, item_id: int) -> str:
        row = self._model.row_of(item_id)
        return self._model.row_at(row).human_id if row is not None else tr("the item")

"""Helpers of the portfolio editor tests: find demo records by name, accept a dialog, read what it did."""

from typing import Any

from PySide6.QtWidgets import QDialog

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.services.records import Record, list_records


def record(document: Document, kind: EntityKind, **where: Any) -> Record:
    """The one record of `kind` whose fields equal `where`."""
    found = [
        item
        for item in list_records(document.workspace, kind)
        if all(item[key] == value for key, value in where.items())
    ]
    assert len(found) == 1, f"{len(found)} {kind} records match {where}"
    return found[0]


def accept(dialog: FormDialog) -> bool:
    """Press OK; True when the dialog closed (the edit was carried out or nothing changed)."""
    dialog.accept()
    return dialog.result() == QDialog.DialogCode.Accepted


def refused(dialog: FormDialog, document: Document) -> str:
    """Press OK expecting a refusal: the dialog stays open, nothing reaches the undo stack; return the sentence."""
    depth = document.undo_stack.count()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert document.undo_stack.count() == depth
    assert dialog.error_text
    return dialog.error_text


def undo_redo(document: Document) -> None:
    """Undo the last edit and redo it (the caller checks the state in between and after)."""
    document.undo_stack.undo()
    document.undo_stack.redo()

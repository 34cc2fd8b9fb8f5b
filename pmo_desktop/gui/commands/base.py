"""The base of every undoable edit: one service operation forward, one back, each returning `Changes`.

Orange-canvas-core style: a command captures what it needs when it is built; `redo` and `undo` each call
exactly one service operation and hand the `Changes` to the document. `Document.run` calls `execute` once
before pushing, so the stack's own first `redo` has nothing left to do.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.document import Document


class DocumentCommand(QUndoCommand):
    """An edit of one document; subclasses implement `forward` and `backward`."""

    def __init__(self, document: Document, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._skip_next_redo = False

    @property
    def document(self) -> Document:
        return self._document

    def forward(self) -> Changes:
        """Do (or redo) the edit with one service call. May raise `PmoError`."""
        raise NotImplementedError

    def backward(self) -> Changes:
        """Undo the edit with one service call. May raise `PmoError`."""
        raise NotImplementedError

    def execute(self) -> Changes:
        """The first run, before the push; a `PmoError` propagates so the document keeps it off the stack."""
        changes = self.forward()
        self._skip_next_redo = True
        self._document.apply(changes)
        return changes

    def redo(self) -> None:
        if self._skip_next_redo:
            # QUndoStack.push calls redo; execute() already did the work.
            self._skip_next_redo = False
            return
        self._step(self.forward)

    def undo(self) -> None:
        self._step(self.backward)

    def _step(self, operation: Callable[[], Changes]) -> None:
        try:
            changes = operation()
        except PmoError as error:
            # QUndoStack deletes a command that turns obsolete in undo() or redo(), so a step that can no
            # longer be carried out (its record was changed elsewhere) leaves no broken entry behind.
            self.setObsolete(True)
            self._document.report(error)
            return
        self._document.apply(changes)

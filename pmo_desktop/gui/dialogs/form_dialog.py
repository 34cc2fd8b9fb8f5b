"""The frame of every portfolio editor: a Designer form, an inline refusal, OK and Cancel.

OK builds the editor's ONE undo command and runs it. A refusal (a `PmoError` from reading the fields or from
the service) is shown in the dialog, which stays open with everything the user typed; only a carried-out
edit closes it. The command goes on the document's undo stack like every other edit.
"""

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.ui_loader import child, load_form
from pmo_desktop.i18n import tr
from pmo_desktop.resources import resource_path

W = TypeVar("W", bound=QObject)


def run_command(document: Document, command: DocumentCommand) -> str | None:
    """Carry out `command` and push it; return the refusal's sentence instead of reporting it."""
    try:
        changes = command.execute()
    except PmoError as error:
        return str(error)
    if not changes.is_empty:
        document.undo_stack.push(command)
    return None


class FormDialog(QDialog):
    """A dialog around the form `FORM`; subclasses fill it in `__init__` and build the edit in `command`.

    Signals: only those of QDialog.
    """

    FORM = ""

    def __init__(self, document: Document, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formDialog")
        self.setWindowTitle(title)
        self.setStyleSheet(resource_path("styles/portfolio.qss").read_text(encoding="utf-8"))
        self.document = document
        self.form = load_form(self.FORM, self)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.carried_out: DocumentCommand | None = None
        """The command OK carried out, once the dialog was accepted with a change."""

    def field(self, kind: type[W], name: str) -> W:
        """The form's widget `name` (raises for a name the form does not have)."""
        return child(self.form, kind, name)

    @property
    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def command(self) -> DocumentCommand | None:
        """The edit the fields ask for, or None when nothing changed; may raise `PmoError`."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def accept(self) -> None:
        if self.document.read_only:
            self.show_error(
                tr("'{name}' is open read-only; use Save As to edit a copy.", name=self.document.display_name)
            )
            return
        try:
            command = self.command()
        except PmoError as error:
            self.show_error(str(error))
            return
        if command is not None:
            refusal = run_command(self.document, command)
            if refusal is not None:
                self.show_error(refusal)
                return
            self.carried_out = command
        super().accept()

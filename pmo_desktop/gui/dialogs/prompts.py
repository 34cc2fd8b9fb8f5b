"""The questions around saving and closing: unsaved changes, a file changed on disk, a refused file."""

from enum import Enum

from PySide6.QtWidgets import QWidget

from pmo_desktop.gui.dialogs.message_box import Button, ButtonRole, Choice, Icon, ask, tell
from pmo_desktop.i18n import tr


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ConflictChoice(Enum):
    OVERWRITE = "overwrite"
    SAVE_AS = "save_as"
    CANCEL = "cancel"


def ask_unsaved_changes(parent: QWidget | None, name: str) -> UnsavedChoice:
    """Save / Discard / Cancel before the portfolio `name` is closed."""
    return ask(
        parent,
        Icon.Warning,
        tr("Unsaved changes"),
        tr("Save the changes to '{name}' before closing?", name=name),
        [
            Choice(Button.Save, UnsavedChoice.SAVE),
            Choice(Button.Discard, UnsavedChoice.DISCARD),
            Choice(Button.Cancel, UnsavedChoice.CANCEL),
        ],
        escape=UnsavedChoice.CANCEL,
        informative=tr("If you don't save, your changes since the last save are lost."),
    )


def ask_changed_on_disk(parent: QWidget | None, message: str) -> ConflictChoice:
    """Overwrite / Save As / Cancel when someone else changed the file since it was opened."""
    return ask(
        parent,
        Icon.Warning,
        tr("File changed on disk"),
        message,
        [
            Choice(tr("Save As…"), ConflictChoice.SAVE_AS),
            Choice(tr("Overwrite"), ConflictChoice.OVERWRITE, ButtonRole.DestructiveRole),
            Choice(Button.Cancel, ConflictChoice.CANCEL),
        ],
        escape=ConflictChoice.CANCEL,
        informative=tr("Overwriting replaces their changes with yours. Save As keeps both."),
    )


def show_refused(parent: QWidget | None, message: str) -> None:
    """A file could not be opened; `message` is the core's one sentence. The file was not touched."""
    tell(parent, Icon.Warning, tr("Cannot open file"), message)


def show_failure(parent: QWidget | None, title: str, message: str) -> None:
    """An action the user asked for did not happen (a save, an edit); `message` says why."""
    tell(parent, Icon.Warning, title, message)

"""The dialog for a bug: an exception nobody expected, shown instead of a silent crash."""

from PySide6.QtWidgets import QWidget

from pmo_desktop.gui.dialogs.message_box import Icon, tell
from pmo_desktop.i18n import tr


def show_unexpected_error(parent: QWidget | None, summary: str, details: str) -> None:
    """Say that something went wrong, that edits are safe in the working copy, and offer the traceback."""
    tell(
        parent,
        Icon.Critical,
        tr("Unexpected error"),
        tr("Something went wrong: {summary}", summary=summary),
        informative=tr(
            "Your edits so far are kept in the working copy. Save your work, and please report this "
            "with the details below."
        ),
        details=details,
    )


def show_user_error(parent: QWidget | None, message: str) -> None:
    """A user-caused error that escaped its handler: the one sentence is enough."""
    tell(parent, Icon.Warning, tr("Not possible"), message)

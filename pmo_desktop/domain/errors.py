"""Errors a user can cause, each carrying one sentence written for that user.

The GUI shows `str(error)` in a dialog or inline; the CLI prints it on one line and exits non-zero.
Anything that is not a `PmoError` is a bug and is reported as such.
"""


class PmoError(Exception):
    """Base of every error whose message is meant for the user."""


class ValidationError(PmoError):
    """A value the user entered is refused (a bad date, a negative capacity, an unknown owner)."""


class NotFoundError(PmoError):
    """The record the user acted on no longer exists (deleted elsewhere, or by an undo)."""


class FileRefusedError(PmoError):
    """A file cannot be opened as a portfolio: not ours, broken, hostile or too new. It was not modified."""


class FileLockedError(PmoError):
    """Someone else has the portfolio open; carries who, where and since when."""

    def __init__(self, message: str, owner: str, host: str, since: str) -> None:
        super().__init__(message)
        self.owner = owner
        self.host = host
        self.since = since


class SaveError(PmoError):
    """Saving failed; the file on disk is unchanged and the edits are still in the working copy."""


class FileChangedOnDiskError(SaveError):
    """The target was changed by someone else since it was opened; saving would overwrite their work."""


class CycleError(ValidationError):
    """A dependency would close a loop; the message names the tasks in it."""

"""Someone else has the portfolio open: offer to open it read-only or as a copy (DESIGN.md section 2)."""

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QWidget

from pmo_desktop.domain.errors import FileLockedError
from pmo_desktop.gui.dialogs.message_box import Button, Choice, Icon, ask
from pmo_desktop.gui.formatting import format_date
from pmo_desktop.i18n import tr
from pmo_desktop.services.workspace import OpenMode


def ask_locked_file(parent: QWidget | None, path: Path, error: FileLockedError) -> OpenMode | None:
    """Open Read-Only, Open a Copy, or Cancel (None)."""
    choices: list[Choice[OpenMode | None]] = [
        Choice(tr("Open Read-Only"), OpenMode.READ_ONLY),
        Choice(tr("Open a Copy"), OpenMode.COPY),
        Choice(Button.Cancel, None),
    ]
    return ask(
        parent,
        Icon.Information,
        tr("Portfolio in use"),
        lock_sentence(path, error),
        choices,
        escape=None,
        informative=tr(
            "Read-only lets you look without changing their file. A copy is yours to edit and save elsewhere."
        ),
    )


def lock_sentence(path: Path, error: FileLockedError) -> str:
    """ "'x.pmo' is open by Alice on host-1 since 3 Feb 2026 09:14." with the time in local time."""
    return tr(
        "'{name}' is open by {owner} on {host} since {since}.",
        name=path.name,
        owner=error.owner,
        host=error.host,
        since=_local_time(error.since),
    )


def _local_time(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp or tr("an unknown time")
    return f"{format_date(moment.date())} {moment:%H:%M}"

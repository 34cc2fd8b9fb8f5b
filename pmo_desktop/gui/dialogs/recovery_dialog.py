"""The question at start-up when a crashed session left unsaved work: Recover, Discard or decide Later."""

from datetime import datetime
from enum import Enum

from PySide6.QtWidgets import QWidget

from pmo_desktop.gui.dialogs.message_box import ButtonRole, Choice, Icon, ask
from pmo_desktop.gui.formatting import format_date
from pmo_desktop.i18n import tr
from pmo_desktop.services.workspace import RecoveryCandidate


class RecoveryChoice(Enum):
    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"


def ask_recovery(parent: QWidget | None, candidate: RecoveryCandidate) -> RecoveryChoice:
    """Ask about one crashed session; Later keeps it for the next launch."""
    return ask(
        parent,
        Icon.Question,
        tr("Recover unsaved work"),
        tr(
            "PMO Desktop closed unexpectedly while '{name}' had unsaved changes (opened {when}).",
            name=candidate.display_name,
            when=_when(candidate.opened_at),
        ),
        [
            Choice(tr("Recover"), RecoveryChoice.RECOVER),
            Choice(tr("Discard"), RecoveryChoice.DISCARD, ButtonRole.DestructiveRole),
            Choice(tr("Later"), RecoveryChoice.LATER, ButtonRole.RejectRole),
        ],
        escape=RecoveryChoice.LATER,
        informative=tr("Recover opens those changes so you can save them. Discard throws them away for good."),
    )


def _when(stamp: str) -> str:
    try:
        moment = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{format_date(moment.date())} {moment:%H:%M}"

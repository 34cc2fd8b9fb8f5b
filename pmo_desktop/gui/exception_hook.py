"""Exceptions nobody caught reach the user as a dialog, not a silent crash or a trace in a console.

PySide reports an exception raised in a slot or a Qt virtual through `sys.excepthook`, so one hook covers
the whole event loop. A `PmoError` that escaped its handler is still a sentence for the user; anything else
is a bug and the dialog carries the traceback for the report.
"""

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication

from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.dialogs.error_dialog import show_unexpected_error, show_user_error

_log = logging.getLogger(__name__)


class UnexpectedErrorHook:
    """A `sys.excepthook` that logs the error and shows it; an error raised while showing is only logged."""

    def __init__(self) -> None:
        self._showing = False

    def __call__(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        _log.error("Unexpected error", exc_info=(kind, error, trace))
        if self._showing:
            return
        self._showing = True
        try:
            parent = QApplication.activeWindow()
            if isinstance(error, PmoError):
                show_user_error(parent, str(error))
            else:
                details = "".join(traceback.format_exception(kind, error, trace))
                show_unexpected_error(parent, f"{kind.__name__}: {error}", details)
        finally:
            self._showing = False


def install_exception_hook() -> UnexpectedErrorHook:
    hook = UnexpectedErrorHook()
    sys.excepthook = hook
    return hook

"""The main window's size, position and current view, remembered between sessions in QSettings."""

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QMainWindow

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_VIEW = "window/view"
DEFAULT_SIZE = QSize(1400, 900)
_SCREEN_SHARE = 0.9  # a first window never covers a small screen entirely


def restore_window(window: QMainWindow, settings: QSettings) -> None:
    """Put the window back where it was; the first time, give it a comfortable size."""
    geometry = settings.value(_GEOMETRY)
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        available = window.screen().availableGeometry().size()
        window.resize(DEFAULT_SIZE.boundedTo(available * _SCREEN_SHARE))
    state = settings.value(_STATE)
    if isinstance(state, QByteArray):
        window.restoreState(state)


def save_window(window: QMainWindow, settings: QSettings) -> None:
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())


def saved_view(settings: QSettings) -> int:
    """The index of the view that was showing last time (0, the portfolio, at first)."""
    value = settings.value(_VIEW, 0, type=int)
    return value if isinstance(value, int) else 0


def save_view(settings: QSettings, index: int) -> None:
    settings.setValue(_VIEW, index)

"""Help > About: what this is and the versions of everything it runs on (for bug reports)."""

import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import QSize, qVersion
from PySide6.QtWidgets import QApplication, QWidget

from pmo_desktop import APP_NAME, __version__
from pmo_desktop.gui.dialogs.message_box import Icon, tell
from pmo_desktop.i18n import tr

_LOGO_SIZE = QSize(64, 64)


def versions() -> list[tuple[str, str]]:
    """(component, version) pairs of what the app runs on."""
    return [
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        ("SQLAlchemy", _installed("SQLAlchemy")),
    ]


def about_details() -> str:
    """The paragraph under the title: what the app is, then one line per component."""
    lines = [f"{name} {version}" for name, version in versions()]
    purpose = tr("Portfolio planning for project management offices, kept in one safe .pmo file.")
    return "\n".join([purpose, "", *lines])


def show_about(parent: QWidget | None) -> None:
    tell(
        parent,
        Icon.Information,
        tr("About {app}", app=APP_NAME),
        tr("{app} {version}", app=APP_NAME, version=__version__),
        informative=about_details(),
        pixmap=QApplication.windowIcon().pixmap(_LOGO_SIZE),
    )


def _installed(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return tr("not installed")

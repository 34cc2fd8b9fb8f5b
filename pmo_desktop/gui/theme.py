"""The app's look: Fusion with a light palette, the style sheet and the window icon from `resources/`.

Fusion looks the same on every platform, and a fixed light palette keeps the style sheet's light surfaces
from clashing with a dark desktop theme until the app has a dark theme of its own.
"""

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from pmo_desktop.resources import resource_path

_PALETTE = {
    QPalette.ColorRole.Window: "#f6f7f9",
    QPalette.ColorRole.WindowText: "#1f2933",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f7f9fb",
    QPalette.ColorRole.Text: "#1f2933",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#1f2933",
    QPalette.ColorRole.Highlight: "#d9e7fb",
    QPalette.ColorRole.HighlightedText: "#1f2933",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1f2933",
    QPalette.ColorRole.PlaceholderText: "#7b8794",
    QPalette.ColorRole.Link: "#1f4fd1",
}


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons/app.svg")))


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in _PALETTE.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(resource_path("styles/app.qss").read_text(encoding="utf-8"))
    app.setWindowIcon(app_icon())

"""What the window shows when no portfolio is open: the app's name and the three ways to get started."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from pmo_desktop.i18n import tr

_ICON_SIZE = QSize(96, 96)


class StartPage(QWidget):
    """A centred welcome with New, Open and Demo buttons.

    Signals:
        new_requested(): the user wants an empty portfolio.
        open_requested(): the user wants to pick a file.
        demo_requested(): the user wants a fresh copy of the demo portfolio.
    """

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        logo = QLabel(self)
        logo.setPixmap(icon.pixmap(_ICON_SIZE))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        title = QLabel(tr("No portfolio is open"), self)
        title.setObjectName("pageTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        hint = QLabel(tr("Start an empty portfolio, open a .pmo file, or explore the demo portfolio."), self)
        hint.setObjectName("pageSummary")
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (logo, title, hint):
            layout.addWidget(widget)
        layout.addSpacing(16)
        for text, signal in (
            (tr("New Portfolio"), self.new_requested),
            (tr("Open…"), self.open_requested),
            (tr("Open the Demo"), self.demo_requested),
        ):
            button = QPushButton(text, self)
            button.setMinimumWidth(220)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

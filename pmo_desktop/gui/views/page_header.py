"""The band above each view's table: a title and one line of counts, refreshed by the view."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PageHeader(QWidget):
    """A title and a summary line, styled by the application's style sheet (#pageTitle, #pageSummary).

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageHeader")
        # A plain QWidget subclass paints no style-sheet background unless asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._title = QLabel(self)
        self._title.setObjectName("pageTitle")
        self._summary = QLabel(self)
        self._summary.setObjectName("pageSummary")
        self._summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self._summary)

    @property
    def title(self) -> str:
        return self._title.text()

    @property
    def summary(self) -> str:
        return self._summary.text()

    def set_text(self, title: str, summary: str) -> None:
        self._title.setText(title)
        self._summary.setText(summary)

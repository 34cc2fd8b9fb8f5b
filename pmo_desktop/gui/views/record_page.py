"""A page of the workspace: a header with a title and counts over one record table.

Subclasses name the kind, the columns and the summary line; the page keeps the header current by
following `Document.changes_applied` for the kinds its summary counts.
"""

from typing import ClassVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.columns import Column
from pmo_desktop.gui.models.record_table_model import RecordTableModel
from pmo_desktop.gui.views.page_header import PageHeader
from pmo_desktop.gui.views.record_table_view import RecordTableView


class RecordPage(QWidget):
    """A header and a table of `KIND` records showing `COLUMNS`.

    Signals: none.
    """

    KIND: ClassVar[EntityKind]
    COLUMNS: ClassVar[tuple[Column, ...]]
    SUMMARY_KINDS: ClassVar[frozenset[EntityKind]] = frozenset()
    STRETCH_FIELD: ClassVar[str | None] = None

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.header = PageHeader(self)
        self.model = RecordTableModel(document, self.KIND, self.COLUMNS, self)
        self.table = RecordTableView(self.model, self, stretch_field=self.STRETCH_FIELD)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.body(), 1)
        document.changes_applied.connect(self._on_changes_applied)
        self.refresh_header()

    @property
    def document(self) -> Document:
        return self._document

    def body(self) -> QWidget:
        """What sits under the header; pages with more than the table override this."""
        return self.table

    def title(self) -> str:
        raise NotImplementedError

    def summary(self) -> str:
        raise NotImplementedError

    def refresh_header(self) -> None:
        self.header.set_text(self.title(), self.summary())

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.touches(self.KIND, *self.SUMMARY_KINDS):
            self.refresh_header()

"""The four views of an open portfolio as tabs: Portfolio, Gantt, Resources, Risks.

Built afresh for each document, so no model ever outlives the workspace it reads.
"""

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from pmo_desktop.gui.document import Document
from pmo_desktop.gui.views.gantt.gantt_view import GanttView
from pmo_desktop.gui.views.portfolio.portfolio_view import PortfolioView
from pmo_desktop.gui.views.resources.resources_view import ResourcesView
from pmo_desktop.gui.views.risks.risks_view import RisksView
from pmo_desktop.i18n import tr

VIEW_TITLES = ("Portfolio", "Gantt", "Resources", "Risks")
"""Untranslated tab titles, in tab order; the View menu offers the same list."""

_PAGES: tuple[Callable[[Document, QWidget], QWidget], ...] = (PortfolioView, GanttView, ResourcesView, RisksView)


class WorkspaceViews(QTabWidget):
    """The views of one document, one tab each.

    Signals: only those of QTabWidget (currentChanged tells which view is shown).
    """

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.pages: list[QWidget] = []
        for title, page_type in zip(VIEW_TITLES, _PAGES, strict=True):
            page = page_type(document, self)
            self.pages.append(page)
            self.addTab(page, tr(title))

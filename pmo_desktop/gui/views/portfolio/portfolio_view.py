"""The portfolio overview, the front page of an open portfolio: a header, the KPI tiles, and three panels:
the programmes > projects overview, strategic alignment, and people and roles.

Every figure is computed on `as_of` (today unless a test fixes the day). The Portfolio menu (`menu`) and the
context menus open the editors through `PortfolioActions`.
"""

from datetime import date

from PySide6.QtWidgets import QMenu, QTabWidget, QVBoxLayout, QWidget

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus, Stage
from pmo_desktop.gui.catch_up import CatchUp, follow_visibility
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import count_of, format_money, join_parts
from pmo_desktop.gui.models.overview_tree_model import OverviewTreeModel
from pmo_desktop.gui.portfolio_actions import PortfolioActions
from pmo_desktop.gui.views.page_header import PageHeader
from pmo_desktop.gui.views.portfolio.alignment_panel import AlignmentPanel
from pmo_desktop.gui.views.portfolio.kpi_strip import KpiStrip
from pmo_desktop.gui.views.portfolio.overview_panel import OverviewPanel
from pmo_desktop.gui.views.portfolio.people_panel import PeoplePanel
from pmo_desktop.i18n import tr
from pmo_desktop.resources import resource_path
from pmo_desktop.services.kpi_queries import PortfolioKpis
from pmo_desktop.services.records import list_records

_RUNNING = frozenset({Stage.ACTIVE, Stage.APPROVED})
_HEADER_KINDS = frozenset(
    {EntityKind.PORTFOLIO, EntityKind.PROJECT, EntityKind.PROGRAMME, EntityKind.PERSON, EntityKind.RAID_ITEM}
)


class PortfolioView(QWidget):
    """The front page of one document.

    Signals: none.
    """

    def __init__(self, document: Document, parent: QWidget | None = None, *, as_of: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioView")
        self.setStyleSheet(resource_path("styles/portfolio.qss").read_text(encoding="utf-8"))
        self._document = document
        self.header = PageHeader(self)
        self.actions = PortfolioActions(document, self, as_of)
        self.kpis = KpiStrip(document, as_of, self)
        self.overview = OverviewPanel(document, as_of, self)
        self.alignment = AlignmentPanel(document, self)
        self.people = PeoplePanel(document, self.actions, self)
        self.panels = QTabWidget(self)
        self.panels.setObjectName("portfolioPanels")
        self.panels.addTab(self.overview, tr("Programmes and projects"))
        self.panels.addTab(self.alignment, tr("Strategic alignment"))
        self.panels.addTab(self.people, tr("People and roles"))
        self.menu: QMenu = self.actions.menu(self)
        self._wire()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.kpis)
        layout.addWidget(self.panels, 1)
        self.refresh_header()
        self._header = CatchUp(self.refresh_header)
        follow_visibility(self, self._header)
        document.changes_applied.connect(self._on_changes_applied)

    @property
    def document(self) -> Document:
        return self._document

    @property
    def model(self) -> OverviewTreeModel:
        """The overview's model: programmes, then their projects."""
        return self.overview.model

    @property
    def figures(self) -> PortfolioKpis:
        return self.kpis.kpis

    def _wire(self) -> None:
        actions = self.actions
        actions.selection.project = self._selected_project
        actions.selection.programme = self.overview.current_programme_id
        self.overview.menu_builder = actions.fill_context_menu
        self.overview.project_activated.connect(actions.edit_project)
        self.overview.programme_activated.connect(actions.edit_programme)
        self.overview.selection_changed.connect(actions.update_enabled)
        self.alignment.project_activated.connect(actions.edit_project)
        self.alignment.objective_activated.connect(actions.edit_objective)
        self.panels.currentChanged.connect(lambda _index: actions.update_enabled())

    def _selected_project(self) -> int | None:
        if self.panels.currentWidget() is self.alignment:
            return self.alignment.current_project_id()
        return self.overview.current_project_id()

    def title(self) -> str:
        return self.model.overview.name or self._document.display_name

    def summary(self) -> str:
        workspace = self._document.workspace
        rows = list(self.model.overview.rows)
        running = sum(1 for row in rows if row.stage in _RUNNING)
        # list_records cannot filter on a column named `kind` (its own parameter), so risks are picked here.
        open_items = list_records(workspace, EntityKind.RAID_ITEM, status=RaidStatus.OPEN.value)
        open_risks = sum(1 for item in open_items if item["kind"] == RaidKind.RISK)
        budget = sum(row.budget_minor for row in rows)
        return join_parts(
            [
                count_of(len(rows), "project", "projects"),
                tr("{count} active or approved", count=running),
                count_of(len(list_records(workspace, EntityKind.PROGRAMME)), "programme", "programmes"),
                count_of(self.people.people_model.rowCount(), "person", "people"),
                count_of(open_risks, "open risk", "open risks"),
                tr("budget {amount}", amount=format_money(budget, self.model.overview.currency)),
            ]
        )

    def refresh_header(self) -> None:
        self.header.set_text(self.title(), self.summary())

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.kinds & _HEADER_KINDS and not self._header.deferred():
            self.refresh_header()
        self.actions.update_enabled()

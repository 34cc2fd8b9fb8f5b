"""The portfolio overview, for now: the portfolio's name, its headline counts and the table of projects.

Later issues add RAG, dates, progress and KPI tiles (DESIGN.md section 5); the table already edits in place.
"""

from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus, Stage
from pmo_desktop.gui.formatting import count_of, format_money, join_parts
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.views.record_page import RecordPage
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import list_records

_RUNNING = frozenset({Stage.ACTIVE, Stage.APPROVED})


class PortfolioView(RecordPage):
    """Projects with code, programme, stage, manager, budget and the tentative flag.

    Signals: none.
    """

    KIND = EntityKind.PROJECT
    COLUMNS = (
        columns.text("code", "Code"),
        columns.text("name", "Project"),
        columns.reference("programme_id", "Programme", EntityKind.PROGRAMME),
        columns.choice("stage", "Stage", Stage),
        columns.reference("manager_id", "Manager", EntityKind.PERSON),
        columns.money("budget_minor", "Budget"),
        columns.flag("tentative", "Tentative"),
    )
    STRETCH_FIELD = "name"
    SUMMARY_KINDS = frozenset({EntityKind.PORTFOLIO, EntityKind.PROGRAMME, EntityKind.PERSON, EntityKind.RAID_ITEM})

    def title(self) -> str:
        portfolio = list_records(self.document.workspace, EntityKind.PORTFOLIO)
        return str(portfolio[0]["name"]) if portfolio else self.document.display_name

    def summary(self) -> str:
        workspace = self.document.workspace
        projects = [self.model.record_at(row) for row in range(self.model.rowCount())]
        running = sum(1 for project in projects if project["stage"] in _RUNNING)
        budget = sum(int(project["budget_minor"]) for project in projects)
        portfolio = list_records(workspace, EntityKind.PORTFOLIO)
        currency = str(portfolio[0]["currency"]) if portfolio else ""
        # list_records cannot filter on a column named `kind` (its own parameter), so risks are picked here.
        open_items = list_records(workspace, EntityKind.RAID_ITEM, status=RaidStatus.OPEN.value)
        open_risks = [item for item in open_items if item["kind"] == RaidKind.RISK]
        return join_parts(
            [
                count_of(len(projects), "project", "projects"),
                tr("{count} active or approved", count=running),
                count_of(len(list_records(workspace, EntityKind.PROGRAMME)), "programme", "programmes"),
                count_of(len(list_records(workspace, EntityKind.PERSON)), "person", "people"),
                count_of(len(open_risks), "open risk", "open risks"),
                tr("budget {amount}", amount=format_money(budget, currency)),
            ]
        )

"""A project's budget lines as a grid of periods x categories, for the budget editor and the board pack.

The periods are the fiscal quarters the project's tasks span, plus the period of every stored line (a line
imported by month keeps its own column rather than being merged away). Quarters follow the portfolio's
fiscal year start.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from sqlalchemy import func, select

from pmo_desktop.domain.enums import BudgetCategory
from pmo_desktop.services.portfolio_operations import BudgetCell
from pmo_desktop.services.portfolio_settings import fiscal_quarter, read_settings
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import BudgetLine, Project, Task

CATEGORIES = (BudgetCategory.CAPEX, BudgetCategory.OPEX, BudgetCategory.LABOUR)


@dataclass(frozen=True)
class ProjectBudget:
    """The budget grid of one project; cells missing from `cells` are empty."""

    project_id: int
    code: str
    name: str
    budget_minor: int
    currency: str
    periods: tuple[date, ...]
    cells: Mapping[tuple[date, BudgetCategory], BudgetCell]

    def cell(self, period: date, category: BudgetCategory) -> BudgetCell:
        return self.cells.get((period, category), BudgetCell())

    def total(self, field: str) -> int:
        """The sum of `field` ("planned_minor", "actual_minor" or "forecast_minor") over every cell."""
        return sum(int(getattr(cell, field)) for cell in self.cells.values())


def project_budget(workspace: Workspace, project_id: int) -> ProjectBudget:
    with workspace.reading() as connection:
        settings = read_settings(connection)
        project = connection.execute(
            select(Project.code, Project.name, Project.budget_minor).where(Project.id == project_id)
        ).one()
        first, last = connection.execute(
            select(func.min(Task.start), func.max(Task.finish)).where(Task.project_id == project_id)
        ).one()
        rows = connection.execute(
            select(
                BudgetLine.period_start,
                BudgetLine.category,
                BudgetLine.planned_minor,
                BudgetLine.actual_minor,
                BudgetLine.forecast_minor,
            ).where(BudgetLine.project_id == project_id)
        ).all()
    cells = {(row.period_start, BudgetCategory(row.category)): BudgetCell(*row[2:]) for row in rows}
    periods = set(quarter_starts(first, last, settings.fiscal_year_start_month)) if first is not None else set()
    periods |= {period for period, _ in cells}
    return ProjectBudget(
        project_id,
        str(project.code),
        str(project.name),
        int(project.budget_minor),
        settings.currency,
        tuple(sorted(periods)),
        MappingProxyType(cells),
    )


def quarter_starts(first: date, last: date, fiscal_start_month: int) -> list[date]:
    """First days of the fiscal quarters from the one holding `first` to the one holding `last`."""
    starts = [fiscal_quarter(first, fiscal_start_month)[0]]
    while True:
        following = fiscal_quarter(starts[-1], fiscal_start_month)[1] + timedelta(days=1)
        if following > last:
            return starts
        starts.append(following)

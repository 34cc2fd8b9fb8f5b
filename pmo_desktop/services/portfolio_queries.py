"""The portfolio overview: programmes and their projects with dates, slip, progress, money, RAGs and objectives.

The front page of the app and the portfolio status table of the board pack read this one query. Every
figure is derived on `as_of` (default today) from one read of the file: see `portfolio_facts` for what is
read and `earned_value` and `status_queries` for how progress, slip, earned value and trends are defined.
Money is in minor units of the portfolio currency.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import Rag, Stage
from pmo_desktop.i18n import tr
from pmo_desktop.services.earned_value import EarnedValue, earned_value, slip_days
from pmo_desktop.services.portfolio_facts import PortfolioFacts, ProjectFacts, read_facts
from pmo_desktop.services.portfolio_settings import schedule_calendar
from pmo_desktop.services.status_queries import ProjectStatus, RagReading, rag_severity, read_statuses
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Objective, Person, Programme

IN_DELIVERY = frozenset({Stage.APPROVED, Stage.ACTIVE, Stage.ON_HOLD})
"""Stages of projects the portfolio is delivering: the ones its RAG and budget figures speak about."""


@dataclass(frozen=True)
class ObjectiveLink:
    """An objective a project serves, with the project's weight on it (percent)."""

    objective_id: int
    code: str
    title: str
    weight: int


@dataclass(frozen=True)
class OverviewRow:
    """One project of the overview."""

    project_id: int
    code: str
    name: str
    programme_id: int | None
    stage: Stage
    priority: int
    tentative: bool
    colour: str
    manager_id: int | None
    manager_name: str
    sponsor_id: int | None
    sponsor_name: str
    start: date | None
    forecast_finish: date | None
    baseline_finish: date | None
    baseline_name: str
    slip_days: int | None
    earned_value: EarnedValue
    planned_minor: int
    actual_minor: int
    forecast_minor: int | None
    """The sum of the forecasts of the budget lines; None for a project without budget lines."""
    status: ProjectStatus | None
    objectives: tuple[ObjectiveLink, ...]

    @property
    def percent_complete(self) -> float | None:
        return self.earned_value.percent_complete

    @property
    def budget_minor(self) -> int:
        return self.earned_value.budget_minor

    @property
    def budget_variance_minor(self) -> int | None:
        """Budget - forecast: negative when the project is forecast to overspend."""
        return None if self.forecast_minor is None else self.budget_minor - self.forecast_minor

    @property
    def over_budget(self) -> bool:
        return self.forecast_minor is not None and self.forecast_minor > self.budget_minor

    @property
    def in_delivery(self) -> bool:
        return self.stage in IN_DELIVERY

    @property
    def aligned(self) -> bool:
        """True when the project serves at least one objective with a weight above zero."""
        return any(link.weight > 0 for link in self.objectives)

    def reading(self, dimension: str) -> RagReading | None:
        """The RAG `dimension` ("overall", "schedule", ...) of the latest report, with its trend."""
        return None if self.status is None else self.status.reading(dimension)


@dataclass(frozen=True)
class ProgrammeGroup:
    """A programme and its projects; `programme_id` None groups the projects outside any programme."""

    programme_id: int | None
    name: str
    colour: str
    sponsor_name: str
    manager_name: str
    archived: bool
    rows: tuple[OverviewRow, ...]

    @property
    def budget_minor(self) -> int:
        return sum(row.budget_minor for row in self.rows)

    @property
    def actual_minor(self) -> int:
        return sum(row.actual_minor for row in self.rows)

    @property
    def forecast_minor(self) -> int:
        return sum(row.forecast_minor or 0 for row in self.rows)

    @property
    def start(self) -> date | None:
        return min((row.start for row in self.rows if row.start is not None), default=None)

    @property
    def forecast_finish(self) -> date | None:
        return max((row.forecast_finish for row in self.rows if row.forecast_finish is not None), default=None)

    @property
    def worst_overall(self) -> Rag | None:
        """The worst overall RAG among its projects in delivery."""
        rags = [row.status.latest.overall for row in self.rows if row.status is not None and row.in_delivery]
        return max(rags, key=rag_severity, default=None)


@dataclass(frozen=True)
class PortfolioOverview:
    """Programmes (by name, then the projects outside any) with their projects (by code)."""

    as_of: date
    name: str
    currency: str
    groups: tuple[ProgrammeGroup, ...]

    @property
    def rows(self) -> Iterator[OverviewRow]:
        for group in self.groups:
            yield from group.rows

    def row(self, project_id: int) -> OverviewRow:
        return next(row for row in self.rows if row.project_id == project_id)


def read_overview(connection: Connection, as_of: date, facts: PortfolioFacts | None = None) -> PortfolioOverview:
    """The overview inside an open read or transaction (from `facts` when the caller has read them already)."""
    facts = facts or read_facts(connection, as_of)
    calendar = schedule_calendar(facts.settings)
    statuses = read_statuses(connection, as_of)
    people = dict(connection.execute(select(Person.id, Person.name)).all())
    objectives = {row.id: row for row in connection.execute(select(Objective.id, Objective.code, Objective.title))}

    def overview_row(project: ProjectFacts) -> OverviewRow:
        baseline_finish = project.baseline.finish if project.baseline is not None else None
        links = tuple(
            ObjectiveLink(objective, objectives[objective].code, objectives[objective].title, weight)
            for objective, weight in project.objectives
        )
        return OverviewRow(
            project.id,
            project.code,
            project.name,
            project.programme_id,
            project.stage,
            project.priority,
            project.tentative,
            project.colour,
            project.manager_id,
            people.get(project.manager_id, "") if project.manager_id is not None else "",
            project.sponsor_id,
            people.get(project.sponsor_id, "") if project.sponsor_id is not None else "",
            project.start,
            project.finish,
            baseline_finish,
            project.baseline.name if project.baseline is not None else "",
            slip_days(project.finish, baseline_finish, calendar),
            earned_value(project, calendar, as_of),
            project.money.planned_minor,
            project.money.actual_minor,
            project.money.forecast_minor if project.money.lines else None,
            statuses.get(project.id),
            links,
        )

    rows = [overview_row(project) for project in facts.projects]
    groups = _groups(connection, rows, people)
    return PortfolioOverview(as_of, facts.settings.name, facts.settings.currency, groups)


def _groups(connection: Connection, rows: list[OverviewRow], people: dict[int, str]) -> tuple[ProgrammeGroup, ...]:
    programmes = connection.execute(
        select(
            Programme.id,
            Programme.name,
            Programme.colour,
            Programme.sponsor_id,
            Programme.manager_id,
            Programme.archived,
        ).order_by(Programme.name)
    ).all()
    groups = []
    for programme in programmes:
        members = tuple(row for row in rows if row.programme_id == programme.id)
        if programme.archived and not members:
            continue
        groups.append(
            ProgrammeGroup(
                int(programme.id),
                str(programme.name),
                str(programme.colour),
                people.get(programme.sponsor_id, "") if programme.sponsor_id is not None else "",
                people.get(programme.manager_id, "") if programme.manager_id is not None else "",
                bool(programme.archived),
                members,
            )
        )
    loose = tuple(row for row in rows if row.programme_id is None)
    if loose:
        groups.append(ProgrammeGroup(None, tr("No programme"), "#868E96", "", "", False, loose))
    return tuple(groups)


def portfolio_overview(workspace: Workspace, as_of: date | None = None) -> PortfolioOverview:
    """Programmes and their projects with every figure of the overview, on `as_of` (default today)."""
    with workspace.reading() as connection:
        return read_overview(connection, as_of or date.today())

"""One consistent read of what the portfolio queries derive their figures from, as plain per-project facts.

A handful of bulk Core selects (projects, tasks, the latest baseline of each project, budget totals, status
reports, objective links) run in one read, so the overview, the KPIs and the board pack all see the same
state of the file. Nothing here computes a figure; `portfolio_figures` and the queries do.

Definitions the figures rely on:
- A project's *leaf tasks* are its tasks without children, summaries excluded; its start and forecast
  finish are the earliest start and latest finish of all its tasks.
- A project's *baseline* is the latest baseline (by time taken, then id) holding any of its tasks.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, String, case, exists, func, select, type_coerce
from sqlalchemy.orm import aliased

from pmo_desktop.domain.enums import Stage, TaskKind
from pmo_desktop.services.portfolio_settings import PortfolioSettings, read_settings
from pmo_desktop.storage.models import (
    Baseline,
    BaselineProject,
    BaselineTask,
    BudgetLine,
    Project,
    ProjectObjective,
    Task,
)


@dataclass(frozen=True)
class LeafTask:
    """A task that carries work: no children, not a summary. Milestones have no duration."""

    id: int
    kind: TaskKind
    name: str
    start: date
    finish: date
    duration_days: int
    percent_complete: int


@dataclass(frozen=True)
class BaselineSpan:
    """A task's dates in a baseline."""

    start: date
    finish: date
    duration_days: int


@dataclass(frozen=True)
class ProjectBaseline:
    """The latest baseline holding the project: its spans by task id and the project budget it recorded."""

    id: int
    name: str
    taken_at: datetime
    spans: Mapping[int, BaselineSpan]
    budget_minor: int | None

    @property
    def finish(self) -> date:
        return max(span.finish for span in self.spans.values())


@dataclass(frozen=True)
class MoneyTotals:
    """Sums of a project's budget lines: planned and forecast over all periods, actual to date."""

    lines: int = 0
    planned_minor: int = 0
    actual_minor: int = 0
    forecast_minor: int = 0


@dataclass(frozen=True)
class ProjectFacts:
    """What the figures of one project are computed from."""

    id: int
    code: str
    name: str
    programme_id: int | None
    sponsor_id: int | None
    manager_id: int | None
    stage: Stage
    priority: int
    tentative: bool
    budget_minor: int
    colour: str
    start: date | None
    finish: date | None
    leaves: tuple[LeafTask, ...]
    baseline: ProjectBaseline | None
    money: MoneyTotals
    objectives: tuple[tuple[int, int], ...] = field(default=())
    """(objective id, weight in percent), by objective id."""


@dataclass(frozen=True)
class PortfolioFacts:
    """The facts of every project (in code order) and the settings they were read with."""

    settings: PortfolioSettings
    projects: tuple[ProjectFacts, ...]


def read_facts(connection: Connection, as_of: date) -> PortfolioFacts:
    """Everything the portfolio figures need, read in one go; actual money counts periods started by `as_of`."""
    spans = _spans(connection)
    leaves = _leaves(connection)
    baselines = _baselines(connection)
    money = _money(connection, as_of)
    links = _objective_links(connection)
    projects = connection.execute(
        select(
            Project.id,
            Project.code,
            Project.name,
            Project.programme_id,
            Project.sponsor_id,
            Project.manager_id,
            Project.stage,
            Project.priority,
            Project.tentative,
            Project.budget_minor,
            Project.colour,
        ).order_by(Project.code)
    ).all()
    facts = []
    for row in projects:
        project_id = int(row.id)
        first, last = spans.get(project_id, (None, None))
        facts.append(
            ProjectFacts(
                *row[:6],
                stage=Stage(row.stage),
                priority=int(row.priority),
                tentative=bool(row.tentative),
                budget_minor=int(row.budget_minor),
                colour=str(row.colour),
                start=first,
                finish=last,
                leaves=tuple(leaves.get(project_id, ())),
                baseline=baselines.get(project_id),
                money=money.get(project_id, MoneyTotals()),
                objectives=tuple(sorted(links.get(project_id, ()))),
            )
        )
    return PortfolioFacts(read_settings(connection), tuple(facts))


def _text(column: Any) -> Any:
    """A date or enum column read as the text the file stores: parsing it here is several times faster than
    SQLAlchemy's per-row result processing, which dominated reading a 10,000-task plan."""
    return type_coerce(column, String)


_KINDS = {kind.value: kind for kind in TaskKind}


def _spans(connection: Connection) -> dict[int, tuple[date, date]]:
    """By project: the earliest start and the latest finish of its tasks."""
    rows = connection.execute(
        select(Task.project_id, func.min(_text(Task.start)), func.max(_text(Task.finish))).group_by(Task.project_id)
    ).all()
    return {int(project): (date.fromisoformat(first), date.fromisoformat(last)) for project, first, last in rows}


def _leaves(connection: Connection) -> dict[int, list[LeafTask]]:
    """By project, its leaf tasks: tasks without children, summaries excluded."""
    child = aliased(Task)
    has_children = exists().where(child.parent_id == Task.id)
    rows = connection.execute(
        select(
            Task.id,
            Task.project_id,
            _text(Task.kind),
            Task.name,
            _text(Task.start),
            _text(Task.finish),
            Task.duration_days,
            Task.percent_complete,
        )
        .where(~has_children, Task.kind != TaskKind.SUMMARY.value)
        .order_by(Task.project_id, Task.id)
    ).all()
    leaves: dict[int, list[LeafTask]] = defaultdict(list)
    day, kinds = date.fromisoformat, _KINDS
    for task_id, project, kind, name, start, finish, days, percent in rows:
        leaves[project].append(LeafTask(task_id, kinds[kind], name, day(start), day(finish), days, percent))
    return leaves


def _baselines(connection: Connection) -> dict[int, ProjectBaseline]:
    """By project, its latest baseline: the one taken last among those holding any of its tasks."""
    order = {
        int(baseline_id): (taken_at, int(baseline_id), str(name))
        for baseline_id, name, taken_at in connection.execute(select(Baseline.id, Baseline.name, Baseline.taken_at))
    }
    held = connection.execute(
        select(BaselineTask.baseline_id, Task.project_id).join(Task, Task.id == BaselineTask.task_id).distinct()
    ).all()
    latest: dict[int, int] = {}
    for baseline, project in held:
        if project not in latest or order[baseline][:2] > order[latest[project]][:2]:
            latest[project] = baseline
    spans: dict[int, dict[int, BaselineSpan]] = defaultdict(dict)
    day = date.fromisoformat
    for baseline in set(latest.values()):
        projects = [project for project, chosen in latest.items() if chosen == baseline]
        rows = connection.execute(
            select(
                Task.project_id,
                BaselineTask.task_id,
                _text(BaselineTask.start),
                _text(BaselineTask.finish),
                BaselineTask.duration_days,
            )
            .join(Task, Task.id == BaselineTask.task_id)
            .where(BaselineTask.baseline_id == baseline, Task.project_id.in_(projects))
        ).all()
        for project, task_id, start, finish, days in rows:
            spans[project][task_id] = BaselineSpan(day(start), day(finish), days)
    budgets = {
        (int(baseline), int(project)): int(budget)
        for baseline, project, budget in connection.execute(
            select(BaselineProject.baseline_id, BaselineProject.project_id, BaselineProject.budget_minor)
        )
    }
    return {
        project: ProjectBaseline(
            baseline,
            order[baseline][2],
            order[baseline][0],
            MappingProxyType(spans[project]),
            budgets.get((baseline, project)),
        )
        for project, baseline in latest.items()
    }


def _money(connection: Connection, as_of: date) -> dict[int, MoneyTotals]:
    started = BudgetLine.period_start <= as_of
    rows = connection.execute(
        select(
            BudgetLine.project_id,
            func.count(),
            func.sum(BudgetLine.planned_minor),
            func.sum(case((started, BudgetLine.actual_minor), else_=0)),
            func.sum(BudgetLine.forecast_minor),
        ).group_by(BudgetLine.project_id)
    ).all()
    return {int(row[0]): MoneyTotals(*(int(value or 0) for value in row[1:])) for row in rows}


def _objective_links(connection: Connection) -> dict[int, list[tuple[int, int]]]:
    links: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for project, objective, weight in connection.execute(
        select(ProjectObjective.project_id, ProjectObjective.objective_id, ProjectObjective.weight)
    ):
        links[int(project)].append((int(objective), int(weight)))
    return links

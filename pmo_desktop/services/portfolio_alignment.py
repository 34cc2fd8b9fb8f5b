"""Strategic alignment: which objectives each project serves and with what weight, and what each objective
gets from the portfolio; projects serving no objective are flagged.

A project serves an objective when it is linked to it with a weight above zero. An objective's *weighted
budget* is the sum over its projects of budget x weight, so money spread over several objectives is
counted once in total. Cancelled projects are left out: they serve nothing any more.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import Stage
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Objective, Person, Project, ProjectObjective


@dataclass(frozen=True)
class AlignedObjective:
    """An objective with what the portfolio puts into it."""

    id: int
    code: str
    title: str
    owner_name: str
    measure: str
    target: str
    project_count: int
    weighted_budget_minor: int


@dataclass(frozen=True)
class AlignedProject:
    """A project with its weight (percent) on each objective it is linked to, by objective id."""

    id: int
    code: str
    name: str
    stage: Stage
    budget_minor: int
    weights: Mapping[int, int]

    @property
    def aligned(self) -> bool:
        return any(weight > 0 for weight in self.weights.values())

    @property
    def total_weight(self) -> int:
        return sum(self.weights.values())


@dataclass(frozen=True)
class StrategicAlignment:
    """Objectives (by code) x projects (by code)."""

    objectives: tuple[AlignedObjective, ...]
    projects: tuple[AlignedProject, ...]

    @property
    def unaligned(self) -> tuple[AlignedProject, ...]:
        """Projects that serve no objective."""
        return tuple(project for project in self.projects if not project.aligned)

    def weight(self, project_id: int, objective_id: int) -> int | None:
        project = next(project for project in self.projects if project.id == project_id)
        return project.weights.get(objective_id)


def read_alignment(connection: Connection) -> StrategicAlignment:
    links: dict[int, dict[int, int]] = {}
    for project_id, objective_id, weight in connection.execute(
        select(ProjectObjective.project_id, ProjectObjective.objective_id, ProjectObjective.weight)
    ):
        links.setdefault(int(project_id), {})[int(objective_id)] = int(weight)
    projects = tuple(
        AlignedProject(
            int(row.id),
            str(row.code),
            str(row.name),
            Stage(row.stage),
            int(row.budget_minor),
            MappingProxyType(links.get(int(row.id), {})),
        )
        for row in connection.execute(
            select(Project.id, Project.code, Project.name, Project.stage, Project.budget_minor)
            .where(Project.stage != Stage.CANCELLED.value)
            .order_by(Project.code)
        )
    )
    people = dict(connection.execute(select(Person.id, Person.name)).all())
    rows = connection.execute(
        select(
            Objective.id, Objective.code, Objective.title, Objective.owner_id, Objective.measure, Objective.target
        ).order_by(Objective.code)
    ).all()
    objectives = []
    for objective_id, code, title, owner_id, measure, target in rows:
        serving = [project for project in projects if project.weights.get(objective_id, 0) > 0]
        weighted = sum(round(project.budget_minor * project.weights[objective_id] / 100) for project in serving)
        owner = people.get(owner_id, "") if owner_id is not None else ""
        objectives.append(
            AlignedObjective(int(objective_id), code, title, owner, measure, target, len(serving), weighted)
        )
    return StrategicAlignment(tuple(objectives), projects)


def strategic_alignment(workspace: Workspace) -> StrategicAlignment:
    with workspace.reading() as connection:
        return read_alignment(connection)

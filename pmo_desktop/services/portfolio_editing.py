"""What the portfolio editors start from: a project's objective weights, a programme's objectives, a person's
time off, and whether a role still has demand that stops it being deleted. Plain values; the editors hand
them back, changed, to `portfolio_operations`.
"""

from sqlalchemy import func, select

from pmo_desktop.domain.enums import TimeOffKind
from pmo_desktop.services.portfolio_operations import TimeOffEntry
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Allocation, ProgrammeObjective, ProjectObjective, TimeOff


def project_objective_weights(workspace: Workspace, project_id: int) -> dict[int, int]:
    """Weight in percent by objective id."""
    query = select(ProjectObjective.objective_id, ProjectObjective.weight).where(
        ProjectObjective.project_id == project_id
    )
    with workspace.reading() as connection:
        return {int(objective): int(weight) for objective, weight in connection.execute(query)}


def programme_objective_ids(workspace: Workspace, programme_id: int) -> list[int]:
    query = select(ProgrammeObjective.objective_id).where(ProgrammeObjective.programme_id == programme_id)
    with workspace.reading() as connection:
        return sorted(int(objective) for objective in connection.execute(query).scalars())


def person_time_off(workspace: Workspace, person_id: int) -> tuple[TimeOffEntry, ...]:
    """A person's absences, earliest first."""
    query = (
        select(TimeOff.id, TimeOff.start, TimeOff.finish, TimeOff.kind, TimeOff.note)
        .where(TimeOff.person_id == person_id)
        .order_by(TimeOff.start)
    )
    with workspace.reading() as connection:
        return tuple(
            TimeOffEntry(row.start, row.finish, TimeOffKind(row.kind), str(row.note), int(row.id))
            for row in connection.execute(query)
        )


def unfilled_demand(workspace: Workspace, role_id: int) -> int:
    """How many allocations ask for the role without a person yet: a role with such demand cannot go."""
    query = select(func.count()).where(Allocation.role_id == role_id, Allocation.person_id.is_(None))
    with workspace.reading() as connection:
        return int(connection.execute(query).scalar_one())

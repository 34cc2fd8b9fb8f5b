"""A small staffed portfolio for the capacity query and allocation operation tests, built through the services.

Four weeks from Monday 5 January 2026, Monday to Friday, 8-hour days, a company holiday on Wednesday
7 January. Numbers the tests expect follow from the comments below.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from pmo_desktop.capacity import Horizon
from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, EntityKind
from pmo_desktop.services.records import create_record
from pmo_desktop.services.workspace import Workspace

MONDAY = date(2026, 1, 5)
HORIZON = Horizon.weeks(MONDAY, 4)
TODAY = date(2026, 1, 21)  # a Wednesday of week 2


@dataclass(frozen=True)
class Staffed:
    """Ids of what `staff` created."""

    developer: int
    analyst: int
    platform: int
    data: int
    ada: int
    ben: int
    cleo: int
    exec: int
    gone: int
    portal: int
    ledger: int
    build: int
    ada_portal: int
    ada_ledger: int
    ben_build: int
    unfilled: int


def add(workspace: Workspace, kind: EntityKind, /, **values: Any) -> int:
    return create_record(workspace, kind, values).id


def staff(workspace: Workspace) -> Staffed:
    developer = add(workspace, EntityKind.ROLE, name="Developer")
    analyst = add(workspace, EntityKind.ROLE, name="Analyst")
    platform = add(workspace, EntityKind.TEAM, name="Platform")
    data = add(workspace, EntityKind.TEAM, name="Data")
    ada = add(workspace, EntityKind.PERSON, name="Ada", role_id=developer, team_id=platform, hours_per_week=40.0)
    ben = add(workspace, EntityKind.PERSON, name="Ben", role_id=developer, team_id=data, hours_per_week=40.0)
    cleo = add(workspace, EntityKind.PERSON, name="Cleo", role_id=analyst, team_id=platform, hours_per_week=20.0)
    exec_ = add(workspace, EntityKind.PERSON, name="Exec", hours_per_week=40.0)
    gone = add(
        workspace, EntityKind.PERSON, name="Gone", role_id=developer, employment_end=date(2025, 6, 30), active=False
    )
    add(workspace, EntityKind.HOLIDAY, day=date(2026, 1, 7), name="Company day")
    add(workspace, EntityKind.TIME_OFF, person_id=ada, start=date(2026, 1, 12), finish=date(2026, 1, 13))
    portal = add(workspace, EntityKind.PROJECT, code="CX", name="Portal")
    ledger = add(workspace, EntityKind.PROJECT, code="FI", name="Ledger")
    build = add(
        workspace,
        EntityKind.TASK,
        project_id=portal,
        name="Build",
        start=date(2026, 1, 12),
        finish=date(2026, 1, 16),
        duration_days=5,
    )
    # Ada: 40 h a week on the portal all month; half her time on the ledger, tentatively, in weeks 2 and 3.
    ada_portal = _allocate(workspace, ada, portal, (date(2026, 1, 5), date(2026, 1, 30)), 40.0)
    ada_ledger = _allocate(
        workspace, ada, ledger, (date(2026, 1, 19), date(2026, 1, 30)), 50.0, percent=True, tentative=True
    )
    # Ben follows the Build task (week 1) whatever his own dates say.
    ben_build = _allocate(workspace, ben, portal, (date(2026, 1, 5), date(2026, 1, 30)), 20.0, task=build)
    unfilled = add(
        workspace,
        EntityKind.ALLOCATION,
        role_id=analyst,
        project_id=ledger,
        start=date(2026, 1, 5),
        finish=date(2026, 1, 16),
        amount=16.0,
    )
    _allocate(workspace, gone, portal, (date(2025, 3, 3), date(2025, 3, 28)), 10.0)
    return Staffed(
        developer,
        analyst,
        platform,
        data,
        ada,
        ben,
        cleo,
        exec_,
        gone,
        portal,
        ledger,
        build,
        ada_portal,
        ada_ledger,
        ben_build,
        unfilled,
    )


def _allocate(
    workspace: Workspace,
    person: int,
    project: int,
    span: tuple[date, date],
    amount: float,
    *,
    percent: bool = False,
    tentative: bool = False,
    task: int | None = None,
) -> int:
    return add(
        workspace,
        EntityKind.ALLOCATION,
        person_id=person,
        project_id=project,
        task_id=task,
        start=span[0],
        finish=span[1],
        amount=amount,
        unit=AllocationUnit.PERCENT if percent else AllocationUnit.HOURS_PER_WEEK,
        status=AllocationStatus.TENTATIVE if tentative else AllocationStatus.CONFIRMED,
    )

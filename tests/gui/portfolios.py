"""Small portfolios for GUI tests, built through the services and saved, so each test opens a real file."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pmo_desktop.domain.enums import EntityKind, RaidKind, Stage, TaskKind
from pmo_desktop.services.records import create_record
from pmo_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class Ids:
    """Ids of the records `build` made, for tests that edit them."""

    programme: int
    alice: int
    bob: int
    portal: int
    warehouse: int
    design: int
    build: int
    launch: int
    allocation: int
    risk: int


def build(path: Path, name: str = "Test Portfolio") -> Ids:
    """Write a saved portfolio at `path`: a programme, two projects, three tasks, two people, a risk; closed."""
    workspace = Workspace.create(path, name)
    try:
        ids = _fill(workspace)
        workspace.save()
    finally:
        workspace.close()
    return ids


def _fill(workspace: Workspace) -> Ids:
    def add(entity: EntityKind, **values: object) -> int:
        return create_record(workspace, entity, values).id

    programme = add(EntityKind.PROGRAMME, name="Customer Experience")
    alice = add(EntityKind.PERSON, name="Alice Moreau", hours_per_week=37.5)
    bob = add(EntityKind.PERSON, name="Bob Okafor", hours_per_week=40.0)
    portal = add(
        EntityKind.PROJECT,
        code="CX-01",
        name="Portal Relaunch",
        programme_id=programme,
        manager_id=alice,
        stage=Stage.ACTIVE,
        budget_minor=125_000_000,
    )
    warehouse = add(EntityKind.PROJECT, code="OP-02", name="Warehouse Scanners", manager_id=bob, tentative=True)
    design = add(
        EntityKind.TASK,
        project_id=portal,
        name="Design",
        start=date(2026, 2, 2),
        finish=date(2026, 2, 6),
        duration_days=5,
    )
    build_task = add(
        EntityKind.TASK,
        project_id=portal,
        name="Build",
        start=date(2026, 2, 9),
        finish=date(2026, 2, 20),
        duration_days=10,
        sort_order=1,
        percent_complete=40,
    )
    launch = add(
        EntityKind.TASK,
        project_id=portal,
        name="Go live",
        kind=TaskKind.MILESTONE,
        start=date(2026, 2, 20),
        finish=date(2026, 2, 20),
        duration_days=0,
        sort_order=2,
    )
    add(EntityKind.DEPENDENCY, predecessor_id=design, successor_id=build_task)
    allocation = add(
        EntityKind.ALLOCATION,
        person_id=alice,
        project_id=portal,
        start=date(2026, 2, 2),
        finish=date(2026, 2, 20),
        amount=20.0,
    )
    risk = add(
        EntityKind.RAID_ITEM,
        kind=RaidKind.RISK,
        title="Vendor API late",
        project_id=portal,
        owner_id=bob,
        probability=3,
        impact=4,
        raised_on=date(2026, 1, 12),
        review_on=date(2026, 2, 16),
    )
    return Ids(programme, alice, bob, portal, warehouse, design, build_task, launch, allocation, risk)

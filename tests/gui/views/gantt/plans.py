"""A small plan for the Gantt tests, built through the services and saved, so each test opens a real file.

Portal Relaunch (programme Customer Experience): Design 5 d -> Build 10 d -> Test 5 d -> Go live (milestone),
all finish-to-start from Monday 2 Feb 2026, so Design 2-6 Feb, Build 9-20 Feb, Test 23-27 Feb, Go live 27 Feb.
Then Training 3 d and Handbook 2 d, unlinked, from 2 Feb. Warehouse Scanners (no programme): Survey 3 d ->
Install 4 d, 2-4 Feb and 5-10 Feb. Alice works on Build. The baseline "Approved" holds those dates.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pmo_desktop.domain.enums import EntityKind, Stage, TaskKind
from pmo_desktop.services.records import create_record
from pmo_desktop.services.schedule_operations import take_baseline
from pmo_desktop.services.workspace import Workspace

MONDAY = date(2026, 2, 2)


@dataclass(frozen=True)
class Plan:
    programme: int
    portal: int
    warehouse: int
    design: int
    build: int
    test: int
    golive: int
    training: int
    handbook: int
    survey: int
    install: int
    baseline: int
    alice: int


def working_day(first: date, later: int) -> date:
    """The working day (Monday to Friday) `later` working days after `first`."""
    day = first
    while later:
        day += timedelta(days=1)
        later -= day.weekday() < 5
    return day


def build_plan(path: Path) -> Plan:
    """Write the plan to `path`, saved and closed."""
    workspace = Workspace.create(path, "Gantt Test")
    try:
        plan = _fill(workspace)
        workspace.save()
    finally:
        workspace.close()
    return plan


def _fill(workspace: Workspace) -> Plan:
    def add(entity: EntityKind, **values: object) -> int:
        return create_record(workspace, entity, values).id

    def task(project: int, name: str, days: int, order: int) -> int:
        kind = TaskKind.MILESTONE if days == 0 else TaskKind.TASK
        finish = working_day(MONDAY, max(0, days - 1))
        return add(
            EntityKind.TASK,
            project_id=project,
            name=name,
            kind=kind,
            start=MONDAY,
            finish=finish,
            duration_days=days,
            sort_order=order,
        )

    def link(first: int, second: int) -> None:
        add(EntityKind.DEPENDENCY, predecessor_id=first, successor_id=second)

    programme = add(EntityKind.PROGRAMME, name="Customer Experience")
    portal = add(EntityKind.PROJECT, code="CX-01", name="Portal Relaunch", programme_id=programme, stage=Stage.ACTIVE)
    warehouse = add(EntityKind.PROJECT, code="OP-02", name="Warehouse Scanners", stage=Stage.ACTIVE)
    design, build = task(portal, "Design", 5, 0), task(portal, "Build", 10, 1)
    test, golive = task(portal, "Test", 5, 2), task(portal, "Go live", 0, 3)
    training, handbook = task(portal, "Training", 3, 4), task(portal, "Handbook", 2, 5)
    survey, install = task(warehouse, "Survey", 3, 0), task(warehouse, "Install", 4, 1)
    for first, second in ((design, build), (build, test), (test, golive), (survey, install)):
        link(first, second)
    alice = add(EntityKind.PERSON, name="Alice Moreau", hours_per_week=37.5)
    add(
        EntityKind.ALLOCATION,
        person_id=alice,
        project_id=portal,
        task_id=build,
        start=MONDAY,
        finish=date(2026, 2, 20),
        amount=20.0,
    )
    baseline = take_baseline(workspace, "Approved").id
    return Plan(
        programme, portal, warehouse, design, build, test, golive, training, handbook, survey, install, baseline, alice
    )

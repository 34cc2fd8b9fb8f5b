"""Small real portfolios for tests, built through the services."""

from datetime import date
from pathlib import Path

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import create_record
from pmo_desktop.services.workspace import Workspace


def small_portfolio(path: Path) -> Path:
    """A saved portfolio with a programme, a project, two linked tasks and a person; closed again."""
    workspace = Workspace.create(path, "Test Portfolio")
    try:
        add_plan(workspace)
        workspace.save()
    finally:
        workspace.close()
    return path


def add_plan(workspace: Workspace) -> dict[str, int]:
    """Add a programme, a project with two linked tasks, and a person; return their ids."""
    programme = create_record(workspace, EntityKind.PROGRAMME, {"name": "Customer Experience"}).id
    project = create_record(
        workspace, EntityKind.PROJECT, {"code": "CX-01", "name": "Portal Relaunch", "programme_id": programme}
    ).id
    design = create_record(
        workspace,
        EntityKind.TASK,
        {
            "project_id": project,
            "name": "Design",
            "start": date(2026, 2, 2),
            "finish": date(2026, 2, 6),
            "duration_days": 5,
        },
    ).id
    build = create_record(
        workspace,
        EntityKind.TASK,
        {
            "project_id": project,
            "name": "Build",
            "start": date(2026, 2, 9),
            "finish": date(2026, 2, 20),
            "duration_days": 10,
            "sort_order": 1,
        },
    ).id
    link = create_record(workspace, EntityKind.DEPENDENCY, {"predecessor_id": design, "successor_id": build}).id
    person = create_record(workspace, EntityKind.PERSON, {"name": "Priya Shah", "hours_per_week": 37.5}).id
    return {
        "programme": programme,
        "project": project,
        "design": design,
        "build": build,
        "link": link,
        "person": person,
    }

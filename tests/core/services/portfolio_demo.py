"""The demo portfolio written for a fixed day, opened for the portfolio query tests, and a small builder."""

from datetime import date
from pathlib import Path
from typing import Any

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.files import write_demo
from pmo_desktop.services.records import create_record, list_records
from pmo_desktop.services.workspace import Workspace

DAY = date(2026, 11, 27)
"""The day the demo is built around and the queries are asked on (a Friday)."""


def open_demo(folder: Path) -> Workspace:
    """The demo written for `DAY` into `folder`, open for editing."""
    target = folder / "demo.pmo"
    write_demo(target, as_of=DAY)
    return Workspace.open(target)


def add(workspace: Workspace, kind: EntityKind, /, **values: Any) -> int:
    return create_record(workspace, kind, values).id


def by_id(workspace: Workspace, kind: EntityKind) -> dict[int, Any]:
    """Every record of `kind` by id, as plain dicts."""
    return {record.id: dict(record.values) for record in list_records(workspace, kind)}

"""The scheduler's keys on the large portfolio: a full pass, and an incremental one after moving a task."""

import statistics
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from bench.timing import Result
from pmo_desktop.domain.enums import ConstraintType
from pmo_desktop.scheduling import ScheduleEngine
from pmo_desktop.services import schedule_inputs as inputs
from pmo_desktop.services.workspace import OpenMode, Workspace

RUNS = 15


def measure(large: Path, scratch: Path) -> list[Result]:
    workspace = Workspace.open(large, OpenMode.READ_ONLY)
    try:
        with workspace.reading() as connection:
            calendar = inputs.read_calendar(connection)
            tasks = inputs.read_tasks(connection)
            links = list(inputs.read_links(connection).values())
            starts = inputs.read_project_starts(connection)
    finally:
        workspace.close()
    full: list[float] = []
    for _ in range(RUNS):
        began = time.perf_counter()
        engine = ScheduleEngine(calendar, tasks, links, starts)
        full.append(time.perf_counter() - began)
    incremental: list[float] = []
    linked = {link.predecessor_id for link in links}
    task = next(t for t in tasks if t.id in linked and t.parent_id is not None)
    for step in range(1, RUNS + 1):
        planned = engine.schedule[task.id]
        moved = replace(task, constraint_type=ConstraintType.START_NO_EARLIER,
                        constraint_date=planned.start + timedelta(days=step))  # fmt: skip
        began = time.perf_counter()
        engine.update_task(moved)
        incremental.append(time.perf_counter() - began)
    return [
        Result("cpm_full_ms", statistics.median(full) * 1000, "ms", 100),
        Result("cpm_incremental_ms", statistics.median(incremental) * 1000, "ms", 20),
    ]

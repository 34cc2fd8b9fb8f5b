"""File-level services for the CLI and the GUI: check and describe a file, write the demo portfolio."""

import tempfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from pmo_desktop.domain.enums import ConstraintType, EntityKind, SchedulingMode
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.i18n import tr
from pmo_desktop.services.schedule_inputs import read_stored_dates
from pmo_desktop.services.schedule_state import ScheduleState
from pmo_desktop.storage.app_dirs import data_dir
from pmo_desktop.storage.engine import make_engine
from pmo_desktop.storage.initialise import create_schema
from pmo_desktop.storage.inspect import FileFacts, inspect_file
from pmo_desktop.storage.lock import read_lock
from pmo_desktop.storage.models import Base, BaselineTask, Task
from pmo_desktop.storage.publish import publish

__all__ = ["FileFacts", "check_file", "demo_path", "insert_rows", "write_demo"]

_DEADLINES = (ConstraintType.MUST_FINISH_ON, ConstraintType.FINISH_NO_LATER)
Rows = Mapping[EntityKind, Sequence[Mapping[str, Any]]]


def check_file(path: Path) -> FileFacts:
    """Every check the app runs on open, and a full integrity check; raises `FileRefusedError`."""
    return inspect_file(path)


def insert_rows(connection: Connection, rows: Rows, order: Sequence[EntityKind]) -> None:
    """Bulk insert through Core executemany, table by table in `order` (foreign keys first)."""
    for kind in order:
        batch = rows.get(kind)
        if batch:
            connection.execute(insert(Base.metadata.tables[kind.value]), list(batch))


def settle_schedule(connection: Connection) -> None:
    """Make bulk-loaded plans agree with the scheduler, keeping the dates they were given where they can.

    Each project starts on its earliest task; a task with nothing before it that starts later is held there
    ("start no earlier than", as a planner who typed that date would have it); then one full pass writes the
    schedule's dates (public holidays and links decide the rest).
    """
    given = read_stored_dates(connection)
    connection.exec_driver_sql(
        "UPDATE project SET start_date = (SELECT min(start) FROM task WHERE task.project_id = project.id) "
        "WHERE start_date IS NULL"
    )
    connection.exec_driver_sql(
        "UPDATE task SET constraint_type = 'snet', constraint_date = start "
        "WHERE scheduling = 'auto' AND kind != 'summary' AND constraint_type = 'asap' "
        "AND NOT EXISTS (SELECT 1 FROM dependency WHERE dependency.successor_id = task.id) "
        "AND NOT EXISTS (SELECT 1 FROM task AS child WHERE child.parent_id = task.id) "
        "AND start > (SELECT start_date FROM project WHERE project.id = task.project_id)"
    )
    # Deadlines were set on dates that ignored public holidays: let the plan find its dates, then pin each
    # deadline on the day the plan actually reaches.
    deadlines = connection.execute(
        select(Task.id, Task.constraint_type).where(Task.constraint_type.in_(_DEADLINES))
    ).all()
    loose = update(Task).where(Task.id.in_([task_id for task_id, _ in deadlines]))
    connection.execute(loose.values(constraint_type=ConstraintType.ASAP.value, constraint_date=None))
    reached = ScheduleState(connection).schedule.tasks
    for task_id, kind in deadlines:
        connection.execute(
            update(Task).where(Task.id == task_id).values(constraint_type=kind, constraint_date=reached[task_id].finish)
        )
    manual = connection.execute(select(Task.id, Task.start).where(Task.scheduling == SchedulingMode.MANUAL.value)).all()
    hand_placed = update(Task).where(Task.id.in_([task_id for task_id, _ in manual]))
    connection.execute(hand_placed.values(scheduling=SchedulingMode.AUTO.value))
    for task_id, start in manual:  # held on their own date, or later where their links now need it
        connection.execute(update(Task).where(Task.id == task_id).values(constraint_type="snet", constraint_date=start))
    reached = ScheduleState(connection).schedule.tasks
    for task_id, _ in manual:
        connection.execute(
            update(Task)
            .where(Task.id == task_id)
            .values(scheduling=SchedulingMode.MANUAL.value, constraint_type="asap", constraint_date=None,
                    start=reached[task_id].start, finish=reached[task_id].finish)
        )  # fmt: skip
    ScheduleState(connection).write_back(connection)
    _shift_baselines(connection, given, read_stored_dates(connection))


def _shift_baselines(
    connection: Connection, given: Mapping[int, tuple[date, date]], settled: Mapping[int, tuple[date, date]]
) -> None:
    """Baselines were taken from the dates as given: move them as far as settling moved each task, so a
    baseline keeps its meaning (what slipped still slipped, what was on plan still is)."""
    rows = connection.execute(select(BaselineTask.id, BaselineTask.task_id, BaselineTask.start, BaselineTask.finish))
    shifted = []
    for row_id, task, start, finish in rows:
        if task in given and settled.get(task) != given[task]:
            new_start = start + (settled[task][0] - given[task][0])
            new_finish = max(new_start, finish + (settled[task][1] - given[task][1]))
            shifted.append({"row": row_id, "start": new_start, "finish": new_finish})
    if shifted:
        connection.execute(
            update(BaselineTask)
            .where(BaselineTask.id == bindparam("row"))
            .values(start=bindparam("start"), finish=bindparam("finish")),
            shifted,
        )


def demo_path() -> Path:
    """Where the app keeps its fresh copy of the demo portfolio."""
    return data_dir() / "Demo Portfolio.pmo"


def write_demo(
    target: Path, *, seed: int = 1, large: bool = False, as_of: date | None = None, overwrite: bool = False
) -> None:
    """Write the demo (or the large benchmark) portfolio to `target` atomically."""
    from pmo_desktop import demo

    if target.exists() and not overwrite:
        raise PmoError(tr("'{name}' already exists; choose another name.", name=target.name))
    holder = read_lock(target)
    if holder is not None and not holder.is_stale():
        raise PmoError(
            tr("'{name}' is open by {owner} on {host}.", name=target.name, owner=holder.owner, host=holder.host)
        )
    day = as_of or date.today()
    data = demo.build_large(seed=seed, as_of=day) if large else demo.build_demo(seed=seed, as_of=day)
    with tempfile.TemporaryDirectory(dir=data_dir(), prefix="demo-") as folder:
        database = Path(folder) / "demo.pmo"
        create_schema(database)
        engine = make_engine(database)
        try:
            with engine.begin() as connection:
                insert_rows(connection, data, demo.INSERT_ORDER)
                settle_schedule(connection)
        finally:
            engine.dispose()
        publish(database, target)

"""The planner's schedule edits: move, resize, progress, add, indent, outdent, reorder, constrain, baseline.

Each runs in one transaction, reschedules what it affects there (`schedule_state.follow_schedule`) and returns
`Changes` naming every task whose dates moved. Links, unlinks, deletions and plain field edits go through
`records`, which reschedule the same way. For undo, `capture_tasks` keeps the editable fields of some tasks
and `restore_tasks` writes them back exactly (then reschedules).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, insert, select, update

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import ConstraintType, EntityKind, SchedulingMode, TaskKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import Created, insert_record, write_record
from pmo_desktop.services.schedule_state import follow_schedule, schedule_state
from pmo_desktop.services.validation.common import day
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Base, Baseline, BaselineProject, BaselineTask, Project, Task

EDITABLE = (
    "parent_id", "sort_order", "name", "kind", "start", "finish", "duration_days", "scheduling", "constraint_type",
    "constraint_date", "percent_complete", "notes",
)  # fmt: skip
_TASKS = Base.metadata.tables["task"]


@dataclass(frozen=True)
class TaskState:
    """The editable fields of some tasks at one moment, by id."""

    rows: Mapping[int, Mapping[str, Any]]


def _task(connection: Connection, task_id: int) -> dict[str, Any]:
    row = connection.execute(select(_TASKS).where(_TASKS.c.id == task_id)).mappings().first()
    if row is None:
        raise ValidationError(tr("This task no longer exists."))
    return dict(row)


def _edit(workspace: Workspace, task_id: int, values: Mapping[str, Any]) -> Changes:
    with workspace.transaction() as connection:
        if not write_record(connection, EntityKind.TASK, task_id, values):
            return Changes()
        changes = Changes.of(updated={EntityKind.TASK: [task_id]})
        return changes.merge(follow_schedule(workspace, connection, changes))


def move_task(workspace: Workspace, task_id: int, start: date) -> Changes:
    """Move a task to start on `start` (an automatic task is held there by "start no earlier than")."""
    with workspace.reading() as connection:
        task = _task(connection, task_id)
        calendar = schedule_state(workspace, connection).calendar
        project_start = connection.execute(select(Project.start_date).where(Project.id == task["project_id"])).scalar()
    if task["scheduling"] == SchedulingMode.AUTO.value and project_start is not None and start < project_start:
        raise ValidationError(
            tr("'{name}' cannot start before its project does ({day}); move the project's start first.",
               name=task["name"], day=day(project_start))
        )  # fmt: skip
    start = calendar.date_at(calendar.index_on_or_after(start))  # a weekend or holiday means the next working day
    span = max(0, task["duration_days"] - 1) if task["kind"] != TaskKind.MILESTONE.value else 0
    values: dict[str, Any] = {"start": start, "finish": calendar.add_working_days(start, span) if span else start}
    if task["scheduling"] == SchedulingMode.AUTO.value:
        values |= {"constraint_type": ConstraintType.START_NO_EARLIER.value, "constraint_date": start}
    return _edit(workspace, task_id, values)


def resize_task(workspace: Workspace, task_id: int, finish: date) -> Changes:
    """Make a task finish on `finish`, keeping its start: its duration becomes the working days between."""
    with workspace.reading() as connection:
        task = _task(connection, task_id)
    if task["kind"] != TaskKind.TASK.value:
        raise ValidationError(tr("Only a task can be resized; '{name}' is a {kind}.", name=task["name"],
                                 kind=task["kind"]))  # fmt: skip
    return _edit(workspace, task_id, {"finish": finish})


def set_progress(workspace: Workspace, task_id: int, percent: int) -> Changes:
    return _edit(workspace, task_id, {"percent_complete": percent})


def set_constraint(workspace: Workspace, task_id: int, constraint: ConstraintType, day: date | None) -> Changes:
    return _edit(workspace, task_id, {"constraint_type": constraint.value, "constraint_date": day})


def _siblings(connection: Connection, project_id: int, parent_id: int | None) -> list[int]:
    parent = _TASKS.c.parent_id.is_(None) if parent_id is None else _TASKS.c.parent_id == parent_id
    query = (
        select(_TASKS.c.id).where(_TASKS.c.project_id == project_id, parent).order_by(_TASKS.c.sort_order, _TASKS.c.id)
    )
    return [int(task_id) for task_id in connection.execute(query).scalars()]


def _renumber(connection: Connection, ordered: list[int]) -> set[int]:
    """Give `ordered` the sort orders 0, 1, 2...; returns the ids whose order changed."""
    current = dict(connection.execute(select(_TASKS.c.id, _TASKS.c.sort_order).where(_TASKS.c.id.in_(ordered))).all())
    changed = {task_id for position, task_id in enumerate(ordered) if current.get(task_id) != position}
    for position, task_id in enumerate(ordered):
        if task_id in changed:
            connection.execute(update(_TASKS).where(_TASKS.c.id == task_id).values(sort_order=position))
    return changed


def _finish_structure_edit(workspace: Workspace, connection: Connection, moved: set[int]) -> Changes:
    changes = Changes.of(updated={EntityKind.TASK: moved})
    return changes.merge(follow_schedule(workspace, connection, changes))


def add_task(
    workspace: Workspace,
    project_id: int,
    *,
    name: str,
    kind: TaskKind = TaskKind.TASK,
    after_id: int | None = None,
    parent_id: int | None = None,
    start: date | None = None,
    duration_days: int = 1,
) -> Created:
    """Add a task or milestone after `after_id` (in its group), or at the end of `parent_id`'s children."""
    with workspace.transaction() as connection:
        if after_id is not None:
            parent_id = _task(connection, after_id)["parent_id"]
        anchor = connection.execute(select(Project.start_date).where(Project.id == project_id)).scalar()
        calendar = schedule_state(workspace, connection).calendar
        first = start or anchor or date.today()
        span = 0 if kind is TaskKind.MILESTONE else max(1, duration_days) - 1
        values = {"project_id": project_id, "parent_id": parent_id, "name": name, "kind": kind.value,
                  "start": first, "finish": calendar.add_working_days(first, span),
                  "duration_days": 0 if kind is TaskKind.MILESTONE else max(1, duration_days)}  # fmt: skip
        new_id = insert_record(connection, EntityKind.TASK, values)
        siblings = [task_id for task_id in _siblings(connection, project_id, parent_id) if task_id != new_id]
        position = siblings.index(after_id) + 1 if after_id in siblings else len(siblings)
        moved = _renumber(connection, [*siblings[:position], new_id, *siblings[position:]]) - {new_id}
        changes = Changes.of(created={EntityKind.TASK: [new_id]}, updated={EntityKind.TASK: moved})
        changes = changes.merge(follow_schedule(workspace, connection, changes))
    return Created(changes, new_id)


def indent_task(workspace: Workspace, task_id: int) -> Changes:
    """Put a task under the sibling above it, which becomes a summary."""
    with workspace.transaction() as connection:
        task = _task(connection, task_id)
        siblings = _siblings(connection, task["project_id"], task["parent_id"])
        position = siblings.index(task_id)
        if position == 0:
            raise ValidationError(tr("'{name}' has no task above it to go under.", name=task["name"]))
        new_parent = siblings[position - 1]
        children = _siblings(connection, task["project_id"], new_parent)
        connection.execute(update(_TASKS).where(_TASKS.c.id == new_parent).values(kind=TaskKind.SUMMARY.value))
        write_record(connection, EntityKind.TASK, task_id, {"parent_id": new_parent, "sort_order": len(children)})
        moved = {task_id, new_parent} | _renumber(connection, siblings[:position] + siblings[position + 1 :])
        return _finish_structure_edit(workspace, connection, moved)


def outdent_task(workspace: Workspace, task_id: int) -> Changes:
    """Move a task up one level, just after its former parent."""
    with workspace.transaction() as connection:
        task = _task(connection, task_id)
        if task["parent_id"] is None:
            raise ValidationError(tr("'{name}' is already at the top level.", name=task["name"]))
        parent = _task(connection, task["parent_id"])
        write_record(connection, EntityKind.TASK, task_id, {"parent_id": parent["parent_id"]})
        moved = {task_id}
        if not _siblings(connection, task["project_id"], parent["id"]):
            connection.execute(update(_TASKS).where(_TASKS.c.id == parent["id"]).values(kind=TaskKind.TASK.value))
            moved.add(parent["id"])
        uncles = [t for t in _siblings(connection, task["project_id"], parent["parent_id"]) if t != task_id]
        position = uncles.index(parent["id"]) + 1
        moved |= _renumber(connection, [*uncles[:position], task_id, *uncles[position:]])
        return _finish_structure_edit(workspace, connection, moved)


def reorder_task(workspace: Workspace, task_id: int, index: int) -> Changes:
    """Place a task at `index` among its siblings."""
    with workspace.transaction() as connection:
        task = _task(connection, task_id)
        siblings = [t for t in _siblings(connection, task["project_id"], task["parent_id"]) if t != task_id]
        index = max(0, min(index, len(siblings)))
        moved = _renumber(connection, [*siblings[:index], task_id, *siblings[index:]])
        return _finish_structure_edit(workspace, connection, moved)


def take_baseline(workspace: Workspace, name: str) -> Created:
    """Snapshot every task's dates and every project's budget under `name`."""
    with workspace.transaction() as connection:
        baseline_id = insert_record(connection, EntityKind.BASELINE, {"name": name})
        tasks = connection.execute(select(Task.id, Task.start, Task.finish, Task.duration_days)).all()
        if tasks:
            connection.execute(insert(BaselineTask), [
                {"baseline_id": baseline_id, "task_id": t, "start": s, "finish": f, "duration_days": d}
                for t, s, f, d in tasks
            ])  # fmt: skip
        projects = connection.execute(select(Project.id, Project.budget_minor)).all()
        if projects:
            connection.execute(insert(BaselineProject), [
                {"baseline_id": baseline_id, "project_id": p, "budget_minor": b} for p, b in projects
            ])  # fmt: skip
    return Created(Changes.of(created={EntityKind.BASELINE: [baseline_id]}), baseline_id)


def latest_baseline_id(connection: Connection) -> int | None:
    return connection.execute(select(Baseline.id).order_by(Baseline.taken_at.desc(), Baseline.id.desc())).scalar()


def capture_tasks(workspace: Workspace, ids: Iterable[int]) -> TaskState:
    """The editable fields of the tasks `ids` now, for undo."""
    columns = [_TASKS.c.id, *(_TASKS.c[name] for name in EDITABLE)]
    with workspace.reading() as connection:
        rows = connection.execute(select(*columns).where(_TASKS.c.id.in_(list(ids)))).mappings().all()
    return TaskState(MappingProxyType({int(row["id"]): MappingProxyType(
        {name: row[name] for name in EDITABLE}) for row in rows}))  # fmt: skip


def project_task_ids(workspace: Workspace, project_id: int) -> list[int]:
    with workspace.reading() as connection:
        return [int(t) for t in connection.execute(select(Task.id).where(Task.project_id == project_id)).scalars()]


def restore_tasks(workspace: Workspace, state: TaskState) -> Changes:
    """Write captured fields back exactly (they were valid when captured), then reschedule."""
    with workspace.transaction() as connection:
        for task_id, values in state.rows.items():
            connection.execute(update(_TASKS).where(_TASKS.c.id == task_id).values(dict(values)))
        changes = Changes.of(updated={EntityKind.TASK: state.rows.keys()})
        return changes.merge(follow_schedule(workspace, connection, changes))

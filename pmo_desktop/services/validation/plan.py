"""Rules for projects, tasks, dependencies and baselines."""

from datetime import date

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import ConstraintType, EntityKind, SchedulingMode, TaskKind
from pmo_desktop.domain.errors import CycleError, ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.schedule_inputs import read_calendar, read_project_starts
from pmo_desktop.services.validation.common import (
    Row,
    name_of,
    require_between,
    require_order,
    require_reference,
    require_text,
    require_unique,
)
from pmo_desktop.services.validation.portfolio import check_colour
from pmo_desktop.storage.models import Dependency, Task

_MOVABLE = (ConstraintType.ASAP.value, ConstraintType.START_NO_EARLIER.value)

CONSTRAINT_NAMES = {
    ConstraintType.START_NO_EARLIER.value: "start no earlier than",
    ConstraintType.START_NO_LATER.value: "start no later than",
    ConstraintType.FINISH_NO_EARLIER.value: "finish no earlier than",
    ConstraintType.FINISH_NO_LATER.value: "finish no later than",
    ConstraintType.MUST_START_ON.value: "must start on",
    ConstraintType.MUST_FINISH_ON.value: "must finish on",
}


def _project(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "code", EntityKind.PROJECT)
    require_text(row, "name", EntityKind.PROJECT)
    require_unique(connection, EntityKind.PROJECT, row, "code", "Another project already has the code '{value}'.")
    check_colour(row)
    require_between(row.get("priority"), 1, 5, "Priority runs from 1 (highest) to 5 (got {value}).")
    if (row.get("budget_minor") or 0) < 0:
        raise ValidationError(tr("The budget of '{name}' cannot be negative.", name=row["name"]))
    require_reference(connection, row, "programme_id", EntityKind.PROGRAMME, "That programme does not exist.")
    for column, role in (("sponsor_id", "sponsor"), ("manager_id", "manager")):
        require_reference(
            connection, row, column, EntityKind.PERSON, f"The {role} of a project must be a person of the portfolio."
        )


def _project_objective(connection: Connection, row: Row, before: Row | None) -> None:
    require_between(row.get("weight"), 0, 100, "A project's weight on an objective runs from 0 to 100 % (got {value}).")
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "That project does not exist.")
    require_reference(connection, row, "objective_id", EntityKind.OBJECTIVE, "That objective does not exist.")


def _task(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.TASK)
    name = row["name"]
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "A task must belong to a project.")
    require_order(
        row.get("start"),
        row.get("finish"),
        "Task '{name}' cannot finish ({finish}) before it starts ({start}).",
        name=name,
    )
    require_between(
        row.get("percent_complete"), 0, 100, f"Progress of '{name}' must be between 0 and 100 % (got {{value}} %)."
    )
    if (row.get("duration_days") or 0) < 0:
        raise ValidationError(tr("Task '{name}' cannot have a negative duration.", name=name))
    if row.get("kind") == TaskKind.MILESTONE.value:
        if row.get("start") != row.get("finish"):
            raise ValidationError(tr("Milestone '{name}' is a single day: its start and finish must match.", name=name))
        row["duration_days"] = 0
    _check_constraint(row, name)
    _check_parent(connection, row, name)
    _follow_typed_dates(connection, row, before)


def _follow_typed_dates(connection: Connection, row: Row, before: Row | None) -> None:
    """Dates typed into an automatically scheduled task say what the planner wants, as in MS Project: a start
    becomes "start no earlier than" that day (the duration is kept), and a finish typed with it or alone
    makes the span from start to finish the duration.
    Without this the scheduler would put the task back where its links and its project's start put it."""
    if row.get("scheduling") != SchedulingMode.AUTO.value or row.get("kind") == TaskKind.SUMMARY.value:
        return
    start, finish = row["start"], row["finish"]
    moved = before is None or start != before.get("start")
    if moved and row.get("constraint_type") in _MOVABLE and (before is not None or start > _anchor(connection, row)):
        row["constraint_type"], row["constraint_date"] = ConstraintType.START_NO_EARLIER.value, start
    stretched = before is None or finish != before.get("finish")
    if stretched and row.get("kind") == TaskKind.TASK.value:
        row["duration_days"] = max(1, read_calendar(connection).count_working_days(start, finish))


def _anchor(connection: Connection, row: Row) -> date:
    """The day the scheduler starts the task's project from (a task starting later is pinned)."""
    anchor: date = read_project_starts(connection).get(row["project_id"]) or row["start"]
    return anchor


def _check_constraint(row: Row, name: str) -> None:
    constraint = row.get("constraint_type") or ConstraintType.ASAP.value
    if constraint == ConstraintType.ASAP.value:
        row["constraint_date"] = None
    elif row.get("constraint_date") is None:
        raise ValidationError(
            tr(
                "The '{constraint}' constraint on '{name}' needs a date.",
                constraint=CONSTRAINT_NAMES[constraint],
                name=name,
            )
        )


def _check_parent(connection: Connection, row: Row, name: str) -> None:
    parent_id = row.get("parent_id")
    if parent_id is None:
        return
    if parent_id == row.get("id"):
        raise ValidationError(tr("Task '{name}' cannot be its own parent.", name=name))
    parent_project = connection.execute(select(Task.project_id).where(Task.id == parent_id)).scalar()
    if parent_project is None:
        raise ValidationError(tr("The parent of '{name}' does not exist.", name=name))
    if parent_project != row.get("project_id"):
        raise ValidationError(tr("Task '{name}' and its parent must be in the same project.", name=name))
    ancestor: int | None = parent_id
    while ancestor is not None:
        if ancestor == row.get("id"):
            raise ValidationError(tr("Task '{name}' cannot be placed under one of its own subtasks.", name=name))
        ancestor = connection.execute(select(Task.parent_id).where(Task.id == ancestor)).scalar()


def _dependency(connection: Connection, row: Row, before: Row | None) -> None:
    predecessor, successor = int(row["predecessor_id"]), int(row["successor_id"])
    for task_id in (predecessor, successor):
        require_reference(connection, {"id": task_id}, "id", EntityKind.TASK, "A dependency links two tasks.")
    if predecessor == successor:
        raise ValidationError(
            tr("Task '{name}' cannot depend on itself.", name=name_of(connection, EntityKind.TASK, predecessor))
        )
    duplicate = connection.execute(
        select(Dependency.id).where(
            Dependency.predecessor_id == predecessor,
            Dependency.successor_id == successor,
            Dependency.id != row.get("id", -1),
        )
    ).first()
    if duplicate is not None:
        raise ValidationError(
            tr(
                "'{a}' is already linked to '{b}'.",
                a=name_of(connection, EntityKind.TASK, predecessor),
                b=name_of(connection, EntityKind.TASK, successor),
            )
        )
    loop = _path(connection, successor, predecessor, row.get("id"))
    if loop is not None:
        names = [name_of(connection, EntityKind.TASK, task_id) for task_id in [predecessor, *loop]]
        raise CycleError(
            tr(
                "Linking '{a}' to '{b}' would close a loop: {loop}.",
                a=names[0],
                b=names[1],
                loop=" → ".join(f"'{n}'" for n in names),
            )
        )


def _path(connection: Connection, start: int, goal: int, ignore: int | None) -> list[int] | None:
    """A chain of existing links from `start` to `goal` (both included), or None."""
    came_from: dict[int, int | None] = {start: None}
    frontier = [start]
    while frontier:
        current = frontier.pop()
        if current == goal:
            chain = [current]
            while (previous := came_from[chain[-1]]) is not None:
                chain.append(previous)
            return list(reversed(chain))
        query = select(Dependency.successor_id).where(Dependency.predecessor_id == current)
        if ignore is not None:
            query = query.where(Dependency.id != ignore)
        for (following,) in connection.execute(query):
            if following not in came_from:
                came_from[following] = current
                frontier.append(following)
    return None


def _baseline(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.BASELINE)


def _baseline_task(connection: Connection, row: Row, before: Row | None) -> None:
    require_order(
        row.get("start"), row.get("finish"), "A baseline date cannot finish ({finish}) before it starts ({start})."
    )


RULES = {
    EntityKind.PROJECT: _project,
    EntityKind.PROJECT_OBJECTIVE: _project_objective,
    EntityKind.TASK: _task,
    EntityKind.DEPENDENCY: _dependency,
    EntityKind.BASELINE: _baseline,
    EntityKind.BASELINE_TASK: _baseline_task,
}

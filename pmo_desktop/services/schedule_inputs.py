"""Read what the scheduler needs from a portfolio: its calendar, tasks, links and project start dates."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, TaskKind
from pmo_desktop.scheduling import LinkInput, TaskInput, WorkCalendar
from pmo_desktop.storage.models import Dependency, Holiday, Portfolio, Project, Task

_TASK_COLUMNS = (
    Task.id, Task.name, Task.project_id, Task.kind, Task.duration_days, Task.scheduling, Task.constraint_type,
    Task.constraint_date, Task.start, Task.finish, Task.parent_id, Task.percent_complete,
)  # fmt: skip


def read_calendar(connection: Connection) -> WorkCalendar:
    """The portfolio's working week, its country's public holidays and the holidays entered by hand."""
    working_days, country, subdivision = connection.execute(
        select(Portfolio.working_days, Portfolio.holiday_country, Portfolio.holiday_subdivision)
    ).one()
    extra = connection.execute(select(Holiday.day)).scalars().all()
    return WorkCalendar.for_country(working_days, country or None, subdivision or None, extra)


def _task_input(row: Sequence[Any]) -> TaskInput:
    task_id, name, project_id, kind, duration, scheduling, constraint, constraint_date, start, finish, parent = row[:11]
    return TaskInput(
        id=task_id,
        name=name,
        project_id=project_id,
        kind=TaskKind(kind),
        duration_days=duration,
        scheduling=SchedulingMode(scheduling),
        constraint_type=ConstraintType(constraint),
        constraint_date=constraint_date,
        start=start,
        finish=finish,
        parent_id=parent,
        complete=row[11] >= 100,
    )


def read_tasks(connection: Connection, ids: list[int] | None = None) -> list[TaskInput]:
    """Every task (or those with `ids`) as the scheduler's input."""
    query = select(*_TASK_COLUMNS).order_by(Task.id)
    if ids is not None:
        query = query.where(Task.id.in_(ids))
    return [_task_input(tuple(row)) for row in connection.execute(query)]


def read_links(connection: Connection, ids: list[int] | None = None) -> dict[int, LinkInput]:
    """Every dependency (or those with `ids`) by id, as the scheduler's input."""
    query = select(Dependency.id, Dependency.predecessor_id, Dependency.successor_id, Dependency.type,
                   Dependency.lag_days)  # fmt: skip
    if ids is not None:
        query = query.where(Dependency.id.in_(ids))
    return {
        int(link_id): LinkInput(int(predecessor), int(successor), DependencyType(kind), int(lag))
        for link_id, predecessor, successor, kind, lag in connection.execute(query)
    }


def read_project_starts(connection: Connection) -> dict[int, date]:
    """Each project's start: its own start date, else its earliest task (or today for a project without tasks)."""
    earliest = select(Task.project_id, func.min(Task.start).label("first")).group_by(Task.project_id).subquery()
    rows = connection.execute(
        select(Project.id, Project.start_date, earliest.c.first).outerjoin(
            earliest, earliest.c.project_id == Project.id
        )
    )
    return {int(project_id): own or first or date.today() for project_id, own, first in rows}


def read_stored_dates(connection: Connection, ids: list[int] | None = None) -> dict[int, tuple[date, date]]:
    """The dates each task (or those with `ids`) holds in the file now."""
    query = select(Task.id, Task.start, Task.finish)
    if ids is not None:
        query = query.where(Task.id.in_(ids))
    return {int(task_id): (start, finish) for task_id, start, finish in connection.execute(query)}

"""Builders shared by the scheduling tests: a Monday-to-Friday calendar, tasks, links and a one-call schedule.

Dates in the hand-written tests sit in January 2025, whose 6th is a Monday.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.scheduling import LinkInput, Schedule, ScheduleEngine, TaskInput, WorkCalendar

MONDAY = date(2025, 1, 6)
WEEKDAYS = WorkCalendar()


def day(offset: int) -> date:
    """The calendar day `offset` days after Monday 6 January 2025 (weekends included)."""
    return MONDAY + timedelta(days=offset)


def task(task_id: int, name: str, duration: int = 1, *, project_id: int = 1, **fields: Any) -> TaskInput:
    return TaskInput(id=task_id, name=name, project_id=project_id, duration_days=duration, **fields)


def link(predecessor: int, successor: int, kind: DependencyType = DependencyType.FS, lag: int = 0) -> LinkInput:
    return LinkInput(predecessor, successor, kind, lag)


def engine(
    tasks: Iterable[TaskInput],
    links: Iterable[LinkInput] = (),
    starts: Mapping[int, date] | None = None,
    calendar: WorkCalendar = WEEKDAYS,
) -> ScheduleEngine:
    task_list = list(tasks)
    projects = {item.project_id for item in task_list}
    return ScheduleEngine(calendar, task_list, links, starts or dict.fromkeys(projects, MONDAY))


def schedule(
    tasks: Iterable[TaskInput],
    links: Iterable[LinkInput] = (),
    starts: Mapping[int, date] | None = None,
    calendar: WorkCalendar = WEEKDAYS,
) -> Schedule:
    return engine(tasks, links, starts, calendar).schedule


def dates(result: Schedule, task_id: int) -> tuple[date, date]:
    """The (start, finish) the Gantt shows for a task."""
    return result[task_id].start, result[task_id].finish

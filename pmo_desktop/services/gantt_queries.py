"""What the Gantt shows: programmes > projects > the WBS, with each task's schedule, float and baseline.

Dates come from the file (the scheduler keeps them current); early and late dates, floats, the critical path
and conflicts come from the workspace's scheduler, built on first use.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import ConstraintType, DependencyType, SchedulingMode, Stage, TaskKind
from pmo_desktop.scheduling import Schedule
from pmo_desktop.services.schedule_operations import latest_baseline_id
from pmo_desktop.services.schedule_state import schedule_state
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import (
    Allocation,
    Baseline,
    BaselineTask,
    Dependency,
    Person,
    Portfolio,
    Programme,
    Project,
    Task,
)


@dataclass(frozen=True)
class GanttTask:
    id: int
    project_id: int
    parent_id: int | None
    sort_order: int
    wbs: str
    depth: int
    has_children: bool
    name: str
    kind: TaskKind
    scheduling: SchedulingMode
    constraint_type: ConstraintType
    constraint_date: date | None
    start: date
    finish: date
    duration_days: int
    percent_complete: int
    early_start: date
    early_finish: date
    late_start: date
    late_finish: date
    total_float: int
    free_float: int
    critical: bool
    conflict: str | None
    baseline_start: date | None
    baseline_finish: date | None
    people: tuple[str, ...]


@dataclass(frozen=True)
class GanttProject:
    id: int
    code: str
    name: str
    programme_id: int | None
    colour: str
    stage: Stage
    tentative: bool


@dataclass(frozen=True)
class GanttProgramme:
    id: int
    name: str
    colour: str


@dataclass(frozen=True)
class GanttLink:
    id: int
    predecessor_id: int
    successor_id: int
    type: DependencyType
    lag_days: int
    critical: bool


@dataclass(frozen=True)
class GanttCalendar:
    """The working week (bitmask, bit 0 = Monday) and the holidays over the span of the plan."""

    working_days: int
    holidays: frozenset[date]

    def is_working_day(self, day: date) -> bool:
        return bool(self.working_days >> day.weekday() & 1) and day not in self.holidays


@dataclass(frozen=True)
class GanttData:
    programmes: tuple[GanttProgramme, ...]
    projects: tuple[GanttProject, ...]
    tasks: tuple[GanttTask, ...]
    links: tuple[GanttLink, ...]
    calendar: GanttCalendar
    baselines: tuple[tuple[int, str], ...]
    baseline_id: int | None


Row = tuple[Any, ...]

_TASK_COLUMNS = (
    Task.id, Task.project_id, Task.parent_id, Task.sort_order, Task.name, Task.kind, Task.scheduling,
    Task.constraint_type, Task.constraint_date, Task.start, Task.finish, Task.duration_days, Task.percent_complete,
)  # fmt: skip


def _people_by_task(connection: Connection, ids: list[int] | None) -> dict[int, tuple[str, ...]]:
    query = (
        select(Allocation.task_id, Person.name)
        .join(Person, Person.id == Allocation.person_id)
        .where(Allocation.task_id.is_not(None))
        .distinct()
        .order_by(Person.name)
    )
    if ids is not None:
        query = query.where(Allocation.task_id.in_(ids))
    people: dict[int, list[str]] = defaultdict(list)
    for task_id, name in connection.execute(query):
        if task_id is not None:
            people[task_id].append(name)
    return {task_id: tuple(names) for task_id, names in people.items()}


def _baseline_dates(
    connection: Connection, baseline_id: int | None, ids: list[int] | None = None
) -> dict[int, tuple[date, date]]:
    if baseline_id is None:
        return {}
    query = select(BaselineTask.task_id, BaselineTask.start, BaselineTask.finish).where(
        BaselineTask.baseline_id == baseline_id
    )
    if ids is not None:
        query = query.where(BaselineTask.task_id.in_(ids))
    rows = connection.execute(query)
    return {int(task_id): (start, finish) for task_id, start, finish in rows}


def _wbs_order(rows: list[Row]) -> list[tuple[Row, str, int, bool]]:
    """Rows in WBS order with their outline number, depth and whether they have children."""
    children: dict[tuple[int, int | None], list[Row]] = defaultdict(list)
    for row in rows:
        children[(int(row[1]), row[2])].append(row)
    ordered: list[tuple[Row, str, int, bool]] = []

    def walk(project_id: int, parent_id: int | None, prefix: str, depth: int) -> None:
        kids = sorted(children.get((project_id, parent_id), []), key=lambda r: (r[3], r[0]))
        for number, row in enumerate(kids, start=1):
            outline = f"{prefix}{number}"
            task_id = int(row[0])
            ordered.append((row, outline, depth, bool(children.get((project_id, task_id)))))
            walk(project_id, task_id, f"{outline}.", depth + 1)

    for project_id in sorted({int(row[1]) for row in rows}):
        walk(project_id, None, "", 0)
    return ordered


def _gantt_task(entry: tuple[Row, str, int, bool], schedule: Schedule,
                baseline: dict[int, tuple[date, date]], people: dict[int, tuple[str, ...]]) -> GanttTask:  # fmt: skip
    row, wbs, depth, has_children = entry
    (task_id, project_id, parent_id, order, name, kind, scheduling, constraint, constraint_date, start, finish,
     duration, percent) = row  # fmt: skip
    planned = schedule.tasks[task_id]
    base = baseline.get(task_id)
    return GanttTask(
        id=task_id, project_id=project_id, parent_id=parent_id, sort_order=order, wbs=wbs, depth=depth,
        has_children=has_children, name=name, kind=TaskKind(kind), scheduling=SchedulingMode(scheduling),
        constraint_type=ConstraintType(constraint), constraint_date=constraint_date, start=start, finish=finish,
        duration_days=duration, percent_complete=percent, early_start=planned.early_start,
        early_finish=planned.early_finish, late_start=planned.late_start, late_finish=planned.late_finish,
        total_float=planned.total_float, free_float=planned.free_float, critical=planned.critical,
        conflict=planned.conflict, baseline_start=base[0] if base else None, baseline_finish=base[1] if base else None,
        people=people.get(task_id, ()),
    )  # fmt: skip


def _calendar(connection: Connection, workspace: Workspace, first: date, last: date) -> GanttCalendar:
    calendar = schedule_state(workspace, connection).calendar
    working_days = int(connection.execute(select(Portfolio.working_days)).scalar_one())
    holidays = set()
    day = first
    while day <= last:
        if working_days >> day.weekday() & 1 and not calendar.is_working_day(day):
            holidays.add(day)
        day = date.fromordinal(day.toordinal() + 1)
    return GanttCalendar(working_days, frozenset(holidays))


def gantt_data(workspace: Workspace, *, baseline_id: int | None = None) -> GanttData:
    """Everything the Gantt shows; `baseline_id` None means the latest baseline."""
    with workspace.reading() as connection:
        schedule = schedule_state(workspace, connection).schedule
        chosen = baseline_id if baseline_id is not None else latest_baseline_id(connection)
        rows = [tuple(row) for row in connection.execute(select(*_TASK_COLUMNS))]
        ordered = _wbs_order(rows)
        baseline = _baseline_dates(connection, chosen)
        people = _people_by_task(connection, None)
        tasks = tuple(_gantt_task(entry, schedule, baseline, people) for entry in ordered)
        first = min((task.start for task in tasks), default=date.today())
        last = max((task.finish for task in tasks), default=date.today())
        return GanttData(
            programmes=tuple(
                GanttProgramme(int(i), str(n), str(c))
                for i, n, c in connection.execute(
                    select(Programme.id, Programme.name, Programme.colour).order_by(Programme.name)
                )
            ),
            projects=tuple(
                GanttProject(int(i), str(code), str(n), p, str(c), Stage(stage), bool(t))
                for i, code, n, p, c, stage, t in connection.execute(
                    select(
                        Project.id,
                        Project.code,
                        Project.name,
                        Project.programme_id,
                        Project.colour,
                        Project.stage,
                        Project.tentative,
                    ).order_by(Project.code)
                )
            ),
            tasks=tasks,
            links=tuple(
                GanttLink(
                    int(i),
                    int(p),
                    int(s),
                    DependencyType(t),
                    int(lag),
                    p in schedule.critical_ids and s in schedule.critical_ids,
                )
                for i, p, s, t, lag in connection.execute(
                    select(
                        Dependency.id,
                        Dependency.predecessor_id,
                        Dependency.successor_id,
                        Dependency.type,
                        Dependency.lag_days,
                    )
                )
            ),
            calendar=_calendar(connection, workspace, first, last),
            baselines=tuple(
                (int(i), str(n))
                for i, n in connection.execute(select(Baseline.id, Baseline.name).order_by(Baseline.taken_at))
            ),
            baseline_id=chosen,
        )


def gantt_tasks(workspace: Workspace, ids: Iterable[int], *, baseline_id: int | None = None) -> dict[int, GanttTask]:
    """The rows of some tasks again, after an edit (their WBS numbers come from their whole project)."""
    wanted = set(ids)
    with workspace.reading() as connection:
        schedule = schedule_state(workspace, connection).schedule
        projects = select(Task.project_id).where(Task.id.in_(wanted)).distinct()
        rows = [tuple(row) for row in connection.execute(select(*_TASK_COLUMNS).where(Task.project_id.in_(projects)))]
        chosen = baseline_id if baseline_id is not None else latest_baseline_id(connection)
        baseline = _baseline_dates(connection, chosen, sorted(wanted))
        people = _people_by_task(connection, sorted(wanted))
    return {
        entry[0][0]: _gantt_task(entry, schedule, baseline, people)
        for entry in _wbs_order(rows)
        if entry[0][0] in wanted
    }

"""Checks shared by the demo tests, written independently of the generators (numpy's business-day count
instead of the demo's own working-day index)."""

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import Boolean, Date, DateTime, Enum, Float, Integer

from pmo_desktop.demo import DemoData
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.storage.models import Base

Row = dict[str, Any]
EPOCH = date(2000, 1, 3)  # a Monday
# Exact Python types per column type: a datetime is not a date, a bool is not an integer.
_PYTHON_TYPES = ((Date, (date,)), (Boolean, (bool,)), (Integer, (int,)), (Float, (int, float)))


def busdays(first: date, last: date) -> int:
    """Monday-to-Friday days from `first` to `last`, both included."""
    return int(np.busday_count(first, last + timedelta(days=1)))


def rows(data: DemoData, kind: EntityKind) -> list[Row]:
    """The rows of one table, typed loosely for reading in tests."""
    return data[kind]


def points(task: Row) -> tuple[int, int]:
    """(start, finish) instants in working days: a task spans whole days, a milestone is the end of its day."""
    first = int(np.busday_count(EPOCH, task["start"]))
    last = int(np.busday_count(EPOCH, task["finish"])) + 1
    return (last, last) if task["kind"] == "milestone" else (first, last)


def link_holds(predecessor: Row, successor: Row, kind: str, lag: int) -> bool:
    pred_start, pred_finish = points(predecessor)
    succ_start, succ_finish = points(successor)
    return {
        "FS": succ_start >= pred_finish + lag,
        "SS": succ_start >= pred_start + lag,
        "FF": succ_finish >= pred_finish + lag,
        "SF": succ_finish >= pred_start + lag,
    }[kind]


def topological_order(data: DemoData) -> list[int]:
    """Task ids in an order where every predecessor comes first; fails if the links hold a cycle."""
    following: dict[int, list[int]] = defaultdict(list)
    waiting: dict[int, int] = {task["id"]: 0 for task in rows(data, EntityKind.TASK)}
    for link in rows(data, EntityKind.DEPENDENCY):
        following[link["predecessor_id"]].append(link["successor_id"])
        waiting[link["successor_id"]] += 1
    ready = [task for task, count in waiting.items() if count == 0]
    order = []
    while ready:
        task = ready.pop()
        order.append(task)
        for successor in following[task]:
            waiting[successor] -= 1
            if waiting[successor] == 0:
                ready.append(successor)
    assert len(order) == len(waiting), "the dependencies hold a cycle"
    return order


def column_problems(data: DemoData) -> list[str]:
    """Every row against its table: required columns filled, no unknown columns, values of the stored types."""
    problems = []
    for kind, rows in data.items():
        table = Base.metadata.tables[kind.value]
        names = set(table.columns.keys())
        for row in rows:
            problems += [f"{kind.value}.{name} is unknown" for name in set(row) - names]
            for column in table.columns:
                value = row.get(column.name)
                if value is None:
                    if not column.nullable:
                        problems.append(f"{kind.value}.{column.name} is missing in row {row.get('id')}")
                elif not _stored_type(column.type, value):
                    problems.append(f"{kind.value}.{column.name} holds {value!r}")
    return problems


def _stored_type(column_type: object, value: object) -> bool:
    if isinstance(column_type, Enum):
        return value in column_type.enums
    if isinstance(column_type, DateTime):
        return isinstance(value, datetime) and value.tzinfo is None
    for sql_type, python_types in _PYTHON_TYPES:
        if isinstance(column_type, sql_type):
            return type(value) in python_types
    return isinstance(value, str)


def longest_run(flags: list[bool]) -> int:
    best = current = 0
    for flag in flags:
        current = current + 1 if flag else 0
        best = max(best, current)
    return best


def weekly_loads(data: DemoData, as_of: date, weeks: range = range(-26, 52)) -> dict[str, list[float]]:
    """Each person's allocated hours per week as a share of their weekly hours (1.0 = a full week)."""
    people = {row["id"]: row for row in rows(data, EntityKind.PERSON)}
    monday = as_of - timedelta(days=as_of.weekday())
    mondays = [monday + timedelta(weeks=week) for week in weeks]
    loads: dict[str, list[float]] = {person["name"]: [0.0] * len(mondays) for person in people.values()}
    for allocation in rows(data, EntityKind.ALLOCATION):
        if allocation["person_id"] is None:
            continue
        person = people[allocation["person_id"]]
        capacity = person["hours_per_week"]
        amount = allocation["amount"]
        hours = amount if allocation["unit"] == "hours" else amount / 100 * capacity
        for number, week in enumerate(mondays):
            first, last = max(week, allocation["start"]), min(week + timedelta(days=4), allocation["finish"])
            if first <= last:
                loads[person["name"]][number] += hours * busdays(first, last) / 5 / capacity
    return loads

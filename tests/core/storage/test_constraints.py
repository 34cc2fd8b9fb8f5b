"""The database itself refuses what must never hold, even from a caller that bypasses the services."""

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pmo_desktop.storage.initialise import initialise

SEED = """
INSERT INTO project (id, uuid, code, name, description, stage, priority, tentative, budget_minor, colour,
                     created_at, updated_at)
VALUES (1, 'p1', 'P-1', 'Project', '', 'active', 3, 0, 0, '#112233', '2026-01-01', '2026-01-01');
INSERT INTO task (id, uuid, project_id, sort_order, name, kind, start, finish, duration_days, scheduling,
                  constraint_type, percent_complete, notes, created_at, updated_at)
VALUES (1, 't1', 1, 0, 'A', 'task', '2026-02-02', '2026-02-06', 5, 'auto', 'asap', 0, '', '2026-01-01', '2026-01-01'),
       (2, 't2', 1, 1, 'B', 'task', '2026-02-09', '2026-02-13', 5, 'auto', 'asap', 0, '', '2026-01-01', '2026-01-01');
INSERT INTO dependency (id, uuid, predecessor_id, successor_id, type, lag_days, created_at, updated_at)
VALUES (1, 'd1', 1, 2, 'FS', 0, '2026-01-01', '2026-01-01');
INSERT INTO person (id, uuid, name, email, hours_per_week, active, created_at, updated_at)
VALUES (1, 'h1', 'Ann', '', 40, 1, '2026-01-01', '2026-01-01');
"""
TASK = (
    "INSERT INTO task (uuid, project_id, sort_order, name, kind, start, finish, duration_days, scheduling, "
    "constraint_type, percent_complete, notes, created_at, updated_at) VALUES "
    "('{uuid}', 1, 0, 'X', '{kind}', '{start}', '{finish}', {duration}, 'auto', 'asap', {percent}, '', "
    "'2026-01-01', '2026-01-01')"
)
RAID = (
    "INSERT INTO raid_item (uuid, kind, number, title, description, category, probability, impact, opportunity, "
    "actions, status, raised_on, closure_note, resolution, validation_result, outcome, created_at, updated_at) "
    "VALUES ('r-x', 'risk', 1, 'R', '', '', {p}, {i}, 0, '', 'open', '2026-01-01', '', '', '', '', "
    "'2026-01-01', '2026-01-01')"
)
ALLOCATION = (
    "INSERT INTO allocation (uuid, person_id, role_id, project_id, start, finish, unit, amount, status, note, "
    "created_at, updated_at) VALUES ('a-x', {person}, NULL, 1, '{start}', '{finish}', 'hours', {amount}, "
    "'confirmed', '', '2026-01-01', '2026-01-01')"
)


def task(*, uuid: str = "t-x", kind: str = "task", start: str = "2026-02-02", finish: str = "2026-02-02",
         duration: int = 1, percent: int = 0) -> str:  # fmt: skip
    return TASK.format(uuid=uuid, kind=kind, start=start, finish=finish, duration=duration, percent=percent)


def allocation(*, person: str = "1", start: str = "2026-02-02", finish: str = "2026-02-27", amount: float = 8) -> str:
    return ALLOCATION.format(person=person, start=start, finish=finish, amount=amount)


@pytest.fixture
def connection(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    database = tmp_path / "raw.pmo"
    initialise(database, "Raw")
    opened = sqlite3.connect(database, isolation_level=None)
    opened.execute("PRAGMA foreign_keys = ON")
    opened.executescript(SEED)
    yield opened
    opened.close()


VIOLATIONS = {
    "probability above 5": RAID.format(p=6, i=3),
    "impact below 1": RAID.format(p=3, i=0),
    "percent above 100": task(percent=101),
    "task finishing before it starts": task(start="2026-02-10", finish="2026-02-09"),
    "milestone with a duration": task(kind="milestone", duration=3),
    "unknown task kind": task(kind="epic"),
    "negative duration": task(duration=-1),
    "negative hours per week": "UPDATE person SET hours_per_week = -1 WHERE id = 1",
    "allocation finishing before it starts": allocation(start="2026-03-01", finish="2026-02-01"),
    "negative allocation": allocation(amount=-3),
    "allocation without person or role": allocation(person="NULL"),
    "self-dependency": "INSERT INTO dependency (uuid, predecessor_id, successor_id, type, lag_days, created_at, "
    "updated_at) VALUES ('d-x', 2, 2, 'FS', 0, '2026-01-01', '2026-01-01')",
    "duplicate dependency": "INSERT INTO dependency (uuid, predecessor_id, successor_id, type, lag_days, "
    "created_at, updated_at) VALUES ('d-x', 1, 2, 'SS', 0, '2026-01-01', '2026-01-01')",
    "duplicate uuid": task(uuid="t1"),
    "task of a project that does not exist": TASK.replace("'{uuid}', 1,", "'{uuid}', 99,").format(
        uuid="t-y", kind="task", start="2026-02-02", finish="2026-02-02", duration=1, percent=0
    ),
    "time off ending before it starts": "INSERT INTO time_off (uuid, person_id, start, finish, kind, note, "
    "created_at, updated_at) VALUES ('o-x', 1, '2026-05-02', '2026-05-01', 'leave', '', '2026-01-01', '2026-01-01')",
    "currency that is not three letters": "UPDATE portfolio SET currency = 'EURO'",
}


@pytest.mark.parametrize("statement", VIOLATIONS.values(), ids=list(VIOLATIONS))
def test_the_database_refuses(connection: sqlite3.Connection, statement: str) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(statement)


def test_the_seed_itself_is_valid(connection: sqlite3.Connection) -> None:
    connection.execute(task())
    connection.execute(allocation())
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_deleting_leaves_a_tombstone_even_through_a_cascade(connection: sqlite3.Connection) -> None:
    connection.execute("DELETE FROM project WHERE id = 1")
    kinds = sorted(row[0] for row in connection.execute("SELECT kind FROM tombstone"))
    assert kinds == ["dependency", "project", "task", "task"]

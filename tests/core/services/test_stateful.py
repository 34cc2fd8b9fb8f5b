"""A stateful property test over the service operations, with undo, redo, save and reopen.

Hypothesis drives random sequences of edits the way a user would (add, edit, delete, link, allocate),
undoes and redoes them the way the GUI's undo stack does (each step calls exactly one service operation),
saves, and reopens the file. After every step the file and the working copy must be sound, and a reopened
file must hold exactly what was there before saving.
"""

import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.services.records import (
    create_record,
    delete_record,
    get_record,
    list_records,
    restore_records,
    update_record,
)
from pmo_desktop.services.schedule_inputs import read_stored_dates
from pmo_desktop.services.schedule_operations import capture_tasks, move_task, restore_tasks
from pmo_desktop.services.schedule_state import ScheduleState
from pmo_desktop.services.workspace import Workspace

KINDS = (EntityKind.PROJECT, EntityKind.TASK, EntityKind.DEPENDENCY, EntityKind.PERSON, EntityKind.ALLOCATION)
START = date(2026, 1, 5)

Step = tuple[Callable[[], object], Callable[[], object]]  # (undo, redo)


def snapshot(workspace: Workspace) -> dict[EntityKind, list[tuple[int, str, dict[str, Any]]]]:
    return {
        kind: [(r.id, r.uuid, {k: v for k, v in r.values.items() if k != "updated_at"}) for r in
               list_records(workspace, kind)]
        for kind in EntityKind
    }  # fmt: skip


class PortfolioEditing(RuleBasedStateMachine):
    """A user editing one portfolio file."""

    def __init__(self) -> None:
        super().__init__()
        self.folder: Path = Path()
        self.workspace: Workspace | None = None
        self.undo_stack: list[Step] = []
        self.redo_stack: list[Step] = []

    @initialize(folder=st.builds(lambda: Path(tempfile.mkdtemp(prefix="pmo-stateful-"))))
    def start(self, folder: Path) -> None:
        self.folder = folder
        self.workspace = Workspace.create(folder / "plan.pmo", "Stateful")
        self.project = create_record(self.ws, EntityKind.PROJECT, {"code": "P-0", "name": "Base"}).id

    @property
    def ws(self) -> Workspace:
        assert self.workspace is not None
        return self.workspace

    def ids(self, kind: EntityKind) -> list[int]:
        return [record.id for record in list_records(self.ws, kind)]

    def _done(self, step: Step) -> None:
        self.undo_stack.append(step)
        self.redo_stack.clear()

    # -- edits ----------------------------------------------------------------------------------------

    def _create(self, kind: EntityKind, values: dict[str, Any]) -> None:
        try:
            created = create_record(self.ws, kind, values)
        except ValidationError:
            return
        holder: dict[str, Any] = {}

        def undo() -> None:
            holder["snapshot"] = delete_record(self.ws, kind, created.id).snapshot

        def redo() -> None:
            restore_records(self.ws, holder["snapshot"])

        self._done((undo, redo))

    @rule(offset=st.integers(0, 200), length=st.integers(0, 30), milestone=st.booleans())
    def add_task(self, offset: int, length: int, milestone: bool) -> None:
        start = START + timedelta(days=offset)
        finish = start if milestone else start + timedelta(days=length)
        kind = "milestone" if milestone else "task"
        self._create(
            EntityKind.TASK,
            {
                "project_id": self.project,
                "name": f"T{offset}",
                "start": start,
                "finish": finish,
                "kind": kind,
                "duration_days": 0 if milestone else 1,
            },
        )

    @rule(hours=st.floats(-10, 60, allow_nan=False))
    def add_person(self, hours: float) -> None:
        self._create(EntityKind.PERSON, {"name": "Someone", "hours_per_week": hours})

    @rule(data=st.data())
    def link(self, data: st.DataObject) -> None:
        tasks = self.ids(EntityKind.TASK)
        if len(tasks) >= 2:
            first, second = data.draw(st.lists(st.sampled_from(tasks), min_size=2, max_size=2, unique=True))
            self._create(EntityKind.DEPENDENCY, {"predecessor_id": first, "successor_id": second})

    @rule(data=st.data(), amount=st.floats(-5, 50, allow_nan=False), weeks=st.integers(-1, 20))
    def allocate(self, data: st.DataObject, amount: float, weeks: int) -> None:
        people = self.ids(EntityKind.PERSON)
        if people:
            person = data.draw(st.sampled_from(people))
            self._create(
                EntityKind.ALLOCATION,
                {
                    "person_id": person,
                    "project_id": self.project,
                    "start": START,
                    "finish": START + timedelta(weeks=weeks),
                    "amount": amount,
                },
            )

    @rule(data=st.data(), offset=st.integers(-20, 40))
    def move(self, data: st.DataObject, offset: int) -> None:
        tasks = self.ids(EntityKind.TASK)
        if not tasks:
            return
        task = data.draw(st.sampled_from(tasks))
        before = capture_tasks(self.ws, [task])
        try:
            move_task(self.ws, task, get_record(self.ws, EntityKind.TASK, task)["start"] + timedelta(days=offset))
        except ValidationError:
            return
        self._done((lambda: restore_tasks(self.ws, before), lambda: move_task_to(self.ws, task, offset)))

    @rule(data=st.data(), percent=st.integers(-10, 120))
    def edit_progress(self, data: st.DataObject, percent: int) -> None:
        tasks = self.ids(EntityKind.TASK)
        if not tasks:
            return
        task = data.draw(st.sampled_from(tasks))
        before = get_record(self.ws, EntityKind.TASK, task)["percent_complete"]
        try:
            update_record(self.ws, EntityKind.TASK, task, {"percent_complete": percent})
        except ValidationError:
            return
        self._done(
            (
                lambda: update_record(self.ws, EntityKind.TASK, task, {"percent_complete": before}),
                lambda: update_record(self.ws, EntityKind.TASK, task, {"percent_complete": percent}),
            )
        )

    @rule(data=st.data(), kind=st.sampled_from(KINDS))
    def delete(self, data: st.DataObject, kind: EntityKind) -> None:
        ids = [record_id for record_id in self.ids(kind) if (kind, record_id) != (EntityKind.PROJECT, self.project)]
        if not ids:
            return
        target = data.draw(st.sampled_from(ids))
        holder = {"snapshot": delete_record(self.ws, kind, target).snapshot}

        def redo() -> None:
            holder["snapshot"] = delete_record(self.ws, kind, target).snapshot

        self._done((lambda: restore_records(self.ws, holder["snapshot"]), redo))

    # -- undo, redo, save, reopen -----------------------------------------------------------------------

    @precondition(lambda self: bool(self.undo_stack))
    @rule()
    def undo(self) -> None:
        step = self.undo_stack.pop()
        step[0]()
        self.redo_stack.append(step)

    @precondition(lambda self: bool(self.redo_stack))
    @rule()
    def redo(self) -> None:
        step = self.redo_stack.pop()
        step[1]()
        self.undo_stack.append(step)

    @rule()
    def save_and_reopen(self) -> None:
        before = snapshot(self.ws)
        path = self.ws.path
        assert path is not None
        self.ws.save()
        self.ws.close()
        self.workspace = Workspace.open(path)
        assert snapshot(self.ws) == before
        self.undo_stack.clear()
        self.redo_stack.clear()

    # -- invariants -------------------------------------------------------------------------------------

    @invariant()
    def file_and_working_copy_are_sound(self) -> None:
        if self.workspace is None:
            return
        path = self.ws.path
        assert path is not None
        for database in (path, self.ws._file.database):  # the working copy too, not only what was saved
            connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
            try:
                assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                connection.execute("PRAGMA foreign_keys = ON")
                assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            finally:
                connection.close()
        assert sorted(p.name for p in self.folder.iterdir()) == [".~lock.plan.pmo#", "plan.pmo"]

    @invariant()
    def the_schedule_respects_every_dependency(self) -> None:
        if self.workspace is None:
            return
        with self.ws.reading() as connection:
            fresh = ScheduleState(connection)
            stored = read_stored_dates(connection)
        assert all(stored[t] == (s.start, s.finish) for t, s in fresh.schedule.tasks.items())
        kinds = {task.id: task["kind"] for task in list_records(self.ws, EntityKind.TASK)}
        for link in list_records(self.ws, EntityKind.DEPENDENCY):  # finish-to-start, no lag: after, or on it
            successor, predecessor = link["successor_id"], link["predecessor_id"]
            if kinds[successor] == "milestone":  # a milestone marks the end of the day it shares
                assert stored[successor][0] >= stored[predecessor][1]
            else:
                assert stored[successor][0] > stored[predecessor][1]

    def teardown(self) -> None:
        if self.workspace is not None:
            self.workspace.close()


def move_task_to(workspace: Workspace, task: int, offset: int) -> None:
    """Redo of a move: the same offset from where the task stands after the undo."""
    move_task(workspace, task, get_record(workspace, EntityKind.TASK, task)["start"] + timedelta(days=offset))


TestPortfolioEditing = PortfolioEditing.TestCase
TestPortfolioEditing.settings = settings(
    max_examples=25, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
pytestmark = pytest.mark.slow

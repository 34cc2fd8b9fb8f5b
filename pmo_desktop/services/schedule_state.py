"""The scheduler of one open workspace, kept current inside each edit's transaction.

Every operation that changes tasks, links, the calendar or a project's start calls `follow_schedule` before
its transaction commits: the engine takes the change (incrementally where it can: a task's new inputs, a
link added, changed or removed; a full pass when tasks are added or removed or the calendar changes) and
the dates it moved are written back in the same transaction, so the file never holds a schedule that breaks
a dependency. The returned `Changes` names every task whose dates moved.
"""

from sqlalchemy import Connection, bindparam, update

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.scheduling import Schedule, ScheduleEngine, WorkCalendar
from pmo_desktop.services import schedule_inputs as inputs
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Base

CACHE_KEY = "schedule"
_REBUILD_KINDS = frozenset({EntityKind.HOLIDAY, EntityKind.PORTFOLIO})
_TASKS = Base.metadata.tables["task"]
_WRITE_BACK = (
    update(_TASKS)
    .where(_TASKS.c.id == bindparam("task_id"))
    .values(start=bindparam("new_start"), finish=bindparam("new_finish"))
)


class ScheduleState:
    """An engine over the workspace's tasks plus what it needs to follow edits (links by id, stored dates)."""

    def __init__(self, connection: Connection) -> None:
        self.calendar: WorkCalendar = inputs.read_calendar(connection)
        self._starts = inputs.read_project_starts(connection)
        self._links = inputs.read_links(connection)
        self.engine = ScheduleEngine(self.calendar, inputs.read_tasks(connection), self._links.values(), self._starts)

    @property
    def schedule(self) -> Schedule:
        return self.engine.schedule

    def follow(self, connection: Connection, changes: Changes) -> frozenset[int]:
        """Feed `changes` to the engine; returns the ids of tasks whose schedule may have moved."""
        moved: set[int] = set()
        for link_id in changes.deleted.get(EntityKind.DEPENDENCY, ()):
            link = self._links.pop(link_id, None)
            if link is not None:
                moved |= self.engine.remove_link(link.predecessor_id, link.successor_id)
        touched_links = sorted(changes.ids(EntityKind.DEPENDENCY) - changes.deleted.get(EntityKind.DEPENDENCY, set()))
        for link_id, link in inputs.read_links(connection, touched_links).items():
            old = self._links.get(link_id)
            if old is not None and (old.predecessor_id, old.successor_id) != (link.predecessor_id, link.successor_id):
                moved |= self.engine.remove_link(old.predecessor_id, old.successor_id)
            self._links[link_id] = link
            moved |= self.engine.set_link(link)
        for task in inputs.read_tasks(connection, sorted(changes.updated.get(EntityKind.TASK, ()))):
            moved |= self.engine.update_task(task)
        return frozenset(moved)

    def write_back(self, connection: Connection, candidates: frozenset[int] | None = None) -> frozenset[int]:
        """Store the engine's dates where they differ from the file's; returns the ids written."""
        schedule = self.engine.schedule
        # Compared with the file itself, not a copy: undo writes dates straight back.
        stored = inputs.read_stored_dates(connection, None if candidates is None else sorted(candidates))
        rows: list[dict[str, object]] = []
        for task_id, dates in stored.items():
            planned = schedule.tasks.get(task_id)
            if planned is not None and dates != (planned.start, planned.finish):
                rows.append({"task_id": task_id, "new_start": planned.start, "new_finish": planned.finish})
        if rows:
            connection.execute(_WRITE_BACK, rows)
        return frozenset(int(row["task_id"]) for row in rows)  # type: ignore[call-overload]

    def starts_changed(self, connection: Connection) -> bool:
        return inputs.read_project_starts(connection) != self._starts


def _needs_rebuild(state: ScheduleState, connection: Connection, changes: Changes) -> bool:
    structural = changes.created.get(EntityKind.TASK) or changes.deleted.get(EntityKind.TASK)
    return (
        bool(structural)
        or changes.touches(*_REBUILD_KINDS)
        or (changes.touches(EntityKind.PROJECT) and state.starts_changed(connection))
    )


def pin_project_starts(connection: Connection) -> None:
    """Give each project that has tasks but no start date its earliest task's start, once and for all, so the
    anchor its unlinked tasks are scheduled from does not drift when one of them moves."""
    connection.exec_driver_sql(
        "UPDATE project SET start_date = (SELECT min(start) FROM task WHERE task.project_id = project.id) "
        "WHERE start_date IS NULL AND EXISTS (SELECT 1 FROM task WHERE task.project_id = project.id)"
    )


def _rebuilt(workspace: Workspace, connection: Connection) -> ScheduleState:
    pin_project_starts(connection)
    state = ScheduleState(connection)
    workspace.caches[CACHE_KEY] = state
    return state


def schedule_state(workspace: Workspace, connection: Connection) -> ScheduleState:
    """The workspace's scheduler, built on first use from `connection`."""
    state = workspace.caches.get(CACHE_KEY)
    if not isinstance(state, ScheduleState):
        state = ScheduleState(connection)
        workspace.caches[CACHE_KEY] = state
    return state


def follow_schedule(workspace: Workspace, connection: Connection, changes: Changes) -> Changes:
    """Reschedule after `changes` inside their transaction; the Changes of the dates written back."""
    if not (changes.affects_schedule or changes.touches(EntityKind.PROJECT)):
        return Changes()
    state = workspace.caches.get(CACHE_KEY)
    if not isinstance(state, ScheduleState):
        # First use: built from the file as this edit left it, so only dates that disagree are news.
        rescheduled = _rebuilt(workspace, connection).write_back(connection)
    elif _needs_rebuild(state, connection, changes):
        # Tasks came or went, or the calendar changed: every task's float may differ.
        state = _rebuilt(workspace, connection)
        state.write_back(connection)
        rescheduled = frozenset(state.schedule.tasks)
    else:
        # Tasks whose float, criticality or conflict changed count too, not only those whose dates moved. The
        # edited tasks are checked as well: a task moved before its predecessors allow keeps its schedule, but
        # the edit itself wrote the typed dates into its record.
        rescheduled = state.follow(connection, changes)
        rescheduled |= state.write_back(connection, rescheduled | changes.updated.get(EntityKind.TASK, frozenset()))
    return Changes.of(updated={EntityKind.TASK: rescheduled}) if rescheduled else Changes()

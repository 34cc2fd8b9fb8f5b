"""From points back to what the user sees: each task's dates, floats, critical flag and conflict.

Leaves are read off their own points. A summary spans its children: earliest start to latest finish, early
and late alike; its total float is its children's least, so it is critical when a task under it is, and it
reports a conflict when one of them does. Free float is how far a task can slip before it moves a
successor (every task under a summary successor counts) or its project's finish.

A full pass writes 10,000 results, so the writer works column by column with numpy: dates as ordinals
(comparable integers, and a manual task's own dates need not be working days), summaries level by level
with one reduction per column, and dates made from ordinals through a table of the days in reach. The
`Marks` of every node stay with the engine, so an incremental write reads the children it did not redo.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import chain, compress
from operator import not_

import numpy as np
import numpy.typing as npt

from pmo_desktop.i18n import tr
from pmo_desktop.scheduling.conflicts import ConflictFinder
from pmo_desktop.scheduling.constraints import NEVER, is_manual, milestone_of
from pmo_desktop.scheduling.model import TaskInput, TaskSchedule
from pmo_desktop.scheduling.network import FROM_FINISH, LEAF, TO_FINISH, Network, Times

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]

# tuple.__new__ straight from C: TaskSchedule._make and TaskSchedule(...) run Python code per result.
_new_schedule = partial(tuple.__new__, TaskSchedule)


def least_floats(network: Network, times: Times, projects: Iterable[int], least: list[int]) -> set[int]:
    """Refresh each project's least total float among its unfinished tasks (the critical threshold; NEVER
    when all are complete); returns the projects it changed for."""
    changed = set()
    late, early, unpinned, tasks = times.late_start, times.early_start, times.unpinned, network.tasks
    for project in projects:
        leaves = network.project_leaves[project]
        floats = [unpinned.get(leaf, late[leaf]) - early[leaf] for leaf in leaves if not tasks[leaf].complete]
        value = min(floats, default=NEVER)
        if value != least[project]:
            least[project] = value
            changed.add(project)
    return changed


@dataclass(eq=False, slots=True)
class Marks:
    """Per node, what its summary reads of it: the ordinals of its shown, early and late dates, its total
    float, whether it is critical and whether it reports a conflict. Kept by the engine between writes."""

    start: Ints
    finish: Ints
    early_start: Ints
    early_finish: Ints
    late_start: Ints
    late_finish: Ints
    total_float: Ints
    critical: Flags
    troubled: Flags

    @classmethod
    def blank(cls, size: int) -> "Marks":
        def zeros() -> Ints:
            return np.zeros(size, dtype=np.int64)

        def falses() -> Flags:
            return np.zeros(size, dtype=np.bool_)

        return cls(zeros(), zeros(), zeros(), zeros(), zeros(), zeros(), zeros(), falses(), falses())

    def dates(self) -> tuple[Ints, ...]:
        return self.start, self.finish, self.early_start, self.early_finish, self.late_start, self.late_finish


class ResultWriter:
    """Writes the TaskSchedule of given nodes into a mapping of task id to schedule, and keeps the ids of
    critical leaves and the nodes of leaves in conflict up to date."""

    def __init__(
        self,
        network: Network,
        times: Times,
        *,
        least: list[int],
        critical: set[int],
        conflicted: set[int],
        marks: Marks,
    ) -> None:
        self._network = network
        self._times = times
        self._least = least
        self._critical = critical
        self._conflicted = conflicted
        self._marks = marks
        self._conflicts = ConflictFinder(network, times)

    def write(self, nodes: list[int], into: dict[int, TaskSchedule]) -> None:
        """Refresh `nodes` (leaves and spans, children before their parents) in `into`."""
        kinds = self._network.kind
        is_leaf = [kinds[node] == LEAF for node in nodes]
        leaves = list(compress(nodes, is_leaf))
        spans = list(compress(nodes, map(not_, is_leaf)))
        messages = self._mark_leaves(leaves)
        self._mark_spans(spans)
        slacks = self._slacks(leaves) + self._slacks(spans)
        self._publish(leaves, spans, slacks, messages, into)

    def _mark_leaves(self, leaves: list[int]) -> dict[int, str]:
        """Mark leaves from their points; returns the conflict of each leaf that has one."""
        network, times, marks = self._network, self._times, self._marks
        self._conflicted.difference_update(leaves)
        if not leaves:
            return {}
        starts, finishes, milestones, durations = (
            _picked(values, leaves)
            for values in (times.early_start, times.early_finish, network.milestone, network.duration)
        )
        unpinned, late_points = times.unpinned, times.late_start
        own_lates = [unpinned.get(node, late_points[node]) for node in leaves]  # own_late_start, inlined
        lates = np.fromiter(own_lates, dtype=np.int64, count=len(leaves))
        at = np.array(leaves, dtype=np.int64)
        # Working-day indices of each date: a milestone's date is the day before its point.
        indices = (starts - milestones, finishes - 1, lates - milestones, lates + durations - 1)
        first = min(int(column.min()) for column in indices)
        last = max(int(column.max()) for column in indices)
        ordinals = np.fromiter(map(date.toordinal, network.calendar.working_dates(first, last)), dtype=np.int64)
        early_start, early_finish, late_start, late_finish = (ordinals[column - first] for column in indices)
        marks.start[at] = marks.early_start[at] = early_start
        marks.finish[at] = marks.early_finish[at] = early_finish
        marks.late_start[at] = late_start
        marks.late_finish[at] = late_finish
        marks.total_float[at] = lates - starts
        least = np.array(self._least, dtype=np.int64)[_picked(network.project, leaves)]
        tasks = network.tasks
        complete = np.fromiter([tasks[node].complete for node in leaves], np.bool_, len(leaves))
        marks.critical[at] = (lates - starts == least) & ~complete  # finished work can delay nothing
        marks.troubled[at] = False
        pins = network.pin
        pinned = [node for node in leaves if pins[node] is not None]
        late = at[lates < starts].tolist()  # rare, as are pins: manual dates, "must" dates, conflicts
        return self._mark_special(list(dict.fromkeys([*pinned, *late])))

    def _mark_special(self, leaves: list[int]) -> dict[int, str]:
        """Give manual tasks their own dates and find the conflict of each leaf that has one."""
        network, marks = self._network, self._marks
        messages = {}
        for node in leaves:
            task = network.tasks[node]
            if is_manual(task):
                start, finish = _manual_dates(task, date.fromordinal(int(marks.finish[node])))
                marks.start[node], marks.finish[node] = start.toordinal(), finish.toordinal()
            message = self._conflicts.message(node)
            if message is not None:
                messages[node] = message
                marks.troubled[node] = True
                self._conflicted.add(node)
        return messages

    def _mark_spans(self, spans: list[int]) -> None:
        """Mark summaries from their children, a level at a time: every summary of a level has its children
        marked already, in this write or an earlier one."""
        members, marks = self._network.members, self._marks
        level_of = [0] * self._network.size  # 0 for leaves and for summaries marked before
        levels: dict[int, list[int]] = {}
        for node in spans:
            level = level_of[node] = 1 + max(map(level_of.__getitem__, members[node]))
            levels.setdefault(level, []).append(node)
        for level in sorted(levels):
            heads = levels[level]
            groups = list(map(members.__getitem__, heads))
            children = np.fromiter(chain.from_iterable(groups), dtype=np.int64)
            firsts = np.cumsum([0, *map(len, groups[:-1])])
            at = np.array(heads, dtype=np.int64)
            for column in (marks.start, marks.early_start, marks.late_start, marks.total_float):
                column[at] = np.minimum.reduceat(column[children], firsts)
            for column in (marks.finish, marks.early_finish, marks.late_finish):
                column[at] = np.maximum.reduceat(column[children], firsts)
            for flags in (marks.critical, marks.troubled):
                flags[at] = np.logical_or.reduceat(flags[children], firsts)

    def _publish(
        self,
        leaves: list[int],
        spans: list[int],
        slacks: list[int],
        messages: dict[int, str],
        into: dict[int, TaskSchedule],
    ) -> None:
        """Turn the marks of `leaves` and then `spans` into results."""
        network, marks = self._network, self._marks
        nodes = leaves + spans
        if not nodes:
            return
        at = np.array(nodes, dtype=np.int64)
        columns = [column[at] for column in marks.dates()]
        lowest = min(int(column.min()) for column in columns)
        highest = max(int(column.max()) for column in columns)
        days = np.array(list(map(date.fromordinal, range(lowest, highest + 1))), dtype=object)
        totals = marks.total_float[at]
        free = np.clip(np.minimum(np.array(slacks, dtype=np.int64), totals), 0, None)
        critical = marks.critical[at].tolist()
        conflicts: list[str | None] = [None] * len(nodes)
        for position in np.flatnonzero(marks.troubled[at]).tolist():
            in_span = position >= len(leaves)
            conflicts[position] = (
                tr("Some of its tasks cannot keep their dates.") if in_span else messages[nodes[position]]
            )
        tasks = network.tasks
        ids = [tasks[node].id for node in nodes]
        rows = zip(
            ids,
            *(days[column - lowest].tolist() for column in columns),
            totals.tolist(),
            free.tolist(),
            critical,
            conflicts,
            strict=True,
        )
        into.update(zip(ids, map(_new_schedule, rows), strict=True))
        leaf_ids = ids[: len(leaves)]
        self._critical.difference_update(leaf_ids)
        self._critical.update(compress(leaf_ids, critical))

    def _slacks(self, nodes: list[int]) -> list[int]:
        """How far each node can slip before it moves a successor or its project's finish (free float before
        it is capped by total float). One flat loop for all of them: it runs for 10,000 leaves."""
        network, times = self._network, self._times
        early_start, early_finish, project_finish = times.early_start, times.early_finish, times.project_finish
        kinds, outs, parents, projects = network.kind, network.outs, network.parent, network.project
        climb = network.span_links > 0  # a link on a summary applies to each task under it
        slacks = []
        for node in nodes:
            start, finish = early_start[node], early_finish[node]
            slack = project_finish[projects[node]] - finish
            holder = node
            while holder >= 0:
                for target, lag, code in outs[holder]:
                    if kinds[target] == LEAF:
                        after = (early_finish if code & TO_FINISH else early_start)[target]
                    else:
                        after = self._earliest_under(target, finish=bool(code & TO_FINISH))
                    gap = after - (finish if code & FROM_FINISH else start) - lag
                    if gap < slack:  # noqa: PLR1730 (a builtin call per link is slower; this runs 20,000 times)
                        slack = gap
                holder = parents[holder] if climb else -1
            slacks.append(slack)
        return slacks

    def _earliest_under(self, gate: int, *, finish: bool) -> int:
        """The earliest start (or finish) of the tasks under a summary's gate."""
        values = self._times.early_finish if finish else self._times.early_start
        return min([values[leaf] for leaf in self._network.leaves_under(gate)])


def _picked(values: list[int], nodes: list[int]) -> Ints:
    """`values` at `nodes`, as an array (`fromiter` over a list: `np.array` of a list costs a third more)."""
    return np.fromiter([values[node] for node in nodes], dtype=np.int64, count=len(nodes))


def _manual_dates(task: TaskInput, scheduled_finish: date) -> tuple[date, date]:
    """A manual task's own dates: its start, and its finish (or the scheduled one when it has none)."""
    assert task.start is not None  # checked by is_manual
    return task.start, task.start if milestone_of(task) else task.finish or scheduled_finish

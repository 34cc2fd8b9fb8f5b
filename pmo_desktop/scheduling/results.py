"""From points back to what the user sees: each task's dates, floats, critical flag and conflict.

Leaves are read off their own points. A summary spans its children: earliest start to latest finish, early
and late alike; its total float is its children's least, so it is critical when a task under it is, and it
reports a conflict when one of them does. Free float is how far a task can slip before it moves a
successor (every task under a summary successor counts) or its project's finish.
"""

from collections.abc import Iterable
from datetime import date
from itertools import compress

from pmo_desktop.i18n import tr
from pmo_desktop.scheduling.conflicts import ConflictFinder
from pmo_desktop.scheduling.constraints import is_manual, milestone_of
from pmo_desktop.scheduling.model import TaskInput, TaskSchedule
from pmo_desktop.scheduling.network import FROM_FINISH, LEAF, TO_FINISH, Network, Times


def least_floats(network: Network, times: Times, projects: Iterable[int], least: list[int]) -> set[int]:
    """Refresh each project's least total float (the critical threshold); returns the projects it changed for."""
    changed = set()
    for project in projects:
        late, early, unpinned = times.late_start, times.early_start, times.unpinned
        value = min([unpinned.get(leaf, late[leaf]) - early[leaf] for leaf in network.project_leaves[project]])
        if value != least[project]:
            least[project] = value
            changed.add(project)
    return changed


class ResultWriter:
    """Writes the TaskSchedule of given nodes into a mapping of task id to schedule, and keeps the ids of
    critical leaves and the nodes of leaves in conflict up to date."""

    def __init__(
        self, network: Network, times: Times, least: list[int], critical: set[int], conflicted: set[int]
    ) -> None:
        self._network = network
        self._times = times
        self._least = least
        self._critical = critical
        self._conflicted = conflicted
        self._conflicts = ConflictFinder(network, times)

    def write(self, nodes: list[int], into: dict[int, TaskSchedule]) -> None:
        """Refresh `nodes` (leaves and spans, children before their parents) in `into`."""
        kinds, tasks = self._network.kind, self._network.tasks
        self._leaves([node for node in nodes if kinds[node] == LEAF], into)
        spans = [node for node in nodes if kinds[node] != LEAF]
        for node, slack in zip(spans, self._slacks(spans), strict=True):
            into[tasks[node].id] = self._summary(node, slack, into)

    def _leaves(self, leaves: list[int], into: dict[int, TaskSchedule]) -> None:
        """Column by column: a full pass writes 10,000 leaves, and comprehensions run twice as fast as a loop
        that builds each result field by field."""
        network, times = self._network, self._times
        starts = [times.early_start[node] for node in leaves]
        finishes = [times.early_finish[node] for node in leaves]
        lates = [times.unpinned.get(node, times.late_start[node]) for node in leaves]  # own_late_start, inlined
        late_finishes = [late + network.duration[node] for node, late in zip(leaves, lates, strict=True)]
        first = min(starts + lates, default=0) - 1  # a milestone's date is the day before its point
        days = network.calendar.working_dates(first, max(finishes + late_finishes, default=0))
        offsets = [network.milestone[node] + first for node in leaves]
        totals = [late - start for late, start in zip(lates, starts, strict=True)]
        early_starts = [days[start - offset] for start, offset in zip(starts, offsets, strict=True)]
        early_finishes = [days[finish - 1 - first] for finish in finishes]
        late_starts = [days[late - offset] for late, offset in zip(lates, offsets, strict=True)]
        late_finish_days = [days[finish - 1 - first] for finish in late_finishes]
        free = [_capped(slack, total) for slack, total in zip(self._slacks(leaves), totals, strict=True)]
        least, projects, tasks = self._least, network.project, network.tasks
        critical = [total == least[projects[node]] for node, total in zip(leaves, totals, strict=True)]
        ids = [tasks[node].id for node in leaves]
        rows = zip(
            ids,
            early_starts,
            early_finishes,
            early_starts,
            early_finishes,
            late_starts,
            late_finish_days,
            totals,
            free,
            critical,
            [None] * len(ids),
            strict=True,
        )
        into.update(zip(ids, map(TaskSchedule._make, rows), strict=True))
        self._critical.difference_update(ids)
        self._critical.update(compress(ids, critical))
        self._conflicted.difference_update(leaves)
        for node, total in zip(leaves, totals, strict=True):
            if network.pin[node] is not None or total < 0:  # rare: manual dates, conflicts
                self._special(node, into)

    def _special(self, node: int, into: dict[int, TaskSchedule]) -> None:
        """Add a manual task's own dates and a conflict to a leaf's result."""
        task = self._network.tasks[node]
        result = into[task.id]
        start, finish = self._shown(task, result.start, result.finish)
        conflict = self._conflicts.message(node)
        into[task.id] = result._replace(start=start, finish=finish, conflict=conflict)
        if conflict is not None:
            self._conflicted.add(node)

    @staticmethod
    def _shown(task: TaskInput, start: date, finish: date) -> tuple[date, date]:
        """What the Gantt shows: a manual task's own dates, else its early dates."""
        if not is_manual(task):
            return start, finish
        assert task.start is not None  # checked by is_manual
        return task.start, task.start if milestone_of(task) else task.finish or finish

    def _summary(self, node: int, slack: int, into: dict[int, TaskSchedule]) -> TaskSchedule:
        network = self._network
        children = [into[network.tasks[child].id] for child in network.members[node]]
        _, starts, finishes, early_starts, early_finishes, late_starts, late_finishes, floats, _, _, conflicts = zip(
            *children,
            strict=False,  # rows of one named tuple: equal lengths by construction
        )
        total = min(floats)
        troubled = conflicts.count(None) < len(conflicts)
        return TaskSchedule._make(
            (
                network.tasks[node].id,
                min(starts),
                max(finishes),
                min(early_starts),
                max(early_finishes),
                min(late_starts),
                max(late_finishes),
                total,
                _capped(slack, total),
                total == self._least[network.project[node]],
                tr("Some of its tasks cannot keep their dates.") if troubled else None,
            )
        )

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


def _capped(slack: int, total: int) -> int:
    """Free float: the slack to the successors, never above the total float, never below zero."""
    return max(0, min(slack, total))

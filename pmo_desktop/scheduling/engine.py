"""The scheduling engine: a full schedule on creation, then cheap updates after one task or link changes.

The engine keeps its network, topological order and every node's points between calls. After an edit it
recomputes early dates downstream of what changed and late dates upstream of what moved, only while
something actually moves, then rewrites the results of the tasks that could have changed. The result is
the one a full pass would give (the tests check that). Adding or deleting tasks, moving a task to another
parent or project, or a new calendar or project start, call for a new engine.
"""

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from types import MappingProxyType

from pmo_desktop.scheduling.backward import backward_from, backward_nodes
from pmo_desktop.scheduling.calendar import WorkCalendar
from pmo_desktop.scheduling.constraints import NEVER
from pmo_desktop.scheduling.cycles import check_link, ordered
from pmo_desktop.scheduling.forward import forward_from, forward_nodes, project_finishes
from pmo_desktop.scheduling.model import LinkInput, Schedule, TaskInput, TaskSchedule
from pmo_desktop.scheduling.network import GATE, LEAF, SPAN, Times
from pmo_desktop.scheduling.network_builder import build_network
from pmo_desktop.scheduling.results import Marks, ResultWriter, least_floats


class ScheduleEngine:
    """Schedules tasks and links on a working-day calendar; raises CycleError when the links loop.

    `project_starts` gives each project's start date: no task of the project starts earlier, unless it is
    scheduled by hand or must start on an earlier date. Inputs whose ids do not fit together (a link to an
    unknown task, a project without a start) raise ValueError: they are the caller's mistake, not the user's.
    Not thread-safe: use an engine from one thread at a time. The schedules it hands out never change.
    """

    def __init__(
        self,
        calendar: WorkCalendar,
        tasks: Iterable[TaskInput],
        links: Iterable[LinkInput],
        project_starts: Mapping[int, date],
    ) -> None:
        self._calendar = calendar
        self._project_starts = dict(project_starts)
        self._tasks: dict[int, TaskSchedule] = {}
        self._load(list(tasks), list(links))

    @property
    def schedule(self) -> Schedule:
        return self._schedule

    def update_task(self, task: TaskInput) -> frozenset[int]:
        """Take a task's new name, duration, kind, scheduling, constraint or dates; returns the ids whose
        schedule changed. A task moved to another parent or project is scheduled by a full pass."""
        network = self._network
        node = self._node(task.id)
        old = network.tasks[node]
        if (old.project_id, old.parent_id) != (task.project_id, task.parent_id):
            return self._reload([task if t.id == task.id else t for t in self._inputs()], list(network.links.values()))
        network.tasks[node] = task
        if node in network.gate_of:
            network.tasks[network.gate_of[node]] = task
        leaves = network.leaves_under(node)  # a summary's constraint reaches every task under it
        for leaf in leaves:
            network.refresh_bounds(leaf)
            self._times.unpinned.pop(leaf, None)  # the backward pass sets it again if the leaf is still pinned
        # Finishing (or reopening) a task moves no date but can move its project's critical threshold.
        recount = {network.project[node]} if old.complete != task.complete else set()
        return self._propagate(leaves, leaves, [node, *leaves], recount)

    def check_link(self, predecessor_id: int, successor_id: int) -> None:
        """Raise CycleError if linking these tasks would close a loop; changes nothing."""
        self._node(predecessor_id)
        self._node(successor_id)
        if (predecessor_id, successor_id) not in self._network.links:
            check_link(self._network, predecessor_id, successor_id)

    def set_link(self, link: LinkInput) -> frozenset[int]:
        """Add a link, or change the type or lag of an existing one; returns the ids whose schedule changed."""
        network = self._network
        self.check_link(link.predecessor_id, link.successor_id)
        old = network.links.get((link.predecessor_id, link.successor_id))
        if old == link:
            return frozenset()
        target = self._node(link.successor_id)
        if network.kind[target] != LEAF and target not in network.gate_of:  # it needs a gate: rewire it all
            links = [existing for existing in network.links.values() if existing != old]
            return self._reload(self._inputs(), [*links, link])
        if old is not None:
            network.remove_link(old)
        source, entry = network.add_link(link)
        if self._position[source] > self._position[entry]:
            self._order_nodes()
        return self._propagate([entry], [source], [source, entry])

    def remove_link(self, predecessor_id: int, successor_id: int) -> frozenset[int]:
        """Delete a link (nothing happens if there is none); returns the ids whose schedule changed."""
        link = self._network.links.get((predecessor_id, successor_id))
        if link is None:
            return frozenset()
        source, entry = self._network.remove_link(link)
        return self._propagate([entry], [source], [source, entry])

    def _node(self, task_id: int) -> int:
        node = self._network.node_of.get(task_id)
        if node is None:
            raise ValueError(f"task {task_id} is not in the schedule")
        return node

    def _inputs(self) -> list[TaskInput]:
        return self._network.tasks[: len(self._network.node_of)]

    def _load(self, tasks: list[TaskInput], links: list[LinkInput]) -> None:
        with _collector_paused():
            self._compute(tasks, links)

    def _compute(self, tasks: list[TaskInput], links: list[LinkInput]) -> None:
        network = build_network(self._calendar, tasks, links, self._project_starts)
        self._network = network
        self._order_nodes()
        self._times = times = Times.blank(network)
        forward_nodes(network, times, self._order)
        project_finishes(network, times, range(len(network.project_ids)))
        backward_nodes(network, times, reversed(self._order))
        self._least = [NEVER] * len(network.project_ids)
        least_floats(network, times, range(len(network.project_ids)), self._least)
        self._tasks = {}
        self._marks = Marks.blank(network.size)
        self._critical: set[int] = set()
        self._conflicted: set[int] = set()
        self._writer().write(self._order_of_results(), self._tasks)
        self._publish()

    def _writer(self) -> ResultWriter:
        return ResultWriter(
            self._network,
            self._times,
            least=self._least,
            critical=self._critical,
            conflicted=self._conflicted,
            marks=self._marks,
        )

    def _order_of_results(self) -> list[int]:
        """Leaves and spans in topological order: children before their summaries."""
        kinds = self._network.kind
        return [node for node in self._order if kinds[node] != GATE]

    def _publish(self) -> None:
        self._schedule = Schedule(MappingProxyType(dict(self._tasks)), frozenset(self._critical))

    def _reload(self, tasks: list[TaskInput], links: list[LinkInput]) -> frozenset[int]:
        before = self._tasks
        self._load(tasks, links)
        return frozenset(task_id for task_id, result in self._tasks.items() if before.get(task_id) != result)

    def _order_nodes(self) -> None:
        self._order = ordered(self._network)
        self._position = [0] * self._network.size
        for index, node in enumerate(self._order):
            self._position[node] = index

    def _propagate(
        self, forward_seeds: list[int], backward_seeds: list[int], touched: list[int], recount: Iterable[int] = ()
    ) -> frozenset[int]:
        """Recompute from the seeds; `recount` names projects whose least float must be recounted anyway."""
        network, times = self._network, self._times
        early_moved = forward_from(network, times, self._position, forward_seeds)
        finished = project_finishes(network, times, {network.project[node] for node in early_moved})
        # Every leaf of a project is bound by the project's finish.
        seeds = [*backward_seeds, *(leaf for project in finished for leaf in network.project_leaves[project])]
        late_moved = backward_from(network, times, self._position, seeds)
        floats = {network.project[node] for node in early_moved | late_moved if network.kind[node] == LEAF}
        floats.update(recount)
        projects = finished | least_floats(network, times, floats, self._least)
        return self._write(self._dirty(early_moved, late_moved, projects, touched))

    def _dirty(self, early_moved: set[int], late_moved: set[int], projects: set[int], touched: list[int]) -> list[int]:
        """Leaves and spans whose results may have changed, children before their parents."""
        network = self._network
        nodes = early_moved | late_moved | self._conflicted
        nodes.update(touched)
        for node in early_moved:  # free float looks at successors; a pinned task's conflict at predecessors
            nodes.update(network.successors(node))
            nodes.update(network.predecessors(node))
        gates = [node for node in nodes if network.kind[node] == GATE]
        while gates:  # a task linked to a summary looks at every task under it for its free float
            for before in network.predecessors(gates.pop()):
                if before not in nodes:
                    nodes.add(before)
                    if network.kind[before] == GATE:
                        gates.append(before)
        for project in projects:
            nodes.update(network.project_leaves[project])
        linked = [node for node in nodes if network.kind[node] == SPAN and (network.outs[node] or node in touched)]
        for node in linked:
            nodes.update(network.below(node))  # tasks under a linked summary share its successors
        return self._with_summaries(nodes)

    def _with_summaries(self, nodes: set[int]) -> list[int]:
        network = self._network
        found = {network.node_of[network.tasks[node].id] for node in nodes}  # a gate stands for its summary
        for node in list(found):
            above = network.parent[node]
            while above >= 0 and above not in found:
                found.add(above)
                above = network.parent[above]
        return sorted(found, key=self._position.__getitem__)

    def _write(self, nodes: list[int]) -> frozenset[int]:
        network, tasks = self._network, self._tasks
        before = [(task_id, tasks.get(task_id)) for task_id in (network.tasks[node].id for node in nodes)]
        self._writer().write(nodes, tasks)
        self._publish()
        return frozenset(task_id for task_id, old in before if tasks[task_id] != old)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector during a full pass, and age what the pass built.

    A full pass allocates some 100,000 small lists and tuples, and the collector, triggered by allocation
    counts, would walk the young ones again and again and now and then the whole heap: a quarter of the run
    on a median. Nothing the engine builds holds a reference cycle, so there is nothing for it to find.
    On the way out the survivors go straight to the oldest generation (`freeze` then `unfreeze`, which
    splice lists and walk nothing): they live as long as the engine, and the first young collection after
    the pass would otherwise walk all of them, a tenth of the pass again, only to promote them there.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()

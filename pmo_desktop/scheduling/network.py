"""The scheduling network: tasks and links compiled to integer nodes and adjacency lists.

Node i is the i-th input task: a *leaf*, or for a summary with children its *span*, which starts and
finishes with the tasks under it and is where links *from* the summary leave. A summary with links *into*
it (or under one that has) also gets a *gate* node, where those links arrive and from which every task
under it inherits them. So a link on a summary applies to each task under it, without copying the link to
every one of them.

Each link is an entry (other node, lag, code) on its successor's `ins` and its predecessor's `outs`. The
code says which ends the link joins: bit 0 set when it leaves from the predecessor's finish, bit 1 set when
it arrives at the successor's finish (so SS = 0, FS = 1, SF = 2, FF = 3).
"""

from dataclasses import dataclass, field

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.scheduling.calendar import WorkCalendar
from pmo_desktop.scheduling.constraints import NEVER, NO_FLOOR, leaf_bounds
from pmo_desktop.scheduling.model import LinkInput, TaskInput

LEAF, SPAN, GATE = 0, 1, 2
FROM_FINISH, TO_FINISH = 1, 2
FINISH_TO_START = FROM_FINISH  # the code of most links: the passes test for it first
CODES = {DependencyType.SS: 0, DependencyType.FS: FINISH_TO_START, DependencyType.SF: TO_FINISH, DependencyType.FF: 3}
Entry = tuple[int, int, int]  # (other node, lag in working days, code)


@dataclass(eq=False, slots=True)
class Network:
    """Nodes, their bounds and their entries; mutable so the engine can edit it in place."""

    calendar: WorkCalendar
    tasks: list[TaskInput]  # per node; a gate holds its summary
    node_of: dict[int, int]  # task id -> its leaf or span
    gate_of: dict[int, int]  # summary node -> its gate
    kind: list[int]
    parent: list[int]  # per node: the span of the summary above it, or -1
    members: list[tuple[int, ...]]  # span: its children's leaves and spans; gate: where their links arrive
    inherits: list[int]  # per leaf or gate: the gate whose links it inherits, or -1
    tree_after: list[tuple[int, ...]]  # waiting on a node in the hierarchy: its parent's span, a gate's children
    tree_before: list[tuple[int, ...]]  # what a node waits on in the hierarchy: its gate, a span's children
    project: list[int]  # per node: index into project_ids
    project_ids: list[int]
    project_start: list[int]  # per project: index of its first working day
    project_leaves: list[list[int]]
    duration: list[int]
    milestone: list[int]
    floor_start: list[int]
    floor_finish: list[int]
    ceiling_start: list[int]
    ceiling_finish: list[int]
    pin: list[int | None]
    ins: list[list[Entry]]
    outs: list[list[Entry]]
    links: dict[tuple[int, int], LinkInput] = field(default_factory=dict)
    span_links: int = 0  # how many links leave from a summary

    @property
    def size(self) -> int:
        return len(self.kind)

    def entry(self, node: int) -> int:
        """Where links into `node` arrive: its gate when it has one."""
        return self.gate_of.get(node, node)

    def ancestors(self, node: int) -> list[TaskInput]:
        found = []
        parent = self.parent[node]
        while parent >= 0:
            found.append(self.tasks[parent])
            parent = self.parent[parent]
        return found

    def leaves_under(self, node: int) -> list[int]:
        """The leaves under a span or gate (the node itself when it is a leaf)."""
        return [below for below in self.below(node) if self.kind[below] == LEAF] or [node]

    def below(self, node: int) -> list[int]:
        """Every node under a span or gate, all the way down."""
        found = list(self.members[node])
        for current in found:  # grows while walked
            found.extend(self.members[current])
        return found

    def refresh_bounds(self, node: int) -> None:
        """Recompute a leaf's bounds from its task, its ancestors' constraints and its project's start."""
        bounds = leaf_bounds(
            self.tasks[node], self.ancestors(node), self.calendar, self.project_start[self.project[node]]
        )
        self.duration[node] = bounds.duration
        self.milestone[node] = bounds.milestone
        self.floor_start[node] = bounds.floor_start
        self.floor_finish[node] = bounds.floor_finish
        self.ceiling_start[node] = bounds.ceiling_start
        self.ceiling_finish[node] = bounds.ceiling_finish
        self.pin[node] = bounds.pin

    def successors(self, node: int) -> list[int]:
        """Nodes that wait on this one: link successors, then those of the hierarchy."""
        return [*(target for target, _, _ in self.outs[node]), *self.tree_after[node]]

    def predecessors(self, node: int) -> list[int]:
        """Nodes this one waits on: link predecessors, then those of the hierarchy."""
        return [*(source for source, _, _ in self.ins[node]), *self.tree_before[node]]

    def add_link(self, link: LinkInput) -> tuple[int, int]:
        """Wire `link` in; returns its (source, target) nodes."""
        source, target = self._ends(link)
        self.ins[target].append((source, link.lag_days, CODES[link.type]))
        self.outs[source].append((target, link.lag_days, CODES[link.type]))
        self.links[link.predecessor_id, link.successor_id] = link
        self.span_links += self.kind[source] == SPAN
        return source, target

    def remove_link(self, link: LinkInput) -> tuple[int, int]:
        """Unwire `link`; returns its (source, target) nodes."""
        source, target = self._ends(link)
        self.ins[target].remove((source, link.lag_days, CODES[link.type]))
        self.outs[source].remove((target, link.lag_days, CODES[link.type]))
        del self.links[link.predecessor_id, link.successor_id]
        self.span_links -= self.kind[source] == SPAN
        return source, target

    def _ends(self, link: LinkInput) -> tuple[int, int]:
        return self.node_of[link.predecessor_id], self.entry(self.node_of[link.successor_id])


@dataclass(eq=False, slots=True)
class Times:
    """Early and late start/finish points per node, and each project's finish point.

    A pinned leaf (manual, or "must start/finish on") keeps its start whatever happens around it, so the
    work before it must finish in time for that start: its late points are the earlier of its own and its
    pin, which is what its predecessors read. Its own late start, which gives its float, is in `unpinned`.
    """

    early_start: list[int]
    early_finish: list[int]
    late_start: list[int]
    late_finish: list[int]
    project_finish: list[int]
    unpinned: dict[int, int] = field(default_factory=dict)

    @classmethod
    def blank(cls, network: Network) -> "Times":
        size = network.size
        return cls([NO_FLOOR] * size, [NO_FLOOR] * size, [NEVER] * size, [NEVER] * size, [0] * len(network.project_ids))

    def own_late_start(self, node: int) -> int:
        return self.unpinned.get(node, self.late_start[node])

    def total_float(self, node: int) -> int:
        """Working days the leaf can slip without delaying its project or a date downstream."""
        return self.own_late_start(node) - self.early_start[node]

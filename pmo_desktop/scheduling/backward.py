"""Backward pass: the latest start and finish point of every node that keep its project's finish and every
"no later than" and "must" date, in reverse topological order.

Late dates are measured against the finish of each task's own project, not the whole portfolio, so every
project has its own critical path; links across projects still pass late dates from one to the other.
Full and incremental passes share the flat loop in `backward_nodes`, as the forward pass does.
"""

from collections.abc import Iterable, Iterator
from heapq import heapify, heappop, heappush

from pmo_desktop.scheduling.network import FINISH_TO_START, FROM_FINISH, GATE, LEAF, TO_FINISH, Network, Times


def backward_nodes(network: Network, times: Times, nodes: Iterable[int]) -> None:
    """Recompute the late points of `nodes`, in the order given (each after every node that waits on it)."""
    late_start, late_finish, project_finish = times.late_start, times.late_finish, times.project_finish
    kinds, outs, parents, members = network.kind, network.outs, network.parent, network.members
    ceiling_start, ceiling_finish, durations, projects, pins = (
        network.ceiling_start,
        network.ceiling_finish,
        network.duration,
        network.project,
        network.pin,
    )
    unpinned = times.unpinned
    for node in nodes:
        kind = kinds[node]
        if kind == GATE:
            late_start[node] = min(map(late_start.__getitem__, members[node]))
            late_finish[node] = min(map(late_finish.__getitem__, members[node]))
            continue
        start, finish = ceiling_start[node], ceiling_finish[node]
        # Comparisons rather than min(): a builtin call per link costs a tenth of the pass.
        for target, lag, code in outs[node]:
            if code == FINISH_TO_START:
                bound = late_start[target] - lag
                if bound < finish:  # noqa: PLR1730
                    finish = bound
                continue
            bound = (late_finish if code & TO_FINISH else late_start)[target] - lag
            if code & FROM_FINISH:
                if bound < finish:  # noqa: PLR1730
                    finish = bound
            elif bound < start:
                start = bound
        above = parents[node]
        if above >= 0:
            start, finish = min(start, late_start[above]), min(finish, late_finish[above])
        if kind == LEAF:
            duration, pin = durations[node], pins[node]
            finish = min(finish, project_finish[projects[node]])
            if finish - duration < start:  # noqa: PLR1730
                start = finish - duration
            if pin is not None:
                unpinned[node] = start
                start = min(start, pin)
            finish = start + duration
        late_start[node], late_finish[node] = start, finish


def backward_from(network: Network, times: Times, position: list[int], seeds: Iterable[int]) -> set[int]:
    """Recompute `seeds` and whatever they move upstream; returns the nodes whose late points moved."""
    moved: set[int] = set()
    backward_nodes(network, times, _upstream(network, times, position, seeds, moved))
    return moved


def _upstream(
    network: Network, times: Times, position: list[int], seeds: Iterable[int], moved: set[int]
) -> Iterator[int]:
    """Hand `backward_nodes` the seeds, then the predecessors of each node it moves, latest first."""
    heap = [(-position[node], node) for node in set(seeds)]
    heapify(heap)
    queued = {node for _, node in heap}
    late_start, late_finish, unpinned = times.late_start, times.late_finish, times.unpinned
    while heap:
        _, node = heappop(heap)
        before = late_start[node], late_finish[node], unpinned.get(node)
        yield node
        if before != (late_start[node], late_finish[node], unpinned.get(node)):
            moved.add(node)
            for predecessor in network.predecessors(node):
                if predecessor not in queued:
                    queued.add(predecessor)
                    heappush(heap, (-position[predecessor], predecessor))

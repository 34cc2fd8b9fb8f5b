"""Topological order of the network, and the loops that prevent one, named for the user.

A loop in the network always runs through at least one link: the hierarchy alone (gates down to tasks,
tasks up to spans) cannot close one. So a loop is told as the chain of links it follows, each link as
its predecessor's and successor's names: "'A' → 'B' → 'C' → 'A'". Where a link arrives at a summary and
the next one leaves from a task under it (or the other way round), both names appear.
"""

from itertools import pairwise

from pmo_desktop.domain.errors import CycleError
from pmo_desktop.i18n import tr
from pmo_desktop.scheduling.network import Network


def ordered(network: Network) -> list[int]:
    """Every node after all it waits on; raises CycleError naming the tasks of a loop when there is none."""
    order = _kahn(network)
    if len(order) < network.size:
        loop = _loop_among(network, set(range(network.size)).difference(order))
        raise CycleError(tr("These tasks depend on each other in a loop: {loop}.", loop=_chain(network, loop)))
    return order


def _kahn(network: Network) -> list[int]:
    """Kahn's algorithm over links and hierarchy; it runs on every full schedule, so it stays flat."""
    outs, tree_after = network.outs, network.tree_after
    waiting = [len(entries) + len(tree) for entries, tree in zip(network.ins, network.tree_before, strict=True)]
    order = [node for node, count in enumerate(waiting) if not count]
    append = order.append
    for node in order:  # the list grows while it is walked: each node is appended once it is free
        for successor, _, _ in outs[node]:
            waiting[successor] -= 1
            if not waiting[successor]:
                append(successor)
        for successor in tree_after[node]:
            waiting[successor] -= 1
            if not waiting[successor]:
                append(successor)
    return order


def check_link(network: Network, predecessor_id: int, successor_id: int) -> None:
    """Raise CycleError if linking these two tasks would close a loop."""
    source, target = network.node_of[predecessor_id], network.node_of[successor_id]
    # Links into a summary arrive at its gate; one that has none yet would pass them to every task under it.
    starts = [network.entry(target)] if target in network.gate_of else network.leaves_under(target)
    path = _path(network, starts, source)
    if path is not None:
        raise CycleError(
            tr(
                "Linking '{a}' to '{b}' would close a loop: {loop}.",
                a=network.tasks[source].name,
                b=network.tasks[target].name,
                loop=_chain(network, path, [source, target]),
            )
        )


def _loop_among(network: Network, stuck: set[int]) -> list[int]:
    """A loop among the nodes Kahn's algorithm could not free: each of them waits on another one of them."""
    node = min(stuck)
    seen: dict[int, int] = {}
    walk: list[int] = []
    while node not in seen:
        seen[node] = len(walk)
        walk.append(node)
        node = next(before for before in network.predecessors(node) if before in stuck)
    loop = [*walk[seen[node] :], node]
    loop.reverse()  # the walk went backwards along the links
    return loop


def _path(network: Network, starts: list[int], goal: int) -> list[int] | None:
    """Nodes from one of `starts` to `goal` (both included) along successors, or None."""
    came_from: dict[int, int] = {start: start for start in starts}
    pending = list(starts)
    while pending:
        node = pending.pop()
        if node == goal:
            path = [node]
            while came_from[node] != node:
                node = came_from[node]
                path.append(node)
            return path[::-1]
        for successor in network.successors(node):
            if successor not in came_from:
                came_from[successor] = node
                pending.append(successor)
    return None


def _chain(network: Network, nodes: list[int], tasks: list[int] | None = None) -> str:
    """The links along `nodes` as "'A' → 'B' → 'A'", after `tasks` (the nodes of a link not wired yet)."""
    named = [network.node_of[network.tasks[node].id] for node in tasks or []]
    for source, target in pairwise(nodes):
        if _is_link(network, source, target):
            for node in (source, target):
                task = network.node_of[network.tasks[node].id]
                if not named or named[-1] != task:
                    named.append(task)
    if len(named) == 1 or named[-1] != named[0]:
        named.append(named[0])
    return " → ".join(f"'{network.tasks[task].name}'" for task in named)


def _is_link(network: Network, source: int, target: int) -> bool:
    """Whether the edge from `source` to `target` is a link (not the hierarchy)."""
    link = network.links.get((network.tasks[source].id, network.tasks[target].id))
    return (
        link is not None
        and network.node_of[link.predecessor_id] == source
        and network.entry(network.node_of[link.successor_id]) == target
    )

"""Why a task cannot keep its dates, in a sentence for the user.

Two things go wrong. A pinned task (scheduled by hand, or "must start/finish on") keeps its date although
its predecessors need it later. And a task gets negative float when a "no later than" or "must" date
downstream (its own, a summary's above it, or a successor's) cannot be met: following, from the task, the
late date that binds it leads to the constraint that is out of reach, and the message names it.
"""

from collections.abc import Iterator
from datetime import date

from pmo_desktop.domain.enums import ConstraintType
from pmo_desktop.i18n import tr
from pmo_desktop.scheduling.constraints import is_manual
from pmo_desktop.scheduling.forward import linked_start
from pmo_desktop.scheduling.model import TaskInput
from pmo_desktop.scheduling.network import FROM_FINISH, GATE, LEAF, TO_FINISH, Network, Times

START, FINISH, PINNED = 0, 1, 2
Origin = tuple[int, int]  # (leaf, START or FINISH when its own ceiling binds, PINNED when its pin does)

_C = ConstraintType


class ConflictFinder:
    """Conflict messages for leaves; remembers where negative float comes from while one result is built."""

    def __init__(self, network: Network, times: Times) -> None:
        self._network = network
        self._times = times
        self._origins: dict[int, Origin] = {}

    def message(self, node: int) -> str | None:
        """The leaf's conflict, or None when it can keep its dates."""
        pinned = self._pinned(node)
        if pinned is not None:
            return pinned
        late_by = -self._times.total_float(node)
        return None if late_by <= 0 else self._late(node, late_by)

    def _pinned(self, node: int) -> str | None:
        network, pin = self._network, self._network.pin[node]
        if pin is None:
            return None
        wanted = linked_start(network, self._times, node)
        if wanted <= pin:
            return None
        task, milestone, duration = network.tasks[node], network.milestone[node], network.duration[node]
        earliest = self._day(wanted - milestone)
        if is_manual(task):
            return tr(
                "Scheduled by hand to start on {date}, but its predecessors allow {earliest} at the earliest.",
                date=_text(task.start),
                earliest=earliest,
            )
        if task.constraint_type is _C.MUST_START_ON:
            return tr(
                "Must start on {date}, but its predecessors allow {earliest} at the earliest.",
                date=_text(task.constraint_date),
                earliest=earliest,
            )
        return tr(
            "Must finish on {date}, but its predecessors allow {earliest} at the earliest.",
            date=_text(task.constraint_date),
            earliest=self._day(wanted + duration - 1),
        )

    def _late(self, node: int, late_by: int) -> str:
        leaf, side = self._origin(node)
        if side == PINNED:
            reason = _pinned_reason(self._network.tasks[leaf])
        else:
            holder = self._holder(leaf, side)
            if holder is self._network.tasks[node]:
                return self._own(node, holder)
            reason = _constraint_reason(holder)
        if late_by == 1:
            return tr("1 working day late for {reason}.", reason=reason)
        return tr("{days} working days late for {reason}.", days=late_by, reason=reason)

    def _own(self, node: int, holder: TaskInput) -> str:
        times, milestone = self._times, self._network.milestone[node]
        if holder.constraint_type is _C.START_NO_LATER:
            return tr(
                "Cannot start by {date}: the earliest it can start is {earliest}.",
                date=_text(holder.constraint_date),
                earliest=self._day(times.early_start[node] - milestone),
            )
        return tr(
            "Cannot finish by {date}: the earliest it can finish is {earliest}.",
            date=_text(holder.constraint_date),
            earliest=self._day(times.early_finish[node] - 1),
        )

    def _origin(self, node: int) -> Origin:
        """Follow the late dates that bind `node` downstream to the date that cannot be kept: a leaf's own
        ceiling, or a pinned leaf that keeps its date although the work before it is late for it."""
        path: list[int] = []
        while node not in self._origins:
            path.append(node)
            following = self._next_leaf(node)
            if following is None:
                side = START if self._network.ceiling_start[node] == self._times.late_start[node] else FINISH
                self._origins[node] = (node, side)
            elif self._times.total_float(following) >= 0:
                self._origins[node] = (following, PINNED)
            else:
                node = following
        for visited in path:
            self._origins[visited] = self._origins[node]
        return self._origins[node]

    def _next_leaf(self, node: int) -> int | None:
        """The leaf whose late dates bind this leaf's, or None when its own ceiling does."""
        following = self._binder(node, START)
        while following is not None and self._network.kind[following[0]] != LEAF:
            following = self._binder(*following)
        return None if following is None else following[0]

    def _binder(self, node: int, side: int) -> tuple[int, int] | None:
        """The (node, side) whose late date sets this one's, or None when its own ceiling does."""
        network, times = self._network, self._times
        late_start, late_finish = times.late_start[node], times.late_finish[node]
        if network.kind[node] == GATE:
            bound = late_start if side == START else late_finish
            values = times.late_start if side == START else times.late_finish
            found = [(member, side) for member in network.members[node] if values[member] == bound]
        elif network.kind[node] == LEAF and (
            network.ceiling_start[node] == late_start or network.ceiling_finish[node] == late_finish
        ):
            return None
        else:
            both = network.kind[node] == LEAF  # a leaf's start and finish move together; a span's do not
            start = late_start if both or side == START else None
            finish = late_finish if both or side == FINISH else None
            found = list(self._bindings(node, start, finish))
        # Ties go to the lowest task id, so the answer does not depend on the order links were added in.
        return min(found, key=lambda item: (network.tasks[item[0]].id, item[0], item[1]), default=None)

    def _bindings(self, node: int, start: int | None, finish: int | None) -> Iterator[tuple[int, int]]:
        """Each successor (and the parent span) whose late date sets the node's late `start` or `finish`
        (None for the one that does not matter)."""
        times = self._times
        for target, lag, code in self._network.outs[node]:
            side = FINISH if code & TO_FINISH else START
            bound = (times.late_finish if side == FINISH else times.late_start)[target] - lag
            if bound == (finish if code & FROM_FINISH else start):
                yield target, side
        above = self._network.parent[node]
        if above >= 0 and times.late_start[above] == start:
            yield above, START
        if above >= 0 and times.late_finish[above] == finish:
            yield above, FINISH

    def _holder(self, leaf: int, side: int) -> TaskInput:
        """The task (the leaf or a summary above it) whose constraint sets the leaf's binding ceiling."""
        network, calendar = self._network, self._network.calendar
        task, milestone = network.tasks[leaf], network.milestone[leaf]
        if side == START:
            ceiling = network.ceiling_start[leaf]
            if network.pin[leaf] == ceiling and not is_manual(task):  # "must start/finish on" holds it there
                return task
            kinds: tuple[ConstraintType, ...] = (_C.START_NO_LATER,)
            offset = milestone
        else:
            ceiling, kinds, offset = network.ceiling_finish[leaf], (_C.FINISH_NO_LATER, _C.MUST_FINISH_ON), 1
        return next(
            holder
            for holder in (task, *network.ancestors(leaf))
            if holder.constraint_type in kinds
            and holder.constraint_date is not None
            and calendar.index_on_or_before(holder.constraint_date) + offset == ceiling
        )

    def _day(self, index: int) -> str:
        return _text(self._network.calendar.date_at(index))


def _text(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _pinned_reason(task: TaskInput) -> str:
    """What a pinned task holds to, as the end of "N working days late for ..."."""
    if is_manual(task):
        return tr("'{name}', scheduled by hand to start on {date}", name=task.name, date=_text(task.start))
    return _constraint_reason(task)


def _constraint_reason(task: TaskInput) -> str:
    """The constraint a task (or summary) sets, as the end of "N working days late for ..."."""
    name, day = task.name, _text(task.constraint_date)
    if task.constraint_type is _C.START_NO_LATER:
        return tr("'{name}' to start no later than {date}", name=name, date=day)
    if task.constraint_type is _C.FINISH_NO_LATER:
        return tr("'{name}' to finish no later than {date}", name=name, date=day)
    if task.constraint_type is _C.MUST_START_ON:
        return tr("'{name}' to start on {date}", name=name, date=day)
    return tr("'{name}' to finish on {date}", name=name, date=day)

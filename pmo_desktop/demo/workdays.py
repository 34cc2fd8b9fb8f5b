"""Monday-to-Friday arithmetic and the dependency rule both generators place tasks by.

Working days are numbered by an index: consecutive Monday-to-Friday days get consecutive integers. A task
from day s to day f occupies the interval [s, f + 1); a milestone on day m is the instant m + 1, the end of
its day. So a milestone that follows a task shares the task's finish date, and work that follows a
milestone starts on the next working day. A link with lag L (working days, negative for a lead) requires:

- FS: successor start >= predecessor finish + L
- SS: successor start >= predecessor start + L
- FF: successor finish >= predecessor finish + L
- SF: successor finish >= predecessor start + L

Public holidays are ignored on purpose: calendars belong to the scheduling engine, and the demo only needs
dates that a plain Monday-to-Friday reading confirms.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from pmo_desktop.domain.enums import DependencyType

Link = tuple["Span", DependencyType, int]


def index_of(day: date) -> int:
    """The index of `day`, or of the next working day when `day` falls on a weekend."""
    weeks, weekday = divmod(day.toordinal() - 1, 7)  # ordinal 1, 0001-01-01, is a Monday
    return weeks * 5 + min(weekday, 5)


def day_of(index: int) -> date:
    weeks, weekday = divmod(index, 5)
    return date.fromordinal(weeks * 7 + weekday + 1)


def workdays(start: date, finish: date) -> int:
    """Working days from `start` to `finish`, both included (0 when there are none)."""
    return max(0, index_of(finish + timedelta(days=1)) - index_of(start))


def next_workday(day: date) -> date:
    """`day` itself when it is a working day, else the Monday after."""
    return day_of(index_of(day))


class Span:
    """Where a placed task or milestone sits: its first working day and its length (0 for a milestone)."""

    __slots__ = ("days", "start")

    def __init__(self, start: int, days: int) -> None:
        self.start = start
        self.days = days

    @property
    def finish(self) -> int:
        """Index of the last working day (the day itself for a milestone)."""
        return self.start + max(self.days, 1) - 1

    @property
    def start_point(self) -> int:
        return self.start + 1 if self.days == 0 else self.start

    @property
    def finish_point(self) -> int:
        return self.start + max(self.days, 1)


def earliest_start(days: int, floor: int, links: Iterable[Link]) -> int:
    """The first working day a task of `days` (0 = milestone) may start on, given its incoming links.

    `floor` is the earliest working day allowed whatever the links say (the project's start).
    """
    point = floor + 1 if days == 0 else floor
    for predecessor, kind, lag in links:
        if kind is DependencyType.FS:
            need = predecessor.finish_point + lag
        elif kind is DependencyType.SS:
            need = predecessor.start_point + lag
        elif kind is DependencyType.FF:
            need = predecessor.finish_point + lag - days
        else:
            need = predecessor.start_point + lag - days
        point = max(point, need)
    return point - 1 if days == 0 else point

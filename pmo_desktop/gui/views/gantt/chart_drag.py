"""What a mouse drag on the chart means: move a bar, resize it by its end, or link it to another bar.

Plain state and arithmetic, no widgets: the chart feeds it the press, the moves and the release, and it
answers what to preview and, at the end, which edit was asked for. A drag that leaves the bar's row by more
than half a row turns into a link (as in the big planning tools); the modifiers held at the end choose the
link type: none = finish-to-start, Shift = start-to-start, Ctrl = finish-to-finish, Alt = start-to-finish.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.gui.views.gantt.gantt_scene import Part
from pmo_desktop.gui.views.gantt.time_scale import TimeScale

WorkingDay = Callable[[date], bool]
_SEARCH_DAYS = 31  # a calendar always has a working day within a month


def _every_day(day: date) -> bool:
    return True


def _working(day: date, step: timedelta, working: WorkingDay) -> date:
    """`day`, or the nearest working day from it in the direction of `step`."""
    for _ in range(_SEARCH_DAYS):
        if working(day):
            return day
        day += step
    return day


class DragMode(Enum):
    MOVE = "move"
    RESIZE = "resize"
    LINK = "link"


@dataclass(frozen=True)
class Modifiers:
    shift: bool = False
    control: bool = False
    alt: bool = False


def link_type_for(modifiers: Modifiers) -> DependencyType:
    """The link type the held modifiers choose (Alt before Ctrl before Shift when several are held)."""
    if modifiers.alt:
        return DependencyType.SF
    if modifiers.control:
        return DependencyType.FF
    if modifiers.shift:
        return DependencyType.SS
    return DependencyType.FS


@dataclass(frozen=True)
class MoveEdit:
    task_id: int
    start: date


@dataclass(frozen=True)
class ResizeEdit:
    task_id: int
    finish: date


@dataclass(frozen=True)
class LinkEdit:
    predecessor_id: int
    successor_id: int
    type: DependencyType


Edit = MoveEdit | ResizeEdit | LinkEdit


@dataclass
class Drag:
    """One drag from press to release. Positions are viewport pixels."""

    task_id: int
    mode: DragMode
    press: tuple[float, float]
    start: date
    finish: date
    row_height: float
    movable: bool = True
    current: tuple[float, float] = (0.0, 0.0)
    target_id: int | None = None
    modifiers: Modifiers = Modifiers()
    active: bool = False

    @classmethod
    def begin(
        cls,
        task_id: int,
        part: Part,
        press: tuple[float, float],
        span: tuple[date, date],
        row_height: float,
        *,
        movable: bool,
    ) -> "Drag":
        """A drag pressed on `part` of a task; one that cannot move (a summary) can only link."""
        mode = DragMode.RESIZE if part is Part.END and movable else DragMode.MOVE if movable else DragMode.LINK
        return cls(task_id, mode, press, span[0], span[1], row_height, movable, current=press)

    def update(self, point: tuple[float, float], modifiers: Modifiers, target_id: int | None, threshold: float) -> None:
        """The mouse moved to `point`, over `target_id` (if any) with `modifiers` held."""
        self.current = point
        self.modifiers = modifiers
        dx, dy = point[0] - self.press[0], point[1] - self.press[1]
        if not self.active and (dx * dx + dy * dy) ** 0.5 >= threshold:
            self.active = True
        if self.mode is DragMode.MOVE and abs(dy) > self.row_height * 0.75:
            self.mode = DragMode.LINK
        self.target_id = target_id if target_id != self.task_id else None

    @property
    def link_type(self) -> DependencyType:
        return link_type_for(self.modifiers)

    def days(self, scale: TimeScale) -> int:
        """The horizontal movement in whole days (drags snap to days)."""
        return scale.days_in(self.current[0] - self.press[0])

    def preview(self, scale: TimeScale, working: WorkingDay = _every_day) -> tuple[date, date]:
        """Where the bar would be if the mouse were released now: a moved start or a new finish lands on a
        working day, the next one in the direction of the drag."""
        days = self.days(scale)
        step = timedelta(days=1 if days >= 0 else -1)
        if self.mode is DragMode.RESIZE:
            finish = _working(max(self.start, self.finish + timedelta(days=days)), step, working)
            return self.start, max(self.start, finish)
        start = _working(self.start + timedelta(days=days), step, working)
        return start, self.finish + (start - self.start)

    def finish_edit(self, scale: TimeScale, working: WorkingDay = _every_day) -> Edit | None:
        """The edit the drag asks for on release, or None (too small, no target, back where it began)."""
        if not self.active:
            return None
        if self.mode is DragMode.LINK:
            if self.target_id is None:
                return None
            return LinkEdit(self.task_id, self.target_id, self.link_type)
        start, finish = self.preview(scale, working)
        if self.mode is DragMode.RESIZE:
            return None if finish == self.finish else ResizeEdit(self.task_id, finish)
        return None if start == self.start else MoveEdit(self.task_id, start)

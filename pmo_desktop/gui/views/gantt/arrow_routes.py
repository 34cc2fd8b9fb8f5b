"""Routes of dependency arrows: orthogonal polylines from the predecessor's side to the successor's.

Pure geometry, the way planning tools draw them so a dense plan stays readable:
- finish-to-start leaves the predecessor's end, runs right to just inside the successor's start and drops
  onto (or rises into) the successor's bar; when the successor starts earlier (a lead, an overlap) it goes
  down to the gap between rows, back left, and enters the successor's start from the left;
- start-to-start and finish-to-finish leave and enter the same side, the elbow just outside both bars;
- start-to-finish mirrors finish-to-start.
Because a predecessor's arrows share their first segment and a successor's share their last, fan-out and
fan-in read as one trunk with branches instead of a tangle.
"""

from dataclasses import dataclass
from enum import Enum

from pmo_desktop.domain.enums import DependencyType

STUB = 8.0
"""How far an arrow runs out of a bar before it turns."""
INSET = 5.0
"""How far inside a bar's start (or end) an arrow that drops onto it lands."""
_ROOM = 3.0
_EDGE = 2.0

Point = tuple[float, float]


class Direction(Enum):
    RIGHT = "right"
    LEFT = "left"
    DOWN = "down"
    UP = "up"


_RIGHT, _LEFT, _DOWN, _UP = Direction.RIGHT, Direction.LEFT, Direction.DOWN, Direction.UP
_SS, _FF, _SF = DependencyType.SS, DependencyType.FF, DependencyType.SF


@dataclass(frozen=True, slots=True)
class Box:
    """A bar or milestone as an arrow sees it: the shape's extent and the extent of its row."""

    x0: float
    x1: float
    top: float
    bottom: float
    row_top: float
    row_bottom: float
    milestone: bool = False

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    def landing(self, from_end: bool) -> float:
        """Where an arrow dropping onto the shape lands: near its start (or its end), a milestone's tip."""
        if self.milestone:
            return (self.x0 + self.x1) / 2
        inset = min(INSET, (self.x1 - self.x0) / 2)
        return self.x1 - inset if from_end else self.x0 + inset


@dataclass(frozen=True, slots=True)
class Route:
    """The polyline of an arrow, first point at the predecessor; the head sits on the last point."""

    points: tuple[Point, ...]
    head: Direction


def route(kind: DependencyType, source: Box, target: Box) -> Route:
    """The route of a link of `kind` from the predecessor `source` to the successor `target`."""
    if kind is _SS:
        return _same_side(source.x0, source, target.x0, target, _RIGHT)
    if kind is _FF:
        return _same_side(source.x1, source, target.x1, target, _LEFT)
    if kind is _SF:
        return _opposite_side(source.x0, source, target, leftwards=True)
    return _opposite_side(source.x1, source, target, leftwards=False)


def _same_side(x: float, source: Box, entry: float, target: Box, head: Direction) -> Route:
    leftwards = head is _RIGHT  # the elbow sits left of both bars when the arrow enters from the left
    elbow = min(x, entry) - STUB if leftwards else max(x, entry) + STUB
    start = (x, source.mid)
    return Route((start, (elbow, start[1]), (elbow, target.mid), (entry, target.mid)), head)


def _opposite_side(x: float, source: Box, target: Box, *, leftwards: bool) -> Route:
    """Finish-to-start (rightwards) or start-to-finish (leftwards, mirrored)."""
    start = (x, source.mid)
    below = target.row_top >= source.row_bottom
    entry_y = target.top if below else target.bottom
    head = _DOWN if below else _UP
    landing = target.landing(from_end=leftwards)
    ahead = x - landing if leftwards else landing - x
    if ahead >= _ROOM:
        return Route((start, (landing, start[1]), (landing, entry_y)), head)
    elbow = x - STUB if leftwards else x + STUB
    if target.x0 + _EDGE <= elbow <= target.x1 - _EDGE and not target.milestone:
        return Route((start, (elbow, start[1]), (elbow, entry_y)), head)
    between = target.row_top if below else target.row_bottom
    side = target.x1 if leftwards else target.x0
    outside = side + STUB if leftwards else side - STUB
    points = (start, (elbow, start[1]), (elbow, between), (outside, between), (outside, target.mid), (side, target.mid))
    return Route(points, _LEFT if leftwards else _RIGHT)

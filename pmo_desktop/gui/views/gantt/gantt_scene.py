"""The chart as drawing primitives: a pure function from the rows in view and the time scale to a `Scene`.

GanttProject's split (STYLE.md): this module decides where every band, bar, milestone, summary, baseline
ghost, label and arrow goes, in viewport pixels, and knows nothing of Qt; `gantt_painter` draws a scene and
`scene.hit` answers what is under the mouse. Only the rows in view are laid out, and an arrow only when the
caller found its span crossing the view, so the cost follows the screen, not the size of the portfolio.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.gui.views.gantt.arrow_routes import Box, Direction, Point, route
from pmo_desktop.gui.views.gantt.time_scale import TimeScale

BAR_TOP, BAR_HEIGHT = 5.0, 12.0
GHOST_TOP, GHOST_HEIGHT = 19.0, 4.0
SUMMARY_TOP, SUMMARY_HEIGHT, CAP = 6.0, 6.0, 5.0
MILESTONE_HALF = 7.0
LABEL_GAP = 6.0
MIN_BAR = 2.0
RESIZE_GRIP = 5.0
_LABEL_REACH = 480.0  # a label may show although its bar ended this far left of the view


class Shape(Enum):
    """How a row is drawn."""

    BAR = "bar"
    MILESTONE = "milestone"
    SUMMARY = "summary"
    PROJECT = "project"
    PROGRAMME = "programme"


class Part(Enum):
    """Which part of a bar the mouse is on: the body moves it, the end resizes it."""

    BODY = "body"
    END = "end"


# Enum members read through the class cost a descriptor call each; a repaint reads them thousands of times.
_BAR, _MILESTONE, _SUMMARY = Shape.BAR, Shape.MILESTONE, Shape.SUMMARY
_PROJECT, _PROGRAMME = Shape.PROJECT, Shape.PROGRAMME
_BODY, _END = Part.BODY, Part.END


@dataclass(frozen=True, slots=True)
class ChartRow:
    """What one row of the tree shows in the chart. `row` is its position among the expanded rows."""

    row: int
    key: int
    shape: Shape
    label: str
    start: date | None
    finish: date | None
    task_id: int | None = None
    progress: int = 0
    critical: bool = False
    colour: str = "#4c6ef5"
    baseline: tuple[date, date] | None = None
    conflict: str | None = None
    owns_conflict: bool = False
    manual: bool = False


@dataclass(frozen=True, slots=True)
class ChartLink:
    """A dependency between two rows (either may be out of view)."""

    id: int
    type: DependencyType
    critical: bool
    predecessor: ChartRow
    successor: ChartRow


@dataclass(frozen=True, slots=True)
class Viewport:
    """The chart's visible area: its size, its row height and how far it is scrolled down."""

    width: float
    height: float
    row_height: float = 26.0
    scroll_y: float = 0.0

    def row_top(self, row: int) -> float:
        return row * self.row_height - self.scroll_y

    def rows_in_view(self, count: int) -> range:
        """The rows at least partly visible, of `count` rows in all."""
        first = max(0, int(self.scroll_y // self.row_height))
        last = min(count, math.ceil((self.scroll_y + self.height) / self.row_height))
        return range(first, max(first, last))

    def row_at(self, y: float) -> int:
        return int((y + self.scroll_y) // self.row_height)


@dataclass(frozen=True, slots=True)
class Band:
    """A row's background: "programme", "project" or "selected"."""

    top: float
    height: float
    kind: str


@dataclass(frozen=True, slots=True)
class BarItem:
    """A task bar; `progress_x` is where its progress fill ends. A conflict outlines the bar; a badge marks the
    task whose own date cannot be kept."""

    task_id: int
    key: int
    x0: float
    x1: float
    top: float
    bottom: float
    progress_x: float
    critical: bool
    conflict: bool
    badge: bool
    manual: bool


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """A summary task, a project or a programme: a thin bar with caps at both ends."""

    key: int
    shape: Shape
    x0: float
    x1: float
    top: float
    bottom: float
    colour: str
    critical: bool
    task_id: int | None


@dataclass(frozen=True, slots=True)
class MilestoneItem:
    task_id: int
    key: int
    cx: float
    cy: float
    half: float
    critical: bool
    conflict: bool
    badge: bool


@dataclass(frozen=True, slots=True)
class GhostItem:
    """Where the chosen baseline had the task: a thin grey bar, or a small diamond for a milestone."""

    x0: float
    x1: float
    top: float
    bottom: float
    milestone: bool


@dataclass(frozen=True, slots=True)
class LabelItem:
    """Text beside a bar; `y` is the vertical centre of its line."""

    x: float
    y: float
    text: str
    shape: Shape
    critical: bool


@dataclass(frozen=True, slots=True)
class ArrowItem:
    """A dependency's polyline; `passing` when both of its tasks are above or below the view, so only a
    stretch of it crosses the screen and it is drawn quieter than the arrows between tasks in view."""

    link_id: int
    points: tuple[Point, ...]
    head: Direction
    critical: bool
    passing: bool = False


@dataclass
class Scene:
    """Everything to draw, in painting order, plus the boxes of the tasks in view for hit tests."""

    bands: list[Band] = field(default_factory=list)
    ghosts: list[GhostItem] = field(default_factory=list)
    summaries: list[SummaryItem] = field(default_factory=list)
    arrows: list[ArrowItem] = field(default_factory=list)
    bars: list[BarItem] = field(default_factory=list)
    milestones: list[MilestoneItem] = field(default_factory=list)
    labels: list[LabelItem] = field(default_factory=list)
    boxes: dict[int, Box] = field(default_factory=dict)

    def hit(self, x: float, y: float) -> tuple[int, Part] | None:
        """The task under (x, y) and the part of it (end = the resize grip of a bar), if any."""
        for bar in self.bars:
            if bar.top - 2 <= y <= bar.bottom + 2 and bar.x0 - 1 <= x <= bar.x1 + RESIZE_GRIP:
                part = _END if x >= bar.x1 - min(RESIZE_GRIP, (bar.x1 - bar.x0) / 3) else _BODY
                return bar.task_id, part
        for milestone in self.milestones:
            if abs(x - milestone.cx) + abs(y - milestone.cy) <= milestone.half + 2:
                return milestone.task_id, _BODY
        for summary in self.summaries:
            if (
                summary.task_id is not None
                and summary.top - 3 <= y <= summary.bottom + CAP
                and (summary.x0 <= x <= summary.x1)
            ):
                return summary.task_id, _BODY
        return None

    def arrow_at(self, x: float, y: float, tolerance: float = 3.0) -> int | None:
        """The link whose arrow passes within `tolerance` pixels of (x, y), if any."""
        for arrow in reversed(self.arrows):
            for (ax, ay), (bx, by) in zip(arrow.points, arrow.points[1:], strict=False):
                if min(ax, bx) - tolerance <= x <= max(ax, bx) + tolerance and (
                    min(ay, by) - tolerance <= y <= max(ay, by) + tolerance
                ):
                    return arrow.link_id
        return None


def build_scene(
    rows: Iterable[ChartRow],
    links: Iterable[ChartLink],
    scale: TimeScale,
    view: Viewport,
    selected: frozenset[int] = frozenset(),
) -> Scene:
    """Lay out the rows that fall in `view` (others are skipped) and the arrows of `links` that cross it."""
    scene = Scene()
    for row in rows:
        top = view.row_top(row.row)
        if top + view.row_height <= 0 or top >= view.height:
            continue
        _add_row(scene, row, top, scale, view, selected=row.key in selected)
    boxes: dict[int, Box | None] = {}  # arrows share their ends: each box is worked out once
    for link in links:
        arrow = _arrow(link, scale, view, boxes)
        if arrow is not None:
            scene.arrows.append(arrow)
    return scene


def box_of(row: ChartRow, scale: TimeScale, view: Viewport) -> Box | None:
    """The shape of a row's bar as arrows and hit tests see it, or None for a row without dates."""
    if row.start is None or row.finish is None:
        return None
    top = view.row_top(row.row)
    bottom = top + view.row_height
    if row.shape is _MILESTONE:
        cx, cy = scale.end_of(row.start), top + BAR_TOP + BAR_HEIGHT / 2
        return Box(
            cx - MILESTONE_HALF, cx + MILESTONE_HALF, cy - MILESTONE_HALF, cy + MILESTONE_HALF, top, bottom, True
        )
    x0 = scale.x_of(row.start)
    x1 = max(scale.end_of(row.finish), x0 + MIN_BAR)
    if row.shape is _BAR:
        return Box(x0, x1, top + BAR_TOP, top + BAR_TOP + BAR_HEIGHT, top, bottom)
    return Box(x0, x1, top + SUMMARY_TOP, top + SUMMARY_TOP + SUMMARY_HEIGHT + CAP, top, bottom)


def _add_row(scene: Scene, row: ChartRow, top: float, scale: TimeScale, view: Viewport, *, selected: bool) -> None:
    if selected:
        scene.bands.append(Band(top, view.row_height, "selected"))
    elif row.shape in (_PROGRAMME, _PROJECT):
        scene.bands.append(Band(top, view.row_height, row.shape.value))
    if row.baseline is not None:
        _add_ghost(scene, row, top, scale, view)
    box = box_of(row, scale, view)
    if box is None or box.x1 < -_LABEL_REACH or box.x0 > view.width:
        return
    if row.task_id is not None:
        scene.boxes[row.task_id] = box
    if box.x1 >= 0:
        _add_shape(scene, row, box)
    label_x = box.x1 + LABEL_GAP
    if 0 <= label_x < view.width:
        scene.labels.append(LabelItem(label_x, _label_centre(row.shape, top), row.label, row.shape, row.critical))


def _label_centre(shape: Shape, top: float) -> float:
    if shape in (_BAR, _MILESTONE):
        return top + BAR_TOP + BAR_HEIGHT / 2
    return top + SUMMARY_TOP + SUMMARY_HEIGHT / 2


def _add_shape(scene: Scene, row: ChartRow, box: Box) -> None:
    task_id = row.task_id
    conflict = row.conflict is not None
    if row.shape is _MILESTONE:
        assert task_id is not None
        cx, cy = (box.x0 + box.x1) / 2, box.mid
        milestone = MilestoneItem(task_id, row.key, cx, cy, MILESTONE_HALF, row.critical, conflict, row.owns_conflict)
        scene.milestones.append(milestone)
    elif row.shape is _BAR:
        assert task_id is not None
        progress = box.x0 + (box.x1 - box.x0) * max(0, min(100, row.progress)) / 100
        bar = BarItem(
            task_id,
            row.key,
            box.x0,
            box.x1,
            box.top,
            box.bottom,
            progress,
            row.critical,
            conflict,
            row.owns_conflict,
            row.manual,
        )
        scene.bars.append(bar)
    else:
        bottom = box.top + SUMMARY_HEIGHT
        summary = SummaryItem(row.key, row.shape, box.x0, box.x1, box.top, bottom, row.colour, row.critical, task_id)
        scene.summaries.append(summary)


def _add_ghost(scene: Scene, row: ChartRow, top: float, scale: TimeScale, view: Viewport) -> None:
    assert row.baseline is not None
    start, finish = row.baseline
    if row.shape is _MILESTONE:
        cx = scale.end_of(start)
        half = GHOST_HEIGHT + 1
        scene.ghosts.append(
            GhostItem(cx - half, cx + half, top + GHOST_TOP - 1, top + GHOST_TOP + GHOST_HEIGHT + 1, True)
        )
        return
    if row.shape is not _BAR:
        return
    x0 = scale.x_of(start)
    x1 = max(scale.end_of(finish), x0 + MIN_BAR)
    if x1 >= 0 and x0 <= view.width:
        scene.ghosts.append(GhostItem(x0, x1, top + GHOST_TOP, top + GHOST_TOP + GHOST_HEIGHT, False))


def _arrow(link: ChartLink, scale: TimeScale, view: Viewport, boxes: dict[int, Box | None]) -> ArrowItem | None:
    ends = []
    for row in (link.predecessor, link.successor):
        if row.key not in boxes:
            boxes[row.key] = box_of(row, scale, view)
        ends.append(boxes[row.key])
    source, target = ends
    if source is None or target is None:
        return None
    path = route(link.type, source, target)
    xs = [x for x, _y in path.points]
    if max(xs) < 0 or min(xs) > view.width:
        return None
    passing = not (_in_view(source, view) or _in_view(target, view))
    return ArrowItem(link.id, path.points, path.head, link.critical, passing)


def _in_view(box: Box, view: Viewport) -> bool:
    return box.row_bottom > 0 and box.row_top < view.height

"""Painting a Gantt `Scene` and its backdrop (non-working days, grid, today) and the time header.

Everything here draws what `gantt_scene` and `time_header` decided; nothing decides a position. Pens and
brushes are built once. Orthogonal lines are drawn on half pixels without antialiasing so they stay crisp;
diamonds and arrow heads are antialiased.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from pmo_desktop.gui.views.gantt.arrow_routes import Direction
from pmo_desktop.gui.views.gantt.gantt_scene import CAP, ArrowItem, BarItem, MilestoneItem, Scene, Shape, SummaryItem
from pmo_desktop.gui.views.gantt.time_header import HeaderCell, HeaderRows, Unit
from pmo_desktop.gui.views.gantt.time_scale import TimeScale
from pmo_desktop.services.gantt_queries import GanttCalendar

BACKGROUND = QColor("#ffffff")
_NON_WORKING = QColor("#f3f4f6")
_HOLIDAY = QColor("#fdf1e3")
_HEADER_WEEKEND = QColor("#eceff3")
_GRID_MINOR = QColor("#eceef2")
_GRID_MAJOR = QColor("#d5dae1")
_BANDS = {"programme": QColor("#eef2f7"), "project": QColor("#f7f9fb"), "selected": QColor("#d9e7fb")}
_TODAY = QColor("#e8590c")
_TEXT = QColor("#323f4b")
_MUTED_TEXT = QColor("#52606d")
_HEADER_UPPER = QColor("#eef1f5")
_HEADER_LOWER = QColor("#f8f9fb")
_HEADER_LINE = QColor("#d9dde3")
_GHOST = QColor("#b9c0c9")
_SUMMARY = QColor("#3e4c59")
_CONFLICT = QColor("#c92a2a")
_ARROW = QColor("#8794a3")
_ARROW_CRITICAL = QColor("#d63939")
# (passing, critical, colour, width): an arrow between tasks out of view is drawn quieter. Opaque colours:
# translucent lines lose the raster engine's fast path and cost ten times as much.
_ARROW_STYLES = (
    (True, False, QColor("#d3d8df"), 1.0),
    (True, True, QColor("#f0b4b4"), 1.0),
    (False, False, _ARROW, 1.0),
    (False, True, _ARROW_CRITICAL, 2.0),
)
# (fill, progress, outline) per kind of bar
_NORMAL = (QColor("#b3c8f7"), QColor("#3f6fdc"), QColor("#2f5bc4"))
_CRITICAL = (QColor("#f6b8b8"), QColor("#d63939"), QColor("#b02525"))
_MANUAL = (QColor("#b5e3dc"), QColor("#17998a"), QColor("#117a6e"))
_HEAD = 4.5
SHADE_FROM = 5.0
"""Day width from which non-working days are shaded (narrower, the stripes would be noise)."""


class GanttPainter:
    """Paints scenes, backdrops and headers with one set of fonts, pens and brushes."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.metrics = QFontMetricsF(self.font)

    # -- backdrop ---------------------------------------------------------------------------------------

    def paint_background(
        self, painter: QPainter, scene: Scene, scale: TimeScale, size: tuple[float, float], calendar: GanttCalendar
    ) -> None:
        """The white page, non-working days shaded, and the bands of programmes, projects and the selection.

        Every shade is opaque: translucent fills blend pixel by pixel and cost most of a repaint."""
        width, height = size
        painter.fillRect(QRectF(0, 0, width, height), BACKGROUND)
        if scale.day_width >= SHADE_FROM:
            for x0, x1, holiday in non_working_spans(scale, width, calendar):
                painter.fillRect(QRectF(x0, 0, x1 - x0, height), _HOLIDAY if holiday else _NON_WORKING)
        for band in scene.bands:
            painter.fillRect(QRectF(0, band.top, width, band.height), _BANDS[band.kind])

    def paint_grid(self, painter: QPainter, rows: HeaderRows, height: float) -> None:
        """A line at each unit of the header's lower row (where wide enough) and at each of its upper row."""
        self._grid(painter, rows.lower, height, _GRID_MINOR, minimum=14)
        self._grid(painter, rows.upper, height, _GRID_MAJOR, minimum=0)

    def _grid(
        self, painter: QPainter, cells: Iterable[HeaderCell], height: float, colour: QColor, minimum: float
    ) -> None:
        painter.setPen(QPen(colour, 1))
        for cell in cells:
            if cell.x1 - cell.x0 >= minimum:
                x = round(cell.x0) + 0.5
                painter.drawLine(QPointF(x, 0), QPointF(x, height))

    def paint_today(self, painter: QPainter, scale: TimeScale, today: date, height: float) -> None:
        x = round(today_x(scale, today)) + 0.5
        painter.setPen(QPen(_TODAY, 1.5))
        painter.drawLine(QPointF(x, 0), QPointF(x, height))

    # -- the scene --------------------------------------------------------------------------------------

    def paint_scene(self, painter: QPainter, scene: Scene) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        for ghost in scene.ghosts:
            painter.setBrush(_GHOST)
            if ghost.milestone:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                painter.drawPolygon(
                    _diamond((ghost.x0 + ghost.x1) / 2, (ghost.top + ghost.bottom) / 2, (ghost.x1 - ghost.x0) / 2)
                )
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            else:
                painter.drawRect(QRectF(ghost.x0, ghost.top, ghost.x1 - ghost.x0, ghost.bottom - ghost.top))
        for summary in scene.summaries:
            self._summary(painter, summary)
        for passing, critical, colour, width in _ARROW_STYLES:  # critical last, on top
            chosen = [arrow for arrow in scene.arrows if arrow.passing is passing and arrow.critical is critical]
            self._arrows(painter, chosen, colour, width)
        for bar in scene.bars:
            self._bar(painter, bar)
        for milestone in scene.milestones:
            self._milestone(painter, milestone)
        self._labels(painter, scene)

    def _summary(self, painter: QPainter, item: SummaryItem) -> None:
        colour = QColor(item.colour) if item.shape is not Shape.SUMMARY else _SUMMARY
        if item.shape is Shape.PROGRAMME:
            colour = _MUTED_TEXT
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        height = (item.bottom - item.top) / (2 if item.shape is Shape.PROGRAMME else 1)
        painter.drawRect(QRectF(item.x0, item.top, item.x1 - item.x0, height))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        bottom = item.top + height
        for x, direction in ((item.x0, 1.0), (item.x1, -1.0)):
            cap = QPolygonF([QPointF(x, item.top), QPointF(x + direction * CAP, bottom), QPointF(x, bottom + CAP)])
            painter.drawPolygon(cap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _bar(self, painter: QPainter, bar: BarItem) -> None:
        fill, progress, outline = _CRITICAL if bar.critical else _MANUAL if bar.manual else _NORMAL
        rect = QRectF(bar.x0, bar.top, bar.x1 - bar.x0, bar.bottom - bar.top)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(rect, fill)
        if bar.progress_x > bar.x0:
            painter.fillRect(QRectF(bar.x0, bar.top, bar.progress_x - bar.x0, rect.height()), progress)
        if bar.conflict:
            painter.setPen(QPen(_CONFLICT, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        if bar.badge:
            self._conflict_mark(painter, bar.x1 + 1, bar.top - 1)
        if not bar.conflict and rect.width() >= 3:
            painter.setPen(QPen(outline, 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))

    def _conflict_mark(self, painter: QPainter, x: float, y: float) -> None:
        """A small red badge with "!" at a bar's top right: the task cannot keep one of its dates."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_CONFLICT)
        painter.drawEllipse(QPointF(x, y), 5.5, 5.5)
        painter.setPen(QPen(BACKGROUND, 1.6))
        painter.drawLine(QPointF(x, y - 3), QPointF(x, y + 0.8))
        painter.drawPoint(QPointF(x, y + 2.8))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _milestone(self, painter: QPainter, item: MilestoneItem) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(_CRITICAL[1] if item.critical else _SUMMARY)
        painter.setPen(QPen(_CONFLICT, 2) if item.conflict else Qt.PenStyle.NoPen)
        painter.drawPolygon(_diamond(item.cx, item.cy, item.half))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if item.badge:
            self._conflict_mark(painter, item.cx + item.half, item.cy - item.half)

    def _arrows(self, painter: QPainter, arrows: list[ArrowItem], colour: QColor, width: float) -> None:
        """Arrows of one colour as one batch of lines and one path of heads: a few calls into Qt however many.

        Orthogonal segments with a cosmetic pen take the raster engine's fast path; a stroked path of the same
        lines costs ten times as much."""
        if not arrows:
            return
        segments: list[QLineF] = []
        heads = QPainterPath()
        for arrow in arrows:
            points = [(round(x) + 0.5, round(y) + 0.5) for x, y in arrow.points]
            segments.extend(QLineF(*a, *b) for a, b in pairwise(points))
            heads.addPolygon(_head(QPointF(*points[-1]), arrow.head))
        pen = QPen(colour, width)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLines(segments)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillPath(heads, colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _labels(self, painter: QPainter, scene: Scene) -> None:
        middle = (self.metrics.ascent() - self.metrics.descent()) / 2
        for label in scene.labels:
            bold = label.shape in (Shape.PROJECT, Shape.PROGRAMME, Shape.SUMMARY)
            painter.setFont(self.bold if bold else self.font)
            painter.setPen(_TEXT if label.shape is not Shape.PROGRAMME else _MUTED_TEXT)
            painter.drawText(QPointF(label.x, label.y + middle), label.text)

    # -- the header -------------------------------------------------------------------------------------

    def paint_header(
        self, painter: QPainter, rows: HeaderRows, size: tuple[float, float], scale: TimeScale, today: date
    ) -> None:
        width, height = size
        half = height / 2
        painter.fillRect(QRectF(0, 0, width, half), _HEADER_UPPER)
        painter.fillRect(QRectF(0, half, width, height - half), _HEADER_LOWER)
        if rows.lower_unit is Unit.DAY:
            for cell in rows.lower:
                if cell.first.weekday() >= 5:
                    painter.fillRect(QRectF(cell.x0, half, cell.x1 - cell.x0, height - half), _HEADER_WEEKEND)
        self._header_row(painter, rows.upper, 0, half, sticky=True, width=width)
        self._header_row(painter, rows.lower, half, height - half, sticky=False, width=width)
        painter.setPen(QPen(_HEADER_LINE, 1))
        painter.drawLine(QPointF(0, half + 0.5), QPointF(width, half + 0.5))
        painter.drawLine(QPointF(0, height - 0.5), QPointF(width, height - 0.5))
        x = today_x(scale, today)
        if 0 <= x <= width:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_TODAY)
            painter.drawPolygon(QPolygonF([QPointF(x - 5, height - 6), QPointF(x + 5, height - 6), QPointF(x, height)]))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _header_row(
        self, painter: QPainter, cells: Iterable[HeaderCell], top: float, height: float, *, sticky: bool, width: float
    ) -> None:
        painter.setFont(self.bold if sticky else self.font)
        for cell in cells:
            painter.setPen(QPen(_HEADER_LINE, 1))
            x = round(cell.x0) + 0.5
            painter.drawLine(QPointF(x, top), QPointF(x, top + height))
            if not cell.label:
                continue
            painter.setPen(_TEXT if sticky else _MUTED_TEXT)
            if sticky:  # the upper label stays in view while its cell is partly scrolled away
                left = max(cell.x0, 0.0) + 6
                room = min(cell.x1, width) - left - 4
                if room > self.metrics.horizontalAdvance(cell.label) * 0.6:
                    text = self.metrics.elidedText(cell.label, Qt.TextElideMode.ElideRight, room)
                    painter.drawText(QRectF(left, top, room, height), _LEFT_MIDDLE, text)
            else:
                painter.drawText(QRectF(cell.x0, top, cell.x1 - cell.x0, height), _CENTRED, cell.label)


_LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)


def today_x(scale: TimeScale, today: date) -> float:
    """Where the today line stands: the middle of today when days are wide, its start otherwise."""
    return scale.x_of(today) + (scale.day_width / 2 if scale.day_width >= SHADE_FROM else 0)


def non_working_spans(scale: TimeScale, width: float, calendar: GanttCalendar) -> list[tuple[float, float, bool]]:
    """Runs of consecutive non-working days in view as (x0, x1, is_holiday)."""
    spans: list[tuple[float, float, bool]] = []
    day, last = scale.day_at(0), scale.day_at(width)
    while day <= last:
        if not calendar.is_working_day(day):
            holiday = day in calendar.holidays
            x0, x1 = scale.x_of(day), scale.end_of(day)
            if spans and spans[-1][1] >= x0 - 0.01 and spans[-1][2] == holiday:
                spans[-1] = (spans[-1][0], x1, holiday)
            else:
                spans.append((x0, x1, holiday))
        day += timedelta(days=1)
    return spans


def _diamond(cx: float, cy: float, half: float) -> QPolygonF:
    return QPolygonF([QPointF(cx, cy - half), QPointF(cx + half, cy), QPointF(cx, cy + half), QPointF(cx - half, cy)])


_HEAD_SHAPES = {
    Direction.RIGHT: ((-_HEAD * 1.6, -_HEAD), (-_HEAD * 1.6, _HEAD)),
    Direction.LEFT: ((_HEAD * 1.6, -_HEAD), (_HEAD * 1.6, _HEAD)),
    Direction.DOWN: ((-_HEAD, -_HEAD * 1.6), (_HEAD, -_HEAD * 1.6)),
    Direction.UP: ((-_HEAD, _HEAD * 1.6), (_HEAD, _HEAD * 1.6)),
}


def _head(tip: QPointF, direction: Direction) -> QPolygonF:
    """A closed triangle with its point on `tip`, pointing in `direction`."""
    x, y = tip.x(), tip.y()
    (ax, ay), (bx, by) = _HEAD_SHAPES[direction]
    return QPolygonF([tip, QPointF(x + ax, y + ay), QPointF(x + bx, y + by), tip])

"""Painting a drag in progress over the chart: where a moved or resized bar would land, with its new date,
or the rubber line of a link with the type the modifiers choose and the tasks it would join.

The chart hands over the drag, the scene of the last repaint and the row being dragged; nothing here
decides anything the drag itself does not.
"""

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from pmo_desktop.gui.commands.schedule_commands import LINK_WORDS
from pmo_desktop.gui.formatting import format_date
from pmo_desktop.gui.views.gantt.arrow_routes import Box
from pmo_desktop.gui.views.gantt.chart_drag import Drag, DragMode
from pmo_desktop.gui.views.gantt.gantt_painter import GanttPainter
from pmo_desktop.gui.views.gantt.gantt_scene import ChartRow, Scene, Shape, Viewport, box_of
from pmo_desktop.gui.views.gantt.time_scale import TimeScale
from pmo_desktop.i18n import tr

_COLOUR = QColor("#1f4fd1")


@dataclass(frozen=True)
class DragContext:
    """What the preview needs to know besides the drag: the chart's state and the names of the tasks."""

    scene: Scene
    scale: TimeScale
    view: Viewport
    row: ChartRow | None
    names: tuple[str, str]


def paint_drag(
    painter: QPainter, fonts: GanttPainter, drag: Drag, context: DragContext, span: tuple[date, date]
) -> None:
    """The preview of `drag`; `span` is where a moved or resized bar would land."""
    painter.setPen(QPen(_COLOUR, 1.5, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if drag.mode is DragMode.LINK:
        _paint_link(painter, fonts, drag, context)
        return
    row = context.row
    if row is None:
        return
    start, finish = span
    moved = box_of(replace(row, start=start, finish=finish), context.scale, context.view)
    if moved is None:
        return
    painter.drawRect(QRectF(moved.x0, moved.top, moved.x1 - moved.x0, moved.bottom - moved.top))
    if row.shape is Shape.MILESTONE:
        words = tr("On {day}", day=format_date(start))
    elif drag.mode is DragMode.MOVE:
        words = tr("Start {start}", start=format_date(start))
    else:
        words = tr("Finish {finish}", finish=format_date(finish))
    _paint_note(painter, fonts, context.view, QPointF(moved.x1 + 8, moved.bottom + 2), words)


def _paint_link(painter: QPainter, fonts: GanttPainter, drag: Drag, context: DragContext) -> None:
    x, y = drag.current
    source = context.scene.boxes.get(drag.task_id)
    if source is not None:
        painter.drawLine(QPointF((source.x0 + source.x1) / 2, source.mid), QPointF(x, y))
    kind = tr(LINK_WORDS[drag.link_type])
    target: Box | None = context.scene.boxes.get(drag.target_id) if drag.target_id is not None else None
    if target is not None:
        painter.drawRect(
            QRectF(target.x0 - 2, target.top - 2, target.x1 - target.x0 + 4, target.bottom - target.top + 4)
        )
        words = tr("{kind}: {first} → {second}", kind=kind, first=context.names[0], second=context.names[1])
    else:
        words = tr("{kind}: drop on the task that follows", kind=kind)
    hint = tr("(Shift SS · Ctrl FF · Alt SF)")
    _paint_note(painter, fonts, context.view, QPointF(x + 14, y + 14), f"{words}   {hint}")


def _paint_note(painter: QPainter, fonts: GanttPainter, view: Viewport, at: QPointF, text: str) -> None:
    """A small boxed note near the mouse, kept inside the chart (above the bar near the bottom edge)."""
    metrics: QFontMetricsF = fonts.metrics
    rect = QRectF(at.x(), at.y(), metrics.horizontalAdvance(text) + 12, metrics.height() + 6)
    if rect.bottom() > view.height - 2:
        rect.moveBottom(at.y() - view.row_height)
    rect.moveLeft(max(2.0, min(rect.left(), view.width - rect.width() - 2)))
    painter.setPen(QPen(_COLOUR, 1))
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRect(rect)
    painter.setPen(_COLOUR)
    painter.setFont(fonts.font)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)

"""The Gantt chart: a scroll area that paints the rows in view by hand, beside the WBS tree it follows.

No item per task: each repaint lays out the lines in view (`RowLayout`), builds a `Scene` for them and the
arrows crossing them, and paints it (`GanttPainter`), so its cost follows the screen. The chart shares the
tree's vertical scroll bar and selection; its time header sits above it, as tall as the tree's header, so
rows line up. Gestures become requests (`edit_requested`, `task_activated`, `context_requested`); the view
turns them into undo commands.
"""

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QCursor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QTreeView, QWidget

from pmo_desktop.gui.commands.schedule_commands import LINK_WORDS
from pmo_desktop.gui.models.gantt_columns import task_tooltip
from pmo_desktop.gui.models.gantt_rows import RowKind, id_of, kind_of
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from pmo_desktop.gui.views.gantt.chart_drag import Drag, DragMode, Edit, Modifiers
from pmo_desktop.gui.views.gantt.drag_preview import DragContext, paint_drag
from pmo_desktop.gui.views.gantt.gantt_painter import GanttPainter
from pmo_desktop.gui.views.gantt.gantt_scene import Part, Scene, Shape, Viewport, build_scene
from pmo_desktop.gui.views.gantt.row_layout import RowLayout
from pmo_desktop.gui.views.gantt.time_header import HeaderRows, header_rows
from pmo_desktop.gui.views.gantt.time_scale import PRESETS, WHEEL_FACTOR, Tier, TimeScale, clamp_width, next_preset
from pmo_desktop.i18n import tr

ROW_HEIGHT = 26
HEADER_HEIGHT = 46
_LEAD_DAYS = 28
_TAIL_DAYS = 180


class _TimeHeader(QWidget):
    """The two rows of dates above the chart; the chart paints it.

    Signals: none.
    """

    def __init__(self, chart: "GanttChart") -> None:
        super().__init__(chart)
        self._chart = chart

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._chart.paint_header(painter, (self.width(), self.height()))
        painter.end()


class GanttChart(QAbstractScrollArea):
    """Bars, milestones, summaries, baselines and arrows for the rows the tree shows.

    Signals:
        edit_requested(object): a drag asks for a `MoveEdit`, `ResizeEdit` or `LinkEdit`.
        task_activated(int): a task was double-clicked.
        context_requested(object, object, QPoint): right-click on a task (id or None) or a link (id or None),
            at a global position.
        zoom_changed(float): the day width changed.
    """

    edit_requested = Signal(object)
    task_activated = Signal(int)
    context_requested = Signal(object, object, QPoint)
    zoom_changed = Signal(float)

    def __init__(
        self, model: GanttTreeModel, tree: QTreeView, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._tree = tree
        self._today = today or date.today()
        self.layout_rows = RowLayout(model, tree)
        self._painter = GanttPainter(self.font())
        self._scale = TimeScale(self._today, PRESETS[Tier.WEEKS])
        self._span = (self._today, self._today)
        self._scene = Scene()
        self._selected: frozenset[int] = frozenset()
        self._drag: Drag | None = None
        self._header_cache: tuple[tuple[TimeScale, float], HeaderRows] | None = None
        self._header = _TimeHeader(self)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setViewportMargins(0, HEADER_HEIGHT, 0, 0)
        self.viewport().setMouseTracking(True)
        # Every repaint covers the whole viewport: Qt need not clear it first.
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._follow(model, tree)
        self._on_reset()

    # -- state ------------------------------------------------------------------------------------------

    @property
    def scale(self) -> TimeScale:
        return self._scale

    @property
    def today(self) -> date:
        return self._today

    @property
    def scene(self) -> Scene:
        """The scene of the last repaint (what hit tests see)."""
        return self._scene

    @property
    def drag(self) -> Drag | None:
        return self._drag

    def viewport_state(self) -> Viewport:
        view = self.viewport()
        return Viewport(view.width(), view.height(), ROW_HEIGHT, self._tree.verticalScrollBar().value())

    def build_scene(self) -> Scene:
        """Lay out what is in view now (also what a repaint does)."""
        view = self.viewport_state()
        lines = view.rows_in_view(len(self.layout_rows))
        rows = self.layout_rows.rows(lines)
        links = self.layout_rows.links_crossing(lines)
        self._scene = build_scene(rows, links, self._scale, view, self._selected)
        return self._scene

    def bar_rect(self, task_id: int) -> QRectF | None:
        """Where a task's shape is in viewport pixels, if it is laid out in view."""
        box = self.build_scene().boxes.get(task_id)
        return None if box is None else QRectF(box.x0, box.top, box.x1 - box.x0, box.bottom - box.top)

    # -- zoom and scrolling -----------------------------------------------------------------------------

    def set_day_width(self, width: float, anchor_x: float | None = None) -> None:
        """Zoom to `width` pixels a day, keeping the moment under `anchor_x` (default: the centre) in place."""
        anchor = self.viewport().width() / 2 if anchor_x is None else anchor_x
        scaled = self._scale.zoomed(clamp_width(width), anchor)
        if scaled.day_width == self._scale.day_width:
            return
        self._scale = scaled
        self._update_range()
        self.horizontalScrollBar().setValue(round(scaled.offset))
        self._scale = self._scale.scrolled(self.horizontalScrollBar().value())
        self._repaint()
        self.zoom_changed.emit(scaled.day_width)

    def set_tier(self, tier: Tier) -> None:
        self.set_day_width(PRESETS[tier])

    def zoom_in(self) -> None:
        self.set_day_width(next_preset(self._scale.day_width, zoom_in=True))

    def zoom_out(self) -> None:
        self.set_day_width(next_preset(self._scale.day_width, zoom_in=False))

    def scroll_to_day(self, day: date, fraction: float = 0.25) -> None:
        """Scroll so that `day` stands at `fraction` of the width from the left."""
        x = (day.toordinal() - self._scale.origin.toordinal()) * self._scale.day_width
        self.horizontalScrollBar().setValue(round(x - self.viewport().width() * fraction))

    def show_today(self) -> None:
        self.scroll_to_day(self._today)

    def show_task(self, task_id: int) -> None:
        """Scroll horizontally so that the task's start is in view (the tree scrolls the rows)."""
        task = self._model.tree.tasks.get(task_id)
        if task is None:
            return
        x = self._scale.x_of(task.start)
        if not 0 <= x <= self.viewport().width() - 40:
            self.scroll_to_day(task.start, 0.2)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self._scale = self._scale.scrolled(self.horizontalScrollBar().value())
        self._repaint()

    def _update_range(self) -> None:
        first, last = self._span
        total = (last.toordinal() - first.toordinal() + 1) * self._scale.day_width
        bar = self.horizontalScrollBar()
        bar.setRange(0, max(0, round(total - self.viewport().width())))
        bar.setPageStep(max(1, self.viewport().width()))
        bar.setSingleStep(max(1, round(self._scale.day_width * 7)))

    # -- following the model and the tree ---------------------------------------------------------------

    def _follow(self, model: GanttTreeModel, tree: QTreeView) -> None:
        model.modelReset.connect(self._on_reset)
        model.rows_refreshed.connect(self._on_rows_refreshed)
        model.links_changed.connect(self._on_links_changed)
        tree.expanded.connect(self._on_outline_changed)
        tree.collapsed.connect(self._on_outline_changed)
        tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        model.modelReset.connect(self._on_selection_changed)
        theirs, ours = tree.verticalScrollBar(), self.verticalScrollBar()
        theirs.rangeChanged.connect(ours.setRange)
        theirs.valueChanged.connect(ours.setValue)
        theirs.valueChanged.connect(self._repaint)
        ours.valueChanged.connect(theirs.setValue)

    def _on_reset(self) -> None:
        self.layout_rows.invalidate()
        self._update_span()
        self._repaint()

    def _on_rows_refreshed(self, keys: set[int]) -> None:
        self.layout_rows.forget(keys)
        tasks = self._model.tree.tasks
        moved = [tasks[id_of(key)] for key in keys if key and kind_of(key) is RowKind.TASK and id_of(key) in tasks]
        first, last = self._span
        if any(task.start < first or task.finish > last for task in moved):
            self._update_span()  # only a task moved past either end widens the time line
        self._repaint()

    def _on_links_changed(self) -> None:
        self.layout_rows.invalidate()
        self._update_span()
        self._repaint()

    def _on_outline_changed(self) -> None:
        self.layout_rows.invalidate()
        self._repaint()

    def _on_selection_changed(self) -> None:
        selection = self._tree.selectionModel()
        keys = {self._model.key_at(index) for index in selection.selectedRows(0)} if selection else set()
        self._selected = frozenset(key for key in keys if key is not None)
        self._repaint()

    def _update_span(self) -> None:
        """The dates the scroll bar covers: the whole plan, with room before and after, and today."""
        tasks = self._model.tree.tasks.values()
        first = min((task.start for task in tasks), default=self._today)
        last = max((task.finish for task in tasks), default=self._today)
        first = min(first, self._today) - timedelta(days=_LEAD_DAYS)
        first -= timedelta(days=first.weekday())
        last = max(last, self._today) + timedelta(days=_TAIL_DAYS)
        if (first, last) == self._span:
            return
        shift = (self._span[0].toordinal() - first.toordinal()) * self._scale.day_width
        self._span = (first, last)
        self._scale = TimeScale(first, self._scale.day_width, self._scale.offset + shift)
        self._update_range()
        self.horizontalScrollBar().setValue(round(self._scale.offset))
        self._scale = self._scale.scrolled(self.horizontalScrollBar().value())

    # -- painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        view = self.viewport_state()
        size = (view.width, view.height)
        scene = self.build_scene()
        calendar = self._model.data_model.calendar
        self._painter.paint_background(painter, scene, self._scale, size, calendar)
        self._painter.paint_grid(painter, self._header_rows(view.width), view.height)
        self._painter.paint_today(painter, self._scale, self._today, view.height)
        self._painter.paint_scene(painter, scene)
        if self._drag is not None and self._drag.active:
            self._paint_drag(painter, self._drag)
        painter.end()

    def paint_header(self, painter: QPainter, size: tuple[float, float]) -> None:
        self._painter.paint_header(painter, self._header_rows(size[0]), size, self._scale, self._today)

    def _header_rows(self, width: float) -> HeaderRows:
        """The header cells, shared by the grid of the chart and the header above it within one repaint."""
        if self._header_cache is None or self._header_cache[0] != (self._scale, width):
            self._header_cache = ((self._scale, width), header_rows(self._scale, width))
        return self._header_cache[1]

    def _paint_drag(self, painter: QPainter, drag: Drag) -> None:
        line = self.layout_rows.line_of_task(drag.task_id)
        row = self.layout_rows.row(line) if line is not None else None
        names = (self._task_name(drag.task_id), self._task_name(drag.target_id or 0))
        context = DragContext(self._scene, self._scale, self.viewport_state(), row, names)
        span = drag.preview(self._scale, self._model.data_model.calendar.is_working_day)
        paint_drag(painter, self._painter, drag, context, span)

    def _task_name(self, task_id: int) -> str:
        task = self._model.tree.tasks.get(task_id)
        return task.name if task is not None else ""

    def _repaint(self) -> None:
        self.viewport().update()
        self._header.update()

    # -- mouse and keyboard -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        self.build_scene()
        hit = self._scene.hit(point.x(), point.y())
        self._select_line_at(point.y(), event.modifiers())
        if event.button() != Qt.MouseButton.LeftButton or hit is None or self._model.document.read_only:
            return
        task_id, part = hit
        task = self._model.tree.tasks[task_id]
        line = self.layout_rows.line_of_task(task_id)
        movable = line is not None and self.layout_rows.row(line).shape in (Shape.BAR, Shape.MILESTONE)
        self._drag = Drag.begin(
            task_id, part, (point.x(), point.y()), (task.start, task.finish), ROW_HEIGHT, movable=movable
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        hit = self._scene.hit(point.x(), point.y())
        if self._drag is None:
            self._set_cursor(hit)
            return
        modifiers = _modifiers(event.modifiers())
        threshold = QApplication.startDragDistance()
        self._drag.update((point.x(), point.y()), modifiers, hit[0] if hit else None, threshold)
        self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        drag.update(
            (event.position().x(), event.position().y()),
            _modifiers(event.modifiers()),
            drag.target_id,
            QApplication.startDragDistance(),
        )
        if drag.mode is DragMode.LINK:
            hit = self.build_scene().hit(event.position().x(), event.position().y())
            drag.target_id = hit[0] if hit and hit[0] != drag.task_id else None
        edit: Edit | None = drag.finish_edit(self._scale, self._model.data_model.calendar.is_working_day)
        self.viewport().update()
        if edit is not None:
            self.edit_requested.emit(edit)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.build_scene().hit(event.position().x(), event.position().y())
        if hit is not None:
            self.task_activated.emit(hit[0])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        point = QPointF(event.pos())
        scene = self.build_scene()
        hit = scene.hit(point.x(), point.y())
        link = None if hit is not None else scene.arrow_at(point.x(), point.y())
        if hit is not None or link is None:
            self._select_line_at(point.y(), Qt.KeyboardModifier.NoModifier, keep_selected=True)
        self.context_requested.emit(hit[0] if hit else None, link, event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.viewport().update()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y() or event.angleDelta().x()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = WHEEL_FACTOR ** (delta / 120)
            self.set_day_width(self._scale.day_width * factor, event.position().x())
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - round(delta * 0.5))
        else:
            super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event.pos(), event.globalPos())  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        view = self.viewport().geometry()
        self._header.setGeometry(view.left(), view.top() - HEADER_HEIGHT, view.width(), HEADER_HEIGHT)
        self._update_range()

    def _show_tooltip(self, position: QPoint, global_position: QPoint) -> None:
        scene = self.build_scene()
        hit = scene.hit(position.x(), position.y())
        text = ""
        if hit is not None:
            text = task_tooltip(self._model.tree.tasks[hit[0]])
        else:
            link_id = scene.arrow_at(position.x(), position.y())
            if link_id is not None:
                text = self._link_tooltip(link_id)
        if text:
            QToolTip.showText(global_position, text, self.viewport())
        else:
            QToolTip.hideText()

    def _link_tooltip(self, link_id: int) -> str:
        link = next(link for link in self._model.data_model.links if link.id == link_id)
        lag = tr(", lag {days} d", days=link.lag_days) if link.lag_days else ""
        return tr(
            "{kind}{lag}: {first} → {second}",
            kind=tr(LINK_WORDS[link.type]),
            lag=lag,
            first=self._task_name(link.predecessor_id),
            second=self._task_name(link.successor_id),
        )

    def _set_cursor(self, hit: tuple[int, Part] | None) -> None:
        if hit is None or self._model.document.read_only:
            self.viewport().unsetCursor()
        elif hit[1] is Part.END:
            self.viewport().setCursor(QCursor(Qt.CursorShape.SizeHorCursor))
        else:
            self.viewport().setCursor(QCursor(Qt.CursorShape.SizeAllCursor))

    def _select_line_at(self, y: float, modifiers: Qt.KeyboardModifier, *, keep_selected: bool = False) -> None:
        line = self.viewport_state().row_at(y)
        if not 0 <= line < len(self.layout_rows):
            return
        key = self.layout_rows.keys[line]
        index = self._model.index_of_key(key)
        selection = self._tree.selectionModel()
        if keep_selected and key in self._selected:
            return
        flags = QItemSelectionModel.SelectionFlag.Rows
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            flags |= QItemSelectionModel.SelectionFlag.Toggle
        else:
            flags |= QItemSelectionModel.SelectionFlag.ClearAndSelect
        selection.setCurrentIndex(index, flags)


def _modifiers(flags: Qt.KeyboardModifier) -> Modifiers:
    return Modifiers(
        shift=bool(flags & Qt.KeyboardModifier.ShiftModifier),
        control=bool(flags & Qt.KeyboardModifier.ControlModifier),
        alt=bool(flags & Qt.KeyboardModifier.AltModifier),
    )

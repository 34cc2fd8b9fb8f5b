"""The heatmap grid: a scroll area that paints the visible cells of a `HeatmapModel` by hand, with frozen
headers (names, roles and weekly hours on the left; months and weeks on top) that scroll with it.

Never a widget per cell: the cells are one image plus texts (`CellPainter`), the headers are painted
(`HeaderPainter`). The widget keeps a rectangular selection: click, shift-click or drag to select, the
arrow keys to move, Ctrl+C to copy it as tab-separated text, Ctrl+wheel to zoom the columns.
"""

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from pmo_desktop.gui.models.heatmap_model import HeatmapModel
from pmo_desktop.gui.models.heatmap_text import horizon_text
from pmo_desktop.gui.views.resources.heatmap_geometry import MAX_WIDTH, MIN_WIDTH, HeatmapGeometry
from pmo_desktop.gui.views.resources.heatmap_headers import HeaderPainter
from pmo_desktop.gui.views.resources.heatmap_painter import CellPainter, CellSelection
from pmo_desktop.i18n import tr

Cell = tuple[int, int]
_BACKGROUND = Qt.GlobalColor.white
_ZOOM_STEP = 4
_MOVES = {
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
}


class _Header(QWidget):
    """A frozen header strip; the heatmap paints it and handles its clicks."""

    def __init__(self, owner: "HeatmapWidget", part: str) -> None:
        super().__init__(owner)
        self._owner = owner
        self._part = part

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._owner.paint_header(painter, self._part)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._owner.header_clicked(self._part, event.position().toPoint())


class HeatmapWidget(QAbstractScrollArea):
    """People or roles x weeks or months, coloured by utilisation band.

    Signals:
        cell_clicked(int, int): a cell was clicked or Enter was pressed on it (row, bucket).
        selection_changed(): the selected rectangle or the current cell changed.
    """

    cell_clicked = Signal(int, int)
    selection_changed = Signal()

    def __init__(self, model: HeatmapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.layout_sizes = HeatmapGeometry()
        self._granularity = model.options.granularity
        self._cells = CellPainter(self.font())
        self._headers = HeaderPainter(self.font())
        self._row_header = _Header(self, "rows")
        self._column_header = _Header(self, "columns")
        self._corner = _Header(self, "corner")
        self._anchor: Cell | None = None
        self._current: Cell | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)
        model.modelReset.connect(self._on_reset)
        model.dataChanged.connect(self._on_data_changed)
        self._place_headers()
        self._on_reset()

    @property
    def model(self) -> HeatmapModel:
        return self._model

    # -- selection --------------------------------------------------------------------------------------

    def selection(self) -> CellSelection | None:
        if self._anchor is None or self._current is None:
            return None
        rows = sorted((self._anchor[0], self._current[0]))
        buckets = sorted((self._anchor[1], self._current[1]))
        return CellSelection(range(rows[0], rows[1] + 1), range(buckets[0], buckets[1] + 1), self._current)

    def select_cell(self, row: int, bucket: int, *, extend: bool = False) -> None:
        """Make (row, bucket) current; `extend` keeps the anchor so the selection grows to it."""
        rows, buckets = self._model.rowCount(), self._model.columnCount()
        if not rows or not buckets:
            return
        cell = (max(0, min(row, rows - 1)), max(0, min(bucket, buckets - 1)))
        if not extend or self._anchor is None:
            self._anchor = cell
        self._current = cell
        self.ensure_visible(*cell)
        self._repaint_all()
        self.selection_changed.emit()

    def select_all(self) -> None:
        rows, buckets = self._model.rowCount(), self._model.columnCount()
        if rows and buckets:
            self._anchor, self._current = (0, 0), (rows - 1, buckets - 1)
            self._repaint_all()
            self.selection_changed.emit()

    def copy_selection(self) -> str:
        """The selected cells as tab-separated text, also put on the clipboard."""
        selection = self.selection()
        if selection is None:
            return ""
        text = self._model.tab_separated(selection.rows, selection.buckets)
        QApplication.clipboard().setText(text)
        return text

    # -- geometry ---------------------------------------------------------------------------------------

    def cell_at(self, point: QPoint) -> Cell | None:
        """The cell under a viewport point, if any."""
        sizes = self.layout_sizes
        row, bucket = sizes.row_at(point.y()), sizes.bucket_at(point.x())
        if point.x() < 0 or point.y() < 0 or row >= self._model.rowCount() or bucket >= self._model.columnCount():
            return None
        return row, bucket

    def cell_rect(self, row: int, bucket: int) -> QRect:
        return self.layout_sizes.cell_rect(row, bucket)

    def ensure_visible(self, row: int, bucket: int) -> None:
        sizes, view = self.layout_sizes, self.viewport()
        rect = sizes.cell_rect(row, bucket).translated(sizes.scroll_x, sizes.scroll_y)
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        if rect.left() < horizontal.value():
            horizontal.setValue(rect.left())
        elif rect.right() > horizontal.value() + view.width():
            horizontal.setValue(rect.right() - view.width() + 1)
        if rect.top() < vertical.value():
            vertical.setValue(rect.top())
        elif rect.bottom() > vertical.value() + view.height():
            vertical.setValue(rect.bottom() - view.height() + 1)

    def set_cell_width(self, width: int) -> None:
        self.layout_sizes.cell_width = max(MIN_WIDTH, min(MAX_WIDTH, width))
        self._update_scroll_bars()
        self._repaint_all()

    # -- painting ---------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), _BACKGROUND)
        if self._model.loaded and self._model.rowCount():
            visible = self._visible()
            marks = (self._model.grid.current, self.selection())
            self._cells.paint(painter, self._model.paint, self.layout_sizes, visible, marks)
        elif self._model.loaded:
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(self.viewport().rect(), int(Qt.AlignmentFlag.AlignCenter), tr("No one to show yet."))
        painter.end()

    def paint_header(self, painter: QPainter, part: str) -> None:
        if not self._model.loaded:
            return
        grid, sizes = self._model.grid, self.layout_sizes
        rows, buckets = self._visible()
        selection = self.selection()
        if part == "rows":
            self._headers.paint_rows(painter, grid, sizes, rows, selection.rows if selection else range(0))
        elif part == "columns":
            self._headers.paint_columns(painter, grid, sizes, buckets, selection.buckets if selection else range(0))
        else:
            self._headers.paint_corner(painter, grid.grouping, sizes, horizon_text(grid))

    def _visible(self) -> tuple[range, range]:
        view = self.viewport()
        return self.layout_sizes.visible(view.width(), view.height(), self._model.rowCount(), self._model.columnCount())

    # -- events -----------------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_headers()
        self._update_scroll_bars()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.layout_sizes.scroll_x = self.horizontalScrollBar().value()
        self.layout_sizes.scroll_y = self.verticalScrollBar().value()
        self._repaint_all()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._model.loaded:
            position = event.pos()  # type: ignore[attr-defined]
            cell = self.cell_at(position)
            if cell is None:
                QToolTip.hideText()
            else:
                text = self._model.data(self._model.index(*cell), Qt.ItemDataRole.ToolTipRole)
                rect = self.cell_rect(*cell)
                QToolTip.showText(event.globalPos(), text, self.viewport(), rect)  # type: ignore[attr-defined]
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None or event.button() != Qt.MouseButton.LeftButton:
            return
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.select_cell(*cell, extend=extend)
        if not extend:
            self.cell_clicked.emit(*cell)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        cell = self.cell_at(event.position().toPoint())
        if cell is not None and cell != self._current:
            self.select_cell(*cell, extend=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif event.key() in _MOVES and self._current is not None:
            step = _MOVES[Qt.Key(event.key())]
            extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.select_cell(self._current[0] + step[0], self._current[1] + step[1], extend=extend)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._current is not None:
            self.cell_clicked.emit(*self._current)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = _ZOOM_STEP if event.angleDelta().y() > 0 else -_ZOOM_STEP
            self.set_cell_width(self.layout_sizes.cell_width + step)
            return
        super().wheelEvent(event)

    def header_clicked(self, part: str, point: QPoint) -> None:
        """A click on the row header selects that row; on the column header, that column."""
        rows, buckets = self._model.rowCount(), self._model.columnCount()
        if not rows or not buckets or part == "corner":
            return
        if part == "rows":
            row = self.layout_sizes.row_at(point.y())
            if row < rows:
                self._anchor, self._current = (row, 0), (row, buckets - 1)
        else:
            bucket = self.layout_sizes.bucket_at(point.x())
            if bucket < buckets:
                self._anchor, self._current = (0, bucket), (rows - 1, bucket)
        self.setFocus()
        self._repaint_all()
        self.selection_changed.emit()

    # -- following the model ----------------------------------------------------------------------------

    def _on_reset(self) -> None:
        if self._model.loaded:
            granularity = self._model.options.granularity
            if granularity is not self._granularity:
                self._granularity = granularity
                self.layout_sizes.cell_width = self.layout_sizes.default_width(granularity)
            self._cells.set_paint(self._model.paint)
        rows, buckets = self._model.rowCount(), self._model.columnCount()
        if self._current is not None and (self._current[0] >= rows or self._current[1] >= buckets):
            self._anchor = self._current = None
        self._update_scroll_bars()
        self._repaint_all()

    def _on_data_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        self._cells.set_paint(self._model.paint)
        self._repaint_all()

    def _place_headers(self) -> None:
        sizes = self.layout_sizes
        self.setViewportMargins(sizes.row_header_width, sizes.header_height, 0, 0)
        view = self.viewport().geometry()
        self._corner.setGeometry(
            view.left() - sizes.row_header_width,
            view.top() - sizes.header_height,
            sizes.row_header_width,
            sizes.header_height,
        )
        self._column_header.setGeometry(
            view.left(), view.top() - sizes.header_height, view.width(), sizes.header_height
        )
        self._row_header.setGeometry(
            view.left() - sizes.row_header_width, view.top(), sizes.row_header_width, view.height()
        )

    def _update_scroll_bars(self) -> None:
        sizes, view = self.layout_sizes, self.viewport()
        width = self._model.columnCount() * sizes.cell_width
        height = self._model.rowCount() * sizes.row_height
        for bar, total, page, step in (
            (self.horizontalScrollBar(), width, view.width(), sizes.cell_width),
            (self.verticalScrollBar(), height, view.height(), sizes.row_height),
        ):
            bar.setRange(0, max(0, total - page))
            bar.setPageStep(page)
            bar.setSingleStep(step)
        sizes.scroll_x = self.horizontalScrollBar().value()
        sizes.scroll_y = self.verticalScrollBar().value()

    def _repaint_all(self) -> None:
        self.viewport().update()
        self._row_header.update()
        self._column_header.update()
        self._corner.update()

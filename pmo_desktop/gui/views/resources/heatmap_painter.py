"""Painting the heatmap's cells: one image for the colours, then hatching, time-off marks, numbers and the
selection, for the visible cells only.

The whole grid's colours are one RGB image with a pixel per cell, rebuilt from the shade codes when the
numbers change; a repaint draws the visible part of it scaled up without smoothing (one call, whatever
the number of cells). Numbers are cached `QStaticText`s, one per distinct text, so writing a screenful of
them costs little more than the text itself.
"""

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLine, QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap, QStaticText

from pmo_desktop.gui.models import heatmap_colours as shades
from pmo_desktop.gui.models.heatmap_paint import NO_HATCH, HeatmapPaint, number_text
from pmo_desktop.gui.views.resources.heatmap_geometry import HeatmapGeometry
from pmo_desktop.services.capacity_queries import RowKind

_GRID_LINE = QColor("#ffffff")
_GROUP_LINE = QColor("#8a96a3")
_TODAY = QColor("#3b5bdb")
_SELECTION = QColor(59, 91, 219, 46)
_SELECTION_EDGE = QColor("#3b5bdb")
_CURRENT_EDGE = QColor("#1c2f8f")
_TIME_OFF = QColor("#6741d9")
_MUTED = QColor("#9aa5b1")
_TEXT_MARGIN = 3
_MARK_HEIGHT = 3
_HATCH_SPACING = 6


@dataclass(frozen=True)
class CellSelection:
    """A rectangle of selected cells and the current cell (where the keyboard is)."""

    rows: range
    buckets: range
    current: tuple[int, int]


class CellPainter:
    """Paints cells of a `HeatmapPaint` into a viewport; keeps its image, texts and brushes between paints."""

    def __init__(self, font: QFont) -> None:
        self._font = QFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)
        palette = [QColor(shade.colour).rgb() for shade in shades.SHADES]
        self._palette = np.array(palette, dtype=np.uint32)
        self._text_pens = [QPen(colour) for colour in shades.text_colours()]
        self._muted = QPen(_MUTED)
        self._hatches = [_hatch_brush(QColor(shade.colour)) for shade in shades.SHADES]
        self._texts: dict[tuple[int, RowKind], tuple[QStaticText, int, int]] = {}
        self._mode: object = None
        self._image = QImage()
        self._pixels = np.zeros((0, 0), dtype=np.uint32)

    def set_paint(self, paint: HeatmapPaint) -> None:
        """Take new shades: the background image is rebuilt (a pixel per cell)."""
        if paint.mode is not self._mode:
            self._texts.clear()
            self._mode = paint.mode
        # The image reads the array's memory, so the array is kept alive beside it.
        self._pixels = np.ascontiguousarray(self._palette[paint.shades])
        rows, buckets = self._pixels.shape
        self._image = QImage(self._pixels.data, buckets, rows, buckets * 4, QImage.Format.Format_RGB32)

    def paint(
        self,
        painter: QPainter,
        paint: HeatmapPaint,
        geometry: HeatmapGeometry,
        visible: tuple[range, range],
        marks: tuple[int | None, CellSelection | None],
    ) -> None:
        """The visible cells, then today's column and the selection (`marks`) over them."""
        rows, buckets = visible
        if not rows or not buckets:
            return
        width, height = geometry.cell_width, geometry.row_height
        origin = QPoint(geometry.bucket_left(buckets.start), geometry.row_top(rows.start))
        target = QRect(origin.x(), origin.y(), len(buckets) * width, len(rows) * height)
        painter.drawImage(target, self._image, QRect(buckets.start, rows.start, len(buckets), len(rows)))
        self._hatch(painter, paint, geometry, rows, buckets)
        self._grid_lines(painter, paint, target, rows, (width, height))
        self._marks(painter, paint, geometry, rows, buckets)
        self._numbers(painter, paint, geometry, rows, buckets)
        current, selection = marks
        if current is not None and current in buckets:
            self._today(painter, geometry, current, target)
        if selection is not None:
            self._selection(painter, geometry, selection)

    def _hatch(
        self, painter: QPainter, paint: HeatmapPaint, geometry: HeatmapGeometry, rows: range, buckets: range
    ) -> None:
        window = paint.hatch[rows.start : rows.stop, buckets.start : buckets.stop]
        for row, bucket in np.argwhere(window != NO_HATCH).tolist():
            rect = geometry.cell_rect(rows.start + row, buckets.start + bucket)
            painter.fillRect(rect, self._hatches[int(window[row, bucket])])

    def _grid_lines(
        self, painter: QPainter, paint: HeatmapPaint, target: QRect, rows: range, size: tuple[int, int]
    ) -> None:
        width, height = size
        lines = [
            QLine(x - 1, target.top(), x - 1, target.bottom())
            for x in range(target.left() + width, target.right() + 2, width)
        ]
        lines += [
            QLine(target.left(), y - 1, target.right(), y - 1)
            for y in range(target.top() + height, target.bottom() + 2, height)
        ]
        painter.setPen(QPen(_GRID_LINE, 1))
        painter.drawLines(lines)
        groups = [index for index, row in enumerate(rows) if paint.kinds[row] is RowKind.GROUP and row > 0]
        if groups:
            painter.setPen(QPen(_GROUP_LINE, 1))
            painter.drawLines(
                [
                    QLine(target.left(), target.top() + index * height, target.right(), target.top() + index * height)
                    for index in groups
                ]
            )

    def _marks(
        self, painter: QPainter, paint: HeatmapPaint, geometry: HeatmapGeometry, rows: range, buckets: range
    ) -> None:
        """A bar along the top of a cell whose length is the share of the week (or month) spent away."""
        window = paint.time_off[rows.start : rows.stop, buckets.start : buckets.stop]
        width = geometry.cell_width - 1
        for row, bucket in np.argwhere(window > 0).tolist():
            rect = geometry.cell_rect(rows.start + row, buckets.start + bucket)
            length = max(3, round(width * float(window[row, bucket])))
            painter.fillRect(rect.left(), rect.top(), length, _MARK_HEIGHT, _TIME_OFF)

    def _numbers(
        self, painter: QPainter, paint: HeatmapPaint, geometry: HeatmapGeometry, rows: range, buckets: range
    ) -> None:
        """Every visible number, drawn in batches of one font and one pen (switching them is what costs)."""
        width, height = geometry.cell_width, geometry.row_height
        shades_window = paint.shades[rows.start : rows.stop, buckets.start : buckets.stop].tolist()
        numbers = paint.numbers[rows.start : rows.stop, buckets.start : buckets.stop].tolist()
        left = geometry.bucket_left(buckets.start)
        batches: dict[tuple[bool, int], list[tuple[int, int, QStaticText]]] = {}
        for offset, row in enumerate(rows):
            kind = paint.kinds[row]
            top = geometry.row_top(row)
            for column, value in enumerate(numbers[offset]):
                if value == -1:
                    continue
                text, text_width, text_height = self._text(paint, value, kind)
                if text_width + 2 * _TEXT_MARGIN > width:
                    continue
                pen = -1 if value == 0 else shades_window[offset][column]
                x = left + column * width + (width - text_width) // 2
                batches.setdefault((kind is RowKind.GROUP, pen), []).append(
                    (x, top + (height - text_height) // 2, text)
                )
        for (bold, pen), texts in batches.items():
            # drawStaticText lays the text out again in the painter's font, so the font must match its own.
            painter.setFont(self._bold if bold else self._font)
            painter.setPen(self._muted if pen < 0 else self._text_pens[pen])
            for x, y, text in texts:
                painter.drawStaticText(x, y, text)

    def _text(self, paint: HeatmapPaint, value: int, kind: RowKind) -> tuple[QStaticText, int, int]:
        """The prepared text of a cell's number; group totals are bold."""
        key = (value, kind)
        cached = self._texts.get(key)
        if cached is None:
            text = QStaticText(number_text(value, paint.mode, kind))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(font=self._bold if kind is RowKind.GROUP else self._font)
            size = text.size()
            cached = (text, round(size.width()), round(size.height()))
            self._texts[key] = cached
        return cached

    def _today(self, painter: QPainter, geometry: HeatmapGeometry, bucket: int, target: QRect) -> None:
        left = geometry.bucket_left(bucket)
        painter.setPen(QPen(_TODAY, 2))
        painter.drawLine(left, target.top(), left, target.bottom())
        painter.drawLine(left + geometry.cell_width - 1, target.top(), left + geometry.cell_width - 1, target.bottom())

    def _selection(self, painter: QPainter, geometry: HeatmapGeometry, selection: CellSelection) -> None:
        first = geometry.cell_rect(selection.rows.start, selection.buckets.start)
        last = geometry.cell_rect(selection.rows.stop - 1, selection.buckets.stop - 1)
        area = first.united(last)
        painter.fillRect(area, _SELECTION)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(_SELECTION_EDGE, 1))
        painter.drawRect(area.adjusted(0, 0, -1, -1))
        row, bucket = selection.current
        painter.setPen(QPen(_CURRENT_EDGE, 2))
        painter.drawRect(geometry.cell_rect(row, bucket).adjusted(1, 1, -1, -1))


def _hatch_brush(colour: QColor) -> QBrush:
    """Diagonal stripes in a darker tone of `colour` over a transparent ground, for tentative load."""
    tile = QPixmap(_HATCH_SPACING, _HATCH_SPACING)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    stripe = colour.darker(125)
    stripe.setAlpha(200)  # the number underneath must stay readable
    painter.setPen(QPen(stripe, 1.5))
    painter.drawLine(0, _HATCH_SPACING, _HATCH_SPACING, 0)
    painter.end()
    return QBrush(tile)

"""Painting the heatmap's frozen headers: names, roles and weekly hours on the left; months, weeks and
today's column on top; the column titles in the corner.

Each header paints only its visible rows or columns; names that do not fit are elided.
"""

from PySide6.QtCore import QLine, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QStaticText

from pmo_desktop.gui.models.heatmap_text import bucket_detail, bucket_label, group_text, hours_text
from pmo_desktop.gui.views.resources.heatmap_geometry import HeatmapGeometry
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_queries import Granularity, Grouping, HeatmapGrid, HeatmapRow, RowKind

_BACKGROUND = QColor("#f4f6f8")
_GROUP_BACKGROUND = QColor("#e9edf2")
_PERSON_BACKGROUND = QColor("#ffffff")
_UNFILLED_BACKGROUND = QColor("#f8f9fb")
_SELECTED = QColor("#dce6fb")
_TEXT = QColor("#1f2933")
_MUTED = QColor("#616e7c")
_LINE = QColor("#e1e5ea")
_GROUP_LINE = QColor("#8a96a3")
_EDGE = QColor("#c9ced6")
_TODAY = QColor("#3b5bdb")
_TODAY_TEXT = QColor("#ffffff")
_PAD = 8
_BAND = 18  # height of the month (or year) band at the top of the column header
_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_CENTRE = Qt.AlignmentFlag.AlignCenter


class HeaderPainter:
    """Paints the row header, the column header and the corner in a given font."""

    def __init__(self, font: QFont) -> None:
        self._font = QFont(font)
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._italic = QFont(font)
        self._italic.setItalic(True)
        self._small = QFont(font)
        self._small.setPointSizeF(max(6.5, font.pointSizeF() - 1.5))
        self._metrics = {id(item): QFontMetrics(item) for item in (self._font, self._bold, self._italic)}
        self._texts: dict[tuple[str, int, int], tuple[QStaticText, int, int]] = {}

    # -- rows -------------------------------------------------------------------------------------------

    def paint_rows(
        self, painter: QPainter, grid: HeatmapGrid, geometry: HeatmapGeometry, rows: range, selected: range
    ) -> None:
        lines: dict[bool, list[QLine]] = {True: [], False: []}
        for row in rows:
            entry = grid.rows[row]
            top = geometry.row_top(row)
            painter.fillRect(
                0,
                top,
                geometry.row_header_width,
                geometry.row_height,
                _SELECTED if row in selected else _row_background(entry),
            )
            self._row_texts(painter, grid.grouping, entry, geometry, top)
            group_edge = entry.kind is RowKind.GROUP and row > 0
            line_y = top if group_edge else top + geometry.row_height - 1
            lines[group_edge].append(QLine(0, line_y, geometry.row_header_width, line_y))
        for group_edge, batch in lines.items():
            painter.setPen(QPen(_GROUP_LINE if group_edge else _LINE, 1))
            painter.drawLines(batch)
        painter.setPen(QPen(_EDGE, 1))
        edge = geometry.row_header_width - 1
        painter.drawLine(edge, 0, edge, painter.device().height())

    def _row_texts(
        self, painter: QPainter, grouping: Grouping, entry: HeatmapRow, geometry: HeatmapGeometry, top: int
    ) -> None:
        height = geometry.row_height
        font, colour, indent = self._font, _TEXT, _PAD + 10
        if entry.kind is RowKind.GROUP:
            font, indent = self._bold, _PAD
        elif entry.kind is RowKind.UNFILLED:
            font, colour = self._italic, _MUTED
        detail, hours = _row_detail(grouping, entry), _row_hours(entry)
        name_rect = QRect(indent, top, geometry.name_width - indent - 4, height)
        self._text(painter, name_rect, entry.label, (font, colour, _ALIGN_LEFT))
        detail_rect = QRect(geometry.name_width, top, geometry.detail_width - 4, height)
        self._text(painter, detail_rect, detail, (self._font, _MUTED, _ALIGN_LEFT))
        hours_rect = QRect(geometry.name_width + geometry.detail_width, top, geometry.hours_width - _PAD, height)
        hours_font = font if entry.kind is RowKind.GROUP else self._font
        self._text(painter, hours_rect, hours, (hours_font, colour, _ALIGN_RIGHT))

    def _text(self, painter: QPainter, rect: QRect, text: str, style: tuple[QFont, QColor, Qt.AlignmentFlag]) -> None:
        """`text` in (font, colour, alignment), elided to fit `rect`; laid out once, then drawn from a cache."""
        font, colour, align = style
        if not text:
            return
        key = (text, id(font), rect.width())
        cached = self._texts.get(key)
        if cached is None:
            metrics = self._metrics.get(id(font)) or QFontMetrics(font)
            static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            cached = (static, round(static.size().width()), round(static.size().height()))
            self._texts[key] = cached
        static, width, height = cached
        if align & Qt.AlignmentFlag.AlignRight:
            x = rect.right() + 1 - width
        elif align & Qt.AlignmentFlag.AlignHCenter:
            x = rect.left() + (rect.width() - width) // 2
        else:
            x = rect.left()
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawStaticText(x, rect.top() + (rect.height() - height) // 2, static)

    # -- columns ----------------------------------------------------------------------------------------

    def paint_columns(
        self, painter: QPainter, grid: HeatmapGrid, geometry: HeatmapGeometry, buckets: range, selected: range
    ) -> None:
        width, height = geometry.cell_width, geometry.header_height
        painter.fillRect(QRect(0, 0, painter.device().width(), height), _BACKGROUND)
        self._bands(painter, grid, geometry, buckets)
        for bucket in buckets:
            left = geometry.bucket_left(bucket)
            rect = QRect(left, _BAND, width, height - _BAND)
            if bucket == grid.current:
                painter.fillRect(rect.adjusted(1, 1, -1, -1), _TODAY)
            elif bucket in selected:
                painter.fillRect(rect, _SELECTED)
            self._bucket_texts(painter, grid, bucket, rect, width)
            painter.setPen(QPen(_LINE, 1))
            painter.drawLine(left + width - 1, _BAND, left + width - 1, height)
        painter.setPen(QPen(_EDGE, 1))
        painter.drawLine(0, height - 1, painter.device().width(), height - 1)

    def _bands(self, painter: QPainter, grid: HeatmapGrid, geometry: HeatmapGeometry, buckets: range) -> None:
        """Month (or year) labels over runs of columns, each written where its visible part starts."""
        runs: list[tuple[str, int, int]] = []
        for bucket in buckets:
            label = group_text(grid, bucket)
            if runs and runs[-1][0] == label:
                runs[-1] = (label, runs[-1][1], bucket)
            else:
                runs.append((label, bucket, bucket))
        for label, first, last in runs:
            left = max(geometry.bucket_left(first), 0)
            right = geometry.bucket_left(last) + geometry.cell_width
            self._text(painter, QRect(left + 4, 0, right - left - 6, _BAND), label, (self._bold, _TEXT, _ALIGN_LEFT))
            painter.setPen(QPen(_EDGE, 1))
            painter.drawLine(right - 1, 0, right - 1, geometry.header_height)

    def _bucket_texts(self, painter: QPainter, grid: HeatmapGrid, bucket: int, rect: QRect, width: int) -> None:
        today = bucket == grid.current
        colour = _TODAY_TEXT if today else _TEXT
        if grid.granularity is Granularity.MONTH:
            self._text(painter, rect, bucket_label(grid, bucket), (self._bold, colour, _ALIGN_CENTRE))
            return
        half = rect.height() // 2
        if width >= 30:
            painter.setFont(self._small)
            painter.setPen(_TODAY_TEXT if today else _MUTED)
            painter.drawText(
                QRect(rect.left(), rect.top() + 1, width, half), int(_ALIGN_CENTRE), bucket_label(grid, bucket)
            )
        day_rect = QRect(rect.left(), rect.top() + half - 1, width, rect.height() - half)
        self._text(painter, day_rect, bucket_detail(grid, bucket), (self._bold, colour, _ALIGN_CENTRE))

    # -- corner -----------------------------------------------------------------------------------------

    def paint_corner(self, painter: QPainter, grouping: Grouping, geometry: HeatmapGeometry, title: str) -> None:
        height = geometry.header_height
        painter.fillRect(QRect(0, 0, geometry.row_header_width, height), _BACKGROUND)
        title_rect = QRect(_PAD, 0, geometry.row_header_width - 2 * _PAD, _BAND + 2)
        self._text(painter, title_rect, title, (self._bold, _TEXT, _ALIGN_LEFT))
        bottom = QRect(0, _BAND, 0, height - _BAND)
        first = tr("Role") if grouping is Grouping.ROLES_ONLY else tr("Person")
        second = tr("Team") if grouping is Grouping.ROLE else tr("Role")
        if grouping is Grouping.ROLES_ONLY:
            second = tr("People")
        self._text(painter, bottom.adjusted(_PAD, 0, geometry.name_width, 0), first, (self._font, _MUTED, _ALIGN_LEFT))
        detail = QRect(geometry.name_width, _BAND, geometry.detail_width, height - _BAND)
        self._text(painter, detail, second, (self._font, _MUTED, _ALIGN_LEFT))
        hours = QRect(geometry.name_width + geometry.detail_width, _BAND, geometry.hours_width - _PAD, height - _BAND)
        self._text(painter, hours, tr("h/week"), (self._font, _MUTED, _ALIGN_RIGHT))
        painter.setPen(QPen(_EDGE, 1))
        painter.drawLine(0, height - 1, geometry.row_header_width, height - 1)
        painter.drawLine(geometry.row_header_width - 1, 0, geometry.row_header_width - 1, height)


def _row_background(entry: HeatmapRow) -> QColor:
    if entry.kind is RowKind.GROUP:
        return _GROUP_BACKGROUND
    return _UNFILLED_BACKGROUND if entry.kind is RowKind.UNFILLED else _PERSON_BACKGROUND


def _row_detail(grouping: Grouping, entry: HeatmapRow) -> str:
    if entry.kind is RowKind.GROUP:
        return tr("1 person") if entry.members == 1 else tr("{count} people", count=entry.members)
    if entry.kind is RowKind.UNFILLED:
        return tr("no one named")
    return entry.team if grouping is Grouping.ROLE else entry.role


def _row_hours(entry: HeatmapRow) -> str:
    if entry.kind is RowKind.UNFILLED:
        return ""
    return tr("{hours} h", hours=hours_text(entry.weekly_hours))

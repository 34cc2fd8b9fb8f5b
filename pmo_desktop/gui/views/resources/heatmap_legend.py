"""The heatmap's legend: the four bands, the graded over band with its steps, and the marks for time off,
tentative load, unfilled demand and work planned without capacity.

Painted from the same scale as the cells (`heatmap_colours`), so the legend can never disagree with them.
"""

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from pmo_desktop.gui.models import heatmap_colours as shades
from pmo_desktop.i18n import tr

_SWATCH_W, _SWATCH_H = 26, 14
_OVER_STEP = 24
_GAP = 16
_TEXT = QColor("#323f4b")
_MUTED = QColor("#616e7c")
_EDGE = QColor("#c9ced6")
_TIME_OFF = QColor("#6741d9")
_HEIGHT = 40


class HeatmapLegend(QWidget):
    """One line explaining the colours, under the heatmap.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("background: #ffffff; border-top: 1px solid #e3e6ea;")
        self.setFixedHeight(_HEIGHT)

    def sizeHint(self) -> QSize:
        return QSize(900, _HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor("#e3e6ea"), 1))
        painter.drawLine(0, 0, self.width(), 0)
        x = 12
        top = (_HEIGHT - _SWATCH_H) // 2 - 4
        for label, colours in shades.legend()[:-1]:
            x = self._swatches(painter, x, top, colours, label)
        x = self._over_scale(painter, x, top)
        x = self._swatches(painter, x, top, [shades.SHADES[shades.NO_CAPACITY_LOAD].colour], tr("∞ no capacity"))
        x = self._time_off(painter, x, top)
        x = self._hatch(painter, x, top)
        self._swatches(painter, x, top, [shades.SHADES[shades.UNFILLED].colour], tr("Unfilled demand"))
        painter.end()

    def _swatches(self, painter: QPainter, x: int, top: int, colours: list[str], label: str) -> int:
        for colour in colours:
            painter.fillRect(QRect(x, top, _SWATCH_W, _SWATCH_H), QColor(colour))
            x += _SWATCH_W
        painter.setPen(QPen(_EDGE, 1))
        painter.drawRect(QRect(x - _SWATCH_W * len(colours), top, _SWATCH_W * len(colours) - 1, _SWATCH_H - 1))
        return self._label(painter, x + 6, label)

    def _label(self, painter: QPainter, x: int, label: str) -> int:
        painter.setPen(_TEXT)
        metrics = QFontMetrics(self.font())
        painter.drawText(
            QRect(x, 0, metrics.horizontalAdvance(label) + 2, _HEIGHT - 8), int(Qt.AlignmentFlag.AlignVCenter), label
        )
        return x + metrics.horizontalAdvance(label) + _GAP

    def _over_scale(self, painter: QPainter, x: int, top: int) -> int:
        """The over band as seven steps with their upper bounds written under the joins."""
        small = self.font()
        small.setPointSizeF(max(6.5, small.pointSizeF() - 1.5))
        for step in range(shades.OVER_FIRST, shades.NO_CAPACITY_LOAD):
            painter.fillRect(
                QRect(x + (step - shades.OVER_FIRST) * _OVER_STEP, top, _OVER_STEP, _SWATCH_H),
                QColor(shades.SHADES[step].colour),
            )
        painter.setFont(small)
        painter.setPen(_MUTED)
        for index, label in enumerate(shades.over_scale_labels()):
            centre = x + (index + 1) * _OVER_STEP
            painter.drawText(QRect(centre - 14, top + _SWATCH_H, 28, 14), int(Qt.AlignmentFlag.AlignCenter), label)
        painter.setFont(self.font())
        width = _OVER_STEP * (shades.NO_CAPACITY_LOAD - shades.OVER_FIRST)
        return self._label(painter, x + width + 6, tr("Over > 100 %"))

    def _time_off(self, painter: QPainter, x: int, top: int) -> int:
        painter.fillRect(QRect(x, top, _SWATCH_W, _SWATCH_H), QColor(shades.SHADES[shades.IDLE].colour))
        painter.fillRect(QRect(x, top, _SWATCH_W * 2 // 3, 3), _TIME_OFF)
        painter.setPen(QPen(_EDGE, 1))
        painter.drawRect(QRect(x, top, _SWATCH_W - 1, _SWATCH_H - 1))
        return self._label(painter, x + _SWATCH_W + 6, tr("Time off (bar: days away)"))

    def _hatch(self, painter: QPainter, x: int, top: int) -> int:
        rect = QRect(x, top, _SWATCH_W, _SWATCH_H)
        painter.fillRect(rect, QColor(shades.SHADES[shades.HEALTHY].colour))
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(QPen(QColor(shades.SHADES[shades.OVER_FIRST + 2].colour).darker(135), 2))
        for offset in range(-_SWATCH_H, _SWATCH_W, 6):
            painter.drawLine(x + offset, top + _SWATCH_H, x + offset + _SWATCH_H, top)
        painter.restore()
        painter.setPen(QPen(_EDGE, 1))
        painter.drawRect(QRect(x, top, _SWATCH_W - 1, _SWATCH_H - 1))
        return self._label(painter, x + _SWATCH_W + 6, tr("Tentative (hatched)"))

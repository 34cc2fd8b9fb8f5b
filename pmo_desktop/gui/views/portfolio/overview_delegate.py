"""Painting of the overview's special cells: RAG dots with trend arrows, progress bars, the tentative badge.

Reads only roles (`RagRole`, `ProgressRole`, `FlagRole`), so it paints through any proxy. The RAG and the
trend are never colour alone: the arrow's shape says better or worse, and the tooltip says it in words.
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from pmo_desktop.gui.models.portfolio_roles import FlagRole, ProgressRole, RagRole
from pmo_desktop.i18n import tr

Index = QModelIndex | QPersistentModelIndex

RAG_COLOURS = {"green": QColor("#2f9e44"), "amber": QColor("#f08c00"), "red": QColor("#e03131")}
"""Fill colours of the RAG dots, shared with the KPI tiles."""
_TRENDS = {"better": ("▲", QColor("#2f9e44")), "worse": ("▼", QColor("#e03131")), "same": ("▶", QColor("#98a2ae"))}
_DOT = 12
_BAR_HEIGHT = 6
_BAR_TRACK = QColor("#e6e9ed")
_BAR_FILL = QColor("#4c6ef5")
_BAR_DONE = QColor("#2f9e44")
_BADGE_FILL = QColor("#fff3bf")
_BADGE_TEXT = QColor("#8a6100")


class OverviewDelegate(QStyledItemDelegate):
    """Paints RAG, progress and tentative cells; everything else as usual.

    Signals: only those of QStyledItemDelegate.
    """

    def __init__(self, progress_column: int, badge_column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._progress_column = progress_column
        self._badge_column = badge_column

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rag = index.data(RagRole)
        progress = index.data(ProgressRole) if index.column() == self._progress_column else None
        badge = index.column() == self._badge_column and bool(index.data(FlagRole))
        if rag is None and progress is None and not badge:
            super().paint(painter, option, index)
            return
        self._paint_background(painter, option, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if rag is not None:
            _paint_rag(painter, option.rect, rag)
        elif progress is not None:
            _paint_progress(painter, option, float(progress))
        else:
            self._paint_with_badge(painter, option, index)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 28))

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Selection, hover and the model's background, without text."""
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)

    def _paint_with_badge(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        label = tr("Tentative")
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        font.setBold(True)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(label) + 12
        badge = QRect(option.rect.right() - width - 4, option.rect.center().y() - 8, width, 16)
        text_rect = option.rect.adjusted(6, 0, -width - 10, 0)
        painter.setFont(index.data(Qt.ItemDataRole.FontRole) or option.font)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(colour if isinstance(colour, QColor) else option.palette.text().color())
        text = painter.fontMetrics().elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_BADGE_FILL)
        painter.drawRoundedRect(QRectF(badge), 8, 8)
        painter.setFont(font)
        painter.setPen(_BADGE_TEXT)
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), label)


def _paint_rag(painter: QPainter, rect: QRect, rag: tuple[str, str, str | None]) -> None:
    value, trend, _previous = rag
    arrow = _TRENDS.get(trend)
    total = _DOT + (14 if arrow else 0)
    left = rect.center().x() - total // 2
    dot = QRectF(left, rect.center().y() - _DOT / 2, _DOT, _DOT)
    painter.setPen(QPen(RAG_COLOURS[value].darker(115), 1))
    painter.setBrush(RAG_COLOURS[value])
    painter.drawEllipse(dot)
    if arrow is not None:
        symbol, colour = arrow
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() - 2.5))
        painter.setFont(font)
        painter.setPen(colour)
        target = QRect(int(dot.right()) + 3, rect.top(), 12, rect.height())
        painter.drawText(target, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), symbol)


def _paint_progress(painter: QPainter, option: QStyleOptionViewItem, percent: float) -> None:
    rect = option.rect.adjusted(8, 0, -8, 0)
    text = f"{percent:.0f} %"
    text_width = painter.fontMetrics().horizontalAdvance("100 %") + 6
    bar = QRectF(rect.left(), rect.center().y() - _BAR_HEIGHT / 2, max(10, rect.width() - text_width), _BAR_HEIGHT)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_BAR_TRACK)
    painter.drawRoundedRect(bar, 3, 3)
    filled = QRectF(bar.left(), bar.top(), bar.width() * min(100.0, max(0.0, percent)) / 100, bar.height())
    painter.setBrush(_BAR_DONE if percent >= 100 else _BAR_FILL)
    painter.drawRoundedRect(filled, 3, 3)
    painter.setPen(option.palette.text().color())
    target = QRect(int(bar.right()) + 4, rect.top(), text_width, rect.height())
    painter.drawText(target, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), text)

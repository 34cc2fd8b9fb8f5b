"""The top risks of what the register shows: the open threats most deserving attention, most serious first.

The ranking is the risk engine's (`register_top_risks`): residual score, then inherent, then proximity.
Clicking an entry selects it in the register; double-clicking opens it.
"""

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from pmo_desktop.i18n import tr
from pmo_desktop.risk import RiskBand, ScoreBasis, proximity_label
from pmo_desktop.services.raid_queries import RegisterRow

TOP_COUNT = 5
_SWATCH = QSize(30, 20)


def _swatch(band: RiskBand, score: int) -> QIcon:
    pixmap = QPixmap(_SWATCH)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(band.colour))
    painter.drawRoundedRect(pixmap.rect(), 4, 4)
    font = painter.font()
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(band.text_colour))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, str(score))
    painter.end()
    return QIcon(pixmap)


class TopRisksPanel(QWidget):
    """A short ranked list with each risk's residual score as a band-coloured swatch.

    Signals:
        item_chosen(int): an entry was clicked; the argument is the item id.
        item_opened(int): an entry was double-clicked.
    """

    item_chosen = Signal(int)
    item_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(tr("Top risks"), self)
        title.setObjectName("panelTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("topRisks")
        self.list.setIconSize(_SWATCH)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(lambda item: self._emit(self.item_chosen, item))
        self.list.itemDoubleClicked.connect(lambda item: self._emit(self.item_opened, item))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)

    def set_rows(self, rows: Sequence[RegisterRow]) -> None:
        self.list.clear()
        for row in rows:
            score = row.score_on(ScoreBasis.RESIDUAL)
            assert score is not None  # the ranking keeps scored items only
            details = [row.project_name]
            if row.proximity is not None:
                details.append(proximity_label(row.proximity))
            if row.owner_name:
                details.append(row.owner_name)
            item = QListWidgetItem(
                _swatch(score.band, score.score), f"{row.human_id}  {row.title}\n{' · '.join(details)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(
                tr("{id}: residual score {score} ({band})", id=row.human_id, score=score.score, band=score.band.label)
            )
            self.list.addItem(item)
        if not rows:
            empty = QListWidgetItem(tr("No open threats in this selection."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)

    def ids(self) -> list[int]:
        return [
            int(self.list.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.list.count())
            if self.list.item(n).data(Qt.ItemDataRole.UserRole) is not None
        ]

    @staticmethod
    def _emit(signal: Signal, item: QListWidgetItem) -> None:
        item_id = item.data(Qt.ItemDataRole.UserRole)
        if item_id is not None:
            signal.emit(int(item_id))

"""The 5x5 probability-impact matrix as a Qt table: probability 5 (top row) down to 1, impact 1 to 5.

Each cell shows how many items the engine's `RiskMatrix` places there and carries its band colours, so a
view can paint it without knowing the bands. The shape never changes; new counts are `dataChanged`.
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from pmo_desktop.i18n import tr
from pmo_desktop.risk import SCALE, RiskBand, RiskMatrix, RiskScore, ScoreBasis

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_SIZE = len(SCALE)
MatrixCellRole = int(Qt.ItemDataRole.UserRole) + 30
"""(probability, impact) of the cell."""
MatrixCountRole = int(Qt.ItemDataRole.UserRole) + 31
"""How many items the cell holds (int)."""
SelectedCellRole = int(Qt.ItemDataRole.UserRole) + 32
"""True for the cell the register is narrowed to."""

PROBABILITY_LABELS = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT_LABELS = {1: "Minimal", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}
_FILL = {band: QColor(band.colour) for band in RiskBand}
_TEXT = {band: QColor(band.text_colour) for band in RiskBand}


def cell_key(row: int, column: int) -> tuple[int, int]:
    """(probability, impact) of the model cell at `row` and `column`."""
    return (_SIZE - row, column + 1)


def cell_position(probability: int, impact: int) -> tuple[int, int]:
    """(row, column) of the model cell for `probability` and `impact`."""
    return (_SIZE - probability, impact - 1)


class RaidMatrixModel(QAbstractTableModel):
    """Counts per cell of one `RiskMatrix`, and which cell (if any) is selected.

    Signals: only those of QAbstractTableModel.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matrix = RiskMatrix(ScoreBasis.RESIDUAL, {})
        self._selected: tuple[int, int] | None = None

    @property
    def matrix(self) -> RiskMatrix:
        return self._matrix

    @property
    def selected(self) -> tuple[int, int] | None:
        return self._selected

    def set_matrix(self, matrix: RiskMatrix) -> None:
        self._matrix = matrix
        self._all_changed()

    def set_selected(self, cell: tuple[int, int] | None) -> None:
        if cell != self._selected:
            self._selected = cell
            self._all_changed()

    def count(self, probability: int, impact: int) -> int:
        cell = self._matrix.cells.get((probability, impact))
        return 0 if cell is None else cell.count

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else _SIZE

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else _SIZE

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._is_cell(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= section < _SIZE:
            return None
        vertical = orientation == Qt.Orientation.Vertical
        value = _SIZE - section if vertical else section + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            words = PROBABILITY_LABELS[value] if vertical else IMPACT_LABELS[value]
            what = tr("Probability") if vertical else tr("Impact")
            return f"{what} {value}: {tr(words)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._is_cell(index):
            return None
        probability, impact = cell_key(index.row(), index.column())
        score = RiskScore(probability, impact)
        count = self.count(probability, impact)
        values: dict[int, Any] = {
            int(Qt.ItemDataRole.DisplayRole): str(count) if count else "",
            int(Qt.ItemDataRole.ToolTipRole): _tooltip(score, count, self._matrix.basis),
            int(Qt.ItemDataRole.BackgroundRole): _FILL[score.band],
            int(Qt.ItemDataRole.ForegroundRole): _TEXT[score.band],
            int(Qt.ItemDataRole.TextAlignmentRole): Qt.AlignmentFlag.AlignCenter,
            MatrixCellRole: (probability, impact),
            MatrixCountRole: count,
            SelectedCellRole: self._selected == (probability, impact),
        }
        return values.get(int(role))

    def _all_changed(self) -> None:
        self.dataChanged.emit(self.index(0, 0), self.index(_SIZE - 1, _SIZE - 1))

    def _is_cell(self, index: Index) -> bool:
        return index.isValid() and index.model() is self and 0 <= index.row() < _SIZE and 0 <= index.column() < _SIZE


def _tooltip(score: RiskScore, count: int, basis: ScoreBasis) -> str:
    items = tr("1 open threat") if count == 1 else tr("{count} open threats", count=count)
    return tr(
        "{probability} ({probability_label}) × {impact} ({impact_label}) = {score}, {band}\n{items} on the {basis} "
        "score; click to show only these, click again to show all",
        probability=score.probability,
        probability_label=tr(PROBABILITY_LABELS[score.probability]),
        impact=score.impact,
        impact_label=tr(IMPACT_LABELS[score.impact]),
        score=score.score,
        band=score.band.label,
        items=items,
        basis=basis.label.lower(),
    )

"""The 5x5 matrix beside the register: counts per cell in band colours, an inherent/residual toggle, a legend.

Clicking a cell asks the view to narrow the register to it; the panel then names the cell and offers to
clear it (clicking the same cell again clears it too).
"""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.gui.models.raid_matrix_model import (
    MatrixCellRole,
    MatrixCountRole,
    RaidMatrixModel,
    SelectedCellRole,
    cell_position,
)
from pmo_desktop.i18n import tr
from pmo_desktop.risk import RiskBand, ScoreBasis

Index = QModelIndex | QPersistentModelIndex
_CELL = QSize(48, 38)
_GAP = 2
_RING = QColor("#1f2933")
_LEGEND_CHIP = "QLabel {{ background: {fill}; color: {ink}; border-radius: 3px; padding: 2px 6px; }}"
_TOGGLE = (
    "QToolButton { padding: 4px 12px; border: 1px solid #c4ccd6; background: #ffffff; color: #3e4c59; }"
    "QToolButton:checked { background: #1f4fd1; color: #ffffff; border-color: #1f4fd1; }"
)


class MatrixCellDelegate(QStyledItemDelegate):
    """Fills each cell with its band colour, writes the count large, and rings the selected cell.

    Signals: only those of QStyledItemDelegate.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = QRectF(option.rect).adjusted(_GAP, _GAP, -_GAP, -_GAP)
        count = int(index.data(MatrixCountRole) or 0)
        fill = QColor(index.data(Qt.ItemDataRole.BackgroundRole))
        if not count:
            fill.setAlpha(120)  # empty cells recede, so the eye lands on the populated ones
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(cell, 3, 3)
        if index.data(SelectedCellRole):
            painter.setPen(QPen(_RING, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.adjusted(1.5, 1.5, -1.5, -1.5), 3, 3)
        if count:
            font = QFont(option.font)
            font.setPointSizeF(option.font.pointSizeF() * 1.25)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor(index.data(Qt.ItemDataRole.ForegroundRole)))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, str(count))
        painter.restore()


class AxisTitle(QWidget):
    """An axis title written bottom to top, for the probability axis left of the matrix.

    Signals: none.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.setObjectName("axisTitle")
        self.setFixedWidth(self.fontMetrics().height() + 4)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        painter.translate(0, self.height())
        painter.rotate(-90)
        painter.drawText(QRectF(0, 0, self.height(), self.width()), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()


class RiskMatrixPanel(QWidget):
    """The matrix with its title, basis toggle, axis captions, legend and the active cell filter.

    Signals:
        cell_clicked(int, int): a cell was clicked: probability, impact.
        basis_changed(ScoreBasis): the user chose the inherent or the residual score.
        clear_requested(): the user asked to show every cell again.
    """

    cell_clicked = Signal(int, int)
    basis_changed = Signal(object)
    clear_requested = Signal()

    def __init__(self, model: RaidMatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.table = self._build_table(model)
        self._toggles = QButtonGroup(self)
        self._title = QLabel(tr("Risk matrix"), self)
        self._title.setObjectName("panelTitle")
        self._subtitle = QLabel(self)
        self._subtitle.setObjectName("panelNote")
        self._cell_note = QLabel(self)
        self._cell_note.setWordWrap(True)
        self._clear = QToolButton(self)
        self._clear.setText(tr("Show all"))
        self._clear.clicked.connect(self.clear_requested)
        self._lay_out()
        self.show_cell(None, 0)

    @property
    def basis(self) -> ScoreBasis:
        checked = self._toggles.checkedButton()
        return ScoreBasis(checked.property("basis")) if checked is not None else ScoreBasis.RESIDUAL

    def set_basis(self, basis: ScoreBasis) -> None:
        for button in self._toggles.buttons():
            button.setChecked(button.property("basis") == basis.value)

    def click_cell(self, probability: int, impact: int) -> None:
        """What a mouse click on the cell does (for keyboard users and tests)."""
        row, column = cell_position(probability, impact)
        self.table.clicked.emit(self.model.index(row, column))

    def show_cell(self, cell: tuple[int, int] | None, shown: int) -> None:
        """Name the cell the register is narrowed to (and how many rows it shows), or hide the note."""
        self._cell_note.setVisible(cell is not None)
        self._clear.setVisible(cell is not None)
        if cell is not None:
            probability, impact = cell
            self._cell_note.setText(
                tr("Showing {count} at probability {p} × impact {i}", count=shown, p=probability, i=impact)
            )

    def set_summary(self, total: int) -> None:
        basis = self.basis.label.lower()
        self._subtitle.setText(tr("{count} open threats by {basis} score", count=total, basis=basis))

    def _build_table(self, model: RaidMatrixModel) -> QTableView:
        table = QTableView(self)
        table.setObjectName("riskMatrix")
        table.setModel(model)
        table.setItemDelegate(MatrixCellDelegate(table))
        table.setShowGrid(False)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setCornerButtonEnabled(False)
        for header, size in ((table.horizontalHeader(), _CELL.width()), (table.verticalHeader(), _CELL.height())):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
            header.setHighlightSections(False)
            header.setSectionsClickable(False)
        table.verticalHeader().setMinimumWidth(26)
        table.clicked.connect(self._on_clicked)
        return table

    def _fit_table(self) -> None:
        vertical = self.table.verticalHeader()
        horizontal = self.table.horizontalHeader()
        width = vertical.sizeHint().width() + 5 * _CELL.width() + 2 * self.table.frameWidth()
        height = horizontal.sizeHint().height() + 5 * _CELL.height() + 2 * self.table.frameWidth()
        self.table.setFixedSize(width, height)

    def _on_clicked(self, index: Index) -> None:
        probability, impact = index.data(MatrixCellRole)
        self.cell_clicked.emit(probability, impact)

    def _toggle_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self._title)
        row.addStretch(1)
        for basis in (ScoreBasis.INHERENT, ScoreBasis.RESIDUAL):
            button = QToolButton(self)
            button.setText(basis.label)
            button.setCheckable(True)
            button.setProperty("basis", basis.value)
            button.setStyleSheet(_TOGGLE)
            button.setToolTip(tr("Before the response") if basis is ScoreBasis.INHERENT else tr("After the response"))
            self._toggles.addButton(button)
            row.addWidget(button)
        self._toggles.setExclusive(True)
        self.set_basis(ScoreBasis.RESIDUAL)
        self._toggles.buttonClicked.connect(lambda _button: self.basis_changed.emit(self.basis))
        return row

    def _legend(self) -> QHBoxLayout:
        chips = QGridLayout()
        chips.setSpacing(4)
        for position, band in enumerate(reversed(RiskBand)):
            low, high = band.score_range
            chip = QLabel(tr("{band} {low}–{high}", band=band.label, low=low, high=high), self)
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            chip.setStyleSheet(_LEGEND_CHIP.format(fill=band.colour, ink=band.text_colour))
            chips.addWidget(chip, position // 2, position % 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(chips)
        row.addStretch(1)
        return row

    def _lay_out(self) -> None:
        self._fit_table()
        impact = QLabel(tr("Impact →"), self)
        impact.setObjectName("panelNote")
        grid = QGridLayout()
        grid.setSpacing(2)
        grid.addWidget(AxisTitle(tr("Probability →"), self), 0, 0)
        grid.addWidget(self.table, 0, 1)
        grid.addWidget(impact, 1, 1, Qt.AlignmentFlag.AlignHCenter)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addLayout(grid)
        centred.addStretch(1)
        note = QHBoxLayout()
        note.addWidget(self._cell_note, 1)
        note.addWidget(self._clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        layout.addLayout(self._toggle_row())
        layout.addWidget(self._subtitle)
        layout.addLayout(centred)
        layout.addLayout(self._legend())
        layout.addLayout(note)

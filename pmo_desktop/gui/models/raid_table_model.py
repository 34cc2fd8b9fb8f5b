"""The RAID register as a Qt table: one row per item, the columns of `raid_columns`, band colours as roles.

Reads `raid_register` and follows `Document.changes_applied`: when RAID items, their history or links, or
the projects, programmes and people they name change, it reloads and applies the difference row by row
(so selections survive). It sorts itself in Python on precomputed keys: QSortFilterProxyModel's own sort
asks `data()` twice per comparison, which costs well over 50 ms at 2,000 rows; the proxy forwards here.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind, RaidKind
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import format_date
from pmo_desktop.gui.models.raid_columns import SPECS, RaidColumn, register_order, score_tooltip, trend_tooltip
from pmo_desktop.gui.models.roles import RecordIdRole, SortRole
from pmo_desktop.i18n import tr
from pmo_desktop.risk import RiskBand, RiskScore, ScoreBasis, Trend
from pmo_desktop.services.raid_queries import DEFAULT_TREND_DAYS, RaidRegister, RegisterRow, raid_register

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
RaidRowRole = int(Qt.ItemDataRole.UserRole) + 20
"""The row's `RegisterRow`, for proxies and views that need more than one cell."""
BandChipRole = int(Qt.ItemDataRole.UserRole) + 21
"""True for a score cell holding a score: a view draws it as a chip in the band's colours."""

_RELOAD_KINDS = (
    EntityKind.RAID_ITEM,
    EntityKind.RAID_SCORE,
    EntityKind.RAID_TASK_LINK,
    EntityKind.PROJECT,
    EntityKind.PROGRAMME,
    EntityKind.PERSON,
)
_BAND_FILL = {band: QColor(band.colour) for band in RiskBand}
_BAND_TEXT = {band: QColor(band.text_colour) for band in RiskBand}
_OVERDUE_FILL = QColor("#FDECEA")
_OVERDUE_TEXT = QColor("#B3261E")
_CLOSED_TEXT = QColor("#7B8794")
_TREND_COLOURS = {Trend.UP: QColor("#C62828"), Trend.DOWN: QColor("#2E7D32"), Trend.FLAT: QColor("#7B8794")}
_CENTRED = Qt.AlignmentFlag.AlignCenter
_Reader = Callable[[RegisterRow, RaidColumn], Any]
"""What a role shows of a cell, given its row and its column."""
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class RaidTableModel(QAbstractTableModel):
    """The register's rows, sortable by any column; read-only (edits go through the item editor).

    Signals:
        register_changed(): the rows were reloaded (an edit, its undo, a new trend window).
        basis_changed(): the score basis (inherent or residual) the trend column follows changed.
    """

    register_changed = Signal()
    basis_changed = Signal()

    def __init__(self, document: Document, parent: QObject | None = None, *, today: date | None = None) -> None:
        """`today` pins the day the register is read for (tests); by default it is the real today."""
        super().__init__(parent)
        self._document = document
        self._pinned_today = today
        self._trend_days = DEFAULT_TREND_DAYS
        self._basis = ScoreBasis.RESIDUAL
        self._sort: tuple[RaidColumn, Qt.SortOrder] | None = None
        self._register = self._read()
        self._rows = list(self._register.rows)
        self._positions: dict[int, int] | None = None
        self._readers = self._role_readers()
        # Fonts are made here, not at import: before the application exists a QFont has no size.
        self._bold = QFont()
        self._bold.setBold(True)
        self._trend_font = QFont(self._bold)
        self._trend_font.setPointSizeF(self._bold.pointSizeF() * 1.3)
        document.changes_applied.connect(self._on_changes_applied)

    # -- state ------------------------------------------------------------------------------------------

    @property
    def register(self) -> RaidRegister:
        return self._register

    @property
    def basis(self) -> ScoreBasis:
        return self._basis

    @property
    def trend_days(self) -> int:
        return self._trend_days

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def row_of(self, item_id: int) -> int | None:
        if self._positions is None:
            self._positions = {row.id: position for position, row in enumerate(self._rows)}
        return self._positions.get(item_id)

    def set_basis(self, basis: ScoreBasis) -> None:
        if basis is self._basis:
            return
        self._basis = basis
        if self._sort is not None and self._sort[0] is RaidColumn.TREND:
            self._resort()
        self._column_changed(RaidColumn.TREND)
        self.basis_changed.emit()

    def set_trend_days(self, days: int) -> None:
        if days != self._trend_days:
            self._trend_days = days
            self.reload()

    def reload(self) -> None:
        self._apply(self._read())

    # -- shape ------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(RaidColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(RaidColumn):
            return None
        spec = SPECS[RaidColumn(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(spec.header)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr(spec.tooltip) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED if spec.centred else _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._is_cell(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- reading ----------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._is_cell(index):
            return None
        reader = self._readers.get(int(role))
        return None if reader is None else reader(self._rows[index.row()], RaidColumn(index.column()))

    def _role_readers(self) -> dict[int, _Reader]:
        readers: dict[Qt.ItemDataRole | int, _Reader] = {
            Qt.ItemDataRole.DisplayRole: lambda row, column: SPECS[column].text(row, self._basis),
            Qt.ItemDataRole.TextAlignmentRole: lambda row, column: _CENTRED if SPECS[column].centred else _LEFT,
            Qt.ItemDataRole.ToolTipRole: self._tooltip,
            Qt.ItemDataRole.BackgroundRole: self._fill,
            Qt.ItemDataRole.ForegroundRole: self._ink,
            Qt.ItemDataRole.FontRole: self._font,
            SortRole: lambda row, column: SPECS[column].key(row, self._basis),
            RecordIdRole: lambda row, column: row.id,
            RaidRowRole: lambda row, column: row,
            BandChipRole: lambda row, column: self._cell_score(row, column) is not None,
        }
        return {int(role): reader for role, reader in readers.items()}

    def _cell_score(self, row: RegisterRow, column: RaidColumn) -> RiskScore | None:
        if column is RaidColumn.SCORE:
            return row.score
        return row.residual if column is RaidColumn.RESIDUAL else None

    def _fill(self, row: RegisterRow, column: RaidColumn) -> QColor | None:
        score = self._cell_score(row, column)
        if score is not None:
            return _BAND_FILL[score.band]
        if column is RaidColumn.REVIEW and row.review_overdue:
            return _OVERDUE_FILL
        return None

    def _ink(self, row: RegisterRow, column: RaidColumn) -> QColor | None:
        score = self._cell_score(row, column)
        if score is not None:
            return _BAND_TEXT[score.band]
        if column is RaidColumn.REVIEW and row.review_overdue:
            return _OVERDUE_TEXT
        if column is RaidColumn.TREND:
            return _TREND_COLOURS[row.trend_on(self._basis)]
        return None if row.is_open else _CLOSED_TEXT

    def _font(self, row: RegisterRow, column: RaidColumn) -> QFont | None:
        if column is RaidColumn.TREND:
            return self._trend_font
        overdue = column is RaidColumn.REVIEW and row.review_overdue
        return self._bold if overdue or self._cell_score(row, column) is not None else None

    def _tooltip(self, row: RegisterRow, column: RaidColumn) -> str | None:
        special: dict[RaidColumn, _Reader] = {
            RaidColumn.SCORE: lambda r, c: score_tooltip(r.score, tr("Inherent score")),
            RaidColumn.RESIDUAL: lambda r, c: _residual_tooltip(r),
            RaidColumn.TREND: lambda r, c: trend_tooltip(r, self._basis, self._trend_days),
            RaidColumn.REVIEW: lambda r, c: self._review_tooltip(r),
            RaidColumn.TITLE: lambda r, c: _title_tooltip(r),
            RaidColumn.PROJECT: lambda r, c: r.project_name,
        }
        reader = special.get(column)
        return reader(row, column) if reader is not None else SPECS[column].text(row, self._basis) or None

    def _review_tooltip(self, row: RegisterRow) -> str | None:
        if not row.review_overdue or row.review_on is None:
            return format_date(row.review_on) or None
        days = (self._register.today - row.review_on).days
        return tr("Review overdue by {days} days (due {day})", days=days, day=format_date(row.review_on))

    # -- sorting ----------------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by `column` (a negative column restores the register's own order)."""
        self._sort = (RaidColumn(column), order) if 0 <= column < len(RaidColumn) else None
        self._resort()

    def _resort(self) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in persistent]
        self._rows.sort(key=register_order)
        if self._sort is not None:
            column, order = self._sort
            spec, basis = SPECS[column], self._basis
            descending = order == Qt.SortOrder.DescendingOrder
            # list.sort is stable even when reversed, so ties keep the register's order both ways.
            self._rows.sort(key=lambda row: spec.key(row, basis), reverse=descending)
        self._positions = None
        moved = [
            self.index(self.row_of(item_id) or 0, index.column())
            for item_id, index in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- following changes ------------------------------------------------------------------------------

    def _read(self) -> RaidRegister:
        return raid_register(self._document.workspace, today=self._pinned_today, trend_days=self._trend_days)

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.touches(*_RELOAD_KINDS):
            self.reload()

    def _apply(self, register: RaidRegister) -> None:
        """Make the rows those of `register` with row-level signals, never a reset; then sort again."""
        self._register = register
        fresh = {row.id: row for row in register.rows}
        for position in reversed(range(len(self._rows))):
            if self._rows[position].id not in fresh:
                self.beginRemoveRows(_ROOT, position, position)
                del self._rows[position]
                self._positions = None  # before endRemoveRows: its slots may already ask row_of
                self.endRemoveRows()
        for position, row in enumerate(self._rows):
            if fresh[row.id] != row:
                self._rows[position] = fresh[row.id]
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(RaidColumn) - 1))
        known = {row.id for row in self._rows}
        added = [row for row in register.rows if row.id not in known]
        if added:
            self.beginInsertRows(_ROOT, len(self._rows), len(self._rows) + len(added) - 1)
            self._rows.extend(added)
            self._positions = None
            self.endInsertRows()
        if self._sort is not None or added:
            self._resort()
        self.register_changed.emit()

    def _column_changed(self, column: RaidColumn) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def _is_cell(self, index: Index) -> bool:
        """Like checkIndex, but silent: Qt's checkIndex logs a warning for the invalid indexes views pass."""
        return (
            index.isValid()
            and index.model() is self
            and 0 <= index.row() < len(self._rows)
            and 0 <= index.column() < len(RaidColumn)
        )


def _residual_tooltip(row: RegisterRow) -> str | None:
    if row.residual is None and row.score is not None:
        return tr("No residual assessment yet: the inherent score stands.")
    return score_tooltip(row.residual, tr("Residual score"))


def _title_tooltip(row: RegisterRow) -> str:
    """The title and what matters most about the item's kind: a decision's deadline, an issue's severity."""
    lines = [f"{row.human_id}  {row.title}"]
    if row.kind is RaidKind.DECISION and row.needed_by is not None:
        lines.append(tr("Needed by {day}", day=format_date(row.needed_by)))
    if row.kind is RaidKind.DECISION and row.decided_by_name:
        lines.append(tr("Decided by {name}", name=row.decided_by_name))
    if row.kind is RaidKind.ISSUE and row.severity is not None:
        lines.append(tr("Severity {value} of 5", value=row.severity))
    if row.kind is RaidKind.ASSUMPTION and row.validation_on is not None:
        lines.append(tr("To be validated by {day}", day=format_date(row.validation_on)))
    if row.category:
        lines.append(tr("Category: {category}", category=row.category))
    if row.linked_tasks:
        lines.append(tr("Linked to {count} task(s)", count=row.linked_tasks))
    return "\n".join(lines)

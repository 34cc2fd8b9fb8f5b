"""Filtering the RAID register: by kind, programme, project, owner, status, band, overdue review and text,
and by one cell of the 5x5 matrix.

Sorting is forwarded to `RaidTableModel.sort`, which orders its rows in Python on precomputed keys; the
proxy itself never sorts, so its rows follow the source order.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal

from pmo_desktop.domain.enums import RaidKind, RaidStatus
from pmo_desktop.gui.models.raid_table_model import RaidTableModel
from pmo_desktop.risk import RiskBand, ScoreBasis
from pmo_desktop.services.raid_queries import RegisterRow

Index = QModelIndex | QPersistentModelIndex

NO_PROJECT = 0
"""The project filter value for items on the portfolio itself (record ids start at 1)."""
NO_OWNER = 0
"""The owner filter value for items nobody owns."""
OPEN_STATUSES = frozenset({RaidStatus.OPEN, RaidStatus.IN_PROGRESS})


@dataclass(frozen=True)
class RaidFilter:
    """What the register shows; None (or empty) in a field means "any"."""

    kind: RaidKind | None = None
    programme_id: int | None = None
    project_id: int | None = None
    owner_id: int | None = None
    statuses: frozenset[RaidStatus] | None = None
    band: RiskBand | None = None
    overdue_only: bool = False
    text: str = ""


class RaidFilterProxyModel(QSortFilterProxyModel):
    """The register as filtered; the band filter reads the score on the current basis, as the matrix does.

    Signals:
        selection_changed(): the filter, the matrix cell or the source rows changed what the rows ignoring
            the cell are (the matrix, burndown and top risks follow these).
    """

    selection_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(True)
        self._filter = RaidFilter()
        self._cell: tuple[int, int] | None = None
        self._basis = ScoreBasis.RESIDUAL

    def setSourceModel(self, model: Any) -> None:
        assert isinstance(model, RaidTableModel), "the RAID proxy filters a RaidTableModel"
        super().setSourceModel(model)
        model.register_changed.connect(self.selection_changed)
        model.basis_changed.connect(self._follow_basis)
        self._basis = model.basis

    @property
    def register_model(self) -> RaidTableModel:
        source = self.sourceModel()
        assert isinstance(source, RaidTableModel)
        return source

    @property
    def filter(self) -> RaidFilter:
        return self._filter

    @property
    def cell(self) -> tuple[int, int] | None:
        """The matrix cell (probability, impact) the rows are narrowed to, if any."""
        return self._cell

    def set_filter(self, raid_filter: RaidFilter) -> None:
        if raid_filter != self._filter:
            self.beginFilterChange()
            self._filter = raid_filter
            self._end_filter_change()
            self.selection_changed.emit()

    def set_cell(self, cell: tuple[int, int] | None) -> None:
        """Narrow to the items the matrix places in `cell` on the current basis; None shows them all."""
        if cell != self._cell:
            self.beginFilterChange()
            self._cell = cell
            self._end_filter_change()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.register_model.sort(column, order)

    def selected_rows(self) -> Iterator[RegisterRow]:
        """The rows the filter keeps, ignoring the matrix cell: what the matrix and the burndown describe."""
        source = self.register_model
        return (row for row in map(source.row_at, range(source.rowCount())) if self.accepts(row))

    def accepts(self, row: RegisterRow) -> bool:
        """Whether the filter (not the matrix cell) keeps `row`."""
        wanted = self._filter
        return (
            (wanted.kind is None or row.kind is wanted.kind)
            and (wanted.programme_id is None or row.programme_id == wanted.programme_id)
            and (wanted.project_id is None or (row.project_id or NO_PROJECT) == wanted.project_id)
            and (wanted.owner_id is None or (row.owner_id or NO_OWNER) == wanted.owner_id)
            and (wanted.statuses is None or row.status in wanted.statuses)
            and (wanted.band is None or self._band_of(row) is wanted.band)
            and (not wanted.overdue_only or row.review_overdue)
            and (not wanted.text or _matches(row, wanted.text.casefold()))
        )

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        row = self.register_model.row_at(source_row)
        if self._cell is not None and row.matrix_cell(self._basis) != self._cell:
            return False
        return self.accepts(row)

    def _band_of(self, row: RegisterRow) -> RiskBand | None:
        score = row.score_on(self._basis)
        return None if score is None else score.band

    def _follow_basis(self) -> None:
        self.beginFilterChange()
        self._basis = self.register_model.basis
        self._end_filter_change()
        self.selection_changed.emit()

    def _end_filter_change(self) -> None:
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)


def _matches(row: RegisterRow, needle: str) -> bool:
    haystack = (row.human_id, row.title, row.project_name, row.project_code, row.owner_name, row.category)
    return any(needle in text.casefold() for text in haystack)

"""The hotspot panel's tables: the top over-allocations, and idle capacity by role.

Both are read-only and re-read from the heatmap's capacity model when its grid changes; each row answers
`RecordIdRole` (the person or role) and the over-allocations also `BucketRangeRole`, so the panel can jump
to the cells.
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from pmo_desktop.gui.formatting import format_date
from pmo_desktop.gui.models.heatmap_text import hours_text, month_name, percent_text
from pmo_desktop.gui.models.roles import RecordIdRole
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_hotspots import IdleRole, OverAllocation

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

BucketRangeRole = int(Qt.ItemDataRole.UserRole) + 40
"""(first bucket, stop bucket) of an over-allocation (tuple of ints)."""
SortValueRole = int(Qt.ItemDataRole.UserRole) + 41
"""The number behind a numeric column (float), for sorting and tests."""

T = TypeVar("T")
Column = tuple[str, Callable[[Any], str], Callable[[Any], float] | None]
"""(header, text of a row, number of a row for numeric columns)."""


class _ListModel(QAbstractTableModel, Generic[T]):
    """Rows of frozen records shown through `COLUMNS`."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: tuple[T, ...] = ()

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = tuple(items)
        self.endResetModel()

    def item_at(self, row: int) -> T:
        return self._items[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        header, _, number = self.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if number is not None else _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._is_cell(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._is_cell(index):
            return None
        item = self._items[index.row()]
        _, show, number = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return show(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if number is not None else _LEFT
        if role == SortValueRole:
            return number(item) if number is not None else None
        return self.item_data(item, role)

    def item_data(self, item: T, role: int) -> Any:
        return None

    def _is_cell(self, index: Index) -> bool:
        return (
            index.isValid()
            and index.model() is self
            and 0 <= index.row() < len(self._items)
            and 0 <= index.column() < len(self.COLUMNS)
        )


def _weeks(item: OverAllocation) -> str:
    """ "19 Oct – 10 Jan": the run is inside the horizon of a year, so years would only add width."""
    return f"{item.start.day} {month_name(item.start)} – {item.finish.day} {month_name(item.finish)}"


def _projects(item: OverAllocation) -> str:
    return ", ".join(f"{share.project.split(' ', 1)[0]} {round(share.share * 100)}%" for share in item.projects[:3])


class HotspotTableModel(_ListModel[OverAllocation]):
    """Top over-allocations: who, when, how far over at the peak, by how many hours, and the main projects.

    Signals: only those of QAbstractTableModel.
    """

    COLUMNS = (
        ("Person", lambda item: item.person, None),
        ("Peak", lambda item: percent_text(item.peak), lambda item: item.peak),
        ("When", _weeks, None),
        ("Over by", lambda item: tr("{hours} h", hours=hours_text(item.excess_hours)), lambda item: item.excess_hours),
        ("Projects", _projects, None),
    )

    def item_data(self, item: OverAllocation, role: int) -> Any:
        if role == RecordIdRole:
            return item.person_id
        if role == BucketRangeRole:
            return (item.first_bucket, item.stop_bucket)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{item.person} ({item.role})" if item.role else item.person]
            lines.append(tr("{start} to {finish}", start=format_date(item.start), finish=format_date(item.finish)))
            lines += [f"{share.project}: {hours_text(share.hours)} h" for share in item.projects]
            return "\n".join(lines)
        return None


class IdleRoleTableModel(_ListModel[IdleRole]):
    """Free hours by role beside the role's unfilled demand, over the weeks the panel chose.

    Signals: only those of QAbstractTableModel.
    """

    COLUMNS = (
        ("Role", lambda item: item.role, None),
        ("People", lambda item: f"{item.people}", lambda item: float(item.people)),
        ("Free", lambda item: tr("{hours} h", hours=hours_text(item.free_hours)), lambda item: item.free_hours),
        (
            "Unfilled",
            lambda item: tr("{hours} h", hours=hours_text(item.unfilled_hours)),
            lambda item: item.unfilled_hours,
        ),
    )

    def item_data(self, item: IdleRole, role: int) -> Any:
        return item.role_id if role == RecordIdRole else None

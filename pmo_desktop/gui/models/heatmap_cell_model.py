"""The allocations behind one heatmap cell, as an editable table for the side panel.

Rows are the `CellAllocation`s of a `CellDetails`; columns are the project, the dates, the amount (in its
unit), the status, and the hours the allocation puts into the cell. An edit becomes an
`UpdateRecordCommand` through the document. Dates shown are the days an allocation covers: for one that
follows a task, the task's. Changing its dates or project unties it from the task (it keeps the other
dates it covered), since a task-tied allocation's own dates are not what the heatmap counts.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QObject, QPersistentModelIndex, Qt

from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, EntityKind
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.commands.record_commands import UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import enum_words
from pmo_desktop.gui.models.heatmap_text import hours_text, short_date
from pmo_desktop.gui.models.roles import ChoicesRole, RecordIdRole
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_cells import CellAllocation, CellDetails

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_UNITS = {AllocationUnit.HOURS_PER_WEEK: "h/wk", AllocationUnit.PERCENT: "%"}


@dataclass(frozen=True)
class _Column:
    header: str
    show: Callable[[CellAllocation], str]
    field: str | None = None  # the stored field an edit writes; None for read-only columns


_COLUMNS = (
    _Column("Project", lambda item: item.project_code or item.project, "project_id"),
    _Column("From", lambda item: short_date(item.span_start), "start"),
    _Column("To", lambda item: short_date(item.span_finish), "finish"),
    _Column("Amount", lambda item: f"{hours_text(item.amount)} {tr(_UNITS[item.unit])}", "amount"),
    _Column("Status", lambda item: enum_words("tentative" if item.tentative else "confirmed"), "status"),
    _Column("Here", lambda item: tr("{hours} h", hours=hours_text(item.hours))),
)
_NUMERIC = {"Amount", "Here"}


class CellAllocationsModel(QAbstractTableModel):
    """The allocations of the cell the side panel shows; empty until `show_cell`.

    Signals: only those of QAbstractTableModel.
    """

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._items: tuple[CellAllocation, ...] = ()
        self._projects: list[tuple[int, str]] = []
        self._readers = self._role_readers()

    def show_cell(self, details: CellDetails | None, projects: list[tuple[int, str]]) -> None:
        """Show the allocations of `details` (none when None); `projects` are the (id, name) choices."""
        self.beginResetModel()
        self._items = details.allocations if details is not None else ()
        self._projects = projects
        self.endResetModel()

    def allocation_at(self, row: int) -> CellAllocation:
        return self._items[row]

    def row_of(self, allocation_id: int) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == allocation_id:
                return row
        return None

    def column_of(self, field: str) -> int:
        return next(position for position, column in enumerate(_COLUMNS) if column.field == field)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(_COLUMNS[section].header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if _COLUMNS[section].header in _NUMERIC else _LEFT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._is_cell(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if _COLUMNS[index.column()].field is not None and not self._document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._is_cell(index):
            return None
        reader = self._readers.get(int(role))
        return reader(self._items[index.row()], _COLUMNS[index.column()]) if reader is not None else None

    def _role_readers(self) -> dict[int, Callable[[CellAllocation, _Column], Any]]:
        readers: dict[Qt.ItemDataRole | int, Callable[[CellAllocation, _Column], Any]] = {
            Qt.ItemDataRole.DisplayRole: lambda item, column: column.show(item),
            Qt.ItemDataRole.EditRole: lambda item, column: _edit_value(item, column.field),
            Qt.ItemDataRole.ToolTipRole: lambda item, column: _tooltip(item),
            Qt.ItemDataRole.TextAlignmentRole: lambda item, column: _RIGHT if column.header in _NUMERIC else _LEFT,
            ChoicesRole: lambda item, column: self._choices(column.field),
            RecordIdRole: lambda item, column: item.id,
        }
        return {int(role): reader for role, reader in readers.items()}

    def _choices(self, field: str | None) -> list[tuple[Any, str]] | None:
        if field == "project_id":
            return list(self._projects)
        if field == "unit":
            return [(unit.value, tr(_UNITS[unit])) for unit in AllocationUnit]
        if field == "status":
            return [(status.value, enum_words(status)) for status in AllocationStatus]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push the edit as an undo command; a refused value is reported by the document and nothing changes."""
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        item, field = self._items[index.row()], _COLUMNS[index.column()].field
        assert field is not None
        values = _values(item, field, value)
        if values is None:
            return False
        try:
            command = UpdateRecordCommand(self._document, EntityKind.ALLOCATION, item.id, values, _text(field))
        except PmoError as error:
            self._document.report(error)
            return False
        return self._document.run(command)

    def _is_cell(self, index: Index) -> bool:
        return (
            index.isValid()
            and index.model() is self
            and 0 <= index.row() < len(self._items)
            and 0 <= index.column() < len(_COLUMNS)
        )


def _edit_value(item: CellAllocation, field: str | None) -> Any:
    if field == "project_id":
        return item.project_id
    if field in ("start", "finish"):
        day = item.span_start if field == "start" else item.span_finish
        return QDate(day.year, day.month, day.day)
    if field == "amount":
        return item.amount
    if field == "unit":
        return item.unit.value
    if field == "status":
        return "tentative" if item.tentative else "confirmed"
    return None


def _values(item: CellAllocation, field: str, value: Any) -> dict[str, Any] | None:
    """What an edit of `field` writes, or None when nothing changes."""
    if isinstance(value, QDate):
        value = value.toPython()
    if field in ("start", "finish"):
        if not isinstance(value, date) or value == (item.span_start if field == "start" else item.span_finish):
            return None
        span = {"start": item.span_start, "finish": item.span_finish, field: value}
        return {**span, "task_id": None} if item.task_id is not None else span
    if field == "project_id":
        if value == item.project_id:
            return None
        untie = {"task_id": None, "start": item.span_start, "finish": item.span_finish}
        return {"project_id": value, **untie} if item.task_id is not None else {"project_id": value}
    if field == "amount":
        return None if value is None or float(value) == item.amount else {"amount": float(value)}
    current = _edit_value(item, field)
    return None if value == current else {field: value}


def _text(field: str) -> str:
    words = {
        "project_id": "Change allocation project",
        "start": "Change allocation dates",
        "finish": "Change allocation dates",
        "amount": "Change allocation hours",
        "unit": "Change allocation unit",
        "status": "Change allocation status",
    }
    return tr(words[field])


def _tooltip(item: CellAllocation) -> str:
    parts = [item.project]
    if item.task:
        parts.append(tr("Follows the task '{task}'", task=item.task))
    if item.note:
        parts.append(item.note)
    return "\n".join(parts)

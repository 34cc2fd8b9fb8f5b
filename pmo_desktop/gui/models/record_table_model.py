"""A table of the records of one kind: rows are records (in id order), columns are chosen fields.

Reads through `list_records`, writes by pushing an `UpdateRecordCommand` through the document, and
follows `Document.changes_applied`: rows of its kind are inserted, removed or refreshed one by one (so
selections survive), and reference columns are relabelled only when the kind they point at changed.
"""

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.gui.commands.record_commands import UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.cells import display_text, editor_value, sort_key, stored_value
from pmo_desktop.gui.models.columns import Column, ValueType
from pmo_desktop.gui.models.lookups import ReferenceLookup
from pmo_desktop.gui.models.roles import ChoicesRole, RawValueRole, RecordIdRole, SortRole
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import Record, get_record, list_records

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_FEW_UPDATES = 50  # above this many updated ids one list query beats one query per record

_Reader = Callable[[Column, Record, Any], Any]
"""What a role shows of a cell, given its column, its record and the stored value."""


class RecordTableModel(QAbstractTableModel):
    """Records of `kind` as rows and `columns` as columns, editable through the document's undo stack.

    Signals: only those of QAbstractTableModel.
    """

    def __init__(
        self,
        document: Document,
        kind: EntityKind,
        columns: Sequence[Column],
        parent: QObject | None = None,
        *,
        where: Mapping[str, Any] | None = None,
    ) -> None:
        """`where` restricts the rows to records whose fields equal its values (none at all for a None)."""
        super().__init__(parent)
        self._document = document
        self._kind = kind
        self._columns = tuple(columns)
        referenced = {column.references for column in self._columns if column.references is not None}
        self._lookup = ReferenceLookup(document.workspace, referenced)
        self._currency = self._load_currency()
        self._where = dict(where or {})
        self._records: list[Record] = self._load()
        self._rows: dict[int, int] | None = None  # id -> row, rebuilt on demand after rows move
        self._readers = self._role_readers()
        document.changes_applied.connect(self._on_changes_applied)

    # -- shape ------------------------------------------------------------------------------------------

    @property
    def kind(self) -> EntityKind:
        return self._kind

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def column_of(self, field: str) -> int:
        """The column index showing `field`; raises KeyError for a field this table does not show."""
        for position, column in enumerate(self._columns):
            if column.field == field:
                return position
        raise KeyError(field)

    def record_at(self, row: int) -> Record:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        if self._rows is None:
            self._rows = {record.id: row for row, record in enumerate(self._records)}
        return self._rows.get(record_id)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_NUMBER if column.is_numeric else _ALIGN_TEXT
        return None

    # -- reading ----------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._is_cell(index):
            return None
        reader = self._readers.get(int(role))
        if reader is None:
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        return reader(column, record, record.values.get(column.field))

    def _role_readers(self) -> dict[int, _Reader]:
        """One reader per role; flags show a check box instead of text."""
        flag = ValueType.FLAG
        readers: dict[Qt.ItemDataRole | int, _Reader] = {
            Qt.ItemDataRole.DisplayRole: lambda c, r, v: None if c.value_type is flag else self._display(c, r, v),
            Qt.ItemDataRole.EditRole: lambda c, r, v: editor_value(c, v),
            Qt.ItemDataRole.ToolTipRole: lambda c, r, v: self._display(c, r, v) or None,
            Qt.ItemDataRole.CheckStateRole: lambda c, r, v: _check_state(v) if c.value_type is flag else None,
            Qt.ItemDataRole.TextAlignmentRole: lambda c, r, v: _ALIGN_NUMBER if c.is_numeric else _ALIGN_TEXT,
            RecordIdRole: lambda c, r, v: r.id,
            RawValueRole: lambda c, r, v: v,
            SortRole: lambda c, r, v: sort_key(c, v, self._display(c, r, v)),
            ChoicesRole: lambda c, r, v: self._choices(c),
        }
        return {int(role): reader for role, reader in readers.items()}

    def _display(self, column: Column, record: Record, value: Any) -> str:
        if column.compute is not None:
            return column.compute(record)
        if column.references is not None:
            return self._lookup.label(column.references, value)
        return display_text(column, value, self._currency)

    def _choices(self, column: Column) -> list[tuple[Any, str]] | None:
        if column.references is not None:
            options: list[tuple[Any, str]] = list(self._lookup.choices(column.references))
        elif column.choices is not None:
            options = [(member.value, display_text(column, member, self._currency)) for member in column.choices]
        else:
            return None
        return [(None, tr("(none)")), *options] if column.optional else options

    # -- editing ----------------------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not self._is_cell(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        column = self._columns[index.column()]
        if not column.editable or self._document.read_only:
            return flags
        if column.value_type is ValueType.FLAG:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push the edit as an undo command; a refused value is reported by the document and nothing changes."""
        if not self.flags(index) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
            return False
        column = self._columns[index.column()]
        record = self._records[index.row()]
        try:
            if column.value_type is ValueType.FLAG:
                if role != Qt.ItemDataRole.CheckStateRole:
                    return False
                new_value: Any = Qt.CheckState(value) == Qt.CheckState.Checked
            elif role == Qt.ItemDataRole.EditRole:
                new_value = stored_value(column, value)
            else:
                return False
            if new_value == record.values.get(column.field):
                return False
            command = UpdateRecordCommand(self._document, self._kind, record.id, {column.field: new_value})
        except PmoError as error:
            self._document.report(error)
            return False
        return self._document.run(command)

    # -- following changes ------------------------------------------------------------------------------

    def _on_changes_applied(self, changes: Changes) -> None:
        relabel = self._lookup.follow(changes)
        if relabel:
            self._columns_changed(lambda column: column.references in relabel)
        if changes.touches(EntityKind.PORTFOLIO) and any(c.value_type is ValueType.MONEY for c in self._columns):
            self._currency = self._load_currency()
            self._columns_changed(lambda column: column.value_type is ValueType.MONEY)
        if not changes.touches(self._kind):
            return
        structural = changes.created.get(self._kind) or changes.deleted.get(self._kind)
        updated = changes.updated.get(self._kind, frozenset())
        if structural or len(updated) > _FEW_UPDATES or self._where:
            # A restricted table cannot tell row by row whether an edited record still belongs: read it again.
            self._sync(self._load())
        else:
            for record_id in sorted(updated):
                self._refresh_row(record_id)

    def restrict(self, **where: Any) -> None:
        """Show only the records whose fields equal `where` (none at all when a value is None)."""
        self.beginResetModel()
        self._where = dict(where)
        self._records = self._load()
        self._rows = None
        self.endResetModel()

    def _load(self) -> list[Record]:
        if any(value is None for value in self._where.values()):
            return []
        return list_records(self._document.workspace, self._kind, **self._where)

    def _refresh_row(self, record_id: int) -> None:
        row = self.row_of(record_id)
        if row is None:
            return
        self._records[row] = get_record(self._document.workspace, self._kind, record_id)
        self._row_changed(row)

    def _sync(self, fresh: list[Record]) -> None:
        """Make the rows equal `fresh` (both in id order) with row-level signals, never a reset."""
        fresh_ids = {record.id for record in fresh}
        for row in reversed(range(len(self._records))):
            if self._records[row].id not in fresh_ids:
                self.beginRemoveRows(_ROOT, row, row)
                del self._records[row]
                self._rows = None  # before endRemoveRows: its signal's slots may already ask row_of
                self.endRemoveRows()
        for position, record in enumerate(fresh):
            if position < len(self._records) and self._records[position].id == record.id:
                if self._records[position] != record:
                    self._records[position] = record
                    self._row_changed(position)
                continue
            self.beginInsertRows(_ROOT, position, position)
            self._records.insert(position, record)
            self._rows = None
            self.endInsertRows()

    def _row_changed(self, row: int) -> None:
        last = len(self._columns) - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def _columns_changed(self, wanted: Callable[[Column], bool]) -> None:
        if not self._records:
            return
        last_row = len(self._records) - 1
        for position, column in enumerate(self._columns):
            if wanted(column):
                self.dataChanged.emit(self.index(0, position), self.index(last_row, position))

    def _is_cell(self, index: Index) -> bool:
        """Like checkIndex, but silent: Qt's checkIndex logs a warning for the invalid indexes views pass."""
        return (
            index.isValid()
            and index.model() is self
            and 0 <= index.row() < len(self._records)
            and 0 <= index.column() < len(self._columns)
        )

    def _load_currency(self) -> str:
        if not any(column.value_type is ValueType.MONEY for column in self._columns):
            return ""
        portfolio = list_records(self._document.workspace, EntityKind.PORTFOLIO)
        return str(portfolio[0].values["currency"]) if portfolio else ""


def _check_state(value: Any) -> Qt.CheckState:
    return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked

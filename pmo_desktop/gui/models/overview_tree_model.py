"""The portfolio overview as a two-level tree: programmes, and their projects, with the overview's columns.

Reads `portfolio_overview` and follows `Document.changes_applied`: any change of a kind the figures derive
from reloads the read model; when the programmes and projects are the same ones in the same places, only the
rows whose figures changed are signalled (so selection and expansion survive a status report or a budget
edit); when projects come, go or move programme, the model resets.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.catch_up import CatchUp
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import overview_columns as columns
from pmo_desktop.gui.models.portfolio_roles import FlagRole, ProgressRole, RagRole, RowKindRole, ToneRole
from pmo_desktop.gui.models.roles import RecordIdRole, SortRole
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_queries import OverviewRow, PortfolioOverview, ProgrammeGroup, portfolio_overview

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_TOP = 0  # internal id of programme rows; project rows carry their group's position + 1
_ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN_CENTRE = Qt.AlignmentFlag.AlignCenter
_PROGRAMME_BACKGROUND = QColor("#eef2f7")
_MUTED = QColor("#7b8794")
_TONES = {"bad": QColor("#c62828"), "good": QColor("#2b8a3e")}

FIGURE_KINDS = frozenset(
    {
        EntityKind.PORTFOLIO,
        EntityKind.HOLIDAY,
        EntityKind.PROGRAMME,
        EntityKind.PROJECT,
        EntityKind.PROJECT_OBJECTIVE,
        EntityKind.OBJECTIVE,
        EntityKind.PERSON,
        EntityKind.TASK,
        EntityKind.BASELINE,
        EntityKind.BASELINE_TASK,
        EntityKind.BASELINE_PROJECT,
        EntityKind.STATUS_REPORT,
        EntityKind.BUDGET_LINE,
    }
)
"""Kinds the overview's figures derive from: a change of any other kind leaves it as it is."""


class OverviewTreeModel(QAbstractItemModel):
    """Programmes (top level) and their projects (children) with the columns of `overview_columns`.

    Signals: only those of QAbstractItemModel (modelReset when projects come, go or move).
    """

    def __init__(self, document: Document, as_of: date | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._as_of = as_of
        self._overview = self._load()
        self.catch_up = CatchUp(self.reload)
        document.changes_applied.connect(self._on_changes_applied)

    # -- the read model -----------------------------------------------------------------------------------

    @property
    def overview(self) -> PortfolioOverview:
        return self._overview

    @property
    def groups(self) -> tuple[ProgrammeGroup, ...]:
        return self._overview.groups

    def project_at(self, index: Index) -> OverviewRow | None:
        """The project of a project row (any column), or None for a programme row."""
        if not index.isValid() or index.internalId() == _TOP:
            return None
        return self.groups[index.internalId() - 1].rows[index.row()]

    def group_at(self, index: Index) -> ProgrammeGroup:
        """The programme of a row: itself for a programme row, its parent for a project row."""
        position = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self.groups[position]

    def index_of_project(self, project_id: int, column: int = 0) -> QModelIndex:
        for position, group in enumerate(self.groups):
            for row, project in enumerate(group.rows):
                if project.project_id == project_id:
                    return self.createIndex(row, column, position + 1)
        return QModelIndex()

    def reload(self) -> None:
        """Recompute every figure (after an edit, or when the day changed)."""
        fresh = self._load()
        if _shape(fresh) != _shape(self._overview):
            self.beginResetModel()
            self._overview = fresh
            self.endResetModel()
            return
        old, self._overview = self._overview, fresh
        last = len(columns.COLUMNS) - 1
        for position, (before, after) in enumerate(zip(old.groups, fresh.groups, strict=True)):
            if before != after or old.currency != fresh.currency:
                self.dataChanged.emit(self.index(position, 0), self.index(position, last))
            for row, (was, now) in enumerate(zip(before.rows, after.rows, strict=True)):
                if was != now or old.currency != fresh.currency:
                    self.dataChanged.emit(
                        self.createIndex(row, 0, position + 1), self.createIndex(row, last, position + 1)
                    )

    def _load(self) -> PortfolioOverview:
        return portfolio_overview(self._document.workspace, self._as_of)

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.kinds & FIGURE_KINDS and not self.catch_up.deferred():
            self.reload()

    # -- shape ----------------------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not 0 <= column < len(columns.COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != _TOP or not 0 <= parent.row() < len(self.groups):
            return QModelIndex()
        if row >= len(self.groups[parent.row()].rows):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self.groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return len(columns.COLUMNS)

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if index.internalId() == _TOP else flags | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns.COLUMNS):
            return None
        column = columns.COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column)
        if role == Qt.ItemDataRole.ToolTipRole and column.rag is not None:
            return tr(
                "{name} RAG of the latest status report; the arrow is the trend since the previous one.",
                name=tr(column.rag.capitalize()),
            )
        return None

    # -- data -----------------------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.model() is not self:
            return None
        column = columns.COLUMNS[index.column()]
        project = self.project_at(index)
        if project is None:
            return self._programme_data(self.group_at(index), column, role)
        return self._project_data(project, column, role)

    def _project_data(self, row: OverviewRow, column: columns.OverviewColumn, role: int) -> Any:
        reader = _PROJECT_READERS.get(int(role)) or _COMMON_READERS.get(int(role))
        return None if reader is None else reader(row, column, self._overview.currency)

    def _programme_data(self, group: ProgrammeGroup, column: columns.OverviewColumn, role: int) -> Any:
        reader = _PROGRAMME_READERS.get(int(role)) or _COMMON_READERS.get(int(role))
        return None if reader is None else reader(group, column, self._overview.currency)


def _font(*, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _rag_cell(row: OverviewRow, column: columns.OverviewColumn) -> tuple[str, str, str | None] | None:
    reading = row.reading(column.rag) if column.rag is not None else None
    if reading is None:
        return None
    return (reading.rag.value, reading.trend.value, reading.previous.value if reading.previous is not None else None)


def _project_foreground(row: OverviewRow, key: str) -> QColor | None:
    tone = columns.project_tone(key, row)
    if tone:
        return _TONES[tone]
    return _MUTED if row.tentative and key in _NAME_KEYS else None


def _programme_tooltip(group: ProgrammeGroup, column: columns.OverviewColumn) -> str | None:
    if column.key in _NAME_KEYS:
        return tr("Sponsor: {sponsor} · Manager: {manager}", sponsor=group.sponsor_name or "–",
                  manager=group.manager_name or "–")  # fmt: skip
    if column.rag == "overall" and group.worst_overall is not None:
        return tr("The worst overall RAG among the programme's projects in delivery.")
    return None


_Reader = Callable[[Any, columns.OverviewColumn, str], Any]
_NAME_KEYS = ("code", "name")

_PROJECT_READERS: dict[int, _Reader] = {
    int(Qt.ItemDataRole.DisplayRole): lambda row, column, currency: (
        None if column.rag is not None else columns.project_text(column.key, row, currency)
    ),
    int(Qt.ItemDataRole.ToolTipRole): lambda row, column, currency: (
        columns.project_tooltip(column.key, row, currency) or None
    ),
    SortRole: lambda row, column, currency: columns.project_sort_key(column.key, row, currency),
    RagRole: lambda row, column, _currency: _rag_cell(row, column),
    ProgressRole: lambda row, column, _currency: row.percent_complete if column.key == "progress" else None,
    ToneRole: lambda row, column, _currency: columns.project_tone(column.key, row),
    int(Qt.ItemDataRole.ForegroundRole): lambda row, column, _currency: _project_foreground(row, column.key),
    int(Qt.ItemDataRole.FontRole): lambda row, column, _currency: (
        _font(italic=True) if row.tentative and column.key in _NAME_KEYS else None
    ),
    RecordIdRole: lambda row, _column, _currency: row.project_id,
    RowKindRole: lambda _row, _column, _currency: "project",
    FlagRole: lambda row, _column, _currency: row.tentative,
}
_PROGRAMME_READERS: dict[int, _Reader] = {
    int(Qt.ItemDataRole.DisplayRole): lambda group, column, currency: (
        None if column.rag == "overall" else columns.programme_text(column.key, group, currency) or None
    ),
    int(Qt.ItemDataRole.ToolTipRole): lambda group, column, _currency: _programme_tooltip(group, column),
    SortRole: lambda group, column, currency: columns.programme_sort_key(column.key, group, currency),
    RagRole: lambda group, column, _currency: (
        (group.worst_overall.value, "", None) if column.rag == "overall" and group.worst_overall else None
    ),
    int(Qt.ItemDataRole.BackgroundRole): lambda _group, _column, _currency: _PROGRAMME_BACKGROUND,
    int(Qt.ItemDataRole.FontRole): lambda _group, column, _currency: _font(bold=True) if column.key == "name" else None,
    RecordIdRole: lambda group, _column, _currency: group.programme_id or 0,
    RowKindRole: lambda _group, _column, _currency: "programme",
    FlagRole: lambda _group, _column, _currency: False,
}
_COMMON_READERS: dict[int, _Reader] = {
    int(Qt.ItemDataRole.TextAlignmentRole): lambda _item, column, _currency: _alignment(column),
}


def _alignment(column: columns.OverviewColumn) -> Qt.AlignmentFlag:
    if column.rag is not None:
        return _ALIGN_CENTRE
    return _ALIGN_NUMBER if column.numeric else _ALIGN_TEXT


def _shape(overview: PortfolioOverview) -> list[tuple[int | None, list[int]]]:
    return [(group.programme_id, [row.project_id for row in group.rows]) for group in overview.groups]

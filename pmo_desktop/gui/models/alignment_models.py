"""Strategic alignment as two tables: objectives with what the portfolio puts into each, and the matrix of
projects x objectives with weights, where a project serving no objective is flagged.

Both read `strategic_alignment` and reload (with a reset: they are small) when projects, objectives, their
links or people change.
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import enum_words, format_money
from pmo_desktop.gui.models.portfolio_roles import FlagRole, RowKindRole
from pmo_desktop.gui.models.roles import RecordIdRole, SortRole
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_alignment import StrategicAlignment, strategic_alignment
from pmo_desktop.services.portfolio_settings import portfolio_settings

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_KINDS = frozenset(
    {EntityKind.PROJECT, EntityKind.OBJECTIVE, EntityKind.PROJECT_OBJECTIVE, EntityKind.PERSON, EntityKind.PORTFOLIO}
)
_FLAG = QColor("#c92a2a")
_FLAG_BACKGROUND = QColor("#fff5f5")
_WEIGHT_TINT = "#4c6ef5"
_ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGN_TEXT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class _AlignmentBase(QAbstractTableModel):
    """Holds the alignment read model and reloads it on the changes that matter."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.alignment, self._currency = self._load()
        document.changes_applied.connect(self._on_changes_applied)

    def _load(self) -> tuple[StrategicAlignment, str]:
        workspace = self._document.workspace
        return strategic_alignment(workspace), portfolio_settings(workspace).currency

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.kinds & _KINDS:
            self.beginResetModel()
            self.alignment, self._currency = self._load()
            self.endResetModel()

    def _valid(self, index: Index) -> bool:
        return index.isValid() and index.model() is self and 0 <= index.row() < self.rowCount()


class ObjectivesModel(_AlignmentBase):
    """One row per objective: code, title, owner, measure, target, projects serving it, weighted budget.

    Signals: only those of QAbstractTableModel.
    """

    HEADERS = ("Code", "Objective", "Owner", "Measure", "Target", "Projects", "Weighted budget")

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.alignment.objectives)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        if role == Qt.ItemDataRole.ToolTipRole and section == len(self.HEADERS) - 1:
            return tr("Sum of budget × weight over the projects serving the objective.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        objective = self.alignment.objectives[index.row()]
        values: tuple[Any, ...] = (
            objective.code, objective.title, objective.owner_name, objective.measure, objective.target,
            objective.project_count, objective.weighted_budget_minor,
        )  # fmt: skip
        value = values[index.column()]
        numeric = index.column() >= len(values) - 2
        text = format_money(value, self._currency) if index.column() == len(values) - 1 else str(value)
        answers = {
            Qt.ItemDataRole.DisplayRole: text,
            Qt.ItemDataRole.ToolTipRole: text,
            SortRole: value if numeric else str(value).casefold(),
            Qt.ItemDataRole.TextAlignmentRole: _ALIGN_NUMBER if numeric else _ALIGN_TEXT,
            RecordIdRole: objective.id,
            RowKindRole: "objective",
        }
        return answers.get(role)


class AlignmentMatrixModel(_AlignmentBase):
    """Projects (rows) x objectives (columns) with the project's weight on each; then the total and a flag.

    Signals: only those of QAbstractTableModel.
    """

    FIXED = ("Code", "Project", "Stage", "Budget")

    @property
    def objective_columns(self) -> range:
        return range(len(self.FIXED), len(self.FIXED) + len(self.alignment.objectives))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.alignment.projects)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.FIXED) + len(self.alignment.objectives) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section in self.objective_columns:
            objective = self.alignment.objectives[section - len(self.FIXED)]
            tooltip = f"{objective.code} {objective.title}\n{objective.measure}: {objective.target}"
            return {Qt.ItemDataRole.DisplayRole: objective.code, Qt.ItemDataRole.ToolTipRole: tooltip}.get(role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(self.FIXED):
            return tr(self.FIXED[section])
        return tr("Total") if section == self.columnCount() - 2 else tr("Alignment")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        project = self.alignment.projects[index.row()]
        column = index.column()
        flagged = not project.aligned
        shared = {
            RecordIdRole: project.id,
            RowKindRole: "project",
            FlagRole: flagged,
            Qt.ItemDataRole.BackgroundRole: _FLAG_BACKGROUND if flagged else self._weight_tint(index.row(), column),
        }
        if role in shared:
            return shared[role]
        if column == self.columnCount() - 1:
            return _flag_cell(flagged, role)
        text, sort, numeric = self._cell(index.row(), column)
        centred = column in self.objective_columns
        alignment = Qt.AlignmentFlag.AlignCenter if centred else _ALIGN_NUMBER if numeric else _ALIGN_TEXT
        return {Qt.ItemDataRole.DisplayRole: text, SortRole: sort, Qt.ItemDataRole.TextAlignmentRole: alignment}.get(
            role
        )

    def _weight_tint(self, row: int, column: int) -> QColor | None:
        """A blue wash as strong as the weight, so the matrix reads at a glance."""
        if column not in self.objective_columns:
            return None
        weight = self.alignment.projects[row].weights.get(self.alignment.objectives[column - len(self.FIXED)].id)
        if not weight:
            return None
        tint = QColor(_WEIGHT_TINT)
        tint.setAlpha(40 + int(weight * 1.4))
        return tint

    def _cell(self, row: int, column: int) -> tuple[str, Any, bool]:
        project = self.alignment.projects[row]
        if column in self.objective_columns:
            weight = project.weights.get(self.alignment.objectives[column - len(self.FIXED)].id)
            return ("" if weight is None else f"{weight} %"), (-1 if weight is None else weight), False
        if column == self.columnCount() - 2:
            return f"{project.total_weight} %", project.total_weight, True
        fixed: tuple[tuple[str, Any, bool], ...] = (
            (project.code, project.code.casefold(), False),
            (project.name, project.name.casefold(), False),
            (enum_words(project.stage), project.stage.value, False),
            (format_money(project.budget_minor, self._currency), project.budget_minor, True),
        )
        return fixed[column]


def _flag_cell(flagged: bool, role: int) -> Any:
    """The last column: "Aligned" in green, or "Serves no objective" in bold red with a tooltip saying why."""
    font = QFont()
    font.setBold(flagged)
    answers = {
        Qt.ItemDataRole.DisplayRole: tr("Serves no objective") if flagged else tr("Aligned"),
        Qt.ItemDataRole.ForegroundRole: _FLAG if flagged else QColor("#2b8a3e"),
        Qt.ItemDataRole.FontRole: font,
        SortRole: int(flagged),
        Qt.ItemDataRole.ToolTipRole: tr(
            "This project is linked to no strategic objective: link it, or ask why it is in the portfolio."
        )
        if flagged
        else None,
    }
    return answers.get(role)

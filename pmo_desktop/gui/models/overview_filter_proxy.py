"""Sorting and filtering of the portfolio overview: by programme, stage, overall RAG, manager, objective and
text. Projects are filtered; a programme shows while any of its projects does (Qt's recursive filtering),
and every programme shows when no filter is set, even one without projects yet.
"""

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from pmo_desktop.gui.models.overview_tree_model import OverviewTreeModel
from pmo_desktop.gui.models.roles import SortRole
from pmo_desktop.services.portfolio_queries import OverviewRow

Index = QModelIndex | QPersistentModelIndex

ANY: Any = object()
"""A filter value meaning "no filter on this"."""
NO_REPORT = "none"
"""The RAG filter value for projects without a status report."""
NO_OBJECTIVE = -1
"""The objective filter value for projects that serve no objective."""


@dataclass(frozen=True)
class OverviewFilter:
    """What the overview is narrowed to; `ANY` leaves a field open. `programme_id` None means no programme."""

    programme_id: Any = ANY
    stage: Any = ANY
    rag: Any = ANY
    manager_id: Any = ANY
    objective_id: Any = ANY
    text: str = ""

    @property
    def active(self) -> bool:
        return self != OverviewFilter()

    def accepts(self, row: OverviewRow) -> bool:
        checks = (
            self.programme_id is ANY or row.programme_id == self.programme_id,
            self.stage is ANY or row.stage == self.stage,
            self.rag is ANY or _rag(row) == self.rag,
            self.manager_id is ANY or row.manager_id == self.manager_id,
            self.objective_id is ANY or _serves(row, self.objective_id),
            not self.text or self.text.casefold() in _haystack(row),
        )
        return all(checks)


def _rag(row: OverviewRow) -> str:
    reading = row.reading("overall")
    return NO_REPORT if reading is None else reading.rag.value


def _serves(row: OverviewRow, objective_id: int) -> bool:
    if objective_id == NO_OBJECTIVE:
        return not row.aligned
    return any(link.objective_id == objective_id and link.weight > 0 for link in row.objectives)


def _haystack(row: OverviewRow) -> str:
    words = [row.code, row.name, row.manager_name, row.sponsor_name, row.stage.value]
    words += [f"{link.code} {link.title}" for link in row.objectives]
    return " ".join(words).casefold()


class OverviewFilterProxy(QSortFilterProxyModel):
    """The overview narrowed by an `OverviewFilter` and sorted by `SortRole` within each programme.

    Signals: only those of QSortFilterProxyModel.
    """

    def __init__(self, source: OverviewTreeModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = OverviewFilter()
        self.setSortRole(SortRole)
        self.setRecursiveFilteringEnabled(True)
        self.setDynamicSortFilter(True)
        self.setSourceModel(source)

    @property
    def overview_model(self) -> OverviewTreeModel:
        source = self.sourceModel()
        assert isinstance(source, OverviewTreeModel)
        return source

    @property
    def current_filter(self) -> OverviewFilter:
        return self._filter

    def set_filter(self, **fields: Any) -> None:
        """Change some fields of the filter (the others stay), e.g. `set_filter(stage=Stage.ACTIVE)`."""
        self.set_overview_filter(replace(self._filter, **fields))

    def set_overview_filter(self, wanted: OverviewFilter) -> None:
        self.beginFilterChange()
        self._filter = wanted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.overview_model
        index = model.index(source_row, 0, source_parent)
        project = model.project_at(index)
        if project is None:
            return not self._filter.active
        return self._filter.accepts(project)

    def visible_projects(self) -> list[OverviewRow]:
        """The projects the filter lets through, in the order shown."""
        found = []
        for top in range(self.rowCount()):
            parent = self.index(top, 0)
            for row in range(self.rowCount(parent)):
                project = self.overview_model.project_at(self.mapToSource(self.index(row, 0, parent)))
                if project is not None:
                    found.append(project)
        return found

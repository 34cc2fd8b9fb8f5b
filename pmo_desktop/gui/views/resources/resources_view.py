"""The Resources view: the capacity heatmap first, and the register of people with their allocations.

The heatmap (DESIGN.md section 5) shows who is over or under capacity week by week and edits the
allocations behind a cell; the People tab is where people themselves are edited (role, team, hours per
week, active) and lists the allocations of the person selected.
"""

from datetime import date

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, EntityKind
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import count_of, join_parts
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.models.record_table_model import RecordTableModel
from pmo_desktop.gui.views.record_page import RecordPage
from pmo_desktop.gui.views.record_table_view import RecordTableView
from pmo_desktop.gui.views.resources.heatmap_page import HeatmapPage
from pmo_desktop.i18n import tr
from pmo_desktop.services.records import count_records

ALLOCATION_COLUMNS = (
    columns.reference("person_id", "Person", EntityKind.PERSON),
    columns.reference("project_id", "Project", EntityKind.PROJECT, optional=False),
    columns.reference("task_id", "Task", EntityKind.TASK),
    columns.date("start", "From"),
    columns.date("finish", "To"),
    columns.number("amount", "Amount"),
    columns.choice("unit", "Unit", AllocationUnit),
    columns.choice("status", "Status", AllocationStatus),
)


class ResourcesView(RecordPage):
    """The capacity heatmap, and people (name, role, team, hours per week, active) with their allocations.

    Signals: none.
    """

    KIND = EntityKind.PERSON
    COLUMNS = (
        columns.text("name", "Name"),
        columns.reference("role_id", "Role", EntityKind.ROLE),
        columns.reference("team_id", "Team", EntityKind.TEAM),
        columns.number("hours_per_week", "Hours per week", "h"),
        columns.flag("active", "Active"),
    )
    SUMMARY_KINDS = frozenset({EntityKind.ALLOCATION})

    def __init__(self, document: Document, parent: QWidget | None = None, *, today: date | None = None) -> None:
        self._today = today
        super().__init__(document, parent)

    def body(self) -> QWidget:
        self.heatmap_page = HeatmapPage(self.document, self, today=self._today)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.heatmap_page, tr("Capacity heatmap"))
        self.tabs.addTab(self._people_page(), tr("People"))
        return self.tabs

    def _people_page(self) -> QWidget:
        # Only the selected person's allocations are read: a large portfolio holds tens of thousands.
        self.allocations_model = RecordTableModel(
            self.document, EntityKind.ALLOCATION, ALLOCATION_COLUMNS, self, where={"person_id": None}
        )
        self.allocations = RecordTableView(self.allocations_model, self)
        # The person column only serves the filter: every row below belongs to the selected person.
        self.allocations.setColumnHidden(0, True)
        self._allocations_title = QLabel(self)
        self._allocations_title.setObjectName("sectionTitle")
        lower = QWidget(self)
        layout = QVBoxLayout(lower)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._allocations_title)
        layout.addWidget(self.allocations, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.table.selectionModel().selectionChanged.connect(self._on_person_selected)
        self._show_allocations_of(None)
        if self.model.rowCount():
            self.table.selectRow(0)
        return splitter

    @property
    def allocations_title(self) -> str:
        return self._allocations_title.text()

    def title(self) -> str:
        return tr("Resources and capacity")

    def summary(self) -> str:
        people = [self.model.record_at(row) for row in range(self.model.rowCount())]
        active = sum(1 for person in people if person["active"])
        return join_parts(
            [
                count_of(len(people), "person", "people"),
                tr("{count} active", count=active),
                count_of(count_records(self.document.workspace, EntityKind.ALLOCATION), "allocation", "allocations"),
            ]
        )

    def _on_person_selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._show_allocations_of(self.table.selected_record_id())

    def _show_allocations_of(self, person_id: int | None) -> None:
        self.allocations_model.restrict(person_id=person_id)
        if person_id is None:
            self._allocations_title.setText(tr("Select a person to see their allocations."))
            return
        row = self.model.row_of(person_id)
        name = self.model.record_at(row)["name"] if row is not None else ""
        self._allocations_title.setText(tr("Allocations of {name}", name=name))

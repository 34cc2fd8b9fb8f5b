"""The resources view, for now: people above, the allocations of the selected person below.

The heatmap of DESIGN.md section 5 replaces the lower half later; editing hours per week already goes
through an undo command like every other edit.
"""

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, EntityKind
from pmo_desktop.gui.formatting import count_of, join_parts
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.models.record_table_model import RecordTableModel
from pmo_desktop.gui.views.record_page import RecordPage
from pmo_desktop.gui.views.record_table_view import RecordTableView
from pmo_desktop.i18n import tr

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
    """People (name, role, team, hours per week, active) and, below, the selected person's allocations.

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

    def body(self) -> QWidget:
        self.allocations_model = RecordTableModel(self.document, EntityKind.ALLOCATION, ALLOCATION_COLUMNS, self)
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
        return tr("People and allocations")

    def summary(self) -> str:
        people = [self.model.record_at(row) for row in range(self.model.rowCount())]
        active = sum(1 for person in people if person["active"])
        return join_parts(
            [
                count_of(len(people), "person", "people"),
                tr("{count} active", count=active),
                count_of(self.allocations_model.rowCount(), "allocation", "allocations"),
            ]
        )

    def _on_person_selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._show_allocations_of(self.table.selected_record_id())

    def _show_allocations_of(self, person_id: int | None) -> None:
        self.allocations.proxy.set_value_filter(0, person_id)
        if person_id is None:
            self._allocations_title.setText(tr("Select a person to see their allocations."))
            return
        row = self.model.row_of(person_id)
        name = self.model.record_at(row)["name"] if row is not None else ""
        self._allocations_title.setText(tr("Allocations of {name}", name=name))

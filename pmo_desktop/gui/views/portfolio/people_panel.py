"""People and roles: the table of people (people who left are hidden unless asked for) and the table of
roles, each with buttons for its editor. Deactivating a person keeps them and their history; cells edit in
place through the same undo stack.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.models.columns import Column, ValueType
from pmo_desktop.gui.models.people_proxy import PeopleFilterProxy
from pmo_desktop.gui.models.record_table_model import RecordTableModel
from pmo_desktop.gui.portfolio_actions import PortfolioActions
from pmo_desktop.gui.views.record_table_view import RecordTableView
from pmo_desktop.i18n import tr

PEOPLE_COLUMNS = (
    columns.text("name", "Name"),
    columns.reference("role_id", "Role", EntityKind.ROLE),
    columns.reference("team_id", "Team", EntityKind.TEAM),
    columns.number("hours_per_week", "Hours / week", "h"),
    columns.money("cost_rate_minor", "Cost rate"),
    columns.date("employment_start", "Employed from", optional=True),
    columns.date("employment_end", "Until", optional=True),
    Column("active", "Active", ValueType.FLAG, editable=False),
    columns.text("email", "Email"),
)
_PEOPLE_WIDTHS = {
    "name": 150,
    "role_id": 150,
    "team_id": 170,
    "hours_per_week": 96,
    "cost_rate_minor": 80,
    "employment_start": 112,
    "employment_end": 100,
    "active": 56,
}
ROLE_COLUMNS = (
    columns.text("name", "Role"),
    columns.money("cost_rate_minor", "Cost rate"),
    columns.text("colour", "Colour"),
)


class PeopleTableView(RecordTableView):
    """The people table, through a proxy that hides or greys the people who left.

    Signals: only those of QTableView.
    """

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent, stretch_field="email")
        self._proxy = PeopleFilterProxy(self)
        self._proxy.setSourceModel(model)
        self.setModel(self._proxy)
        # A new model resets the header: size and sort it again as the base class does for its own proxy.
        self._configure("email")
        for field, width in _PEOPLE_WIDTHS.items():
            self.horizontalHeader().resizeSection(model.column_of(field), width)


def _button(text: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAutoDefault(False)
    return button


class PeoplePanel(QWidget):
    """People on the left, roles on the right.

    Signals: none.
    """

    def __init__(self, document: Document, actions: PortfolioActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = actions
        self.people_model = RecordTableModel(document, EntityKind.PERSON, PEOPLE_COLUMNS, self)
        self.people = PeopleTableView(self.people_model, self)
        self.roles_model = RecordTableModel(document, EntityKind.ROLE, ROLE_COLUMNS, self)
        self.roles = RecordTableView(self.roles_model, self, stretch_field="name")
        self.show_inactive = QCheckBox(tr("Show people who left"), self)
        self.show_inactive.toggled.connect(self._people_proxy.set_show_inactive)
        self.new_person = _button(tr("New person…"), self)
        self.edit_person = _button(tr("Edit…"), self)
        self.deactivate = _button(tr("Deactivate…"), self)
        self.new_role = _button(tr("New role…"), self)
        self.edit_role = _button(tr("Edit…"), self)
        self.delete_role = _button(tr("Delete…"), self)
        self._connect()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(
            self._pane(
                tr("People"), self.people, [self.new_person, self.edit_person, self.deactivate], self.show_inactive
            )
        )
        splitter.addWidget(self._pane(tr("Roles"), self.roles, [self.new_role, self.edit_role, self.delete_role]))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        document.changes_applied.connect(self._on_changes)
        self._update_buttons()

    @property
    def _people_proxy(self) -> PeopleFilterProxy:
        proxy = self.people.model()
        assert isinstance(proxy, PeopleFilterProxy)
        return proxy

    def selected_person_id(self) -> int | None:
        return self.people.selected_record_id()

    def selected_role_id(self) -> int | None:
        return self.roles.selected_record_id()

    def _connect(self) -> None:
        actions = self._actions
        self.new_person.clicked.connect(lambda: actions.edit_person(None))
        self.edit_person.clicked.connect(lambda: self._with_person(actions.edit_person))
        self.deactivate.clicked.connect(self._toggle_active)
        self.new_role.clicked.connect(lambda: actions.edit_role(None))
        self.edit_role.clicked.connect(lambda: self._with_role(actions.edit_role))
        self.delete_role.clicked.connect(lambda: self._with_role(actions.delete_role))
        self.people.doubleClicked.connect(lambda _index: self._with_person(actions.edit_person))
        self.roles.doubleClicked.connect(lambda _index: self._with_role(actions.edit_role))
        # In-place editing would start on the double-click that opens the editor.
        self.people.setEditTriggers(RecordTableView.EditTrigger.EditKeyPressed)
        self.roles.setEditTriggers(RecordTableView.EditTrigger.EditKeyPressed)
        self.people.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.roles.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

    def _pane(self, title: str, table: QWidget, buttons: list[QPushButton], extra: QWidget | None = None) -> QWidget:
        pane = QWidget(self)
        heading = QLabel(title, pane)
        heading.setObjectName("sectionTitle")
        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 12, 6)
        for button in buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        if extra is not None:
            bar.addWidget(extra)
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(table, 1)
        return pane

    def _person_active(self, person_id: int) -> bool:
        row = self.people_model.row_of(person_id)
        return row is not None and bool(self.people_model.record_at(row).values.get("active"))

    def _toggle_active(self) -> None:
        person = self.selected_person_id()
        if person is None:
            return
        if self._person_active(person):
            self._actions.deactivate_person(person)
        else:
            self._actions.reactivate_person(person)

    def _update_buttons(self) -> None:
        person = self.selected_person_id()
        self.edit_person.setEnabled(person is not None)
        self.deactivate.setEnabled(person is not None)
        active = person is None or self._person_active(person)
        self.deactivate.setText(tr("Deactivate…") if active else tr("Reactivate"))
        role = self.selected_role_id()
        self.edit_role.setEnabled(role is not None)
        self.delete_role.setEnabled(role is not None)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(EntityKind.PERSON, EntityKind.ROLE):
            self._update_buttons()

    def _with_person(self, edit: Callable[[int], None]) -> None:
        person = self.selected_person_id()
        if person is not None:
            edit(person)

    def _with_role(self, edit: Callable[[int], None]) -> None:
        role = self.selected_role_id()
        if role is not None:
            edit(role)

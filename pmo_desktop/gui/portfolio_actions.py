"""The portfolio's editing actions: the Portfolio menu, the overview's context menu and double-clicks.

Each action opens an editor (a dialog that pushes one undo command) for a record: the one selected in the
view (`Selection` says which), or a new one. Actions that need a selected project are enabled only while
one is selected. Dialogs are opened modally through `open_dialog`, which tests replace to drive them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.gui.commands.record_commands import DeleteRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.dialogs.budget_dialog import BudgetDialog
from pmo_desktop.gui.dialogs.deactivate_person_dialog import DeactivatePersonDialog
from pmo_desktop.gui.dialogs.message_box import Button, ButtonRole, Choice, Icon, ask
from pmo_desktop.gui.dialogs.objective_dialog import ObjectiveDialog
from pmo_desktop.gui.dialogs.person_dialog import PersonDialog
from pmo_desktop.gui.dialogs.portfolio_settings_dialog import PortfolioSettingsDialog
from pmo_desktop.gui.dialogs.programme_dialog import ProgrammeDialog
from pmo_desktop.gui.dialogs.project_dialog import ProjectDialog
from pmo_desktop.gui.dialogs.role_dialog import RoleDialog
from pmo_desktop.gui.dialogs.status_report_dialog import StatusReportDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.i18n import tr
from pmo_desktop.services.portfolio_editing import unfilled_demand
from pmo_desktop.services.records import get_record


def open_dialog(dialog: QDialog) -> int:
    """Show `dialog` modally; the one place tests patch to fill and accept editors."""
    return dialog.exec()


@dataclass
class Selection:
    """How the actions learn what is selected in the view."""

    project: Callable[[], int | None] = lambda: None
    programme: Callable[[], int | None] = lambda: None


class PortfolioActions(QObject):
    """Editors of the portfolio, as actions and as methods.

    Signals: none.
    """

    def __init__(self, document: Document, parent: QWidget, as_of: date | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._parent = parent
        self._as_of = as_of
        self.selection = Selection()
        self.settings_action = self._action(tr("Portfolio &settings…"), self.edit_settings)
        self.new_programme_action = self._action(tr("New &programme…"), lambda: self.edit_programme(None))
        self.new_project_action = self._action(
            tr("New pro&ject…"), lambda: self.new_project(self.selection.programme())
        )
        self.new_project_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_objective_action = self._action(tr("New &objective…"), lambda: self.edit_objective(None))
        self.new_person_action = self._action(tr("New pe&rson…"), lambda: self.edit_person(None))
        self.new_role_action = self._action(tr("New ro&le…"), lambda: self.edit_role(None))
        self.edit_project_action = self._action(tr("&Edit project…"), lambda: self._with_project(self.edit_project))
        self.status_report_action = self._action(
            tr("New status &report…"), lambda: self._with_project(self.new_status_report)
        )
        self.status_report_action.setShortcut(QKeySequence("Ctrl+R"))
        self.budget_action = self._action(tr("&Budget by quarter…"), lambda: self._with_project(self.edit_budget))
        self.edit_programme_action = self._action(
            tr("Edit pro&gramme…"), lambda: self._with_programme(self.edit_programme)
        )
        self.update_enabled()

    # -- menus --------------------------------------------------------------------------------------------

    def menu(self, parent: QWidget) -> QMenu:
        """The Portfolio menu."""
        menu = QMenu(tr("&Portfolio"), parent)
        menu.addActions([self.edit_project_action, self.status_report_action, self.budget_action])
        menu.addAction(self.edit_programme_action)
        menu.addSeparator()
        menu.addActions([self.new_project_action, self.new_programme_action, self.new_objective_action])
        menu.addActions([self.new_person_action, self.new_role_action])
        menu.addSeparator()
        menu.addAction(self.settings_action)
        return menu

    def fill_context_menu(self, menu: QMenu, kind: str | None, record_id: int | None) -> None:
        """The overview's context menu for a project row, a programme row or empty space."""
        if kind == "project":
            menu.addActions([self.edit_project_action, self.status_report_action, self.budget_action])
            menu.addSeparator()
        if kind in ("project", "programme") and self.selection.programme() is not None:
            menu.addAction(self.edit_programme_action)
        menu.addAction(self.new_project_action)
        menu.addAction(self.new_programme_action)

    def update_enabled(self) -> None:
        writable = not self._document.read_only
        has_project = self.selection.project() is not None
        for action in (self.edit_project_action, self.status_report_action, self.budget_action):
            action.setEnabled(writable and has_project)
        self.edit_programme_action.setEnabled(writable and self.selection.programme() is not None)
        for action in (
            self.settings_action,
            self.new_programme_action,
            self.new_project_action,
            self.new_objective_action,
            self.new_person_action,
            self.new_role_action,
        ):
            action.setEnabled(writable)

    # -- editors --------------------------------------------------------------------------------------------

    def edit_settings(self) -> None:
        open_dialog(PortfolioSettingsDialog(self._document, self._parent))

    def edit_objective(self, objective_id: int | None) -> None:
        open_dialog(ObjectiveDialog(self._document, objective_id, self._parent))

    def edit_programme(self, programme_id: int | None) -> None:
        open_dialog(ProgrammeDialog(self._document, programme_id, self._parent))

    def new_project(self, programme_id: int | None = None) -> None:
        open_dialog(ProjectDialog(self._document, None, self._parent, programme_id=programme_id))

    def edit_project(self, project_id: int) -> None:
        open_dialog(ProjectDialog(self._document, project_id, self._parent))

    def new_status_report(self, project_id: int) -> None:
        open_dialog(StatusReportDialog(self._document, project_id, None, self._parent, as_of=self._as_of))

    def edit_budget(self, project_id: int) -> None:
        open_dialog(BudgetDialog(self._document, project_id, self._parent))

    def edit_person(self, person_id: int | None) -> None:
        open_dialog(PersonDialog(self._document, person_id, self._parent))

    def deactivate_person(self, person_id: int) -> None:
        open_dialog(DeactivatePersonDialog(self._document, person_id, self._parent, today=self._as_of))

    def reactivate_person(self, person_id: int) -> None:
        name = get_record(self._document.workspace, EntityKind.PERSON, person_id)["name"]
        values = {"active": True, "employment_end": None}
        text = tr("Reactivate '{name}'", name=name)
        self._document.run(UpdateRecordCommand(self._document, EntityKind.PERSON, person_id, values, text))

    def edit_role(self, role_id: int | None) -> None:
        open_dialog(RoleDialog(self._document, role_id, self._parent))

    def delete_role(self, role_id: int) -> None:
        name = get_record(self._document.workspace, EntityKind.ROLE, role_id)["name"]
        demand = unfilled_demand(self._document.workspace, role_id)
        if demand:
            # Deleting would leave those allocations with neither a person nor a role, which the file refuses.
            sentence = tr(
                "'{name}' still has {count} unfilled allocations; give them to people or delete them first.",
                name=name,
                count=demand,
            )
            self._document.report(ValidationError(sentence))
            return
        answer = ask(
            self._parent,
            Icon.Question,
            tr("Delete role"),
            tr("Delete the role '{name}'?", name=name),
            [Choice(tr("Delete"), True, ButtonRole.DestructiveRole), Choice(Button.Cancel, False)],
            escape=False,
            informative=tr("People who hold it keep their history and are left without a role. You can undo this."),
        )
        if answer:
            self._document.run(DeleteRecordCommand(self._document, EntityKind.ROLE, role_id))

    # -- helpers ----------------------------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _with_project(self, edit: Callable[[int], None]) -> None:
        project = self.selection.project()
        if project is not None:
            edit(project)

    def _with_programme(self, edit: Callable[[int | None], None]) -> None:
        programme = self.selection.programme()
        if programme is not None:
            edit(programme)

"""People and roles, and strategic alignment: models pass the tester, people who left are kept and hidden,
roles are edited and deleted undoably, and unaligned projects are flagged."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui import portfolio_actions
from pmo_desktop.gui.dialogs.deactivate_person_dialog import DeactivatePersonDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.alignment_models import AlignmentMatrixModel, ObjectivesModel
from pmo_desktop.gui.models.portfolio_roles import FlagRole
from pmo_desktop.gui.views.portfolio.portfolio_view import PortfolioView
from pmo_desktop.services.records import get_record, list_records
from tests.gui.conftest import MessageBoxAnswers
from tests.gui.portfolio_demo import DAY


@pytest.fixture
def view(qtbot: QtBot, demo_document: Document) -> PortfolioView:
    page = PortfolioView(demo_document, as_of=DAY)
    qtbot.addWidget(page)
    page.show()  # a hidden view waits to be shown before it follows edits
    return page


def person(document: Document, name: str) -> int:
    return next(p.id for p in list_records(document.workspace, EntityKind.PERSON) if p["name"] == name)


def test_alignment_models_pass_the_model_tester(qtmodeltester: ModelTester, demo_document: Document) -> None:
    qtmodeltester.check(ObjectivesModel(demo_document))
    qtmodeltester.check(AlignmentMatrixModel(demo_document))


def test_unaligned_projects_are_flagged(view: PortfolioView) -> None:
    matrix = view.alignment.matrix
    flagged = [matrix.index(row, 0).data() for row in range(matrix.rowCount()) if matrix.index(row, 0).data(FlagRole)]
    assert flagged == ["DCX", "RFH"]
    last = matrix.columnCount() - 1
    assert matrix.index(0, last).data() == "Aligned"
    assert view.alignment.unaligned_note.text() == (
        "⚠  2 projects serve no objective: DCX Data Centre Exit to Azure, RFH RF Handheld Scanner Refresh."
    )
    assert [matrix.headerData(c, Qt.Orientation.Horizontal) for c in matrix.objective_columns] == ["SO1", "SO2", "SO3"]


def test_people_table_passes_the_model_tester_and_hides_who_left(
    qtmodeltester: ModelTester, view: PortfolioView, demo_document: Document
) -> None:
    people = view.people
    qtmodeltester.check(people.people.model())
    everyone = len(list_records(demo_document.workspace, EntityKind.PERSON))
    active = len(list_records(demo_document.workspace, EntityKind.PERSON, active=True))
    assert people.people.model().rowCount() == active
    people.show_inactive.setChecked(True)
    assert people.people.model().rowCount() == everyone


def test_deactivate_and_reactivate_from_the_table(
    view: PortfolioView, demo_document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    def last_day(dialog: QDialog) -> int:
        assert isinstance(dialog, DeactivatePersonDialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(portfolio_actions, "open_dialog", last_day)
    people = view.people
    marcus = person(demo_document, "Marcus Webb")
    people.people.select_record(marcus)
    assert people.deactivate.text() == "Deactivate…"
    visible = people.people.model().rowCount()
    people.deactivate.click()
    record = get_record(demo_document.workspace, EntityKind.PERSON, marcus)
    assert (record["active"], record["employment_end"]) == (False, DAY)
    assert people.people.model().rowCount() == visible - 1
    people.show_inactive.setChecked(True)
    people.people.select_record(marcus)
    assert people.deactivate.text() == "Reactivate"
    people.deactivate.click()
    assert get_record(demo_document.workspace, EntityKind.PERSON, marcus)["active"]
    assert demo_document.undo_stack.undoText() == "Reactivate 'Marcus Webb'"
    demo_document.undo_stack.undo()
    assert not get_record(demo_document.workspace, EntityKind.PERSON, marcus)["active"]
    demo_document.undo_stack.undo()
    assert get_record(demo_document.workspace, EntityKind.PERSON, marcus)["active"]


def test_a_role_is_picked_in_a_combo_box(view: PortfolioView, demo_document: Document) -> None:
    table = view.people.people
    laura = person(demo_document, "Laura Jenkins")
    row = table.source_model.row_of(laura)
    assert row is not None
    index = table.proxy.mapFromSource(table.source_model.index(row, table.source_model.column_of("role_id")))
    delegate = table.itemDelegate()
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentText() == "Business Analyst"
    editor.setCurrentIndex(editor.findText("Change Manager"))
    delegate.setModelData(editor, table.model(), index)
    role = get_record(demo_document.workspace, EntityKind.PERSON, laura)["role_id"]
    assert get_record(demo_document.workspace, EntityKind.ROLE, role)["name"] == "Change Manager"
    editor.deleteLater()


def test_deleting_a_role_asks_and_undoes(
    view: PortfolioView, demo_document: Document, answers: MessageBoxAnswers
) -> None:
    role = next(r.id for r in list_records(demo_document.workspace, EntityKind.ROLE) if r["name"] == "Data Engineer")
    holders = [p.id for p in list_records(demo_document.workspace, EntityKind.PERSON, role_id=role)]
    assert holders
    view.people.roles.select_record(role)
    answers.answer(QMessageBox.StandardButton.Cancel)
    view.people.delete_role.click()
    assert answers.shown[-1].text == "Delete the role 'Data Engineer'?"
    assert any(r.id == role for r in list_records(demo_document.workspace, EntityKind.ROLE))
    answers.answer("Delete")
    view.people.delete_role.click()
    assert not any(r.id == role for r in list_records(demo_document.workspace, EntityKind.ROLE))
    assert all(get_record(demo_document.workspace, EntityKind.PERSON, p)["role_id"] is None for p in holders)
    demo_document.undo_stack.undo()
    assert all(get_record(demo_document.workspace, EntityKind.PERSON, p)["role_id"] == role for p in holders)


def test_a_role_with_unfilled_demand_is_kept(view: PortfolioView, demo_document: Document) -> None:
    role = next(r.id for r in list_records(demo_document.workspace, EntityKind.ROLE) if r["name"] == "QA Engineer")
    refusals: list[str] = []
    demo_document.operation_failed.connect(refusals.append)
    view.people.roles.select_record(role)
    view.people.delete_role.click()
    assert refusals == ["'QA Engineer' still has 11 unfilled allocations; give them to people or delete them first."]
    assert any(r.id == role for r in list_records(demo_document.workspace, EntityKind.ROLE))

"""Objectives, programmes and roles: create and edit in one undo step each; refusals keep the dialog open."""

from PySide6.QtCore import Qt

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.dialogs.objective_dialog import ObjectiveDialog
from pmo_desktop.gui.dialogs.programme_dialog import ProgrammeDialog
from pmo_desktop.gui.dialogs.role_dialog import RoleDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.services.portfolio_editing import programme_objective_ids
from pmo_desktop.services.records import get_record, list_records
from tests.gui.dialogs.portfolio_editing import accept, record, refused


def codes(document: Document, kind: EntityKind, field: str) -> list[str]:
    return sorted(str(item[field]) for item in list_records(document.workspace, kind))


def test_a_new_objective(demo_document: Document) -> None:
    dialog = ObjectiveDialog(demo_document)
    dialog.code.setText("SO4")
    dialog.title.setText("Reach net zero in our own operations")
    dialog.owner.setCurrentIndex(dialog.owner.findText("Margaret Ellison"))
    dialog.target.setText("-30 % CO2 by FY2028")
    assert accept(dialog)
    created = record(demo_document, EntityKind.OBJECTIVE, code="SO4")
    assert get_record(demo_document.workspace, EntityKind.PERSON, created["owner_id"])["name"] == "Margaret Ellison"
    demo_document.undo_stack.undo()
    assert codes(demo_document, EntityKind.OBJECTIVE, "code") == ["SO1", "SO2", "SO3"]
    demo_document.undo_stack.redo()
    assert record(demo_document, EntityKind.OBJECTIVE, code="SO4").uuid == created.uuid


def test_objective_refusals_and_edit(demo_document: Document) -> None:
    so1 = record(demo_document, EntityKind.OBJECTIVE, code="SO1")
    dialog = ObjectiveDialog(demo_document, so1.id)
    dialog.code.setText("SO2")
    assert refused(dialog, demo_document) == "Another objective already has the code 'SO2'."
    dialog.code.setText("SO1")
    dialog.title.setText("")
    assert refused(dialog, demo_document) == "An objective needs a title."
    dialog.title.setText("Modernise operations")
    assert accept(dialog)
    assert get_record(demo_document.workspace, EntityKind.OBJECTIVE, so1.id)["title"] == "Modernise operations"
    demo_document.undo_stack.undo()
    assert get_record(demo_document.workspace, EntityKind.OBJECTIVE, so1.id)["title"] == so1["title"]


def test_a_programme_and_its_objectives(demo_document: Document) -> None:
    programme = record(demo_document, EntityKind.PROGRAMME, name="Customer & Digital")
    so1 = record(demo_document, EntityKind.OBJECTIVE, code="SO1")
    before = programme_objective_ids(demo_document.workspace, programme.id)
    dialog = ProgrammeDialog(demo_document, programme.id)
    assert dialog.objective_ids() == before
    dialog.objectives.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.manager.setCurrentIndex(dialog.manager.findText("Rajesh Patel"))
    assert accept(dialog)
    assert so1.id in programme_objective_ids(demo_document.workspace, programme.id)
    demo_document.undo_stack.undo()
    assert programme_objective_ids(demo_document.workspace, programme.id) == before
    assert (
        get_record(demo_document.workspace, EntityKind.PROGRAMME, programme.id)["manager_id"] == programme["manager_id"]
    )
    demo_document.undo_stack.redo()
    assert so1.id in programme_objective_ids(demo_document.workspace, programme.id)


def test_programme_refusals(demo_document: Document) -> None:
    dialog = ProgrammeDialog(demo_document)
    dialog.name.setText("Data & Platforms")
    assert refused(dialog, demo_document) == "Another programme is already called 'Data & Platforms'."
    dialog.name.setText("Sustainability")
    assert accept(dialog)
    assert record(demo_document, EntityKind.PROGRAMME, name="Sustainability")["colour"] == "#4C6EF5"


def test_roles(demo_document: Document) -> None:
    dialog = RoleDialog(demo_document)
    assert refused(dialog, demo_document) == "A role needs a name."
    dialog.name.setText("Data Scientist")
    dialog.cost_rate.setText("85")
    dialog.colour.setText("teal")
    assert refused(dialog, demo_document) == "'TEAL' is not a colour; use the form #1A2B3C."
    dialog.colour.setText("#0c8599")
    assert accept(dialog)
    created = record(demo_document, EntityKind.ROLE, name="Data Scientist")
    assert (created["cost_rate_minor"], created["colour"]) == (8500, "#0C8599")
    edit = RoleDialog(demo_document, created.id)
    edit.cost_rate.setText("90.50")
    assert accept(edit)
    assert get_record(demo_document.workspace, EntityKind.ROLE, created.id)["cost_rate_minor"] == 9050
    demo_document.undo_stack.undo()
    assert get_record(demo_document.workspace, EntityKind.ROLE, created.id)["cost_rate_minor"] == 8500
    demo_document.undo_stack.undo()
    assert "Data Scientist" not in codes(demo_document, EntityKind.ROLE, "name")

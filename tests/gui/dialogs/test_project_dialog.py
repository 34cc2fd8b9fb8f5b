"""The project editor on the demo: every field and the objective weights in one undo step; refusals stay open."""

from PySide6.QtCore import Qt

from pmo_desktop.domain.enums import EntityKind, Stage
from pmo_desktop.gui.dialogs.project_dialog import ProjectDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.services.portfolio_editing import project_objective_weights
from pmo_desktop.services.records import get_record
from tests.gui.dialogs.portfolio_editing import accept, record, refused


def objective_ids(document: Document) -> dict[str, int]:
    return {code: record(document, EntityKind.OBJECTIVE, code=code).id for code in ("SO1", "SO2", "SO3")}


def test_the_editor_shows_the_project(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    dialog = ProjectDialog(demo_document, wms.id)
    assert (dialog.code.text(), dialog.stage.currentData(), dialog.budget.text()) == ("WMS", "active", "2,400,000")
    assert dialog.programme.currentText() == "Warehouse Transformation"
    assert dialog.weights() == project_objective_weights(demo_document.workspace, wms.id)
    assert dialog.dates.text() == "2 Feb 2026 to 5 Apr 2027, from the plan"
    assert dialog.total.text() == "Weights add up to 100 %."


def test_fields_and_weights_are_one_undo_step(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    ids = objective_ids(demo_document)
    before = project_objective_weights(demo_document.workspace, wms.id)
    dialog = ProjectDialog(demo_document, wms.id)
    dialog.name.setText("WMS Replacement")
    dialog.stage.setCurrentIndex(dialog.stage.findData(Stage.ON_HOLD.value))
    dialog.budget.setText("2,500,000")
    dialog.set_weight(ids["SO1"], 60)
    dialog.set_weight(ids["SO2"], 10)
    dialog.set_weight(ids["SO3"], None)
    assert dialog.total.text() == "Weights add up to 70 %; they usually add up to 100 %."
    assert accept(dialog)
    after = {ids["SO1"]: 60, ids["SO2"]: 10}
    project = get_record(demo_document.workspace, EntityKind.PROJECT, wms.id)
    assert (project["name"], project["stage"], project["budget_minor"]) == ("WMS Replacement", "on_hold", 250_000_000)
    assert project_objective_weights(demo_document.workspace, wms.id) == after
    assert demo_document.undo_stack.undoText() == "Edit project 'WMS'"
    demo_document.undo_stack.undo()
    assert get_record(demo_document.workspace, EntityKind.PROJECT, wms.id)["name"] == wms["name"]
    assert project_objective_weights(demo_document.workspace, wms.id) == before
    demo_document.undo_stack.redo()
    assert project_objective_weights(demo_document.workspace, wms.id) == after


def test_a_new_project_in_a_programme(demo_document: Document) -> None:
    programme = record(demo_document, EntityKind.PROGRAMME, name="Customer & Digital")
    ids = objective_ids(demo_document)
    dialog = ProjectDialog(demo_document, programme_id=programme.id)
    dialog.code.setText("CHB")
    dialog.name.setText("Customer Chatbot")
    dialog.tentative.setChecked(True)
    dialog.set_weight(ids["SO2"], 100)
    assert accept(dialog)
    created = record(demo_document, EntityKind.PROJECT, code="CHB")
    assert (created["programme_id"], created["tentative"], created["stage"]) == (programme.id, True, "proposed")
    assert project_objective_weights(demo_document.workspace, created.id) == {ids["SO2"]: 100}
    demo_document.undo_stack.undo()
    demo_document.undo_stack.redo()
    again = record(demo_document, EntityKind.PROJECT, code="CHB")
    assert (again.id, again.uuid) == (created.id, created.uuid)
    assert project_objective_weights(demo_document.workspace, created.id) == {ids["SO2"]: 100}


def test_refusals_keep_the_dialog_open(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    dialog = ProjectDialog(demo_document, wms.id)
    dialog.code.setText("DCX")
    assert refused(dialog, demo_document) == "Another project already has the code 'DCX'."
    dialog.code.setText(" ")
    assert refused(dialog, demo_document) == "A project needs a code."
    dialog.code.setText("WMS")
    dialog.budget.setText("lots")
    assert refused(dialog, demo_document) == "'lots' is not an amount for the budget."
    dialog.budget.setText("2,400,000")
    dialog.colour.setText("green")
    assert refused(dialog, demo_document) == "'GREEN' is not a colour; use the form #1A2B3C."
    dialog.colour.setText("#2B8A3E")
    assert accept(dialog)  # back as it was: nothing to change, the dialog closes
    assert not demo_document.undo_stack.canUndo()


def test_serving_no_objective_is_said_before_saving(demo_document: Document) -> None:
    dcx = record(demo_document, EntityKind.PROJECT, code="DCX")
    dialog = ProjectDialog(demo_document, dcx.id)
    assert dialog.weights() == {}
    assert dialog.total.text() == "⚠ Serves no objective: the overview will flag it."
    item = dialog.objectives.item(0, 0)
    item.setCheckState(Qt.CheckState.Checked)
    assert dialog.total.text() == "Weights add up to 100 %."

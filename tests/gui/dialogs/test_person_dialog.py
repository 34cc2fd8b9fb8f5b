"""People: the person editor with time off (one undo step), and deactivating someone keeps their history."""

from datetime import date

from PySide6.QtCore import QDate

from pmo_desktop.domain.enums import EntityKind, TimeOffKind
from pmo_desktop.gui.dialogs.deactivate_person_dialog import DeactivatePersonDialog
from pmo_desktop.gui.dialogs.person_dialog import PersonDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.services.portfolio_editing import person_time_off
from pmo_desktop.services.portfolio_operations import TimeOffEntry
from pmo_desktop.services.records import get_record, list_records
from tests.gui.dialogs.portfolio_editing import accept, record, refused
from tests.gui.portfolio_demo import DAY


def test_hours_and_time_off_in_one_undo_step(demo_document: Document) -> None:
    priya = record(demo_document, EntityKind.PERSON, name="Priya Raman")
    absences = person_time_off(demo_document.workspace, priya.id)
    dialog = PersonDialog(demo_document, priya.id)
    assert dialog.table.rowCount() == len(absences)
    dialog.hours.setValue(30)
    dialog.add_time_off(TimeOffEntry(date(2027, 3, 1), date(2027, 3, 5), TimeOffKind.TRAINING, "Azure course"))
    assert accept(dialog)
    assert get_record(demo_document.workspace, EntityKind.PERSON, priya.id)["hours_per_week"] == 30
    assert len(person_time_off(demo_document.workspace, priya.id)) == len(absences) + 1
    demo_document.undo_stack.undo()
    assert get_record(demo_document.workspace, EntityKind.PERSON, priya.id)["hours_per_week"] == priya["hours_per_week"]
    assert person_time_off(demo_document.workspace, priya.id) == absences
    demo_document.undo_stack.redo()
    assert "Azure course" in [entry.note for entry in person_time_off(demo_document.workspace, priya.id)]


def test_a_new_person(demo_document: Document) -> None:
    dialog = PersonDialog(demo_document)
    dialog.name.setText("Nadia Rahman")
    dialog.email.setText("nadia.rahman@kestrelfreight.co.uk")
    dialog.role.setCurrentIndex(dialog.role.findText("Business Analyst"))
    assert accept(dialog)
    created = record(demo_document, EntityKind.PERSON, name="Nadia Rahman")
    assert (created["hours_per_week"], created["active"], created["employment_start"]) == (37.5, True, None)
    demo_document.undo_stack.undo()
    assert not [p for p in list_records(demo_document.workspace, EntityKind.PERSON) if p["name"] == "Nadia Rahman"]


def test_person_refusals(demo_document: Document) -> None:
    priya = record(demo_document, EntityKind.PERSON, name="Priya Raman")
    dialog = PersonDialog(demo_document, priya.id)
    dialog.email.setText("priya at kestrel")
    assert refused(dialog, demo_document) == "'priya at kestrel' is not an email address."
    dialog.email.setText(priya["email"])
    row = dialog.add_time_off(TimeOffEntry(date(2027, 3, 1), date(2027, 3, 5)))
    dialog.add_time_off(TimeOffEntry(date(2027, 3, 4), date(2027, 3, 8)))
    assert refused(dialog, demo_document) == (
        "Time off from 4 Mar 2027 overlaps the time off from 1 Mar 2027; merge them into one."
    )
    dialog.table.setCurrentCell(row, 3)
    dialog.table.removeRow(row + 1)
    finish = dialog.table.cellWidget(row, 1)
    finish.setDate(QDate(2027, 2, 26))
    assert refused(dialog, demo_document) == "Time off cannot end (26 Feb 2027) before it starts (1 Mar 2027)."


def test_deactivating_keeps_history(demo_document: Document) -> None:
    tomasz = record(demo_document, EntityKind.PERSON, name="Tomasz Nowak")
    allocations = list_records(demo_document.workspace, EntityKind.ALLOCATION, person_id=tomasz.id)
    dialog = DeactivatePersonDialog(demo_document, tomasz.id, today=DAY)
    assert f"their {len(allocations)} allocations" in dialog.findChild(type(dialog.error), "explanation").text()
    dialog.last_day.setDate(QDate(2026, 12, 18))
    assert accept(dialog)
    person = get_record(demo_document.workspace, EntityKind.PERSON, tomasz.id)
    assert (person["active"], person["employment_end"]) == (False, date(2026, 12, 18))
    assert list_records(demo_document.workspace, EntityKind.ALLOCATION, person_id=tomasz.id) == allocations
    assert demo_document.undo_stack.undoText() == "Deactivate 'Tomasz Nowak'"
    demo_document.undo_stack.undo()
    person = get_record(demo_document.workspace, EntityKind.PERSON, tomasz.id)
    assert (person["active"], person["employment_end"]) == (True, None)
    demo_document.undo_stack.redo()
    assert not get_record(demo_document.workspace, EntityKind.PERSON, tomasz.id)["active"]


def test_a_last_day_before_joining_is_refused(demo_document: Document) -> None:
    aisha = record(demo_document, EntityKind.PERSON, name="Aisha Bello")
    dialog = DeactivatePersonDialog(demo_document, aisha.id, today=DAY)
    dialog.last_day.setDate(QDate(2026, 9, 1))
    assert refused(dialog, demo_document) == "The last day (1 Sep 2026) cannot be before they started (28 Sep 2026)."

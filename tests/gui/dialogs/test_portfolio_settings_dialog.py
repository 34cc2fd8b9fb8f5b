"""Portfolio settings: the settings and the hand-entered holidays in one undo step; refusals stay open."""

from datetime import date

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.dialogs.portfolio_settings_dialog import PortfolioSettingsDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.services.portfolio_operations import HolidayEntry
from pmo_desktop.services.portfolio_settings import portfolio_settings
from pmo_desktop.services.records import list_records
from tests.gui.dialogs.portfolio_editing import accept, refused


def test_the_editor_shows_the_settings(demo_document: Document) -> None:
    dialog = PortfolioSettingsDialog(demo_document)
    assert (dialog.currency.currentText(), dialog.fiscal_start.currentText()) == ("GBP", "April")
    assert [box.isChecked() for box in dialog.weekdays] == [True] * 5 + [False] * 2
    assert (dialog.country.currentData(), dialog.subdivision.text()) == ("GB", "ENG")
    assert dialog.holidays.rowCount() == len(list_records(demo_document.workspace, EntityKind.HOLIDAY))


def test_settings_and_holidays_are_one_undo_step(demo_document: Document) -> None:
    before = portfolio_settings(demo_document.workspace)
    dialog = PortfolioSettingsDialog(demo_document)
    dialog.name.setText("Kestrel change portfolio FY27")
    dialog.hours_per_day.setValue(8)
    dialog.weekdays[4].setChecked(False)  # a four-day week
    dialog.add_holiday(HolidayEntry(date(2027, 1, 4), "Company shutdown"))
    assert accept(dialog)
    after = portfolio_settings(demo_document.workspace)
    assert (after.name, after.hours_per_day, after.working_days) == ("Kestrel change portfolio FY27", 8.0, 0b0001111)
    assert (date(2027, 1, 4), "Company shutdown") in [(h.day, h.name) for h in after.holidays]
    assert demo_document.undo_stack.undoText() == "Edit portfolio settings"
    demo_document.undo_stack.undo()
    assert portfolio_settings(demo_document.workspace) == before
    demo_document.undo_stack.redo()
    assert portfolio_settings(demo_document.workspace).holidays == after.holidays


def test_settings_refusals(demo_document: Document) -> None:
    dialog = PortfolioSettingsDialog(demo_document)
    dialog.currency.setCurrentText("E1")
    assert refused(dialog, demo_document) == "'E1' is not a currency code; use three capital letters such as EUR."
    dialog.currency.setCurrentText("GBP")
    for box in dialog.weekdays:
        box.setChecked(False)
    assert refused(dialog, demo_document) == "The working week needs at least one working day."
    dialog.weekdays[0].setChecked(True)
    dialog.subdivision.setText("XYZ")
    assert refused(dialog, demo_document) == "'XYZ' is not a region of GB; use one of: ENG, NIR, SCT, WLS."
    dialog.subdivision.setText("ENG")
    dialog.add_holiday(HolidayEntry(date(2027, 1, 4), "Shutdown"))
    dialog.add_holiday(HolidayEntry(date(2027, 1, 4), "Again"))
    assert refused(dialog, demo_document) == "4 Jan 2027 is listed twice as a holiday."

"""The budget grid: quarters x (category, measure), totals as the user types, one undo step for the grid."""

from datetime import date

from pmo_desktop.domain.enums import BudgetCategory, EntityKind
from pmo_desktop.gui.dialogs.budget_dialog import BudgetDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.services.records import list_records
from tests.gui.dialogs.portfolio_editing import accept, record, refused


def forecast(document: Document, project_id: int) -> int:
    return sum(
        line["forecast_minor"]
        for line in list_records(document.workspace, EntityKind.BUDGET_LINE, project_id=project_id)
    )


def test_the_grid_holds_the_budget_lines(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    dialog = BudgetDialog(demo_document, wms.id)
    assert dialog.periods[0] == date(2026, 1, 1) and len(dialog.periods) == 6  # Jan 2026 to the quarter of go-live
    assert dialog.grid.horizontalHeaderItem(0).text() == "FY2026 Q4\nJan–Mar 2026"
    lines = list_records(demo_document.workspace, EntityKind.BUDGET_LINE, project_id=wms.id)
    capex = next(line for line in lines if line["period_start"] == date(2026, 4, 1) and line["category"] == "capex")
    row = dialog.row_of(BudgetCategory.CAPEX, "planned_minor")
    assert dialog.grid.item(row, 1).text() == f"{capex['planned_minor'] // 100:,}"
    assert "over budget" in dialog.totals.text()


def test_a_forecast_changes_in_one_undo_step(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    before = forecast(demo_document, wms.id)
    dialog = BudgetDialog(demo_document, wms.id)
    last = dialog.periods[-1]
    dialog.set_amount(last, BudgetCategory.CAPEX, "forecast_minor", "100,000")
    dialog.set_amount(last, BudgetCategory.OPEX, "forecast_minor", "50,000")
    total_row = dialog.row_of(BudgetCategory.LABOUR, "forecast_minor") + 3
    assert dialog.grid.item(total_row, len(dialog.periods) - 1).text().startswith("£")
    assert accept(dialog)
    after = forecast(demo_document, wms.id)
    assert after != before
    assert demo_document.undo_stack.undoText() == "Edit budget of 'WMS'"
    demo_document.undo_stack.undo()
    assert forecast(demo_document, wms.id) == before
    demo_document.undo_stack.redo()
    assert forecast(demo_document, wms.id) == after


def test_a_new_line_and_an_emptied_line(demo_document: Document) -> None:
    yms = record(demo_document, EntityKind.PROJECT, code="YMS")
    count = len(list_records(demo_document.workspace, EntityKind.BUDGET_LINE, project_id=yms.id))
    dialog = BudgetDialog(demo_document, yms.id)
    first = dialog.periods[0]
    for measure in ("planned_minor", "actual_minor", "forecast_minor"):
        dialog.set_amount(first, BudgetCategory.CAPEX, measure, "")
    assert accept(dialog)
    assert len(list_records(demo_document.workspace, EntityKind.BUDGET_LINE, project_id=yms.id)) == count - 1
    demo_document.undo_stack.undo()
    assert len(list_records(demo_document.workspace, EntityKind.BUDGET_LINE, project_id=yms.id)) == count


def test_refusals(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    dialog = BudgetDialog(demo_document, wms.id)
    first = dialog.periods[0]
    dialog.set_amount(first, BudgetCategory.OPEX, "actual_minor", "lots")
    assert dialog.error_text == "'lots' is not an amount (opex actual, FY2026 Q4 Jan–Mar 2026)."
    assert refused(dialog, demo_document) == "'lots' is not an amount (opex actual, FY2026 Q4 Jan–Mar 2026)."
    dialog.set_amount(first, BudgetCategory.OPEX, "actual_minor", "-5")
    assert refused(dialog, demo_document) == "The actual amount cannot be negative."

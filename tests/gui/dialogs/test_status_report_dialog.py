"""The status report editor: a new report starts from the previous one, amber and red need a comment, and
saving is one undo step."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel

from pmo_desktop.domain.enums import EntityKind, Rag
from pmo_desktop.gui.dialogs.status_report_dialog import StatusReportDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.services.records import get_record, list_records
from tests.gui.dialogs.portfolio_editing import accept, record, refused
from tests.gui.portfolio_demo import DAY


def reports(document: Document, project_id: int) -> list[date]:
    return sorted(
        r["period_end"] for r in list_records(document.workspace, EntityKind.STATUS_REPORT, project_id=project_id)
    )


def test_a_new_report_starts_from_the_previous_one(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    previous = record(demo_document, EntityKind.STATUS_REPORT, project_id=wms.id, period_end=date(2026, 9, 30))
    dialog = StatusReportDialog(demo_document, wms.id, as_of=DAY)
    assert dialog.period_end.date() == QDate(2026, 12, 31)
    assert dialog.period_label.text() == "2026-Q4"
    assert {dimension: combo.currentData() for dimension, combo in dialog.rags.items()} == {
        dimension: str(previous[dimension]) for dimension in dialog.rags
    }
    assert dialog.texts["comment"].toPlainText() == previous["comment"]
    assert dialog.field(QLabel, "previousNote").text().startswith("Starts from the 2026-Q3 report")


def test_amber_needs_a_comment_and_the_dialog_stays_open(demo_document: Document) -> None:
    rfh = record(demo_document, EntityKind.PROJECT, code="RFH")
    dialog = StatusReportDialog(demo_document, rfh.id, as_of=DAY)
    dialog.set_rag("overall", Rag.AMBER)
    dialog.texts["comment"].setPlainText("")
    assert dialog.hint.property("missing") is True
    assert refused(dialog, demo_document) == "A status report rated amber or red (overall) needs a comment saying why."
    assert reports(demo_document, rfh.id)[-1] == date(2026, 9, 30)
    dialog.texts["comment"].setPlainText("Scanner deliveries to Leeds slipped two weeks.")
    assert dialog.hint.property("missing") is False
    assert accept(dialog)
    written = record(demo_document, EntityKind.STATUS_REPORT, project_id=rfh.id, period_end=date(2026, 12, 31))
    assert (written["overall"], written["period_label"]) == ("amber", "2026-Q4")
    assert demo_document.undo_stack.undoText() == "Add status report"
    demo_document.undo_stack.undo()
    assert reports(demo_document, rfh.id)[-1] == date(2026, 9, 30)
    demo_document.undo_stack.redo()
    again = record(demo_document, EntityKind.STATUS_REPORT, project_id=rfh.id, period_end=date(2026, 12, 31))
    assert again.uuid == written.uuid


def test_one_report_per_period(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    dialog = StatusReportDialog(demo_document, wms.id, as_of=DAY)
    dialog.period_end.setDate(QDate(2026, 9, 30))
    assert refused(dialog, demo_document) == (
        "'Warehouse Management System Replacement' already has a status report for the period ending 30 Sep 2026."
    )


def test_editing_a_report(demo_document: Document) -> None:
    wms = record(demo_document, EntityKind.PROJECT, code="WMS")
    report = record(demo_document, EntityKind.STATUS_REPORT, project_id=wms.id, period_end=date(2026, 9, 30))
    dialog = StatusReportDialog(demo_document, wms.id, report.id)
    dialog.texts["summary"].setPlainText("Testing; recovery plan agreed.")
    assert accept(dialog)
    assert get_record(demo_document.workspace, EntityKind.STATUS_REPORT, report.id)["summary"] == (
        "Testing; recovery plan agreed."
    )
    demo_document.undo_stack.undo()
    assert get_record(demo_document.workspace, EntityKind.STATUS_REPORT, report.id)["summary"] == report["summary"]

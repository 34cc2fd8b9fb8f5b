"""The four views: headers that count, tables that sort and edit, the allocations that follow the person."""

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QDateEdit, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import gantt_columns
from pmo_desktop.gui.views.gantt.gantt_view import GanttView
from pmo_desktop.gui.views.portfolio.portfolio_view import PortfolioView
from pmo_desktop.gui.views.record_table_view import RecordTableView
from pmo_desktop.gui.views.resources.resources_view import ResourcesView
from pmo_desktop.gui.views.risks.risks_view import RisksView
from pmo_desktop.gui.views.workspace_views import WorkspaceViews
from pmo_desktop.services.records import get_record
from tests.gui.portfolios import Ids


def proxy_index(table: RecordTableView, record_id: int, field: str) -> QModelIndex:
    row = table.source_model.row_of(record_id)
    assert row is not None
    source = table.source_model.index(row, table.source_model.column_of(field))
    return table.proxy.mapFromSource(source)


def test_the_tabs_are_the_four_views(qtbot: QtBot, document: Document) -> None:
    views = WorkspaceViews(document)
    qtbot.addWidget(views)
    assert [views.tabText(index) for index in range(views.count())] == ["Portfolio", "Gantt", "Resources", "Risks"]
    assert all(page.model.rowCount() > 0 for page in views.pages)


def test_the_portfolio_header_names_and_counts(qtbot: QtBot, document: Document, ids: Ids) -> None:
    view = PortfolioView(document)
    qtbot.addWidget(view)
    view.show()
    assert view.header.title == "Test Portfolio"
    assert view.header.summary == (
        "2 projects  ·  1 active or approved  ·  1 programme  ·  2 people  ·  1 open risk  ·  budget €1,250,000"
    )
    document.run(CreateRecordCommand(document, EntityKind.PROJECT, {"code": "FI-03", "name": "Ledger"}))
    assert view.header.summary.startswith("3 projects")


def test_the_gantt_header_spans_the_plan(qtbot: QtBot, document: Document) -> None:
    view = GanttView(document)
    qtbot.addWidget(view)
    assert view.header.summary == (
        "2 tasks  ·  1 milestone  ·  1 project  ·  2 Feb 2026 to 20 Feb 2026  ·  3 on the critical path"
    )


def test_risks_read_as_references(qtbot: QtBot, document: Document, ids: Ids) -> None:
    view = RisksView(document)
    qtbot.addWidget(view)
    row = view.model.row_of(ids.risk)
    assert row is not None
    assert view.model.index(row, 0).data() == "R-001"
    assert view.header.summary.startswith("1 open risk (0 critical after response)")


def test_allocations_follow_the_selected_person(qtbot: QtBot, document: Document, ids: Ids) -> None:
    view = ResourcesView(document)
    qtbot.addWidget(view)
    assert view.table.selected_record_id() == ids.alice
    assert view.allocations.proxy.rowCount() == 1
    assert view.allocations_title == "Allocations of Alice Moreau"
    view.table.select_record(ids.bob)
    assert view.allocations.proxy.rowCount() == 0
    assert view.allocations_title == "Allocations of Bob Okafor"


def test_hours_per_week_edit_through_the_sorted_table(qtbot: QtBot, document: Document, ids: Ids) -> None:
    view = ResourcesView(document)
    qtbot.addWidget(view)
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    index = proxy_index(view.table, ids.bob, "hours_per_week")
    assert view.table.model().setData(index, 32.0)
    assert get_record(document.workspace, EntityKind.PERSON, ids.bob)["hours_per_week"] == 32.0
    assert document.undo_stack.undoText() == "Change person hours per week"


def test_dates_are_edited_with_a_calendar(qtbot: QtBot, document: Document, ids: Ids) -> None:
    view = GanttView(document)
    qtbot.addWidget(view)
    index = view.model.index_of_task(ids.design, gantt_columns.FINISH)
    delegate = view.tree.itemDelegate()
    editor = delegate.createEditor(view.tree.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QDateEdit)
    delegate.setEditorData(editor, index)
    assert editor.date() == QDate(2026, 2, 6)
    editor.setDate(QDate(2026, 2, 13))
    delegate.setModelData(editor, view.model, index)
    assert get_record(document.workspace, EntityKind.TASK, ids.design)["finish"] == date(2026, 2, 13)
    editor.deleteLater()

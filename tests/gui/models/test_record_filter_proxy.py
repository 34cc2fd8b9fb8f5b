"""RecordFilterProxyModel: the model tester through the proxy, sorting by SortRole, filtering by stored value."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from pmo_desktop.domain.enums import EntityKind, Stage
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.models.record_filter_proxy import RecordFilterProxyModel
from pmo_desktop.gui.models.record_table_model import RecordTableModel
from pmo_desktop.gui.models.roles import RecordIdRole
from pmo_desktop.gui.views.resources.resources_view import ALLOCATION_COLUMNS
from tests.gui.models.test_record_table_model import TASK_COLUMNS
from tests.gui.portfolios import Ids


@pytest.fixture
def tasks(document: Document) -> RecordFilterProxyModel:
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(RecordTableModel(document, EntityKind.TASK, TASK_COLUMNS, proxy))
    return proxy


def ids_in_order(proxy: RecordFilterProxyModel) -> list[int]:
    return [proxy.index(row, 0).data(RecordIdRole) for row in range(proxy.rowCount())]


def test_the_sorted_proxy_passes_the_model_tester_through_edits(
    document: Document, tasks: RecordFilterProxyModel, qtmodeltester: ModelTester, ids: Ids
) -> None:
    tasks.sort(3, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tasks)
    values = {"project_id": ids.warehouse, "name": "Survey", "start": date(2026, 1, 5), "finish": date(2026, 1, 9)}
    document.run(CreateRecordCommand(document, EntityKind.TASK, values))
    document.run(UpdateRecordCommand(document, EntityKind.TASK, ids.design, {"name": "Discovery"}))
    document.undo_stack.undo()
    document.undo_stack.undo()


def test_dates_sort_by_date_not_by_text(tasks: RecordFilterProxyModel, ids: Ids) -> None:
    tasks.sort(3, Qt.SortOrder.DescendingOrder)  # start: "20 Feb" sorts after "9 Feb" only as dates
    assert ids_in_order(tasks) == [ids.launch, ids.build, ids.design]


def test_stages_sort_in_life_cycle_order(document: Document, ids: Ids) -> None:
    proxy = RecordFilterProxyModel()
    project_columns = (columns.text("code", "Code"), columns.choice("stage", "Stage", Stage))
    source = RecordTableModel(document, EntityKind.PROJECT, project_columns, proxy)
    proxy.setSourceModel(source)
    proxy.sort(source.column_of("stage"), Qt.SortOrder.AscendingOrder)
    assert ids_in_order(proxy) == [ids.warehouse, ids.portal]  # proposed before active


def test_a_value_filter_keeps_the_rows_of_one_person(document: Document, qtmodeltester: ModelTester, ids: Ids) -> None:
    proxy = RecordFilterProxyModel()
    proxy.setSourceModel(RecordTableModel(document, EntityKind.ALLOCATION, ALLOCATION_COLUMNS, proxy))
    proxy.set_value_filter(0, ids.bob)
    assert proxy.rowCount() == 0
    proxy.set_value_filter(0, ids.alice)
    assert ids_in_order(proxy) == [ids.allocation]
    qtmodeltester.check(proxy)
    proxy.clear_value_filter()
    assert proxy.rowCount() == 1


def test_free_text_filters_any_column(tasks: RecordFilterProxyModel, ids: Ids) -> None:
    tasks.setFilterFixedString("go live")
    assert ids_in_order(tasks) == [ids.launch]

"""The overview model and its filter proxy on the demo: the model tester, figures, filters, refresh on edits."""

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from pmo_desktop.domain.enums import EntityKind, Rag, Stage
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand, UpdateRecordCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import overview_columns as columns
from pmo_desktop.gui.models.overview_filter_proxy import ANY, NO_OBJECTIVE, OverviewFilterProxy
from pmo_desktop.gui.models.overview_tree_model import OverviewTreeModel
from pmo_desktop.gui.models.portfolio_roles import RagRole
from pmo_desktop.services.records import list_records
from tests.gui.portfolio_demo import DAY


def project_id(document: Document, code: str) -> int:
    return next(record.id for record in list_records(document.workspace, EntityKind.PROJECT) if record["code"] == code)


def test_model_and_proxy_pass_the_model_tester(qtmodeltester: ModelTester, demo_document: Document) -> None:
    model = OverviewTreeModel(demo_document, DAY)
    qtmodeltester.check(model)
    proxy = OverviewFilterProxy(model)
    proxy.set_filter(stage=Stage.ACTIVE)
    qtmodeltester.check(proxy)


def test_programmes_hold_their_projects(demo_document: Document) -> None:
    model = OverviewTreeModel(demo_document, DAY)
    name = columns.column_index("name")
    names = [model.index(row, name).data() for row in range(model.rowCount())]
    assert names == [
        "Customer & Digital  ·  4 projects",
        "Data & Platforms  ·  4 projects",
        "Warehouse Transformation  ·  4 projects",
    ]
    warehouse = model.index(2, 0)
    codes = [model.index(row, 0, warehouse).data() for row in range(model.rowCount(warehouse))]
    assert codes == ["ASP", "RFH", "WMS", "YMS"]
    assert model.index(2, columns.column_index("budget")).data() == "£3.54m"


def test_rag_cells_carry_rag_and_trend(demo_document: Document) -> None:
    model = OverviewTreeModel(demo_document, DAY)
    wms = model.index_of_project(project_id(demo_document, "WMS"), columns.column_index("overall"))
    assert wms.data(RagRole) == ("red", "worse", "amber")
    assert "red in the 2026-Q3 report (worse)" in wms.data(Qt.ItemDataRole.ToolTipRole)


def test_filters_narrow_the_projects(demo_document: Document) -> None:
    proxy = OverviewFilterProxy(OverviewTreeModel(demo_document, DAY))
    assert len(proxy.visible_projects()) == 12
    proxy.set_filter(rag=Rag.RED.value)
    assert sorted(row.code for row in proxy.visible_projects()) == ["EDI", "ROE", "TRK", "WMS"]
    proxy.set_filter(stage=Stage.ACTIVE)
    assert sorted(row.code for row in proxy.visible_projects()) == ["TRK", "WMS"]
    assert proxy.rowCount() == 2  # only the programmes of those projects
    proxy.set_filter(rag=ANY, stage=ANY)
    proxy.set_filter(objective_id=NO_OBJECTIVE)
    assert sorted(row.code for row in proxy.visible_projects()) == ["DCX", "RFH"]
    proxy.set_filter(objective_id=ANY, text="system replacement")
    assert [row.code for row in proxy.visible_projects()] == ["WMS"]


def test_sorting_keeps_projects_in_their_programme(demo_document: Document) -> None:
    proxy = OverviewFilterProxy(OverviewTreeModel(demo_document, DAY))
    proxy.sort(columns.column_index("budget"), Qt.SortOrder.DescendingOrder)
    top = proxy.index(0, 0)
    assert proxy.index(0, columns.column_index("name")).data().startswith("Warehouse")  # the largest budget
    assert [proxy.index(row, 0, top).data() for row in range(proxy.rowCount(top))] == ["WMS", "YMS", "RFH", "ASP"]


def test_a_status_report_changes_the_rag_and_trend_shown(demo_document: Document) -> None:
    model = OverviewTreeModel(demo_document, DAY)
    wms_id = project_id(demo_document, "WMS")
    column = columns.column_index("overall")
    changed: list[QModelIndex] = []
    model.dataChanged.connect(lambda first, _last, _roles: changed.append(first))
    values = {
        "project_id": wms_id,
        "period_end": "2026-12-31",
        "overall": "amber",
        "schedule": "amber",
        "comment": "Recovery plan agreed with Corvid.",
    }
    assert demo_document.run(CreateRecordCommand(demo_document, EntityKind.STATUS_REPORT, values))
    assert model.index_of_project(wms_id, column).data(RagRole) == ("amber", "better", "red")
    assert [index.row() for index in changed if model.project_at(index) is not None] == [2]
    demo_document.undo_stack.undo()
    assert model.index_of_project(wms_id, column).data(RagRole) == ("red", "worse", "amber")


def test_new_and_moved_projects_reset_the_tree(demo_document: Document) -> None:
    model = OverviewTreeModel(demo_document, DAY)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    assert demo_document.run(CreateRecordCommand(demo_document, EntityKind.PROJECT, {"code": "NEW", "name": "New"}))
    last = model.index(model.rowCount() - 1, columns.column_index("name"))
    assert resets and last.data() == "No programme  ·  1 project"
    budget = columns.column_index("budget")
    wms = project_id(demo_document, "WMS")
    assert demo_document.run(UpdateRecordCommand(demo_document, EntityKind.PROJECT, wms, {"budget_minor": 100}))
    assert model.index_of_project(wms, budget).data() == "£1"

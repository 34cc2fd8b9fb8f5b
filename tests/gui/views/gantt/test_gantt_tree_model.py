"""The WBS model: programmes > projects > tasks, roles for the chart, inline edits, following changes."""

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt
from pytest import MonkeyPatch
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.commands.schedule_commands import LinkTasksCommand, MoveTaskCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import gantt_columns as columns
from pmo_desktop.gui.models import gantt_roles as roles
from pmo_desktop.gui.models.gantt_rows import GanttFilter, RowKind, key_of
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from pmo_desktop.services.records import get_record
from tests.gui.views.gantt.plans import Plan


def names(model: GanttTreeModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def test_the_model_passes_the_model_tester(qtmodeltester: ModelTester, plan_document: Document) -> None:
    model = GanttTreeModel(plan_document)
    qtmodeltester.check(model)
    model.set_filter(GanttFilter(critical_only=True, text="a"))
    qtmodeltester.check(model)


def test_the_demo_passes_the_model_tester(qtmodeltester: ModelTester, demo_document: Document) -> None:
    model = GanttTreeModel(demo_document)
    qtmodeltester.check(model)


def test_programmes_hold_projects_which_hold_the_wbs(plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    assert names(model) == ["Customer Experience", "Projects outside a programme"]
    programme = model.index(0, 0)
    assert names(model, programme) == ["CX-01  Portal Relaunch"]
    portal = model.index(0, 0, programme)
    assert names(model, portal) == ["Design", "Build", "Test", "Go live", "Training", "Handbook"]
    assert names(model, model.index(0, 0, model.index(1, 0))) == ["Survey", "Install"]
    assert model.index(0, columns.START, portal).data() == "2 Feb 2026"
    assert model.index(0, columns.FINISH, programme).data() == "27 Feb 2026"
    assert model.index(1, columns.PEOPLE, portal).data() == "Alice Moreau"
    assert model.index(1, columns.DURATION, portal).data() == "10 d"


def test_rows_speak_the_chart_roles(plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    build = model.index_of_task(plan.build, columns.FLOAT)
    assert build.data(roles.StartRole) == date(2026, 2, 9)
    assert build.data(roles.FinishRole) == date(2026, 2, 20)
    assert build.data(roles.KindRole) == "task"
    assert build.data(roles.CriticalRole) is True
    assert build.data(roles.BaselineStartRole) == date(2026, 2, 9)
    assert build.data(roles.TotalFloatRole) == 0
    assert build.data(roles.ProgressRole) == 0
    assert build.data(roles.KeyRole) == key_of(RowKind.TASK, plan.build)
    golive = model.index_of_task(plan.golive)
    assert golive.data(roles.KindRole) == "milestone"
    project = model.index_of_key(key_of(RowKind.PROJECT, plan.portal))
    assert project.data(roles.RowKindRole) == "project" and project.data(roles.StartRole) == date(2026, 2, 2)
    assert project.data(roles.ColourRole).startswith("#")


def test_an_edit_refreshes_only_the_rows_it_moved(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    changed: list[int] = []

    def note(first: QModelIndex, last: QModelIndex) -> None:
        rows = range(first.row(), last.row() + 1)
        changed.extend(model.key_at(model.index(row, 0, first.parent())) or 0 for row in rows)

    model.dataChanged.connect(note)
    with qtbot.assertNotEmitted(model.modelReset):
        plan_document.run(MoveTaskCommand(plan_document, plan.survey, date(2026, 2, 9)))
    moved = {key_of(RowKind.TASK, plan.survey), key_of(RowKind.TASK, plan.install)}
    assert moved <= set(changed)
    assert key_of(RowKind.TASK, plan.design) not in changed
    assert model.index_of_task(plan.install, columns.START).data() == "12 Feb 2026"


def test_a_new_link_reloads_the_links_without_a_reset(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.links_changed):
        plan_document.run(LinkTasksCommand(plan_document, plan.install, plan.training))
    assert any(
        link.predecessor_id == plan.install and link.successor_id == plan.training for link in model.data_model.links
    )
    assert model.index_of_task(plan.training, columns.START).data() == "11 Feb 2026"


def test_inline_edits_become_undoable_schedule_commands(plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    stack = plan_document.undo_stack
    assert model.setData(model.index_of_task(plan.design, columns.NAME), "Design sprint")
    assert model.setData(model.index_of_task(plan.design, columns.START), QDate(2026, 2, 9))
    assert model.setData(model.index_of_task(plan.design, columns.DURATION), 3)
    assert model.setData(model.index_of_task(plan.build, columns.FINISH), QDate(2026, 2, 27))
    assert model.setData(model.index_of_task(plan.build, columns.PROGRESS), 30)
    assert [stack.text(i) for i in range(stack.count())] == [
        "Change task name",
        "Move 'Design sprint'",
        "Change task duration days",
        "Resize 'Build'",
        "Set progress of 'Build'",
    ]
    assert model.index_of_task(plan.design, columns.NAME).data() == "Design sprint"
    assert model.index_of_task(plan.build, columns.START).data() == "12 Feb 2026"
    for _ in range(5):
        stack.undo()
    assert get_record(plan_document.workspace, EntityKind.TASK, plan.design)["name"] == "Design"
    assert model.index_of_task(plan.build, columns.START).data() == "9 Feb 2026"


def test_a_refused_inline_edit_reports_the_sentence(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    with qtbot.waitSignal(plan_document.operation_failed) as refused:
        assert not model.setData(model.index_of_task(plan.design, columns.NAME), "   ")
    assert refused.args[0]
    assert model.index_of_task(plan.design, columns.NAME).data() == "Design"


def test_only_task_fields_are_editable(plan_document: Document, plan: Plan, monkeypatch: MonkeyPatch) -> None:
    model = GanttTreeModel(plan_document)
    editable = Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index_of_task(plan.design, columns.START)) & editable
    assert not model.flags(model.index_of_task(plan.golive, columns.FINISH)) & editable
    assert not model.flags(model.index_of_task(plan.design, columns.FLOAT)) & editable
    assert not model.flags(model.index_of_key(key_of(RowKind.PROJECT, plan.portal))) & editable
    monkeypatch.setattr(type(plan_document), "read_only", property(lambda _self: True))
    assert not model.flags(model.index_of_task(plan.design, columns.START)) & editable

"""The Gantt view as a planner uses it: header, keyboard, toolbar filters, outline kept across reloads,
baselines, and an edit that survives saving and reopening."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import DependencyType, EntityKind
from pmo_desktop.gui.commands.schedule_commands import MoveTaskCommand, TakeBaselineCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import gantt_columns as columns
from pmo_desktop.gui.models.gantt_rows import RowKind, key_of
from pmo_desktop.gui.views.gantt.gantt_view import GanttView
from pmo_desktop.gui.views.gantt.time_scale import Tier
from pmo_desktop.services.records import get_record, list_records
from pmo_desktop.services.workspace import Workspace
from tests.gui.views.gantt.plans import Plan

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def select(view: GanttView, *task_ids: int) -> None:
    view.tree.clearSelection()
    for task_id in task_ids:
        index = view.model.index_of_task(task_id)
        view.tree.selectionModel().select(
            index, view.tree.selectionModel().SelectionFlag.Select | view.tree.selectionModel().SelectionFlag.Rows
        )
        view.tree.selectionModel().setCurrentIndex(index, view.tree.selectionModel().SelectionFlag.NoUpdate)


def focus_tree(qtbot: QtBot, view: GanttView) -> None:
    view.activateWindow()
    view.tree.setFocus()
    qtbot.waitUntil(view.tree.hasFocus)


def test_the_header_sums_up_the_schedule(view: GanttView, plan: Plan) -> None:
    assert view.header.title == "Schedule"
    assert view.header.summary == (
        "7 tasks  ·  1 milestone  ·  2 projects  ·  2 Feb 2026 to 27 Feb 2026  ·  6 on the critical path  ·  "
        "0 later than 'Approved'"
    )
    view.document.run(MoveTaskCommand(view.document, plan.build, date(2026, 2, 16)))
    assert view.header.summary.endswith("3 later than 'Approved'")


def test_insert_adds_a_task_after_the_current_one_and_edits_its_name(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    select(view, plan.design)
    focus_tree(qtbot, view)
    qtbot.keyClick(view.tree, Qt.Key.Key_Insert)
    new = view.model.task_at(view.tree.currentIndex())
    assert new is not None and new.name == "New task" and new.sort_order == 1
    assert view.tree.state() == view.tree.State.EditingState
    editor = view.tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "New task"
    editor.selectAll()
    qtbot.keyClicks(editor, "Write the brief")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.document.undo_stack.count() == 2)  # the delegate commits on a queued call
    assert get_record(view.document.workspace, EntityKind.TASK, new.id)["name"] == "Write the brief"
    assert view.document.undo_stack.count() == 2


def test_delete_and_indent_from_the_keyboard(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    select(view, plan.handbook)
    focus_tree(qtbot, view)
    qtbot.keyClick(view.tree, Qt.Key.Key_Right, ALT_SHIFT)
    assert get_record(view.document.workspace, EntityKind.TASK, plan.handbook)["parent_id"] == plan.training
    assert view.model.index_of_task(plan.handbook).parent() == view.model.index_of_task(plan.training)
    assert view.tree.isExpanded(view.model.index_of_task(plan.training))
    select(view, plan.handbook)
    qtbot.keyClick(view.tree, Qt.Key.Key_Left, ALT_SHIFT)
    assert get_record(view.document.workspace, EntityKind.TASK, plan.handbook)["parent_id"] is None
    select(view, plan.survey, plan.install)
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    assert not list_records(view.document.workspace, EntityKind.TASK, project_id=plan.warehouse)
    assert view.document.undo_stack.undoText() == "Delete 2 tasks"
    view.document.undo_stack.undo()
    assert len(list_records(view.document.workspace, EntityKind.TASK, project_id=plan.warehouse)) == 2


def test_link_and_unlink_the_selected_tasks(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    select(view, plan.training, plan.handbook, plan.install)
    view.actions.link.trigger()
    links = list_records(view.document.workspace, EntityKind.DEPENDENCY)
    pairs = {(link["predecessor_id"], link["successor_id"]) for link in links}
    assert {(plan.training, plan.handbook), (plan.handbook, plan.install)} <= pairs
    assert view.document.undo_stack.undoText() == "Link 3 tasks"
    select(view, plan.handbook)
    view.actions.unlink.trigger()
    remaining = {
        (link["predecessor_id"], link["successor_id"])
        for link in list_records(view.document.workspace, EntityKind.DEPENDENCY)
    }
    assert not {pair for pair in remaining if plan.handbook in pair}
    view.actions.link_selected(DependencyType.SF)  # one task selected: nothing to link
    assert view.document.undo_stack.undoText() == "Unlink 2 links"


def test_the_toolbar_filters_the_rows(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    def tasks_shown() -> list[str]:
        lines = view.chart.layout_rows
        return [lines.row(line).label for line in range(len(lines)) if lines.row(line).task_id is not None]

    assert len(tasks_shown()) == 8
    view.toolbar.milestones.click()
    assert tasks_shown() == ["Go live"]
    view.toolbar.milestones.click()
    view.toolbar.search.setText("install")
    assert tasks_shown() == ["Install"]
    view.toolbar.search.clear()
    programme = view.toolbar.programme
    programme.setCurrentIndex(programme.findData(plan.programme))
    assert "Survey" not in tasks_shown() and "Design" in tasks_shown()
    assert [view.toolbar.project.itemText(i) for i in range(view.toolbar.project.count())] == [
        "All projects",
        "CX-01  Portal Relaunch",
    ]
    view.toolbar.critical.click()
    assert tasks_shown() == ["Design", "Build", "Test", "Go live"]
    assert "6 on the critical path" in view.header.summary


def test_collapsed_rows_and_the_selection_survive_a_reload(view: GanttView, plan: Plan) -> None:
    warehouse = view.model.index_of_key(key_of(RowKind.PROJECT, plan.warehouse))
    view.tree.collapse(warehouse)
    select(view, plan.test)
    view.document.run(TakeBaselineCommand(view.document, "Second"))  # reloads the read model
    view.actions.add_task.trigger()  # a new row: the model resets
    assert not view.tree.isExpanded(view.model.index_of_key(key_of(RowKind.PROJECT, plan.warehouse)))
    assert view.tree.isExpanded(view.model.index_of_key(key_of(RowKind.PROJECT, plan.portal)))
    assert view.chart.layout_rows.line_of_task(plan.survey) is None
    current = view.model.task_at(view.tree.currentIndex())
    assert current is not None and current.name == "New task"


def test_the_baseline_shown_can_be_chosen(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    view.document.run(MoveTaskCommand(view.document, plan.design, date(2026, 2, 9)))
    view.document.run(TakeBaselineCommand(view.document, "After the move"))
    combo = view.toolbar.baseline
    assert combo.itemText(0) == "Latest: After the move"
    assert view.model.index_of_task(plan.design).data(0x100 + 60 + 7) == date(2026, 2, 9)
    combo.setCurrentIndex(combo.findData(plan.baseline))
    combo.activated.emit(combo.currentIndex())
    assert view.model.data_model.baseline_id == plan.baseline
    assert view.model.tree.tasks[plan.design].baseline_start == date(2026, 2, 2)
    row = view.chart.layout_rows.row(view.chart.layout_rows.line_of_task(plan.design) or 0)
    assert row.baseline == (date(2026, 2, 2), date(2026, 2, 6))


def test_a_drag_and_a_link_survive_saving_and_reopening(
    qtbot: QtBot, view: GanttView, plan: Plan, plan_file: tuple[Path, Plan]
) -> None:
    view.chart.set_tier(Tier.DAYS)
    view.chart.scroll_to_day(date(2026, 2, 2), 0.05)
    viewport = view.chart.viewport()

    def at(task_id: int) -> QPoint:
        rect = view.chart.bar_rect(task_id)
        assert rect is not None
        return rect.center().toPoint()

    start = at(plan.build)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.mouseMove(viewport, start + QPoint(5 * 26, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(5 * 26, 0))
    assert view.model.index_of_task(plan.test, columns.START).data() == "2 Mar 2026"
    source, target = at(plan.install), at(plan.training)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, source)
    qtbot.mouseMove(viewport, target)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)
    view.document.save()
    path = plan_file[0]
    view.document.close()
    reopened = Document(Workspace.open(path))
    try:
        moved = get_record(reopened.workspace, EntityKind.TASK, plan.test)
        assert moved["start"] == date(2026, 3, 2)
        (link,) = list_records(reopened.workspace, EntityKind.DEPENDENCY, successor_id=plan.training)
        assert link["predecessor_id"] == plan.install
        again = GanttView(reopened, today=date(2026, 2, 2))
        qtbot.addWidget(again)
        assert again.model.index_of_task(plan.training, columns.START).data() == "11 Feb 2026"
    finally:
        reopened.close()


def test_the_context_menu_offers_the_schedule_edits(view: GanttView, plan: Plan) -> None:
    from PySide6.QtWidgets import QMenu

    select(view, plan.design)
    view.actions.update_enabled()
    menu = QMenu()
    view.actions._fill(menu)
    texts = [action.text() for action in menu.actions() if action.text()]
    for wanted in (
        "Add task",
        "Add milestone",
        "Link selected tasks",
        "Unlink selected tasks",
        "Indent",
        "Outdent",
        "Delete",
        "Take baseline…",
        "Task information…",
    ):
        assert wanted in texts
    link_menu = next(action.menu() for action in menu.actions() if action.menu() is not None)
    assert [action.text() for action in link_menu.actions()] == [
        "Finish-to-start",
        "Start-to-start",
        "Finish-to-finish",
        "Start-to-finish",
    ]
    menu.deleteLater()


def test_add_milestone_and_move_up_and_down(view: GanttView, plan: Plan) -> None:
    select(view, plan.test)
    view.actions.add_milestone.trigger()
    milestone = view.model.task_at(view.tree.currentIndex())
    assert milestone is not None and milestone.name == "New milestone" and milestone.duration_days == 0
    assert view.document.undo_stack.undoText() == "Add milestone 'New milestone'"
    view.tree.closePersistentEditor(view.tree.currentIndex())
    select(view, plan.handbook)
    view.actions.move_up.trigger()
    order = [task.name for task in view.model.data_model.tasks if task.project_id == plan.portal]
    assert order.index("Handbook") == order.index("Training") - 1
    view.actions.move_down.trigger()
    order = [task.name for task in view.model.data_model.tasks if task.project_id == plan.portal]
    assert order.index("Handbook") == order.index("Training") + 1


def test_an_empty_portfolio_shows_an_empty_chart(qtbot: QtBot, tmp_path: Path) -> None:
    workspace = Workspace.create(tmp_path / "empty.pmo", "Empty")
    document = Document(workspace)
    try:
        view = GanttView(document, today=date(2026, 2, 2))
        qtbot.addWidget(view)
        view.resize(1000, 600)
        view.show()
        qtbot.waitExposed(view)
        assert view.header.summary == "No tasks yet."
        assert view.model.rowCount() == 0 and not view.chart.build_scene().bars
        view.chart.viewport().grab()
        for tier in Tier:
            view.chart.set_tier(tier)
    finally:
        document.close()


def test_edits_made_elsewhere_are_caught_up_when_the_gantt_shows(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    view.hide()
    with qtbot.assertNotEmitted(view.model.links_changed):
        view.document.run(MoveTaskCommand(view.document, plan.design, date(2026, 2, 9)))
    assert view.model.tree.tasks[plan.build].start == date(2026, 2, 9)  # not read yet
    view.show()
    assert view.model.tree.tasks[plan.build].start == date(2026, 2, 16)
    assert view.model.index_of_task(plan.build, columns.START).data() == "16 Feb 2026"

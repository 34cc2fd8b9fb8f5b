"""The Gantt in the main window on the demo, as the issue's closing scenario: programmes, links, the critical
path and slips on screen; drag a task and watch its successors follow; undo; link two tasks of different
projects by dragging; save, reopen and find the change."""

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind, TaskKind
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.gui.views.gantt.gantt_view import GanttView
from pmo_desktop.gui.views.gantt.time_scale import Tier
from pmo_desktop.services.gantt_queries import GanttData, GanttTask
from pmo_desktop.services.records import get_record, list_records
from pmo_desktop.services.workspace import Workspace

LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def gantt_of(window: MainWindow) -> GanttView:
    assert window.views is not None
    window.views.setCurrentIndex(1)
    page = window.views.pages[1]
    assert isinstance(page, GanttView)
    return page


def show(view: GanttView, task_id: int) -> QPoint:
    """Scroll the task into view (rows and time) and return the centre of its bar."""
    view.tree.scrollTo(view.model.index_of_task(task_id))
    view.chart.show_task(task_id)
    rect = view.chart.bar_rect(task_id)
    assert rect is not None
    return rect.center().toPoint()


def drag(qtbot: QtBot, view: GanttView, start: QPoint, end: QPoint) -> None:
    viewport = view.chart.viewport()
    qtbot.mousePress(viewport, LEFT, NO_KEYS, start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, LEFT, NO_KEYS, end)


def chained(data: GanttData) -> tuple[GanttTask, GanttTask]:
    """An automatic task with a finish-to-start successor, both plain tasks."""
    tasks = {task.id: task for task in data.tasks}
    for link in data.links:
        first, second = tasks[link.predecessor_id], tasks[link.successor_id]
        plain = first.kind is second.kind is TaskKind.TASK and not first.has_children
        same_project = first.project_id == second.project_id
        if link.type.value == "FS" and not link.lag_days and plain and same_project and first.constraint_type == "asap":
            return first, second
    raise AssertionError("the demo has no plain chain")


def test_the_closing_scenario_on_the_demo(qtbot: QtBot, window: MainWindow, demo_file: Path) -> None:
    window.resize(1400, 900)
    window.show()
    assert window.files.open_path(demo_file)
    view = gantt_of(window)
    data = view.model.data_model
    programmes = [view.model.index(row, 0).data() for row in range(view.model.rowCount())]
    assert programmes[: len(data.programmes)] == [programme.name for programme in data.programmes]
    view.chart.set_tier(Tier.MONTHS)
    scene = view.chart.build_scene()
    assert scene.arrows and any(arrow.critical for arrow in scene.arrows) and scene.ghosts
    assert any(task.baseline_finish and task.finish > task.baseline_finish for task in data.tasks)

    first, second = chained(data)
    view.chart.set_tier(Tier.DAYS)
    point = show(view, first.id)
    drag(qtbot, view, point, point + QPoint(round(10 * view.chart.scale.day_width), 0))
    moved_first = get_record(view.document.workspace, EntityKind.TASK, first.id)["start"]
    moved_second = get_record(view.document.workspace, EntityKind.TASK, second.id)["start"]
    assert moved_first > first.start and moved_second > second.start
    window.undo_action.trigger()
    assert get_record(view.document.workspace, EntityKind.TASK, second.id)["start"] == second.start
    window.redo_action.trigger()
    assert get_record(view.document.workspace, EntityKind.TASK, second.id)["start"] == moved_second

    goals = sorted(
        (
            task
            for task in view.model.data_model.tasks
            if task.kind is TaskKind.MILESTONE and task.name.startswith("Go-live")
        ),
        key=lambda task: task.finish,
    )
    early, late = goals[0], next(task for task in reversed(goals) if task.project_id != goals[0].project_id)
    view.toolbar.search.setText("Go-live")
    view.chart.set_tier(Tier.QUARTERS)
    view.chart.scroll_to_day(early.finish - timedelta(days=60), 0.0)
    drag(qtbot, view, show(view, early.id), show(view, late.id))
    links = list_records(view.document.workspace, EntityKind.DEPENDENCY, successor_id=late.id)
    assert early.id in {link["predecessor_id"] for link in links}

    window.files.save_action.trigger()
    assert not window.isWindowModified()
    assert window.files.close_document()
    reopened = Workspace.open(demo_file)
    try:
        assert get_record(reopened, EntityKind.TASK, second.id)["start"] == moved_second
        links = list_records(reopened, EntityKind.DEPENDENCY, successor_id=late.id)
        assert early.id in {link["predecessor_id"] for link in links}
    finally:
        reopened.close()

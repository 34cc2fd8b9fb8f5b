"""The chart driven with the mouse and the keyboard: drags move, resize and link through undo commands,
zoom changes the scale, rows line up with the tree, and what is painted is where the bars are."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import DependencyType, EntityKind, TaskKind
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.gantt_rows import RowKind, key_of
from pmo_desktop.gui.views.gantt.gantt_chart import ROW_HEIGHT
from pmo_desktop.gui.views.gantt.gantt_scene import BAR_TOP
from pmo_desktop.gui.views.gantt.gantt_view import GanttView
from pmo_desktop.gui.views.gantt.time_scale import PRESETS, Tier
from pmo_desktop.services.records import get_record, list_records
from tests.gui.views.gantt.plans import Plan

NO_KEYS = Qt.KeyboardModifier.NoModifier
BAR_FILLS = {"#b3c8f7", "#3f6fdc", "#f6b8b8", "#d63939", "#b5e3dc", "#17998a"}
"""The fill and progress colours of plain, critical and manually scheduled bars."""
LEFT = Qt.MouseButton.LeftButton


def start_of(view: GanttView, task_id: int) -> date:
    return get_record(view.document.workspace, EntityKind.TASK, task_id)["start"]


def centre(view: GanttView, task_id: int) -> QPoint:
    rect = view.chart.bar_rect(task_id)
    assert rect is not None, f"task {task_id} is not in view"
    return rect.center().toPoint()


def drag(qtbot: QtBot, view: GanttView, start: QPoint, end: QPoint, keys: Qt.KeyboardModifier = NO_KEYS) -> None:
    viewport = view.chart.viewport()
    qtbot.mousePress(viewport, LEFT, NO_KEYS, start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(viewport, middle)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, LEFT, keys, end)


def days_zoom(view: GanttView) -> None:
    view.chart.set_tier(Tier.DAYS)
    view.chart.scroll_to_day(date(2026, 2, 2), 0.05)


def test_dragging_a_bar_moves_the_task_and_its_successors(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    chain = (plan.design, plan.build, plan.test, plan.golive)
    before = [start_of(view, task_id) for task_id in chain]
    point = centre(view, plan.design)
    drag(qtbot, view, point, point + QPoint(7 * 26, 0))
    after = [start_of(view, task_id) for task_id in chain]
    assert after == [date(2026, 2, 9), date(2026, 2, 16), date(2026, 3, 2), date(2026, 3, 6)]
    assert view.chart.bar_rect(plan.build).left() == pytest.approx(view.chart.scale.x_of(date(2026, 2, 16)))
    view.document.undo_stack.undo()
    assert [start_of(view, task_id) for task_id in chain] == before
    assert view.chart.bar_rect(plan.design).left() == pytest.approx(view.chart.scale.x_of(date(2026, 2, 2)))
    view.document.undo_stack.redo()
    assert [start_of(view, task_id) for task_id in chain] == after


def test_a_drag_snaps_to_days_and_a_small_one_does_nothing(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    point = centre(view, plan.survey)
    drag(qtbot, view, point, point + QPoint(2, 0))
    assert view.document.undo_stack.count() == 0
    drag(qtbot, view, point, point + QPoint(3 * 26 + 10, 3))  # 3.4 days: three
    assert start_of(view, plan.survey) == date(2026, 2, 5)


def test_dragging_the_end_resizes(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    rect = view.chart.bar_rect(plan.build)
    assert rect is not None
    grip = QPoint(round(rect.right()) - 2, round(rect.center().y()))
    drag(qtbot, view, grip, grip + QPoint(5 * 26, 0))
    record = get_record(view.document.workspace, EntityKind.TASK, plan.build)
    assert record["finish"] == date(2026, 2, 25) and record["duration_days"] == 13
    assert view.document.undo_stack.undoText() == "Resize 'Build'"


def test_dragging_from_one_bar_to_another_links_them(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    drag(qtbot, view, centre(view, plan.install), centre(view, plan.training))
    (link,) = list_records(view.document.workspace, EntityKind.DEPENDENCY, successor_id=plan.training)
    assert link["predecessor_id"] == plan.install and link["type"] == DependencyType.FS
    assert start_of(view, plan.training) == date(2026, 2, 11)  # across projects, after Install's 10 Feb
    view.document.undo_stack.undo()
    assert not list_records(view.document.workspace, EntityKind.DEPENDENCY, successor_id=plan.training)
    drag(qtbot, view, centre(view, plan.survey), centre(view, plan.handbook), Qt.KeyboardModifier.ShiftModifier)
    (started,) = list_records(view.document.workspace, EntityKind.DEPENDENCY, successor_id=plan.handbook)
    assert started["type"] == DependencyType.SS


def test_a_link_closing_a_loop_is_refused_with_the_names(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    links = len(list_records(view.document.workspace, EntityKind.DEPENDENCY))
    with qtbot.waitSignal(view.document.operation_failed) as refused:
        drag(qtbot, view, centre(view, plan.test), centre(view, plan.design))
    assert refused.args[0] == "Linking 'Test' to 'Design' would close a loop: 'Test' → 'Design' → 'Build' → 'Test'."
    assert len(list_records(view.document.workspace, EntityKind.DEPENDENCY)) == links
    assert view.document.undo_stack.count() == 0


def test_the_link_drag_shows_its_type(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    chart = view.chart
    start, end = centre(view, plan.install), centre(view, plan.training)
    qtbot.mousePress(chart.viewport(), LEFT, NO_KEYS, start)
    qtbot.mouseMove(chart.viewport(), end)
    assert chart.drag is not None and chart.drag.target_id == plan.training
    assert chart.drag.link_type is DependencyType.FS
    qtbot.keyPress(chart.viewport(), Qt.Key.Key_Escape)
    assert chart.drag is None
    qtbot.mouseRelease(chart.viewport(), LEFT, NO_KEYS, end)
    assert view.document.undo_stack.count() == 0


def test_zoom_changes_the_scale(qtbot: QtBot, view: GanttView) -> None:
    chart = view.chart
    assert chart.scale.day_width == PRESETS[Tier.WEEKS]
    chart.setFocus()
    view.actions.zoom_in.trigger()
    assert chart.scale.day_width == PRESETS[Tier.DAYS]
    assert view.toolbar.tiers.checkedId() == 0
    view.actions.zoom_out.trigger()
    view.actions.zoom_out.trigger()
    assert chart.scale.day_width == PRESETS[Tier.MONTHS]
    chart.set_tier(Tier.WEEKS)
    anchor = 300.0
    moment = chart.scale.day_at(anchor)
    wheel(chart, QPointF(anchor, 100), 120, Qt.KeyboardModifier.ControlModifier)
    assert chart.scale.day_width == pytest.approx(PRESETS[Tier.WEEKS] * 1.25)
    assert chart.scale.day_at(anchor) == moment
    offset = chart.scale.offset
    wheel(chart, QPointF(anchor, 100), -120, Qt.KeyboardModifier.ShiftModifier)
    assert chart.scale.offset > offset
    view.toolbar.tiers.button(3).click()
    assert chart.scale.day_width == PRESETS[Tier.QUARTERS]


def wheel(chart: object, at: QPointF, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    from PySide6.QtCore import QCoreApplication, QPoint
    from PySide6.QtGui import QWheelEvent

    viewport = chart.viewport()  # type: ignore[attr-defined]
    event = QWheelEvent(
        at,
        viewport.mapToGlobal(at),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QCoreApplication.sendEvent(viewport, event)


def test_keyboard_shortcuts_zoom_and_go_to_today(qtbot: QtBot, view: GanttView) -> None:
    view.activateWindow()
    view.chart.setFocus()
    qtbot.waitUntil(view.chart.hasFocus)
    qtbot.keyClick(view.chart, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.chart.scale.day_width == PRESETS[Tier.DAYS]
    qtbot.keyClick(view.chart, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.chart.scale.day_width == PRESETS[Tier.WEEKS]
    view.chart.horizontalScrollBar().setValue(0)
    qtbot.keyClick(view.chart, Qt.Key.Key_Home)
    today_x = view.chart.scale.x_of(view.chart.today)
    assert 0 < today_x < view.chart.viewport().width() / 2


def test_rows_line_up_with_the_tree_through_expansion_and_scrolling(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    def aligned() -> None:
        for task_id in (plan.design, plan.golive, plan.survey, plan.install):
            index = view.model.index_of_task(task_id)
            rect = view.chart.bar_rect(task_id)
            assert rect is not None
            row_top = view.tree.visualRect(index).top()
            assert rect.top() == pytest.approx(row_top + (BAR_TOP if task_id != plan.golive else BAR_TOP - 1)), task_id

    days_zoom(view)
    assert view.tree.viewport().mapToGlobal(QPoint(0, 0)).y() == view.chart.viewport().mapToGlobal(QPoint(0, 0)).y()
    aligned()
    view.tree.collapse(view.model.index_of_key(key_of(RowKind.PROJECT, plan.portal)))
    assert view.chart.bar_rect(plan.design) is None
    view.tree.expandAll()
    view.resize(1400, 400)
    qtbot.wait(1)
    bar = view.chart.verticalScrollBar()
    assert bar.maximum() == view.tree.verticalScrollBar().maximum() > ROW_HEIGHT
    bar.setValue(bar.maximum())
    assert view.tree.verticalScrollBar().value() == bar.maximum()
    assert view.chart.viewport_state().rows_in_view(len(view.chart.layout_rows)).start == bar.maximum() // ROW_HEIGHT
    for task_id in (plan.survey, plan.install):
        rect = view.chart.bar_rect(task_id)
        assert rect is not None
        assert rect.top() == pytest.approx(view.tree.visualRect(view.model.index_of_task(task_id)).top() + BAR_TOP)


def test_one_selection_for_tree_and_chart(qtbot: QtBot, view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    qtbot.mouseClick(view.chart.viewport(), LEFT, NO_KEYS, centre(view, plan.test))
    selected = view.tree.selectionModel().selectedRows(0)
    assert [view.model.task_at(index).id for index in selected] == [plan.test]  # type: ignore[union-attr]
    view.tree.setCurrentIndex(view.model.index_of_task(plan.survey))
    scene = view.chart.build_scene()
    (band,) = [band for band in scene.bands if band.kind == "selected"]
    survey = view.chart.bar_rect(plan.survey)
    assert survey is not None and band.top == survey.top() - BAR_TOP


def test_double_click_opens_the_task_dialog(
    qtbot: QtBot, view: GanttView, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmo_desktop.gui.dialogs.task_dialog import TaskDialog

    opened: list[str] = []
    monkeypatch.setattr(TaskDialog, "exec", lambda dialog: opened.append(dialog.name.text()) or 0)
    days_zoom(view)
    qtbot.mouseDClick(view.chart.viewport(), LEFT, NO_KEYS, centre(view, plan.build))
    assert opened == ["Build"]


def bar_colour(view: GanttView, task_id: int) -> QColor:
    image: QImage = view.chart.viewport().grab().toImage()
    rect = view.chart.bar_rect(task_id)
    assert rect is not None
    ratio = image.devicePixelRatio()
    return image.pixelColor(round((rect.right() - 3) * ratio), round(rect.center().y() * ratio))


def test_the_chart_paints_bars_where_they_are(view: GanttView, plan: Plan) -> None:
    days_zoom(view)
    assert bar_colour(view, plan.build).name() == "#f6b8b8"  # critical, nothing done yet
    image = view.chart.viewport().grab().toImage()
    empty = view.chart.bar_rect(plan.install)
    assert empty is not None
    assert image.pixelColor(round(empty.right()) + 200, round(empty.center().y())).name() in ("#ffffff", "#f9fafb")


def test_the_demo_chart_is_not_blank(qtbot: QtBot, demo_document: Document) -> None:
    view = GanttView(demo_document, today=date(2026, 11, 27))
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    first = next(task for task in view.model.data_model.tasks if task.kind is TaskKind.TASK)
    view.tree.scrollTo(view.model.index_of_task(first.id), QAbstractItemView.ScrollHint.PositionAtTop)
    for tier in (Tier.WEEKS, Tier.MONTHS, Tier.QUARTERS):
        view.chart.set_tier(tier)
        view.chart.scroll_to_day(first.start, 0.02)
        image = view.chart.viewport().grab().toImage()  # first: a grab may settle the layout
        scene = view.chart.build_scene()
        assert len(scene.bars) >= 3 and scene.arrows and scene.summaries and scene.ghosts
        sampled = [
            image.pixelColor(round((bar.x0 + bar.x1) / 2), round((bar.top + bar.bottom) / 2)).name()
            for bar in scene.bars
            if bar.x1 - bar.x0 >= 4 and bar.x0 >= 0 and bar.x1 < image.width() and bar.bottom < image.height()
        ]
        assert len(sampled) >= 3, tier
        assert all(colour in BAR_FILLS for colour in sampled), (tier, sampled)


def test_a_constraint_conflict_shows_on_the_bar_and_in_the_tooltip(
    view: GanttView, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pmo_desktop.domain.enums import ConstraintType
    from pmo_desktop.gui.commands.schedule_commands import SetConstraintCommand

    days_zoom(view)
    assert view.document.run(
        SetConstraintCommand(view.document, plan.golive, ConstraintType.MUST_FINISH_ON, date(2026, 2, 24))
    )
    scene = view.chart.build_scene()
    (golive,) = [item for item in scene.milestones if item.task_id == plan.golive]
    assert golive.conflict and golive.badge  # its own date cannot be kept
    (build,) = [item for item in scene.bars if item.task_id == plan.build]
    assert build.conflict and not build.badge  # late for it: outlined, no badge
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QToolTip.showText", lambda _at, text, *_rest: shown.append(text))
    view.chart._show_tooltip(centre(view, plan.golive), QPoint(0, 0))
    assert "Must finish on" in shown[-1] and "⚠" in shown[-1]
    image = view.chart.viewport().grab().toImage()
    rect = view.chart.bar_rect(plan.build)
    assert rect is not None
    edge = image.pixelColor(round(rect.center().x()), round(rect.top()) - 1)
    assert edge.red() > 150 and edge.green() < 80  # the red outline

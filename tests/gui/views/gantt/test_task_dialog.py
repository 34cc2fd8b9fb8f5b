"""The task dialog (a Designer form): what it shows, one undoable edit on OK, refusals kept inline."""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import ConstraintType, EntityKind, SchedulingMode, TaskKind
from pmo_desktop.gui.dialogs.task_dialog import TaskDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from pmo_desktop.services.records import get_record
from tests.gui.views.gantt.plans import Plan


def dialog_for(qtbot: QtBot, document: Document, task_id: int) -> TaskDialog:
    dialog = TaskDialog(document, GanttTreeModel(document).tree, task_id)
    qtbot.addWidget(dialog)
    return dialog


def label(dialog: TaskDialog, name: str) -> str:
    from PySide6.QtWidgets import QLabel

    return dialog.field(QLabel, name).text()


def test_the_dialog_shows_the_task_and_its_schedule(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    dialog = dialog_for(qtbot, plan_document, plan.build)
    assert dialog.windowTitle() == "Task: Build"
    assert dialog.name.text() == "Build" and dialog.duration.value() == 10
    assert dialog.start.date() == QDate(2026, 2, 9) and not dialog.start.isEnabled()  # automatic: the scheduler's
    assert label(dialog, "project") == "CX-01  Portal Relaunch  ·  WBS 2"
    assert label(dialog, "early") == "9 Feb 2026 to 20 Feb 2026"
    assert label(dialog, "floats") == "0 d total, 0 d free: on the critical path"
    assert label(dialog, "baseline") == "9 Feb 2026 to 20 Feb 2026"
    assert label(dialog, "people") == "Alice Moreau"
    assert label(dialog, "predecessors") == "Design (FS)"
    assert label(dialog, "successors") == "Test (FS)"
    assert not dialog.conflict.isVisibleTo(dialog)


def test_ok_runs_one_undoable_edit(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    dialog = dialog_for(qtbot, plan_document, plan.build)
    dialog.name.setText("Build and integrate")
    dialog.duration.setValue(12)
    dialog.progress.setValue(25)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    record = get_record(plan_document.workspace, EntityKind.TASK, plan.build)
    assert (record["name"], record["duration_days"], record["percent_complete"]) == ("Build and integrate", 12, 25)
    assert get_record(plan_document.workspace, EntityKind.TASK, plan.test)["start"] == date(2026, 2, 25)
    assert plan_document.undo_stack.count() == 1 and plan_document.undo_stack.undoText() == "Edit task 'Build'"
    plan_document.undo_stack.undo()
    assert get_record(plan_document.workspace, EntityKind.TASK, plan.test)["start"] == date(2026, 2, 23)


def test_a_constraint_and_manual_dates(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    dialog = dialog_for(qtbot, plan_document, plan.test)
    assert not dialog.constraint_date.isEnabled()
    dialog.constraint.setCurrentIndex(dialog.constraint.findData(ConstraintType.START_NO_EARLIER.value))
    assert dialog.constraint_date.isEnabled()
    dialog.constraint_date.setDate(QDate(2026, 3, 2))
    dialog.accept()
    assert get_record(plan_document.workspace, EntityKind.TASK, plan.golive)["start"] == date(2026, 3, 6)
    manual = dialog_for(qtbot, plan_document, plan.training)
    manual.scheduling.setCurrentIndex(manual.scheduling.findData(SchedulingMode.MANUAL.value))
    assert manual.start.isEnabled() and manual.finish.isEnabled()
    manual.start.setDate(QDate(2026, 3, 9))
    manual.finish.setDate(QDate(2026, 3, 11))
    manual.accept()
    record = get_record(plan_document.workspace, EntityKind.TASK, plan.training)
    assert (record["scheduling"], record["start"], record["finish"]) == ("manual", date(2026, 3, 9), date(2026, 3, 11))


def test_a_milestone_has_no_duration(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    dialog = dialog_for(qtbot, plan_document, plan.handbook)
    dialog.kind.setCurrentIndex(dialog.kind.findData(TaskKind.MILESTONE.value))
    assert dialog.duration.value() == 0 and not dialog.duration.isEnabled()
    dialog.accept()
    assert not dialog.error_text
    record = get_record(plan_document.workspace, EntityKind.TASK, plan.handbook)
    assert (record["kind"], record["duration_days"]) == ("milestone", 0)
    back = dialog_for(qtbot, plan_document, plan.handbook)
    back.kind.setCurrentIndex(back.kind.findData(TaskKind.TASK.value))
    assert back.duration.value() == 1 and back.duration.isEnabled()
    back.accept()
    assert not back.error_text
    assert get_record(plan_document.workspace, EntityKind.TASK, plan.handbook)["duration_days"] == 1


def test_a_refusal_stays_in_the_dialog(qtbot: QtBot, plan_document: Document, plan: Plan) -> None:
    dialog = dialog_for(qtbot, plan_document, plan.design)
    dialog.name.setText("")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_text
    assert plan_document.undo_stack.count() == 0
    assert get_record(plan_document.workspace, EntityKind.TASK, plan.design)["name"] == "Design"

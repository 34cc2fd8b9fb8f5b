"""Filters: programme, project, critical only, milestones only, slipped only, text; ancestors stay shown."""

from datetime import date

from PySide6.QtCore import QModelIndex

from pmo_desktop.domain.enums import TaskKind
from pmo_desktop.gui.commands.schedule_commands import MoveTaskCommand
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.gantt_rows import NO_PROGRAMME, GanttFilter, RowKind, id_of, kind_of, slipped
from pmo_desktop.gui.models.gantt_tree_model import GanttTreeModel
from tests.gui.views.gantt.plans import Plan


def shown_tasks(model: GanttTreeModel) -> set[int]:
    return {id_of(key) for key in model.tree.nodes if key and kind_of(key) is RowKind.TASK}


def shown_projects(model: GanttTreeModel) -> set[int]:
    return {id_of(key) for key in model.tree.nodes if key and kind_of(key) is RowKind.PROJECT}


def test_programme_and_project_filters(plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    model.set_filter(GanttFilter(programme_id=plan.programme))
    assert shown_projects(model) == {plan.portal}
    model.set_filter(GanttFilter(programme_id=NO_PROGRAMME))
    assert shown_projects(model) == {plan.warehouse}
    assert shown_tasks(model) == {plan.survey, plan.install}
    model.set_filter(GanttFilter(project_id=plan.portal))
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 1
    assert plan.survey not in shown_tasks(model)


def test_slipped_only_shows_what_finishes_after_the_baseline(plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    model.set_filter(GanttFilter(slipped_only=True))
    assert shown_tasks(model) == set() and model.rowCount() == 0
    plan_document.run(MoveTaskCommand(plan_document, plan.build, date(2026, 2, 16)))
    assert shown_tasks(model) == {plan.build, plan.test, plan.golive}
    plan_document.undo_stack.undo()
    assert shown_tasks(model) == set()


def test_text_matches_tasks_and_their_project(plan_document: Document, plan: Plan) -> None:
    model = GanttTreeModel(plan_document)
    model.set_filter(GanttFilter(text="go LIVE"))
    assert shown_tasks(model) == {plan.golive}
    model.set_filter(GanttFilter(text="OP-02"))
    assert shown_tasks(model) == {plan.survey, plan.install}
    model.set_filter(GanttFilter(text="nothing like this"))
    assert model.rowCount() == 0


def test_the_demo_filters(demo_document: Document) -> None:
    model = GanttTreeModel(demo_document)
    tasks = {task.id: task for task in model.data_model.tasks}
    everything = shown_tasks(model)
    assert everything == set(tasks)
    model.set_filter(GanttFilter(critical_only=True))
    critical = shown_tasks(model)
    assert {task_id for task_id in critical if not tasks[task_id].has_children} == {
        task.id for task in tasks.values() if task.critical and not task.has_children
    }
    assert all(tasks[task_id].critical or tasks[task_id].has_children for task_id in critical)
    assert len(critical) < len(everything)
    model.set_filter(GanttFilter(milestones_only=True))
    milestones = shown_tasks(model)
    leaves = {task_id for task_id in milestones if not tasks[task_id].has_children}
    assert leaves == {task.id for task in tasks.values() if task.kind is TaskKind.MILESTONE}
    model.set_filter(GanttFilter(slipped_only=True, milestones_only=True))
    late = {task_id for task_id in shown_tasks(model) if not tasks[task_id].has_children}
    assert late and late == {task.id for task in tasks.values() if task.kind is TaskKind.MILESTONE and slipped(task)}
    model.set_filter(GanttFilter(programme_id=model.data_model.programmes[0].id, critical_only=True))
    programme_projects = {
        p.id for p in model.data_model.projects if p.programme_id == model.data_model.programmes[0].id
    }
    assert shown_projects(model) <= programme_projects


def test_a_filtered_summary_keeps_its_place_above_what_matched(demo_document: Document) -> None:
    model = GanttTreeModel(demo_document)
    deep = next(task for task in model.data_model.tasks if task.depth >= 1 and task.kind is TaskKind.MILESTONE)
    model.set_filter(GanttFilter(text=deep.name))
    index = model.index_of_task(deep.id)
    assert index.isValid()
    chain = []
    while index.isValid():
        chain.append(index.data())
        index = index.parent()
    assert len(chain) == deep.depth + 3  # the task, its summaries, its project and its programme
    shown = shown_tasks(model)
    tasks = {task.id: task for task in model.data_model.tasks}
    assert all(
        deep.name.casefold() in tasks[task_id].name.casefold() or tasks[task_id].has_children for task_id in shown
    )
    assert model.rowCount(QModelIndex()) >= 1

"""RecordTableModel: the model tester, how values read, edits through the undo stack, row-level refreshes."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import EntityKind, Stage, TaskKind
from pmo_desktop.gui.commands.record_commands import (
    CreateRecordCommand,
    DeleteRecordCommand,
    UpdateRecordCommand,
)
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.models.record_table_model import RecordTableModel
from pmo_desktop.gui.models.roles import ChoicesRole, RawValueRole, RecordIdRole, SortRole
from pmo_desktop.gui.views.resources.resources_view import ALLOCATION_COLUMNS, ResourcesView
from pmo_desktop.services.records import get_record
from pmo_desktop.services.workspace import OpenMode, Workspace
from tests.gui.portfolios import Ids

PROJECT_COLUMNS = (
    columns.text("code", "Code"),
    columns.text("name", "Project"),
    columns.reference("programme_id", "Programme", EntityKind.PROGRAMME),
    columns.choice("stage", "Stage", Stage),
    columns.reference("manager_id", "Manager", EntityKind.PERSON),
    columns.money("budget_minor", "Budget"),
    columns.flag("tentative", "Tentative"),
)
"""The project table the portfolio page showed before it became the overview tree: a plain record table."""

TASK_COLUMNS = (
    columns.reference("project_id", "Project", EntityKind.PROJECT, optional=False),
    columns.text("name", "Task"),
    columns.choice("kind", "Kind", TaskKind),
    columns.date("start", "Start"),
    columns.date("finish", "Finish"),
    columns.number("duration_days", "Duration", "d"),
    columns.number("percent_complete", "Complete", "%"),
)
"""The task table the Gantt page showed before it became the chart: a plain record table."""

TABLES = [
    (EntityKind.PROJECT, PROJECT_COLUMNS),
    (EntityKind.TASK, TASK_COLUMNS),
    (EntityKind.PERSON, ResourcesView.COLUMNS),
    (EntityKind.ALLOCATION, ALLOCATION_COLUMNS),
    (
        EntityKind.RAID_ITEM,
        (
            columns.text("title", "Title"),
            columns.reference("owner_id", "Owner", EntityKind.PERSON),
            columns.number("probability", "Probability"),
            columns.date("review_on", "Review", optional=True),
        ),
    ),
]


@pytest.fixture
def projects(document: Document) -> RecordTableModel:
    return RecordTableModel(document, EntityKind.PROJECT, PROJECT_COLUMNS)


@pytest.fixture
def tasks(document: Document) -> RecordTableModel:
    return RecordTableModel(document, EntityKind.TASK, TASK_COLUMNS)


def cell(model: RecordTableModel, record_id: int, field: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = model.row_of(record_id)
    assert row is not None
    return model.index(row, model.column_of(field)).data(role)


@pytest.mark.parametrize(("kind", "table_columns"), TABLES, ids=[kind.value for kind, _ in TABLES])
def test_every_view_table_passes_the_model_tester(
    document: Document, qtmodeltester: ModelTester, kind: EntityKind, table_columns: tuple[columns.Column, ...]
) -> None:
    model = RecordTableModel(document, kind, table_columns)
    qtmodeltester.check(model)


def test_the_model_tester_follows_inserts_and_removals(
    document: Document, tasks: RecordTableModel, qtmodeltester: ModelTester, ids: Ids
) -> None:
    qtmodeltester.check(tasks)
    values = {"project_id": ids.portal, "name": "Test", "start": date(2026, 3, 2), "finish": date(2026, 3, 3)}
    document.run(CreateRecordCommand(document, EntityKind.TASK, values))
    document.run(DeleteRecordCommand(document, EntityKind.TASK, ids.design))
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert tasks.rowCount() == 3


def test_values_read_as_a_planner_writes_them(projects: RecordTableModel, tasks: RecordTableModel, ids: Ids) -> None:
    assert cell(projects, ids.portal, "stage") == "Active"
    assert cell(projects, ids.portal, "manager_id") == "Alice Moreau"
    assert cell(projects, ids.portal, "programme_id") == "Customer Experience"
    assert cell(projects, ids.portal, "budget_minor") == "€1,250,000"
    assert cell(projects, ids.warehouse, "tentative", Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert cell(tasks, ids.design, "start") == "2 Feb 2026"
    assert cell(tasks, ids.build, "percent_complete") == "40 %"
    assert cell(tasks, ids.launch, "kind") == "Milestone"


def test_custom_roles_carry_ids_stored_values_and_choices(projects: RecordTableModel, ids: Ids) -> None:
    assert cell(projects, ids.portal, "name", RecordIdRole) == ids.portal
    assert cell(projects, ids.portal, "manager_id", RawValueRole) == ids.alice
    assert cell(projects, ids.portal, "stage", SortRole) == list(Stage).index(Stage.ACTIVE)
    choices = cell(projects, ids.portal, "manager_id", ChoicesRole)
    assert choices == [(None, "(none)"), (ids.alice, "Alice Moreau"), (ids.bob, "Bob Okafor")]


def test_an_edit_becomes_one_undo_command(document: Document, tasks: RecordTableModel, ids: Ids) -> None:
    row = tasks.row_of(ids.design)
    assert row is not None
    assert tasks.setData(tasks.index(row, tasks.column_of("name")), "Discovery")
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Change task name"
    assert cell(tasks, ids.design, "name") == "Discovery"
    document.undo_stack.undo()
    assert cell(tasks, ids.design, "name") == "Design"


def test_dates_come_back_from_the_editor_as_dates(document: Document, tasks: RecordTableModel, ids: Ids) -> None:
    row = tasks.row_of(ids.build)
    assert row is not None
    index = tasks.index(row, tasks.column_of("finish"))
    assert index.data(Qt.ItemDataRole.EditRole) == QDate(2026, 2, 20)
    assert tasks.setData(index, QDate(2026, 2, 27))
    assert get_record(document.workspace, EntityKind.TASK, ids.build)["finish"] == date(2026, 2, 27)


def test_money_is_edited_in_major_units(document: Document, projects: RecordTableModel, ids: Ids) -> None:
    row = projects.row_of(ids.portal)
    assert row is not None
    index = projects.index(row, projects.column_of("budget_minor"))
    assert index.data(Qt.ItemDataRole.EditRole) == "1250000"
    assert projects.setData(index, "1,300,000.50")
    assert get_record(document.workspace, EntityKind.PROJECT, ids.portal)["budget_minor"] == 130_000_050


def test_a_check_box_edit_flips_the_flag(document: Document, projects: RecordTableModel, ids: Ids) -> None:
    row = projects.row_of(ids.portal)
    assert row is not None
    index = projects.index(row, projects.column_of("tentative"))
    assert projects.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert get_record(document.workspace, EntityKind.PROJECT, ids.portal)["tentative"] is True


def test_a_refused_value_reports_the_sentence_and_changes_nothing(
    document: Document, tasks: RecordTableModel, ids: Ids, qtbot: QtBot
) -> None:
    row = tasks.row_of(ids.design)
    assert row is not None
    with qtbot.waitSignal(document.operation_failed) as blocker:
        assert not tasks.setData(tasks.index(row, tasks.column_of("percent_complete")), 140)
    assert blocker.args == ["Progress of 'Design' must be between 0 and 100 % (got 140 %)."]
    assert cell(tasks, ids.design, "percent_complete") == "0 %"
    assert document.undo_stack.count() == 0


def test_a_malformed_amount_is_refused_before_the_service(
    document: Document, projects: RecordTableModel, ids: Ids, qtbot: QtBot
) -> None:
    row = projects.row_of(ids.portal)
    assert row is not None
    with qtbot.waitSignal(document.operation_failed) as blocker:
        assert not projects.setData(projects.index(row, projects.column_of("budget_minor")), "lots")
    assert blocker.args == ["'lots' is not an amount of money."]


def test_only_the_changed_row_is_refreshed(document: Document, tasks: RecordTableModel, ids: Ids, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(tasks.modelReset), qtbot.waitSignal(tasks.dataChanged) as blocker:
        document.run(UpdateRecordCommand(document, EntityKind.TASK, ids.build, {"percent_complete": 80}))
    top_left, bottom_right = blocker.args[:2]
    assert top_left.row() == bottom_right.row() == tasks.row_of(ids.build)


def test_changes_to_other_kinds_leave_the_table_alone(
    document: Document, tasks: RecordTableModel, ids: Ids, qtbot: QtBot
) -> None:
    with qtbot.assertNotEmitted(tasks.dataChanged), qtbot.assertNotEmitted(tasks.rowsInserted):
        document.run(UpdateRecordCommand(document, EntityKind.PERSON, ids.bob, {"hours_per_week": 30}))


def test_a_renamed_person_is_relabelled_where_referenced(
    document: Document, projects: RecordTableModel, ids: Ids, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(projects.dataChanged) as blocker:
        document.run(UpdateRecordCommand(document, EntityKind.PERSON, ids.alice, {"name": "Alice Martin"}))
    assert blocker.args[0].column() == projects.column_of("manager_id")
    assert cell(projects, ids.portal, "manager_id") == "Alice Martin"


def test_rows_follow_creates_and_deletes_with_row_signals(
    document: Document, tasks: RecordTableModel, ids: Ids, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(tasks.rowsRemoved), qtbot.assertNotEmitted(tasks.modelReset):
        document.run(DeleteRecordCommand(document, EntityKind.PROJECT, ids.portal))
    assert tasks.rowCount() == 0
    with qtbot.waitSignal(tasks.rowsInserted):
        document.undo_stack.undo()
    assert [tasks.record_at(row).id for row in range(tasks.rowCount())] == [ids.design, ids.build, ids.launch]


def test_a_read_only_portfolio_is_not_editable(ids: Ids, portfolio_file: Path) -> None:
    workspace = Workspace.open(portfolio_file, OpenMode.READ_ONLY)
    document = Document(workspace)
    try:
        model = RecordTableModel(document, EntityKind.TASK, TASK_COLUMNS)
        flags = model.flags(model.index(0, model.column_of("name")))
        assert not flags & Qt.ItemFlag.ItemIsEditable
        assert not model.setData(model.index(0, model.column_of("name")), "Nope")
    finally:
        document.close()


def test_moving_a_referenced_task_relabels_nothing_renaming_it_relabels_its_column(
    qtbot: QtBot, document: Document, ids: Ids
) -> None:
    allocations = RecordTableModel(document, EntityKind.ALLOCATION, ALLOCATION_COLUMNS)
    document.run(UpdateRecordCommand(document, EntityKind.ALLOCATION, ids.allocation, {"task_id": ids.build}))
    assert cell(allocations, ids.allocation, "task_id") == "Build"
    with qtbot.assertNotEmitted(allocations.dataChanged):
        document.run(UpdateRecordCommand(document, EntityKind.TASK, ids.build, {"percent_complete": 60}))
    with qtbot.waitSignal(allocations.dataChanged):
        document.run(UpdateRecordCommand(document, EntityKind.TASK, ids.build, {"name": "Build and test"}))
    assert cell(allocations, ids.allocation, "task_id") == "Build and test"
    document.undo_stack.undo()
    assert cell(allocations, ids.allocation, "task_id") == "Build"

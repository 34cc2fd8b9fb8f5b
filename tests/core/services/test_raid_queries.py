"""The register, its matrix, trends, burndown and top risks, on a log built through the services on known days."""

from datetime import date, timedelta

import pytest

from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus
from pmo_desktop.risk import RiskBand, ScoreBasis, Trend
from pmo_desktop.services.raid_analysis import register_burndown, register_matrix, register_top_risks
from pmo_desktop.services.raid_operations import create_raid_item, edit_raid_item
from pmo_desktop.services.raid_queries import RaidRegister, RegisterRow, linked_tasks, raid_register, task_choices
from pmo_desktop.services.records import create_record
from pmo_desktop.services.workspace import Workspace
from tests.core.services.raid_builders import TODAY, Log, build_log, risk


@pytest.fixture
def log(workspace: Workspace, plan: dict[str, int]) -> Log:
    return build_log(workspace, plan)


@pytest.fixture
def register(workspace: Workspace, log: Log) -> RaidRegister:
    return raid_register(workspace, today=TODAY)


def row_of(register: RaidRegister, item_id: int) -> RegisterRow:
    return next(row for row in register.rows if row.id == item_id)


def test_rows_read_as_the_register_lists_them(register: RaidRegister, log: Log) -> None:
    assert [row.human_id for row in register.rows] == ["R-001", "R-002", "R-003", "I-001"]
    drift = row_of(register, log.drift)
    assert (drift.title, drift.project_name, drift.programme_name, drift.owner_name) == (
        "Vendor drift",
        "Portal Relaunch",
        "Customer Experience",
        "Priya Shah",
    )
    assert (drift.probability, drift.impact, drift.score and drift.score.score, drift.band) == (4, 3, 12, RiskBand.HIGH)
    assert drift.residual is not None
    assert (drift.residual.score, drift.residual_band) == (6, RiskBand.MEDIUM)
    assert drift.response is not None and drift.response.value == "reduce"
    spike = row_of(register, log.spike)
    assert (spike.project_name, spike.band, spike.residual, spike.status) == (
        "Portfolio",
        RiskBand.CRITICAL,
        None,
        RaidStatus.CLOSED,
    )
    issue = row_of(register, log.issue)
    assert (issue.kind, issue.score, issue.severity, issue.review_overdue) == (RaidKind.ISSUE, None, 2, True)
    assert not drift.review_overdue  # no review date
    assert register.today == TODAY


def test_a_closed_item_is_never_overdue(workspace: Workspace, log: Log) -> None:
    edit_raid_item(workspace, log.spike, {"review_on": date(2026, 5, 1)})
    register = raid_register(workspace, today=TODAY)
    assert not row_of(register, log.spike).review_overdue
    assert raid_register(workspace, today=date(2026, 6, 1)).rows[3].review_overdue is False  # due that very day


def test_trends_compare_the_start_of_the_window_with_today(workspace: Workspace, log: Log) -> None:
    # Four weeks back (20 May) the drift risk stood at 4x3; today 4x3 inherent, 2x3 residual.
    recent = row_of(raid_register(workspace, today=TODAY, trend_days=28), log.drift)
    assert (recent.inherent_trend, recent.trend) == (Trend.FLAT, Trend.DOWN)
    # Sixty days back (18 April) it stood at 2x3 = 6 on both bases.
    longer = row_of(raid_register(workspace, today=TODAY, trend_days=60), log.drift)
    assert (longer.trend_on(ScoreBasis.INHERENT), longer.trend_on(ScoreBasis.RESIDUAL)) == (Trend.UP, Trend.FLAT)
    assert row_of(raid_register(workspace, today=TODAY), log.issue).trend is Trend.FLAT


def test_burndown_numbers_follow_the_history(register: RaidRegister) -> None:
    inherent = register_burndown(register, register.rows, ScoreBasis.INHERENT)
    residual = register_burndown(register, register.rows, ScoreBasis.RESIDUAL)
    assert inherent.points[0].week == date(2026, 3, 16)
    assert inherent.points[-1].week == date(2026, 9, 14)
    assert len(inherent.points) == 27
    threat = {point.week: point.threat for point in inherent.points}
    assert [threat[date(2026, 3, 16) + timedelta(weeks=week)] for week in range(14)] == [
        0,
        0,
        0,
        6,
        6,
        31,
        31,
        37,
        37,
        37,
        12,
        12,
        12,
        12,
    ]
    assert {point.week: point.opportunity for point in inherent.points}[date(2026, 3, 16)] == 9
    residual_threat = {point.week: point.threat for point in residual.points}
    assert residual_threat[date(2026, 5, 25)] == 12
    assert residual_threat[date(2026, 6, 1)] == 6
    projected = [(point.week, point.threat) for point in residual.points if point.projected]
    assert projected[0] == (date(2026, 6, 22), 6)
    assert (date(2026, 7, 27), 6) in projected
    assert (date(2026, 8, 3), 0) in projected
    assert inherent.current is not None and inherent.current.week == date(2026, 6, 15)


def test_the_burndown_of_a_selection_counts_only_its_rows(register: RaidRegister, log: Log) -> None:
    only_spike = register_burndown(register, [row_of(register, log.spike)], ScoreBasis.INHERENT)
    assert max(point.threat for point in only_spike.points) == 25
    assert only_spike.points[-1].threat == 0


def test_the_matrix_counts_open_threats_in_the_cell_each_row_names(workspace: Workspace, log: Log) -> None:
    for probability, impact in ((4, 3), (5, 5), (5, 5)):
        create_raid_item(workspace, risk("Extra", probability=probability, impact=impact))
    register = raid_register(workspace, today=TODAY)
    for basis in ScoreBasis:
        matrix = register_matrix(register.rows, basis)
        for row in register.rows:
            cell = row.matrix_cell(basis)
            placed = [key for key, matrix_cell in matrix.cells.items() if row.id in matrix_cell.item_ids]
            assert placed == ([] if cell is None else [cell])
    inherent = register_matrix(register.rows, ScoreBasis.INHERENT)
    assert (inherent.cell(4, 3).count, inherent.cell(5, 5).count, inherent.total) == (2, 2, 4)
    residual = register_matrix(register.rows, ScoreBasis.RESIDUAL)
    assert (residual.cell(4, 3).count, residual.cell(2, 3).count) == (1, 1)


def test_top_risks_rank_open_threats_by_residual_score(workspace: Workspace, log: Log) -> None:
    big = create_raid_item(workspace, risk("Strike", probability=4, impact=4)).id
    register = raid_register(workspace, today=TODAY)
    assert [row.id for row in register_top_risks(register.rows)] == [big, log.drift]
    assert [row.id for row in register_top_risks(register.rows, limit=1)] == [big]


def test_linked_tasks_and_the_tasks_an_item_may_link(workspace: Workspace, plan: dict[str, int], log: Log) -> None:
    other = create_record(workspace, EntityKind.PROJECT, {"code": "AA-01", "name": "Other"}).id
    create_record(
        workspace,
        EntityKind.TASK,
        {"project_id": other, "name": "Survey", "start": date(2026, 1, 5), "finish": date(2026, 1, 9)},
    )
    edit_raid_item(workspace, log.drift, {}, link=[plan["build"], plan["design"]])
    assert [task.name for task in linked_tasks(workspace, log.drift)] == ["Design", "Build"]
    assert row_of(raid_register(workspace, today=TODAY), log.drift).linked_tasks == 2
    assert [task.name for task in task_choices(workspace, plan["project"])] == ["Design", "Build"]
    everything = task_choices(workspace, None)
    assert [(task.project_code, task.name) for task in everything] == [
        ("AA-01", "Survey"),
        ("CX-01", "Design"),
        ("CX-01", "Build"),
    ]

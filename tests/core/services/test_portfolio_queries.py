"""The portfolio overview: every figure of a small portfolio worked out by hand, and the demo's figures
recomputed independently from the stored records."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import pytest

from pmo_desktop.domain.enums import BudgetCategory, EntityKind, Rag, Stage, TaskKind
from pmo_desktop.services.portfolio_queries import PortfolioOverview, portfolio_overview
from pmo_desktop.services.records import list_records, update_record
from pmo_desktop.services.status_queries import RagTrend
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import DAY, add, by_id, open_demo

AS_OF = date(2026, 3, 12)  # a Thursday


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = open_demo(tmp_path_factory.mktemp("demo"))
    yield workspace
    workspace.close()


def build_small(workspace: Workspace) -> dict[str, int]:
    """A programme, two people, two objectives, an active project with a plan, two baselines, budget lines and
    two reports, and a tentative proposal outside any programme."""
    ids = {
        "programme": add(workspace, EntityKind.PROGRAMME, name="Customer Experience", colour="#1971C2"),
        "alice": add(workspace, EntityKind.PERSON, name="Alice Moreau"),
        "bob": add(workspace, EntityKind.PERSON, name="Bob Okafor"),
        "o1": add(workspace, EntityKind.OBJECTIVE, code="O1", title="Grow revenue"),
        "o2": add(workspace, EntityKind.OBJECTIVE, code="O2", title="Cut costs"),
    }
    portal = add(
        workspace,
        EntityKind.PROJECT,
        code="CX-01",
        name="Portal",
        programme_id=ids["programme"],
        manager_id=ids["alice"],
        sponsor_id=ids["bob"],
        stage=Stage.ACTIVE,
        budget_minor=100_000_000,
    )
    ids["portal"] = portal
    ids["proposal"] = add(
        workspace, EntityKind.PROJECT, code="OP-02", name="Scanners", stage=Stage.PROPOSED, tentative=True
    )
    add(workspace, EntityKind.PROJECT_OBJECTIVE, project_id=portal, objective_id=ids["o1"], weight=70)
    add(workspace, EntityKind.PROJECT_OBJECTIVE, project_id=portal, objective_id=ids["o2"], weight=30)
    phase = task(workspace, portal, "Phase", date(2026, 3, 2), date(2026, 3, 20), 15, 53, kind=TaskKind.SUMMARY)
    design = task(workspace, portal, "Design", date(2026, 3, 2), date(2026, 3, 6), 5, 100, parent=phase)
    build = task(workspace, portal, "Build", date(2026, 3, 9), date(2026, 3, 20), 10, 30, parent=phase)
    live = task(workspace, portal, "Go-live", date(2026, 3, 20), date(2026, 3, 20), 0, 0, kind=TaskKind.MILESTONE)
    # The older baseline must be ignored: the latest one decides.
    old = add(workspace, EntityKind.BASELINE, name="B0", taken_at=datetime(2026, 1, 1, 9))
    for task_id in (phase, design, build, live):
        add(
            workspace,
            EntityKind.BASELINE_TASK,
            baseline_id=old,
            task_id=task_id,
            start=date(2026, 3, 2),
            finish=date(2026, 3, 31),
            duration_days=22,
        )
    latest = add(workspace, EntityKind.BASELINE, name="B1", taken_at=datetime(2026, 2, 1, 9))
    spans = {
        phase: (date(2026, 3, 2), date(2026, 3, 18), 13),
        design: (date(2026, 3, 2), date(2026, 3, 6), 5),
        build: (date(2026, 3, 9), date(2026, 3, 18), 8),
        live: (date(2026, 3, 18), date(2026, 3, 18), 0),
    }
    for task_id, (start, finish, days) in spans.items():
        add(
            workspace,
            EntityKind.BASELINE_TASK,
            baseline_id=latest,
            task_id=task_id,
            start=start,
            finish=finish,
            duration_days=days,
        )
    money = ((date(2026, 1, 1), BudgetCategory.LABOUR, 60, 40, 70), (date(2026, 4, 1), BudgetCategory.CAPEX, 40, 0, 45))
    for period, category, planned, actual, forecast in money:
        add(
            workspace,
            EntityKind.BUDGET_LINE,
            project_id=portal,
            period_start=period,
            category=category,
            planned_minor=planned * 1_000_000,
            actual_minor=actual * 1_000_000,
            forecast_minor=forecast * 1_000_000,
        )
    add(workspace, EntityKind.STATUS_REPORT, project_id=portal, period_end=date(2025, 12, 31))
    add(
        workspace,
        EntityKind.STATUS_REPORT,
        project_id=portal,
        period_end=date(2026, 3, 31),
        overall=Rag.AMBER,
        schedule=Rag.AMBER,
        cost=Rag.RED,
        comment="Build is late; overtime costs more.",
    )
    return ids


def task(  # noqa: PLR0917 - a task reads best as one positional line, like a row of a plan
    workspace: Workspace,
    project: int,
    name: str,
    /,
    start: date,
    finish: date,
    days: int,
    percent: int,
    *,
    kind: TaskKind = TaskKind.TASK,
    parent: int | None = None,
) -> int:
    return add(
        workspace,
        EntityKind.TASK,
        project_id=project,
        name=name,
        start=start,
        finish=finish,
        duration_days=days,
        percent_complete=percent,
        kind=kind,
        parent_id=parent,
    )


@pytest.fixture
def small(workspace: Workspace) -> tuple[dict[str, int], PortfolioOverview]:
    ids = build_small(workspace)
    return ids, portfolio_overview(workspace, AS_OF)


def test_groups_are_programmes_then_projects_outside_any(small: tuple[dict[str, int], PortfolioOverview]) -> None:
    ids, overview = small
    assert [group.name for group in overview.groups] == ["Customer Experience", "No programme"]
    assert [row.code for row in overview.groups[0].rows] == ["CX-01"]
    proposal = overview.row(ids["proposal"])
    assert (proposal.tentative, proposal.stage, proposal.programme_id) == (True, Stage.PROPOSED, None)
    assert (proposal.start, proposal.percent_complete, proposal.forecast_minor, proposal.status) == (None,) * 4


def test_people_dates_and_slip(small: tuple[dict[str, int], PortfolioOverview]) -> None:
    ids, overview = small
    row = overview.row(ids["portal"])
    assert (row.manager_name, row.sponsor_name) == ("Alice Moreau", "Bob Okafor")
    assert (row.start, row.forecast_finish) == (date(2026, 3, 2), date(2026, 3, 20))
    assert (row.baseline_finish, row.baseline_name) == (date(2026, 3, 18), "B1")
    assert row.slip_days == 2  # Wednesday 18 to Friday 20 March


def test_progress_money_and_earned_value(small: tuple[dict[str, int], PortfolioOverview]) -> None:
    ids, overview = small
    row = overview.row(ids["portal"])
    # Leaves: Design 5 days at 100 %, Build 10 days at 30 %, the milestone weighs nothing: 800 / 1500.
    assert row.percent_complete == pytest.approx(100 * 800 / 1500)
    assert (row.budget_minor, row.planned_minor, row.actual_minor) == (100_000_000, 100_000_000, 40_000_000)
    assert row.forecast_minor == 115_000_000
    assert row.budget_variance_minor == -15_000_000
    assert row.over_budget
    value = row.earned_value
    # By Thursday 12 March the baseline planned Design (5) and 3 of Build's 8 days: 8 of 13.
    assert value.planned_percent == pytest.approx(100 * 8 / 13)
    assert value.planned_value_minor == round(100_000_000 * 8 / 13)
    assert value.earned_value_minor == round(100_000_000 * 800 / 1500)
    assert value.cpi == pytest.approx(round(100_000_000 * 800 / 1500) / 40_000_000)
    assert value.spi == pytest.approx(round(100_000_000 * 800 / 1500) / round(100_000_000 * 8 / 13))


def test_rags_trends_and_objectives(small: tuple[dict[str, int], PortfolioOverview]) -> None:
    ids, overview = small
    row = overview.row(ids["portal"])
    overall, cost, scope = row.reading("overall"), row.reading("cost"), row.reading("scope")
    assert overall is not None and cost is not None and scope is not None
    assert (overall.rag, overall.previous, overall.trend) == (Rag.AMBER, Rag.GREEN, RagTrend.WORSE)
    assert (cost.rag, cost.trend) == (Rag.RED, RagTrend.WORSE)
    assert (scope.rag, scope.trend) == (Rag.GREEN, RagTrend.SAME)
    assert [(link.code, link.weight) for link in row.objectives] == [("O1", 70), ("O2", 30)]
    assert row.aligned and not overview.row(ids["proposal"]).aligned
    assert overview.groups[0].worst_overall == Rag.AMBER


def test_programme_totals(small: tuple[dict[str, int], PortfolioOverview]) -> None:
    _, overview = small
    group = overview.groups[0]
    assert (group.budget_minor, group.actual_minor, group.forecast_minor) == (100_000_000, 40_000_000, 115_000_000)
    assert (group.start, group.forecast_finish) == (date(2026, 3, 2), date(2026, 3, 20))


def test_actuals_count_periods_started_by_the_day(workspace: Workspace) -> None:
    ids = build_small(workspace)
    line = list_records(workspace, EntityKind.BUDGET_LINE, period_start=date(2026, 4, 1))[0]
    update_record(workspace, EntityKind.BUDGET_LINE, line.id, {"actual_minor": 5_000_000})
    assert portfolio_overview(workspace, AS_OF).row(ids["portal"]).actual_minor == 40_000_000
    assert portfolio_overview(workspace, date(2026, 4, 1)).row(ids["portal"]).actual_minor == 45_000_000


# -- the demo, recomputed independently ------------------------------------------------------------------


def working_day(day: date, closed: set[date]) -> bool:
    return day.weekday() < 5 and day not in closed


def demo_closed_days(workspace: Workspace) -> set[date]:
    portfolio = list_records(workspace, EntityKind.PORTFOLIO)[0]
    public = holidays.country_holidays(
        portfolio["holiday_country"], subdiv=portfolio["holiday_subdivision"], years=range(2024, 2029)
    )
    return set(public) | {record["day"] for record in list_records(workspace, EntityKind.HOLIDAY)}


def test_demo_progress_equals_duration_weighted_leaves(demo: Workspace) -> None:
    tasks = by_id(demo, EntityKind.TASK)
    parents = {task["parent_id"] for task in tasks.values()}
    for row in portfolio_overview(demo, DAY).rows:
        leaves = [
            task
            for task_id, task in tasks.items()
            if task["project_id"] == row.project_id and task_id not in parents and task["kind"] != "summary"
        ]
        if not leaves:
            assert row.percent_complete is None
            continue
        total = sum(task["duration_days"] for task in leaves)
        done = sum(task["duration_days"] * task["percent_complete"] for task in leaves)
        assert row.percent_complete == pytest.approx(done / total), row.code


def test_demo_slip_against_the_latest_baseline(demo: Workspace) -> None:
    tasks = by_id(demo, EntityKind.TASK)
    baselines = sorted(list_records(demo, EntityKind.BASELINE), key=lambda record: record["taken_at"])
    closed = demo_closed_days(demo)
    entries = list_records(demo, EntityKind.BASELINE_TASK)
    measured = 0
    for row in portfolio_overview(demo, DAY).rows:
        finish = max((task["finish"] for task in tasks.values() if task["project_id"] == row.project_id), default=None)
        assert row.forecast_finish == finish
        held = [
            [
                entry
                for entry in entries
                if entry["baseline_id"] == baseline.id and tasks[entry["task_id"]]["project_id"] == row.project_id
            ]
            for baseline in baselines
        ]
        held = [spans for spans in held if spans]
        if not held or finish is None:
            assert row.slip_days is None
            continue
        planned = max(entry["finish"] for entry in held[-1])
        assert row.baseline_finish == planned
        later, earlier, sign = (finish, planned, 1) if finish >= planned else (planned, finish, -1)
        count = sum(working_day(earlier + timedelta(days=n), closed) for n in range(1, (later - earlier).days + 1))
        assert row.slip_days == sign * count, row.code
        measured += 1
    assert measured >= 8


def test_demo_money_sums_the_budget_lines(demo: Workspace) -> None:
    lines = list_records(demo, EntityKind.BUDGET_LINE)
    for row in portfolio_overview(demo, DAY).rows:
        mine = [line for line in lines if line["project_id"] == row.project_id]
        assert row.forecast_minor == (sum(line["forecast_minor"] for line in mine) if mine else None)
        assert row.actual_minor == sum(line["actual_minor"] for line in mine if line["period_start"] <= DAY)
        assert row.planned_minor == sum(line["planned_minor"] for line in mine)


def test_demo_groups_hold_every_project_once(demo: Workspace) -> None:
    overview = portfolio_overview(demo, DAY)
    codes = sorted(row.code for row in overview.rows)
    assert codes == sorted(record["code"] for record in list_records(demo, EntityKind.PROJECT))
    names = [group.name for group in overview.groups]
    assert names == sorted(record["name"] for record in list_records(demo, EntityKind.PROGRAMME))
    tentative = {row.code for row in overview.rows if row.tentative}
    assert tentative == {record["code"] for record in list_records(demo, EntityKind.PROJECT) if record["tentative"]}


def test_demo_file_is_not_changed_by_reading(demo: Workspace, tmp_path: Path) -> None:
    portfolio_overview(demo, DAY)
    assert not demo.dirty

"""Money for the board pack: budget lines by programme and quarter, and CPI and SPI by programme, against the
same sums worked out by hand and from the demo's records."""

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import pytest

from pmo_desktop.domain.enums import EntityKind, Stage
from pmo_desktop.services.board_pack_finance import Amounts, finance_by_quarter, programme_performance
from pmo_desktop.services.board_pack_period import ReportPeriod, period_of
from pmo_desktop.services.portfolio_queries import portfolio_overview
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import DAY, add, by_id, open_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = open_demo(tmp_path_factory.mktemp("demo"))
    yield workspace
    workspace.close()


def line(workspace: Workspace, project: int, start: date, money: tuple[int, int, int]) -> None:
    planned, actual, forecast = money
    add(workspace, EntityKind.BUDGET_LINE, project_id=project, period_start=start, category="opex",
        planned_minor=planned, actual_minor=actual, forecast_minor=forecast)  # fmt: skip


def test_lines_fall_into_their_quarters_with_earlier_and_later_apart(workspace: Workspace) -> None:
    programme = add(workspace, EntityKind.PROGRAMME, name="Ops")
    alpha = add(workspace, EntityKind.PROJECT, code="A", name="Alpha", programme_id=programme, budget_minor=900)
    beta = add(workspace, EntityKind.PROJECT, code="B", name="Beta", budget_minor=50)
    add(workspace, EntityKind.PROJECT, code="C", name="No money")
    line(workspace, alpha, date(2025, 11, 1), (100, 90, 95))  # before the quarters shown
    line(workspace, alpha, date(2026, 2, 1), (200, 210, 210))  # 2026 Q1
    line(workspace, alpha, date(2026, 11, 1), (300, 40, 320))  # 2026 Q4, started by the day
    line(workspace, alpha, date(2027, 2, 1), (250, 99, 260))  # 2027 Q1: its actual has not started
    line(workspace, beta, date(2028, 3, 1), (10, 0, 12))  # after the quarters shown

    reading = finance_by_quarter(workspace, ReportPeriod(2026, 4, 1), date(2026, 11, 20))

    assert [quarter.label for quarter in reading.quarters] == [
        f"{year} Q{q}" for year in (2026, 2027) for q in (1, 2, 3, 4)
    ]
    first, second = reading.lines
    assert (first.code, first.programme_name, second.code, second.programme_name) == ("A", "Ops", "B", "No programme")
    assert first.earlier == Amounts(100, 90, 95)
    assert first.quarters[0] == Amounts(200, 210, 210)
    assert first.quarters[3] == Amounts(300, 40, 320)
    assert first.quarters[4] == Amounts(250, 0, 260)
    assert first.total == Amounts(850, 340, 885)
    assert second.later == Amounts(10, 0, 12)
    assert [(group.name, group.budget_minor, group.projects) for group in reading.programmes] == [
        ("Ops", 900, 1), ("No programme", 50, 1)
    ]  # fmt: skip
    assert reading.total.total == Amounts(860, 340, 897)
    assert reading.total.budget_minor == 950


def test_the_demo_by_quarter_equals_the_budget_lines(demo: Workspace) -> None:
    period = period_of(DAY, 4)
    reading = finance_by_quarter(demo, period, DAY)
    projects = by_id(demo, EntityKind.PROJECT)
    sums: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0, 0])
    quarters = reading.quarters
    for record in list_records(demo, EntityKind.BUDGET_LINE):
        start = record["period_start"]
        column = next((index + 1 for index, q in enumerate(quarters) if q.first <= start <= q.last), None)
        if column is None:
            column = 0 if start < quarters[0].first else len(quarters) + 1
        total = sums[(record["project_id"], column)]
        total[0] += record["planned_minor"]
        total[1] += record["actual_minor"] if start <= DAY else 0
        total[2] += record["forecast_minor"]
    for finance in reading.lines:
        columns = (finance.earlier, *finance.quarters, finance.later)
        for column, amounts in enumerate(columns):
            assert [amounts.planned_minor, amounts.actual_minor, amounts.forecast_minor] == sums[(finance.key, column)]
        assert finance.budget_minor == projects[finance.key]["budget_minor"]
    assert {finance.key for finance in reading.lines} == {project for project, _ in sums}
    assert reading.quarters[0].label == "FY2027 Q1" and period in reading.quarters


def test_cpi_and_spi_add_up_earned_value_by_programme(demo: Workspace) -> None:
    overview = portfolio_overview(demo, DAY)
    found = programme_performance(overview)
    assert [entry.name for entry in found[:-1]] == [group.name for group in overview.groups]
    for group, entry in zip(overview.groups, found, strict=False):
        performing = [row for row in group.rows if row.stage not in (Stage.PROPOSED, Stage.CANCELLED)]
        values = [row.earned_value for row in performing]
        costed = [v for v in values if v.earned_value_minor is not None and v.actual_cost_minor > 0]
        planned = [v for v in values if v.earned_value_minor is not None and v.planned_value_minor]
        cpi = sum(v.earned_value_minor or 0 for v in costed) / sum(v.actual_cost_minor for v in costed)
        spi = sum(v.earned_value_minor or 0 for v in planned) / sum(v.planned_value_minor or 0 for v in planned)
        assert entry.cpi == pytest.approx(cpi) and entry.spi == pytest.approx(spi)
    portfolio = found[-1]
    assert portfolio.programme_id is None and portfolio.projects == sum(entry.projects for entry in found[:-1])
    assert 0.5 < (portfolio.cpi or 0) < 1.5


def test_no_figures_means_no_index(workspace: Workspace) -> None:
    add(workspace, EntityKind.PROJECT, code="A", name="Alpha", stage=Stage.ACTIVE, budget_minor=1000)
    entry = programme_performance(portfolio_overview(workspace, DAY))[-1]
    assert (entry.cpi, entry.spi, entry.projects) == (None, None, 1)

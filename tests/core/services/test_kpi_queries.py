"""The KPI tiles on the demo equal the same figures computed here, independently, from the stored records;
and the edge cases of each definition on small portfolios."""

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import holidays
import pytest

from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus
from pmo_desktop.services.kpi_queries import PortfolioKpis, portfolio_kpis
from pmo_desktop.services.kpi_tiles import Tone
from pmo_desktop.services.records import list_records, update_record
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import DAY, add, by_id, open_demo

IN_DELIVERY = {"approved", "active", "on_hold"}


@pytest.fixture(scope="module")
def demo() -> Iterator[tuple[Workspace, PortfolioKpis]]:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        workspace = open_demo(Path(folder))
        yield workspace, portfolio_kpis(workspace, DAY)
        workspace.close()


def latest_two(workspace: Workspace, project_id: int) -> list[dict[str, Any]]:
    reports = sorted(
        (dict(record.values) for record in list_records(workspace, EntityKind.STATUS_REPORT, project_id=project_id)),
        key=lambda report: report["period_end"],
    )
    return reports[-2:]


def test_rag_counts(demo: tuple[Workspace, PortfolioKpis]) -> None:
    workspace, kpis = demo
    severity = {"green": 0, "amber": 1, "red": 2}
    counts = {"green": 0, "amber": 0, "red": 0, "none": 0, "better": 0, "worse": 0}
    assert all(report["period_end"] < DAY for report in by_id(workspace, EntityKind.STATUS_REPORT).values())
    for project in list_records(workspace, EntityKind.PROJECT):
        if project["stage"] not in IN_DELIVERY:
            continue
        reports = latest_two(workspace, project.id)
        if not reports:
            counts["none"] += 1
            continue
        counts[reports[-1]["overall"]] += 1
        if len(reports) == 2:
            change = severity[reports[-1]["overall"]] - severity[reports[0]["overall"]]
            counts["better"] += change < 0
            counts["worse"] += change > 0
    rag = kpis.rag
    assert (rag.green, rag.amber, rag.red, rag.unreported) == (
        counts["green"],
        counts["amber"],
        counts["red"],
        counts["none"],
    )
    assert (rag.better, rag.worse) == (counts["better"], counts["worse"])
    assert rag.red > 0 and kpis.tile("rag").tone is Tone.BAD


def test_on_time_rate(demo: tuple[Workspace, PortfolioKpis]) -> None:
    workspace, kpis = demo
    assert list_records(workspace, EntityKind.PORTFOLIO)[0]["fiscal_year_start_month"] == 4
    quarter_start = date(2026, 10, 1)  # fiscal years from April: the quarter of 27 November starts 1 October
    tasks = by_id(workspace, EntityKind.TASK)
    projects = by_id(workspace, EntityKind.PROJECT)
    baselines = sorted(list_records(workspace, EntityKind.BASELINE), key=lambda record: record["taken_at"])
    entries = list_records(workspace, EntityKind.BASELINE_TASK)
    due = met = 0
    for project_id, project in projects.items():
        if project["stage"] == "cancelled":
            continue
        held = [
            [
                entry
                for entry in entries
                if entry["baseline_id"] == baseline.id and tasks[entry["task_id"]]["project_id"] == project_id
            ]
            for baseline in baselines
        ]
        held = [spans for spans in held if spans]
        if not held:
            continue
        for entry in held[-1]:
            milestone = tasks[entry["task_id"]]
            if milestone["kind"] == "milestone" and quarter_start <= entry["finish"] < DAY:
                due += 1
                met += milestone["percent_complete"] == 100 and milestone["finish"] <= entry["finish"]
    assert (kpis.on_time.met, kpis.on_time.total) == (met, due)
    assert due > 0 and 0 < met < due  # the demo has one late milestone this quarter
    assert kpis.tile("on_time").value == f"{100 * met / due:.0f} %"


def test_on_budget_rate(demo: tuple[Workspace, PortfolioKpis]) -> None:
    workspace, kpis = demo
    lines = list_records(workspace, EntityKind.BUDGET_LINE)
    within = measured = 0
    for project in list_records(workspace, EntityKind.PROJECT):
        mine = [line for line in lines if line["project_id"] == project.id]
        if project["stage"] in IN_DELIVERY and mine:
            measured += 1
            within += sum(line["forecast_minor"] for line in mine) <= project["budget_minor"]
    assert (kpis.on_budget.met, kpis.on_budget.total) == (within, measured)


def test_open_critical_risks(demo: tuple[Workspace, PortfolioKpis]) -> None:
    workspace, kpis = demo
    expected = []
    for item in list_records(workspace, EntityKind.RAID_ITEM):
        if item["kind"] != "risk" or item["status"] == "closed" or item["opportunity"] or item["raised_on"] > DAY:
            continue
        probability = item["residual_probability"] or item["probability"]
        impact = item["residual_impact"] or item["impact"]
        if probability * impact >= 20:
            expected.append(f"R-{item['number']:03d}")
    assert sorted(flag.reference for flag in kpis.critical_risks) == sorted(expected)
    assert kpis.tile("critical_risks").value == str(len(expected))


def test_decisions_due_within_thirty_days(demo: tuple[Workspace, PortfolioKpis]) -> None:
    workspace, kpis = demo
    expected = []
    for item in list_records(workspace, EntityKind.RAID_ITEM):
        needed = item["needed_by"] or item["due_on"]
        if item["kind"] == "decision" and item["status"] != "closed" and needed and needed <= DAY + timedelta(30):
            expected.append((f"D-{item['number']:03d}", needed < DAY))
    assert sorted((decision.reference, decision.overdue) for decision in kpis.decisions_due) == sorted(expected)
    assert kpis.tile("decisions_due").value == str(len(expected))


def test_people_over_capacity_this_month(demo: tuple[Workspace, PortfolioKpis]) -> None:
    workspace, kpis = demo
    portfolio = list_records(workspace, EntityKind.PORTFOLIO)[0]
    closed = set(holidays.country_holidays("GB", subdiv="ENG", years=DAY.year))
    closed |= {record["day"] for record in list_records(workspace, EntityKind.HOLIDAY)}
    assert portfolio["working_days"] == 0b0011111
    month = [date(2026, 11, day) for day in range(1, 31)]
    workdays = [day for day in month if day.weekday() < 5 and day not in closed]
    tasks = by_id(workspace, EntityKind.TASK)
    away: dict[int, set[date]] = {}
    for entry in list_records(workspace, EntityKind.TIME_OFF):
        days = {entry["start"] + timedelta(n) for n in range((entry["finish"] - entry["start"]).days + 1)}
        away.setdefault(entry["person_id"], set()).update(days)
    expected = {}
    for person in list_records(workspace, EntityKind.PERSON):
        daily = person["hours_per_week"] / 5
        start = person["employment_start"] or date.min
        end = person["employment_end"] or (date.max if person["active"] else date.min)
        loaded = [day for day in workdays if day not in away.get(person.id, set())]
        capacity = daily * sum(1 for day in loaded if start <= day <= end)
        load = 0.0
        for allocation in list_records(workspace, EntityKind.ALLOCATION, person_id=person.id):
            first, last = allocation["start"], allocation["finish"]
            if allocation["task_id"] is not None:
                first, last = tasks[allocation["task_id"]]["start"], tasks[allocation["task_id"]]["finish"]
            rate = allocation["amount"] / 5 if allocation["unit"] == "hours" else allocation["amount"] / 100 * daily
            load += rate * sum(1 for day in loaded if first <= day <= last)
        if load > capacity + 1e-6:
            expected[person["name"]] = load / capacity if capacity else float("inf")
    found = {person.name: person.utilisation for person in kpis.over_capacity}
    assert found == pytest.approx(expected)
    assert len(found) > 0


def test_every_tile_explains_itself(demo: tuple[Workspace, PortfolioKpis]) -> None:
    _, kpis = demo
    assert [tile.key for tile in kpis.tiles] == [
        "rag",
        "on_time",
        "on_budget",
        "critical_risks",
        "over_capacity",
        "decisions_due",
    ]
    assert all(tile.explanation.endswith(".") and len(tile.explanation) > 40 for tile in kpis.tiles)
    assert "1 Oct 2026 to 26 Nov 2026" in kpis.tile("on_time").explanation
    assert "November 2026" in kpis.tile("over_capacity").explanation


# -- edge cases on a small portfolio -----------------------------------------------------------------------


def test_closed_and_opportunity_risks_do_not_count(workspace: Workspace, plan: dict[str, int]) -> None:
    def risk(raised_on: date = date(2026, 1, 5), **values: Any) -> int:
        return add(
            workspace,
            EntityKind.RAID_ITEM,
            kind=RaidKind.RISK,
            title="Risk",
            probability=4,
            impact=5,
            raised_on=raised_on,
            **values,
        )

    counted = risk()
    risk(opportunity=True)
    risk(residual_probability=2)  # 2 x 5 after the response: high, not critical
    closed = risk(status=RaidStatus.CLOSED, closure_note="Gone.", closed_on=date(2026, 2, 1))
    later = risk(raised_on=date(2026, 3, 1))
    kpis = portfolio_kpis(workspace, date(2026, 2, 15))
    assert [flag.item_id for flag in kpis.critical_risks] == [counted]
    # Before it was closed, the closed risk still counted; after it was raised, the later one does.
    assert {flag.item_id for flag in portfolio_kpis(workspace, date(2026, 1, 20)).critical_risks} == {counted, closed}
    assert later in {flag.item_id for flag in portfolio_kpis(workspace, date(2026, 3, 2)).critical_risks}


def test_nothing_to_measure_reads_as_a_dash(workspace: Workspace, plan: dict[str, int]) -> None:
    kpis = portfolio_kpis(workspace, date(2026, 2, 15))
    assert (kpis.on_time.percent, kpis.on_budget.percent) == (None, None)
    assert (kpis.tile("on_time").value, kpis.tile("on_time").tone) == ("–", Tone.NEUTRAL)
    assert kpis.tile("critical_risks").tone is Tone.GOOD


def test_decisions_overdue_and_decided(workspace: Workspace, plan: dict[str, int]) -> None:
    def decision(needed: date, **values: Any) -> int:
        return add(
            workspace,
            EntityKind.RAID_ITEM,
            kind=RaidKind.DECISION,
            title="Decide",
            raised_on=date(2026, 1, 5),
            needed_by=needed,
            **values,
        )

    overdue = decision(date(2026, 2, 10))
    soon = decision(date(2026, 3, 17))
    decision(date(2026, 3, 18))  # 31 days away
    decided = decision(date(2026, 2, 20))
    closing = {"status": "closed", "closure_note": "Agreed.", "closed_on": date(2026, 2, 12)}
    update_record(workspace, EntityKind.RAID_ITEM, decided, closing)
    kpis = portfolio_kpis(workspace, date(2026, 2, 15))
    assert [(decision.item_id, decision.overdue) for decision in kpis.decisions_due] == [(overdue, True), (soon, False)]
    assert kpis.tile("decisions_due").tone is Tone.BAD

"""The realistic demo's RAID log, status reports and budget lines."""

from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from pmo_desktop.demo import DemoData, build_demo
from pmo_desktop.domain.enums import EntityKind as E
from tests.core.demo.checks import rows

AS_OF = date(2026, 11, 27)


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return build_demo(1, as_of=AS_OF)


def test_raid_items_are_numbered_per_kind_from_one(demo: DemoData) -> None:
    numbers: dict[str, list[int]] = defaultdict(list)
    for item in rows(demo, E.RAID_ITEM):
        numbers[item["kind"]].append(item["number"])
    assert set(numbers) == {"risk", "issue", "assumption", "decision"}
    assert all(sorted(values) == list(range(1, len(values) + 1)) for values in numbers.values())


def test_raid_items_sit_on_projects_and_on_the_portfolio(demo: DemoData) -> None:
    items = rows(demo, E.RAID_ITEM)
    assert 2 <= sum(item["project_id"] is None for item in items) <= 10
    assert len({item["project_id"] for item in items}) >= 8
    assert all(item["owner_id"] is not None and item["title"] and "{" not in item["title"] for item in items)


def test_risks_carry_scores_responses_and_opportunities(demo: DemoData) -> None:
    risks = [item for item in rows(demo, E.RAID_ITEM) if item["kind"] == "risk"]
    assert all(1 <= item["probability"] <= 5 and 1 <= item["impact"] <= 5 for item in risks)
    opportunities = [item for item in risks if item["opportunity"]]
    assert len(opportunities) >= 2
    assert {item["response"] for item in opportunities} <= {"exploit", "enhance", "share"}
    threats = {item["response"] for item in risks if not item["opportunity"]}
    assert {"reduce", "accept"} <= threats <= {"avoid", "reduce", "transfer", "accept", "escalate"}
    residual = [item for item in risks if item["residual_probability"] is not None]
    assert residual
    assert all(
        item["residual_probability"] * item["residual_impact"] <= item["probability"] * item["impact"]
        for item in residual
    )
    assert any(item["probability"] * item["impact"] >= 20 for item in risks)
    assert {item["proximity"] for item in risks} == {"imminent", "near", "medium", "far"}


def test_item_dates_and_statuses_read_like_a_live_register(demo: DemoData) -> None:
    items = rows(demo, E.RAID_ITEM)
    statuses = Counter(item["status"] for item in items)
    assert statuses["open"] > statuses["closed"] > 0 and statuses["in_progress"] > 0
    for item in items:
        assert item["raised_on"] < AS_OF
        if item["status"] == "closed":
            assert item["raised_on"] <= item["closed_on"] < AS_OF and item["closure_note"]
        else:
            assert item["closed_on"] is None and item["review_on"] is not None
    assert any(item["status"] != "closed" and item["review_on"] < AS_OF for item in items), "an overdue review"


def test_issues_assumptions_and_decisions_fill_their_own_fields(demo: DemoData) -> None:
    items = rows(demo, E.RAID_ITEM)
    issues = [item for item in items if item["kind"] == "issue"]
    assert all(1 <= item["severity"] <= 5 for item in issues)
    assert all(item["resolution"] for item in issues if item["status"] == "closed")
    assumptions = [item for item in items if item["kind"] == "assumption"]
    assert all(item["validation_on"] is not None for item in assumptions)
    assert any(item["validation_result"] for item in assumptions)
    decisions = [item for item in items if item["kind"] == "decision"]
    decided = [item for item in decisions if item["outcome"]]
    assert decided and all(item["decided_by_id"] and item["decided_on"] for item in decided)
    pending = [item for item in decisions if not item["outcome"]]
    assert any(AS_OF <= item["needed_by"] <= AS_OF + timedelta(days=30) for item in pending)


def test_risk_history_ends_on_the_current_scores(demo: DemoData) -> None:
    history: dict[int, list[dict]] = defaultdict(list)
    for score in rows(demo, E.RAID_SCORE):
        history[score["raid_item_id"]].append(score)
    risks = {item["id"]: item for item in rows(demo, E.RAID_ITEM) if item["kind"] == "risk"}
    assert set(history) == set(risks)
    trends = set()
    for item_id, scores in history.items():
        item = risks[item_id]
        days = [score["recorded_on"] for score in scores]
        assert len(scores) >= 3 and days == sorted(set(days))
        assert item["raised_on"] <= days[0] and days[-1] < AS_OF
        last = scores[-1]
        assert (last["probability"], last["impact"]) == (item["probability"], item["impact"])
        assert (last["residual_probability"], last["residual_impact"]) == (
            item["residual_probability"],
            item["residual_impact"],
        )
        first = scores[0]["probability"] * scores[0]["impact"]
        trends.add((first > item["probability"] * item["impact"]) - (first < item["probability"] * item["impact"]))
    assert trends == {-1, 0, 1}


def test_some_items_are_linked_to_their_projects_tasks(demo: DemoData) -> None:
    tasks = {task["id"]: task for task in rows(demo, E.TASK)}
    items = {item["id"]: item for item in rows(demo, E.RAID_ITEM)}
    links = rows(demo, E.RAID_TASK_LINK)
    assert len(links) >= 10
    assert all(tasks[link["task_id"]]["project_id"] == items[link["raid_item_id"]]["project_id"] for link in links)


def quarter_ends(as_of: date) -> list[date]:
    ends, day = [], as_of - timedelta(days=1)
    while len(ends) < 4:
        if (day + timedelta(days=1)).day == 1 and (day + timedelta(days=1)).month in (1, 4, 7, 10):
            ends.append(day)
        day -= timedelta(days=1)
    return sorted(ends)


def test_every_running_project_reports_on_the_last_four_quarters(demo: DemoData) -> None:
    projects = {project["id"]: project for project in rows(demo, E.PROJECT)}
    reports: dict[int, list[dict]] = defaultdict(list)
    for report in rows(demo, E.STATUS_REPORT):
        reports[report["project_id"]].append(report)
    assert all(projects[project_id]["stage"] != "proposed" for project_id in reports)
    ends = quarter_ends(AS_OF)
    for project in projects.values():
        if project["stage"] in ("active", "on_hold"):
            assert [report["period_end"] for report in reports[project["id"]]] == ends
    labels = {report["period_end"]: report["period_label"] for report in rows(demo, E.STATUS_REPORT)}
    assert labels[date(2026, 9, 30)] == "2026-Q3"


def test_reports_explain_every_amber_or_red(demo: DemoData) -> None:
    dimensions = ("overall", "schedule", "cost", "scope", "resource")
    for report in rows(demo, E.STATUS_REPORT):
        flagged = any(report[dimension] != "green" for dimension in dimensions)
        assert bool(report["comment"]) == flagged
        assert report["summary"] and report["achievements"] and report["next_steps"]
        assert "{" not in report["comment"]


def in_order(trail: list[str], *steps: str) -> bool:
    """Whether `steps` appear in `trail` in this order (not necessarily next to each other)."""
    remaining = iter(trail)
    return all(step in remaining for step in steps)


def test_reports_show_projects_getting_worse_and_recovering(demo: DemoData) -> None:
    trails: dict[int, list[str]] = defaultdict(list)
    for report in sorted(rows(demo, E.STATUS_REPORT), key=lambda report: report["period_end"]):
        trails[report["project_id"]].append(report["overall"])
    assert any(in_order(trail, "green", "amber", "red") for trail in trails.values())
    assert any(in_order(trail, "red", "amber", "green") for trail in trails.values())
    assert any(set(trail) == {"green"} for trail in trails.values())
    assert not in_order(["green", "red"], "red", "green")


def test_budget_lines_add_up_to_budgets_and_show_overspend(demo: DemoData) -> None:
    budgets = {project["id"]: project["budget_minor"] for project in rows(demo, E.PROJECT)}
    planned: Counter[int] = Counter()
    forecast: Counter[int] = Counter()
    for line in rows(demo, E.BUDGET_LINE):
        planned[line["project_id"]] += line["planned_minor"]
        forecast[line["project_id"]] += line["forecast_minor"]
        assert line["period_start"].day == 1 and line["period_start"].month in (1, 4, 7, 10)
        if line["period_start"] > AS_OF:
            assert line["actual_minor"] == 0
        else:
            assert line["actual_minor"] > 0
    assert planned == budgets
    over = [project_id for project_id, budget in budgets.items() if forecast[project_id] > budget * 1.05]
    assert 2 <= len(over) <= 5
    assert {line["category"] for line in rows(demo, E.BUDGET_LINE)} == {"capex", "opex", "labour"}

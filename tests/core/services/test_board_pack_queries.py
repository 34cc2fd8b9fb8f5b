"""The board pack's own read models: the milestone tracker and the decision log, worked out by hand on small
portfolios and recomputed independently from the stored records of the demo."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus, Stage, TaskKind
from pmo_desktop.services.board_pack_period import ReportPeriod, period_of
from pmo_desktop.services.board_pack_queries import MilestoneState, decision_log, milestone_tracker
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import DAY, add, by_id, open_demo
from tests.core.services.test_portfolio_queries import demo_closed_days, working_day

Q4 = ReportPeriod(2026, 4, 1)
AS_OF = date(2026, 11, 20)  # a Friday


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = open_demo(tmp_path_factory.mktemp("demo"))
    yield workspace
    workspace.close()


def milestone(workspace: Workspace, project: int, name: str, day: date, percent: int = 0) -> int:
    return add(workspace, EntityKind.TASK, project_id=project, name=name, kind=TaskKind.MILESTONE,
               start=day, finish=day, duration_days=0, percent_complete=percent)  # fmt: skip


def baseline(workspace: Workspace, spans: dict[int, date]) -> None:
    taken = add(workspace, EntityKind.BASELINE, name="B1", taken_at=datetime(2026, 9, 1, 9))
    for task_id, day in spans.items():
        add(workspace, EntityKind.BASELINE_TASK, baseline_id=taken, task_id=task_id, start=day, finish=day,
            duration_days=0)  # fmt: skip


def test_the_state_slip_and_period_of_each_milestone(workspace: Workspace) -> None:
    programme = add(workspace, EntityKind.PROGRAMME, name="Ops")
    project = add(workspace, EntityKind.PROJECT, code="A", name="Alpha", programme_id=programme, stage=Stage.ACTIVE)
    dropped = add(workspace, EntityKind.PROJECT, code="Z", name="Dropped", stage=Stage.CANCELLED)
    done = milestone(workspace, project, "Done on time", date(2026, 10, 15), 100)
    overdue = milestone(workspace, project, "Overdue", date(2026, 11, 9))
    late = milestone(workspace, project, "Forecast late", date(2026, 12, 8))
    spills = milestone(workspace, project, "Slips into next quarter", date(2027, 1, 5))
    milestone(workspace, project, "Not baselined", date(2027, 1, 20))
    far = milestone(workspace, project, "Far away", date(2027, 6, 1))
    milestone(workspace, dropped, "Cancelled work", date(2026, 11, 2))
    baseline(workspace, {done: date(2026, 10, 15), overdue: date(2026, 11, 2), late: date(2026, 12, 1),
                         spills: date(2026, 12, 18), far: date(2027, 6, 1)})  # fmt: skip

    tracker = milestone_tracker(workspace, Q4, AS_OF)

    rows = {row.name: row for row in tracker.rows}
    assert "Cancelled work" not in rows
    # Weekdays only (no country, no holidays): Mon 2 Nov to Mon 9 Nov is 5 working days, Tue to Tue 5,
    # Fri 18 Dec to Tue 5 Jan 12 (21-25 Dec, 28 Dec-1 Jan, 4 Jan, 5 Jan).
    expected = {
        "Done on time": (MilestoneState.ACHIEVED, 0),
        "Overdue": (MilestoneState.OVERDUE, 5),
        "Forecast late": (MilestoneState.FORECAST_LATE, 5),
        "Slips into next quarter": (MilestoneState.FORECAST_LATE, 12),
        "Not baselined": (MilestoneState.NO_BASELINE, None),
        "Far away": (MilestoneState.ON_TRACK, 0),
    }
    assert {name: (row.state, row.slip_days) for name, row in rows.items()} == expected
    assert [row.name for row in tracker.this_period] == [
        "Done on time",
        "Overdue",
        "Forecast late",
        "Slips into next quarter",
    ]
    assert [row.name for row in tracker.coming] == ["Not baselined"]
    assert [row.name for row in tracker.slipped] == ["Overdue", "Forecast late", "Slips into next quarter"]
    assert {row.programme_name for row in tracker.rows} == {"Ops"}
    assert [row.name for row in tracker.of_project(project)] == [row.name for row in tracker.rows]


def test_a_milestone_finished_after_its_baseline_is_achieved_late(workspace: Workspace) -> None:
    project = add(workspace, EntityKind.PROJECT, code="A", name="Alpha", stage=Stage.ACTIVE)
    late = milestone(workspace, project, "Late but done", date(2026, 10, 20), 100)
    baseline(workspace, {late: date(2026, 10, 13)})
    row = milestone_tracker(workspace, Q4, AS_OF).rows[0]
    assert (row.state, row.slip_days, row.programme_name) == (MilestoneState.ACHIEVED_LATE, 5, "No programme")
    assert row.state.concern


def test_the_demo_tracker_equals_the_records(demo: Workspace) -> None:
    period = period_of(DAY, 4)
    tracker = milestone_tracker(demo, period, DAY)
    tasks = by_id(demo, EntityKind.TASK)
    projects = by_id(demo, EntityKind.PROJECT)
    baselines = sorted(list_records(demo, EntityKind.BASELINE), key=lambda record: (record["taken_at"], record.id))
    entries = list_records(demo, EntityKind.BASELINE_TASK)
    closed = demo_closed_days(demo)
    latest_of_project = {}
    for baseline in baselines:  # oldest first: the last one holding a project's task wins
        for entry in entries:
            if entry["baseline_id"] == baseline.id:
                latest_of_project[tasks[entry["task_id"]]["project_id"]] = baseline.id
    planned_of = {
        entry["task_id"]: entry["finish"]
        for entry in entries
        if latest_of_project.get(tasks[entry["task_id"]]["project_id"]) == entry["baseline_id"]
    }
    expected = {}
    for task_id, task in tasks.items():
        if task["kind"] != "milestone" or projects[task["project_id"]]["stage"] == "cancelled":
            continue
        planned = planned_of.get(task_id)
        slip = None
        if planned is not None:
            low, high = sorted((planned, task["finish"]))
            count = sum(working_day(low + timedelta(days=n), closed) for n in range(1, (high - low).days + 1))
            slip = count if task["finish"] >= planned else -count
        expected[task_id] = (planned, task["finish"], slip, task["percent_complete"])
    assert {row.task_id: (row.baseline, row.forecast, row.slip_days, row.percent_complete)
            for row in tracker.rows} == expected  # fmt: skip
    in_window = {
        task_id for task_id, (planned, forecast, _, _) in expected.items()
        if period.first <= forecast <= period.following().last
        or (planned is not None and period.first <= planned <= period.following().last)
    }  # fmt: skip
    assert {row.task_id for row in (*tracker.this_period, *tracker.coming)} == in_window
    assert len(tracker.this_period) >= 5 and any(row.state.concern for row in tracker.this_period)


def test_the_decision_log_splits_needed_from_decided(workspace: Workspace) -> None:
    owner = add(workspace, EntityKind.PERSON, name="Dana")
    project = add(workspace, EntityKind.PROJECT, code="A", name="Alpha")

    def decision(number: int, title: str, **values: object) -> int:
        if values.get("status") is RaidStatus.CLOSED:
            values["closure_note"] = "Settled."
        return add(workspace, EntityKind.RAID_ITEM, kind=RaidKind.DECISION, number=number, title=title,
                   owner_id=owner, **{"raised_on": date(2026, 9, 1), **values})  # fmt: skip

    decision(1, "Soon", needed_by=date(2026, 11, 25), project_id=project, description="Pick one")
    decision(2, "Undated")
    decision(3, "Due only", due_on=date(2026, 11, 22))
    decision(4, "Taken", status=RaidStatus.CLOSED, closed_on=date(2026, 10, 9), decided_on=date(2026, 10, 8),
             decided_by_id=owner, outcome="Yes")  # fmt: skip
    decision(5, "Taken last quarter", status=RaidStatus.CLOSED, closed_on=date(2026, 9, 9), decided_on=date(2026, 9, 9))
    decision(
        6, "Closed after the day", status=RaidStatus.CLOSED, closed_on=date(2026, 11, 30), needed_by=date(2026, 11, 30)
    )
    decision(7, "Raised later", raised_on=date(2026, 11, 25))

    log = decision_log(workspace, Q4, AS_OF)

    assert [entry.title for entry in log.needed] == ["Due only", "Soon", "Closed after the day", "Undated"]
    assert [entry.title for entry in log.decided] == ["Taken"]
    soon = log.needed[1]
    assert (soon.reference, soon.project_code, soon.owner_name, soon.description) == ("D-001", "A", "Dana", "Pick one")
    taken = log.decided[0]
    assert (taken.outcome, taken.decided_by_name, taken.decided_on) == ("Yes", "Dana", date(2026, 10, 8))


def test_the_demo_decision_log_equals_the_records(demo: Workspace) -> None:
    period = period_of(DAY, 4)
    log = decision_log(demo, period, DAY)
    items = [item for item in list_records(demo, EntityKind.RAID_ITEM) if item["kind"] == "decision"]
    still_open = {
        item["number"] for item in items
        if item["raised_on"] <= DAY and (item["status"] != "closed" or (item["closed_on"] or DAY) > DAY)
    }  # fmt: skip
    assert {int(entry.reference[2:]) for entry in log.needed} == still_open
    decided = {
        item["number"] for item in items
        if item["status"] == "closed" and period.first <= (item["decided_on"] or item["closed_on"]) <= DAY
    }  # fmt: skip
    assert {int(entry.reference[2:]) for entry in log.decided} == decided
    dates = [entry.needed_by for entry in log.needed if entry.needed_by is not None]
    assert dates == sorted(dates) and log.needed


def test_reading_leaves_the_file_clean(demo: Workspace, tmp_path: Path) -> None:
    milestone_tracker(demo, period_of(DAY, 4), DAY)
    decision_log(demo, period_of(DAY, 4), DAY)
    assert not demo.dirty

"""The realistic demo: deterministic, complete, and telling a story every view can show."""

import hashlib
import os
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import pairwise

import pytest

from pmo_desktop.demo import HOTSPOT_PEOPLE, IDLE_PEOPLE, INSERT_ORDER, DemoData, build_demo
from pmo_desktop.domain.enums import EntityKind as E
from tests.core.demo.checks import (
    busdays,
    column_problems,
    link_holds,
    longest_run,
    rows,
    topological_order,
    weekly_loads,
)

AS_OF = date(2026, 11, 27)
# A Friday, a Sunday at a quarter boundary, and a leap day: the invariants must hold whatever today is.
CASES = [(1, AS_OF), (7, date(2027, 1, 3)), (42, date(2028, 2, 29))]


@pytest.fixture(scope="module")
def demo() -> DemoData:
    return build_demo(1, as_of=AS_OF)


@pytest.fixture(scope="module", params=CASES, ids=[f"seed{seed}-{day}" for seed, day in CASES])
def case(request: pytest.FixtureRequest) -> tuple[DemoData, date]:
    seed, as_of = request.param
    return build_demo(seed, as_of=as_of), as_of


def test_same_seed_and_day_give_identical_rows(demo: DemoData) -> None:
    again = build_demo(1, as_of=AS_OF)
    assert list(again) == list(INSERT_ORDER)
    assert repr(again) == repr(demo)


def test_rows_do_not_depend_on_the_process_hash_seed(demo: DemoData) -> None:
    script = (
        "import datetime, hashlib; from pmo_desktop.demo import build_demo; "
        f"print(hashlib.sha256(repr(build_demo(1, as_of={AS_OF!r})).encode()).hexdigest())"
    )
    other = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, "PYTHONHASHSEED": "4242"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert other.stdout.strip() == hashlib.sha256(repr(demo).encode()).hexdigest()


def test_another_seed_or_day_gives_other_rows(demo: DemoData) -> None:
    assert repr(build_demo(2, as_of=AS_OF)) != repr(demo)
    later = build_demo(1, as_of=AS_OF + timedelta(days=7))
    assert rows(later, E.TASK)[0]["start"] != rows(demo, E.TASK)[0]["start"]


def test_rows_fill_every_required_column_with_values_of_the_stored_type(case: tuple[DemoData, date]) -> None:
    assert column_problems(case[0]) == []


def test_ids_count_from_one_per_table_and_uuids_are_unique(demo: DemoData) -> None:
    uuids = [row["uuid"] for kind in INSERT_ORDER for row in rows(demo, kind)]
    assert len(set(uuids)) == len(uuids)
    for kind in INSERT_ORDER:
        assert [row["id"] for row in rows(demo, kind)] == list(range(1, len(demo[kind]) + 1))


def test_the_portfolio_has_the_promised_size(demo: DemoData) -> None:
    projects = rows(demo, E.PROJECT)
    tasks = rows(demo, E.TASK)
    raid = Counter(row["kind"] for row in rows(demo, E.RAID_ITEM))
    assert {kind.value: len(demo[kind]) for kind in (E.PORTFOLIO, E.OBJECTIVE, E.PROGRAMME, E.PROJECT)} == {
        "portfolio": 1,
        "objective": 3,
        "programme": 3,
        "project": 12,
    }
    assert (len(rows(demo, E.ROLE)), len(rows(demo, E.TEAM)), len(rows(demo, E.PERSON))) == (8, 4, 40)
    assert sum(project["tentative"] for project in projects) == 2
    assert 270 <= len(tasks) <= 330
    assert Counter(task["kind"] for task in tasks)["milestone"] >= 40
    assert 55 <= sum(raid.values()) <= 65
    assert raid["risk"] > raid["issue"] > raid["assumption"] > 0 and raid["decision"] > 0
    assert len(rows(demo, E.BASELINE)) == 2


def test_projects_cover_every_stage_and_some_serve_no_objective(demo: DemoData) -> None:
    projects = rows(demo, E.PROJECT)
    stages = Counter(project["stage"] for project in projects)
    assert set(stages) == {"proposed", "approved", "active", "on_hold", "closed", "cancelled"}
    assert stages["active"] > len(projects) / 2
    assert len({project["colour"] for project in projects}) == len(projects)
    assert all(project["budget_minor"] > 0 and 1 <= project["priority"] <= 5 for project in projects)
    aligned = {link["project_id"] for link in rows(demo, E.PROJECT_OBJECTIVE)}
    unaligned = [project for project in projects if project["id"] not in aligned]
    assert 1 <= len(unaligned) <= 2
    assert all(project["stage"] == "active" for project in unaligned)


def test_people_are_plausible(demo: DemoData) -> None:
    people = rows(demo, E.PERSON)
    emails = [person["email"] for person in people]
    assert len(set(emails)) == 40 and all(email.endswith("@kestrelfreight.co.uk") for email in emails)
    assert all(" " not in email and email.isascii() for email in emails)
    hours = Counter(person["hours_per_week"] for person in people)
    assert hours[37.5] >= 25 and sum(count for value, count in hours.items() if value <= 30) >= 3
    leavers = [person for person in people if not person["active"]]
    assert 1 <= len(leavers) <= 2
    assert all(person["employment_end"] < AS_OF for person in leavers)
    assert any(person["employment_start"] > AS_OF - timedelta(days=180) for person in people)
    assert set(HOTSPOT_PEOPLE + IDLE_PEOPLE) <= {person["name"] for person in people}


def test_dependencies_form_no_cycle_and_link_only_tasks_and_milestones(case: tuple[DemoData, date]) -> None:
    data = case[0]
    topological_order(data)
    tasks = {task["id"]: task for task in rows(data, E.TASK)}
    links = rows(data, E.DEPENDENCY)
    assert all(tasks[link[end]]["kind"] != "summary" for link in links for end in ("predecessor_id", "successor_id"))
    pairs = [(link["predecessor_id"], link["successor_id"]) for link in links]
    assert len(set(pairs)) == len(pairs) and all(a != b for a, b in pairs)


def test_task_dates_respect_every_dependency(case: tuple[DemoData, date]) -> None:
    data = case[0]
    tasks = {task["id"]: task for task in rows(data, E.TASK)}
    broken = [
        link
        for link in rows(data, E.DEPENDENCY)
        if not link_holds(tasks[link["predecessor_id"]], tasks[link["successor_id"]], link["type"], link["lag_days"])
    ]
    assert broken == []


def test_dependencies_mix_types_lags_leads_and_cross_projects(demo: DemoData) -> None:
    tasks = {task["id"]: task for task in rows(demo, E.TASK)}
    links = rows(demo, E.DEPENDENCY)
    types = Counter(link["type"] for link in links)
    assert types["FS"] > len(links) / 2 and types["SS"] > 0 and types["FF"] > 0
    assert any(link["lag_days"] < 0 for link in links) and any(link["lag_days"] > 0 for link in links)
    crossing = [
        link
        for link in links
        if tasks[link["predecessor_id"]]["project_id"] != tasks[link["successor_id"]]["project_id"]
    ]
    assert 4 <= len(crossing) <= 6


def test_the_work_breakdown_is_well_formed(case: tuple[DemoData, date]) -> None:
    tasks = rows(case[0], E.TASK)
    by_id = {task["id"]: task for task in tasks}
    children: dict[int, list[dict]] = defaultdict(list)
    siblings: dict[tuple[int, int | None], list[int]] = defaultdict(list)
    for task in tasks:
        assert task["start"].weekday() < 5 and task["finish"].weekday() < 5
        siblings[(task["project_id"], task["parent_id"])].append(task["sort_order"])
        if task["parent_id"] is not None:
            parent = by_id[task["parent_id"]]
            assert parent["id"] < task["id"] and parent["kind"] == "summary"
            assert parent["project_id"] == task["project_id"]
            children[parent["id"]].append(task)
        if task["kind"] == "milestone":
            assert task["start"] == task["finish"] and task["duration_days"] == 0
        else:
            assert task["duration_days"] == busdays(task["start"], task["finish"])
    for task in tasks:
        if task["kind"] == "summary":
            assert task["start"] == min(child["start"] for child in children[task["id"]])
            assert task["finish"] == max(child["finish"] for child in children[task["id"]])
    assert all(sorted(orders) == list(range(len(orders))) for orders in siblings.values())
    assert any(by_id[parent]["parent_id"] is not None for parent in children), "the WBS is two levels deep"


def test_progress_follows_today(case: tuple[DemoData, date]) -> None:
    data, as_of = case
    for task in rows(data, E.TASK):
        if task["kind"] == "summary":
            continue
        if task["finish"] < as_of:
            assert task["percent_complete"] == 100, task["name"]
        elif task["start"] >= as_of:
            assert task["percent_complete"] == 0, task["name"]
        else:
            assert 0 < task["percent_complete"] < 100, task["name"]


def test_plans_run_from_about_nine_months_ago_to_a_year_ahead(case: tuple[DemoData, date]) -> None:
    data, as_of = case
    tasks = rows(data, E.TASK)
    assert as_of - timedelta(days=400) <= min(task["start"] for task in tasks) <= as_of - timedelta(days=240)
    assert as_of + timedelta(days=300) <= max(task["finish"] for task in tasks) <= as_of + timedelta(days=380)


def test_constraints_carry_dates_only_when_they_need_them(demo: DemoData) -> None:
    tasks = rows(demo, E.TASK)
    assert all((task["constraint_type"] == "asap") == (task["constraint_date"] is None) for task in tasks)
    fixed = [task for task in tasks if task["constraint_type"] == "mfo"]
    assert fixed and all(task["constraint_date"] == task["finish"] for task in fixed)


def test_baselines_show_slipped_milestones(demo: DemoData) -> None:
    tasks = {task["id"]: task for task in rows(demo, E.TASK)}
    first = rows(demo, E.BASELINE)[0]["id"]
    entries = [entry for entry in rows(demo, E.BASELINE_TASK) if entry["baseline_id"] == first]
    slipped = [
        entry
        for entry in entries
        if tasks[entry["task_id"]]["kind"] == "milestone" and tasks[entry["task_id"]]["finish"] > entry["finish"]
    ]
    assert len(slipped) >= 3
    assert all(entry["finish"] >= entry["start"] for entry in rows(demo, E.BASELINE_TASK))
    assert {row["project_id"] for row in rows(demo, E.BASELINE_PROJECT) if row["baseline_id"] == first} == {
        tasks[entry["task_id"]]["project_id"] for entry in entries
    }


def test_hotspot_people_are_overloaded_for_weeks_and_nobody_else_is(case: tuple[DemoData, date]) -> None:
    data, as_of = case
    loads = weekly_loads(data, as_of)
    runs = {name: longest_run([load > 1.3 for load in weeks]) for name, weeks in loads.items()}
    assert {name for name, run in runs.items() if run >= 4} == set(HOTSPOT_PEOPLE)
    others = [name for name, weeks in loads.items() if name not in HOTSPOT_PEOPLE and max(weeks) > 1.1]
    assert others == []


def test_idle_people_have_light_but_real_loads(case: tuple[DemoData, date]) -> None:
    data, as_of = case
    loads = weekly_loads(data, as_of, range(-4, 8))
    for name in IDLE_PEOPLE:
        assert 0 < max(loads[name]) < 0.5, name


def test_allocations_mix_units_statuses_placeholders_and_tasks(case: tuple[DemoData, date]) -> None:
    data, as_of = case
    tasks = {task["id"]: task for task in rows(data, E.TASK)}
    allocations = rows(data, E.ALLOCATION)
    assert {row["unit"] for row in allocations} == {"hours", "percent"}
    assert {row["status"] for row in allocations} == {"confirmed", "tentative"}
    this_week = as_of - timedelta(days=as_of.weekday())
    placeholders = [row for row in allocations if row["person_id"] is None]
    assert placeholders and all(row["role_id"] is not None and row["start"] >= this_week for row in placeholders)
    tied = [row for row in allocations if row["task_id"] is not None]
    assert len(tied) > len(allocations) / 3
    for row in tied:
        task = tasks[row["task_id"]]
        assert task["project_id"] == row["project_id"]
        assert task["start"] <= row["start"] <= row["finish"] <= task["finish"]
    assert min(row["start"] for row in allocations) >= as_of - timedelta(days=183)
    assert max(row["finish"] for row in allocations) <= as_of + timedelta(days=365)
    assert max(row["finish"] for row in allocations) >= as_of + timedelta(days=270)


def test_time_off_is_plausible(case: tuple[DemoData, date]) -> None:
    data, as_of = case
    people = {person["id"]: person for person in rows(data, E.PERSON)}
    blocks: dict[int, list[dict]] = defaultdict(list)
    for block in rows(data, E.TIME_OFF):
        person = people[block["person_id"]]
        assert block["start"] <= block["finish"]
        assert person["employment_start"] <= block["start"]
        assert person["employment_end"] is None or block["finish"] <= person["employment_end"]
        assert block["kind"] != "sickness" or block["finish"] < as_of
        blocks[block["person_id"]].append(block)
    assert {block["kind"] for block in rows(data, E.TIME_OFF)} == {"leave", "training", "sickness"}
    assert all(len(blocks[person_id]) >= 2 for person_id, person in people.items() if person["active"])
    for own in blocks.values():
        own.sort(key=lambda block: block["start"])
        assert all(earlier["finish"] < later["start"] for earlier, later in pairwise(own))


def test_nothing_goes_live_over_christmas(case: tuple[DemoData, date]) -> None:
    go_lives = [task["finish"] for task in rows(case[0], E.TASK) if task["name"].startswith("Go-live")]
    assert len(go_lives) >= 8
    assert not [day for day in go_lives if (day.month, day.day) >= (12, 15) or (day.month, day.day) <= (1, 5)]

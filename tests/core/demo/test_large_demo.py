"""The large benchmark portfolio: built once, checked for volume and for a plan the scheduler can use."""

from collections import Counter
from datetime import date

import pytest

from pmo_desktop.demo import INSERT_ORDER, DemoData, build_large
from pmo_desktop.domain.enums import EntityKind as E
from pmo_desktop.storage.models import Base
from tests.core.demo.checks import column_problems, link_holds, rows, topological_order

AS_OF = date(2026, 11, 27)


@pytest.fixture(scope="module")
def large() -> DemoData:
    return build_large(1, as_of=AS_OF)


def test_the_volume_is_that_of_a_big_pmo(large: DemoData) -> None:
    counts = {kind: len(large[kind]) for kind in INSERT_ORDER}
    assert (counts[E.PROJECT], counts[E.PROGRAMME], counts[E.PERSON]) == (200, 10, 500)
    assert (counts[E.TASK], counts[E.DEPENDENCY]) == (10_000, 20_000)
    assert 10 <= counts[E.ROLE] <= 14 and 8 <= counts[E.TEAM] <= 12
    assert 45_000 <= counts[E.ALLOCATION] <= 55_000
    assert counts[E.RAID_ITEM] == 1_000 and counts[E.RAID_SCORE] > 1_000
    assert counts[E.STATUS_REPORT] > 200 and counts[E.BUDGET_LINE] > 1_000 and counts[E.BASELINE_TASK] > 1_000
    kinds = Counter(task["kind"] for task in rows(large, E.TASK))
    assert kinds["summary"] > 1_000 and kinds["milestone"] > 1_000


def test_rows_fill_their_columns(large: DemoData) -> None:
    assert column_problems(large) == []


def test_references_point_at_rows_that_exist(large: DemoData) -> None:
    for kind in INSERT_ORDER:
        table = Base.metadata.tables[kind.value]
        for key in table.foreign_keys:
            target = {row["id"] for row in rows(large, E(key.column.table.name))}
            values = {row[key.parent.name] for row in rows(large, kind)} - {None}
            assert values <= target, f"{kind.value}.{key.parent.name}"


def test_the_plan_is_acyclic_and_dated_after_every_link(large: DemoData) -> None:
    tasks = {task["id"]: task for task in rows(large, E.TASK)}
    links = rows(large, E.DEPENDENCY)
    topological_order(large)
    pairs = {(link["predecessor_id"], link["successor_id"]) for link in links}
    assert len(pairs) == len(links)
    assert all(tasks[a]["kind"] != "summary" and tasks[b]["kind"] != "summary" for a, b in pairs)
    crossing = sum(tasks[a]["project_id"] != tasks[b]["project_id"] for a, b in pairs)
    assert 100 <= crossing <= 2_000
    broken = [
        link
        for link in links
        if not link_holds(tasks[link["predecessor_id"]], tasks[link["successor_id"]], link["type"], link["lag_days"])
    ]
    assert broken == []


def test_summaries_span_their_children(large: DemoData) -> None:
    spans: dict[int, list[date]] = {}
    for task in rows(large, E.TASK):
        if task["parent_id"] is not None:
            low, high = spans.get(task["parent_id"], (task["start"], task["finish"]))
            spans[task["parent_id"]] = [min(low, task["start"]), max(high, task["finish"])]
    summaries = [task for task in rows(large, E.TASK) if task["kind"] == "summary"]
    assert all(spans[task["id"]] == [task["start"], task["finish"]] for task in summaries)


def test_nobody_is_allocated_after_leaving(large: DemoData) -> None:
    leavers = {row["id"]: row["employment_end"] for row in large[E.PERSON] if row["employment_end"]}
    assert leavers
    late = [
        row for row in large[E.ALLOCATION]
        if row["person_id"] in leavers and row["finish"] > leavers[row["person_id"]]  # type: ignore[operator]
    ]  # fmt: skip
    assert late == []

"""Progress, planned progress, slip and earned value, checked against numbers worked out by hand."""

from datetime import date, datetime
from types import MappingProxyType

import pytest

from pmo_desktop.domain.enums import Stage, TaskKind
from pmo_desktop.scheduling import WorkCalendar
from pmo_desktop.services.earned_value import earned_value, planned_share, progress_share, slip_days
from pmo_desktop.services.portfolio_facts import BaselineSpan, LeafTask, MoneyTotals, ProjectBaseline, ProjectFacts

CALENDAR = WorkCalendar()  # Monday to Friday, no holidays
MONDAY = date(2026, 3, 2)


def leaf(task_id: int, days: int, percent: int, start: date = MONDAY) -> LeafTask:
    kind = TaskKind.MILESTONE if days == 0 else TaskKind.TASK
    return LeafTask(task_id, kind, f"T{task_id}", start, start, days, percent)


def project(leaves: list[LeafTask], spans: dict[int, BaselineSpan] | None, budget: int, actual: int) -> ProjectFacts:
    baseline = None
    if spans is not None:
        baseline = ProjectBaseline(1, "B", datetime(2026, 1, 1), MappingProxyType(spans), None)
    return ProjectFacts(
        1,
        "P",
        "Project",
        None,
        None,
        None,
        Stage.ACTIVE,
        3,
        False,
        budget,
        "#4C6EF5",
        None,
        None,
        tuple(leaves),
        baseline,
        MoneyTotals(1, budget, actual, budget),
    )


def test_progress_is_weighted_by_duration() -> None:
    # 10 days at 50 % and 30 days at 10 %: 5 + 3 = 8 days done of 40.
    assert progress_share([leaf(1, 10, 50), leaf(2, 30, 10)]) == pytest.approx(0.2)
    assert progress_share([leaf(1, 10, 50), leaf(2, 0, 100)]) == pytest.approx(0.5)  # a milestone weighs nothing


def test_progress_of_milestones_only_is_their_mean_and_none_without_tasks() -> None:
    assert progress_share([leaf(1, 0, 100), leaf(2, 0, 0)]) == pytest.approx(0.5)
    assert progress_share([]) is None


def test_planned_share_counts_working_days_before_the_day() -> None:
    week = BaselineSpan(MONDAY, date(2026, 3, 6), 5)
    assert planned_share([week], CALENDAR, date(2026, 3, 4)) == pytest.approx(2 / 5)  # Monday and Tuesday
    assert planned_share([week], CALENDAR, MONDAY) == 0
    assert planned_share([week], CALENDAR, date(2026, 3, 9)) == 1
    # A second week, not started on Wednesday of the first: 2 of 10 days.
    second = BaselineSpan(date(2026, 3, 9), date(2026, 3, 13), 5)
    assert planned_share([week, second], CALENDAR, date(2026, 3, 4)) == pytest.approx(2 / 10)


def test_planned_share_skips_holidays() -> None:
    calendar = WorkCalendar(holidays=[date(2026, 3, 3)])  # Tuesday off; the week has four working days
    week = BaselineSpan(MONDAY, date(2026, 3, 6), 4)
    assert planned_share([week], calendar, date(2026, 3, 5)) == pytest.approx(2 / 4)  # Monday and Wednesday


def test_slip_is_in_working_days() -> None:
    friday, monday = date(2026, 3, 6), date(2026, 3, 9)
    assert slip_days(monday, friday, CALENDAR) == 1
    assert slip_days(friday, monday, CALENDAR) == -1
    assert slip_days(date(2026, 3, 13), friday, CALENDAR) == 5
    assert slip_days(monday, friday, WorkCalendar(holidays=[monday])) == 0  # a holiday Monday is no later
    assert slip_days(None, friday, CALENDAR) is None
    assert slip_days(friday, None, CALENDAR) is None


def test_earned_value_figures() -> None:
    # Two weeks of work, one 100 % done and one 20 % done: 6 of 10 days, 60 %.
    leaves = [leaf(1, 5, 100), leaf(2, 5, 20, date(2026, 3, 9))]
    spans = {1: BaselineSpan(MONDAY, date(2026, 3, 6), 5), 2: BaselineSpan(date(2026, 3, 9), date(2026, 3, 13), 5)}
    # On Thursday 12 March the baseline planned 5 + 3 = 8 of 10 days: 80 %.
    figures = earned_value(project(leaves, spans, budget=1_000_000, actual=750_000), CALENDAR, date(2026, 3, 12))
    assert figures.percent_complete == pytest.approx(60)
    assert figures.planned_percent == pytest.approx(80)
    assert figures.earned_value_minor == 600_000
    assert figures.planned_value_minor == 800_000
    assert figures.actual_cost_minor == 750_000
    assert figures.cost_variance_minor == -150_000
    assert figures.schedule_variance_minor == -200_000
    assert figures.cpi == pytest.approx(0.8)
    assert figures.spi == pytest.approx(0.75)


def test_earned_value_needs_its_inputs() -> None:
    leaves = [leaf(1, 5, 40)]
    no_baseline = earned_value(project(leaves, None, budget=500_000, actual=0), CALENDAR, MONDAY)
    assert (no_baseline.earned_value_minor, no_baseline.planned_value_minor) == (200_000, None)
    assert (no_baseline.cpi, no_baseline.spi, no_baseline.schedule_variance_minor) == (None, None, None)
    no_budget = earned_value(project(leaves, None, budget=0, actual=0), CALENDAR, MONDAY)
    assert no_budget.earned_value_minor is None
    assert no_budget.cost_variance_minor is None
    no_tasks = earned_value(project([], None, budget=500_000, actual=10), CALENDAR, MONDAY)
    assert (no_tasks.percent_complete, no_tasks.earned_value_minor, no_tasks.cpi) == (None, None, None)


def test_planned_value_ignores_baselined_tasks_that_are_no_longer_leaves() -> None:
    spans = {1: BaselineSpan(MONDAY, date(2026, 3, 6), 5), 99: BaselineSpan(MONDAY, date(2026, 3, 20), 15)}
    figures = earned_value(project([leaf(1, 5, 0)], spans, budget=100, actual=0), CALENDAR, date(2026, 3, 9))
    assert figures.planned_percent == pytest.approx(100)

"""Working-day arithmetic and the dependency rule the demo generators place tasks by."""

from datetime import date, timedelta

import numpy as np
import pytest

from pmo_desktop.demo.workdays import Span, day_of, earliest_start, index_of, next_workday, workdays
from pmo_desktop.domain.enums import DependencyType

FRIDAY = date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


def test_index_counts_working_days_and_round_trips() -> None:
    day = date(2025, 12, 29)
    for _ in range(40):
        assert day_of(index_of(day)) == day
        assert index_of(day + timedelta(days=7)) - index_of(day) == 5
        day = next_workday(day + timedelta(days=1))


def test_weekend_days_map_to_the_following_monday() -> None:
    assert index_of(FRIDAY) + 1 == index_of(FRIDAY + timedelta(days=1)) == index_of(MONDAY)
    assert next_workday(FRIDAY + timedelta(days=2)) == MONDAY


@pytest.mark.parametrize(
    ("start", "finish"),
    [
        (FRIDAY, MONDAY),
        (MONDAY, MONDAY),
        (date(2026, 11, 28), date(2026, 11, 29)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_workdays_agrees_with_numpy(start: date, finish: date) -> None:
    assert workdays(start, finish) == np.busday_count(start, finish + timedelta(days=1))


def test_finish_to_start_begins_the_next_working_day() -> None:
    task = Span(index_of(FRIDAY), 1)
    assert day_of(earliest_start(3, 0, [(task, DependencyType.FS, 0)])) == MONDAY


def test_milestone_after_a_task_shares_its_finish_and_work_after_it_starts_next_day() -> None:
    task = Span(index_of(FRIDAY) - 4, 5)
    milestone_start = earliest_start(0, 0, [(task, DependencyType.FS, 0)])
    assert day_of(milestone_start) == FRIDAY
    milestone = Span(milestone_start, 0)
    assert day_of(earliest_start(2, 0, [(milestone, DependencyType.FS, 0)])) == MONDAY


def test_lags_leads_and_the_other_link_types() -> None:
    predecessor = Span(index_of(MONDAY), 5)  # Monday to Friday
    assert earliest_start(2, 0, [(predecessor, DependencyType.FS, -2)]) == predecessor.start + 3
    assert earliest_start(2, 0, [(predecessor, DependencyType.SS, 2)]) == predecessor.start + 2
    assert earliest_start(2, 0, [(predecessor, DependencyType.FF, 1)]) == predecessor.start + 4
    assert earliest_start(2, 0, [(predecessor, DependencyType.SF, 0)]) == predecessor.start - 2


def test_floor_wins_over_links_that_allow_earlier() -> None:
    predecessor = Span(100, 3)
    assert earliest_start(4, 200, [(predecessor, DependencyType.FS, 0)]) == 200
    assert earliest_start(0, 200, []) == 200

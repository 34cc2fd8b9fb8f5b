"""Capacity: weekly hours spread over working days, less holidays and time off, within employment."""

from datetime import date

import numpy as np
import pytest

from pmo_desktop.capacity import CapacityEngine, Horizon, TimeOffInput, WorkCalendar
from tests.core.capacity.builders import MONDAY, day, engine, person


def capacity(built: CapacityEngine) -> list[float]:
    """The first person's weekly capacity."""
    return [float(hours) for hours in built.people.capacity[0]]


def test_a_full_timer_has_their_weekly_hours_every_week() -> None:
    assert capacity(engine([person(hours=40)])) == [40, 40, 40, 40]


def test_a_part_timer_spreads_their_hours_over_the_working_week() -> None:
    grid = engine([person(hours=24)], weeks=1, holidays=[day(0, 2)]).people
    assert grid.capacity[0, 0] == pytest.approx(24 * 4 / 5)


def test_a_holiday_week_loses_the_holiday() -> None:
    assert capacity(engine([person()], holidays=[day(1, 0), day(2, 5)])) == [40, 32, 40, 40]  # a Saturday costs nothing


def test_time_off_removes_its_working_days_only() -> None:
    time_off = [TimeOffInput(1, day(0, 3), day(1, 1)), TimeOffInput(1, day(3, 0), day(3, 0))]
    assert capacity(engine([person()], time_off=time_off)) == [24, 24, 40, 32]


def test_overlapping_time_off_and_holidays_are_not_counted_twice() -> None:
    time_off = [TimeOffInput(1, day(0, 0), day(0, 2)), TimeOffInput(1, day(0, 1), day(0, 3))]
    assert capacity(engine([person()], time_off=time_off, holidays=[day(0, 2)])) == [8, 40, 40, 40]


def test_time_off_of_someone_else_is_ignored() -> None:
    assert capacity(engine([person(1)], time_off=[TimeOffInput(2, day(0), day(3, 4))])) == [40, 40, 40, 40]


def test_employment_starting_on_a_wednesday_gives_three_fifths() -> None:
    assert capacity(engine([person(start=day(1, 2))])) == [0, 24, 40, 40]


def test_employment_ending_mid_week() -> None:
    assert capacity(engine([person(end=day(2, 1))])) == [40, 40, 16, 0]


def test_an_inactive_person_has_capacity_only_up_to_their_leaving_date() -> None:
    assert capacity(engine([person(active=False)])) == [0, 0, 0, 0]
    assert capacity(engine([person(active=False, end=day(1, 4))])) == [40, 40, 0, 0]


def test_a_six_day_week_spreads_hours_over_six_days() -> None:
    calendar = WorkCalendar(working_days=0b0111111, holidays=frozenset({day(0, 5)}))
    grid = CapacityEngine(calendar, Horizon.weeks(MONDAY, 1), [person(hours=48)]).people
    assert grid.capacity[0, 0] == pytest.approx(40)


def test_a_calendar_needs_a_working_day() -> None:
    with pytest.raises(ValueError, match="working day"):
        WorkCalendar(working_days=0)


def test_monthly_capacity_counts_the_working_days_of_each_month() -> None:
    horizon = Horizon.months(date(2026, 1, 1), 3)
    calendar = WorkCalendar(holidays=frozenset({date(2026, 1, 1)}))
    grid = CapacityEngine(calendar, horizon, [person(hours=40, start=date(2026, 2, 16))]).people
    # January has 22 weekdays (one a holiday), February 20 of which 10 after the start, March 22.
    assert list(grid.capacity[0]) == [0, 80, 176]
    assert grid.horizon.starts[1] == date(2026, 2, 1)


def test_no_people_gives_an_empty_grid() -> None:
    grid = engine([]).people
    assert grid.capacity.shape == (0, 4)
    assert grid.utilisation().shape == (0, 4)


def test_rows_follow_the_order_people_were_given() -> None:
    grid = engine([person(7, hours=10), person(3, hours=20)]).people
    assert grid.keys == (7, 3)
    assert grid.row(3) == 1
    assert np.array_equal(grid.capacity[:, 0], [10, 20])

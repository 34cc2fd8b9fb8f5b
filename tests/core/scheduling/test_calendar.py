"""The working-day calendar: weekends, holidays, year ends, custom weeks, country holidays, and a property
check against counting day by day."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.scheduling import WorkCalendar

FRIDAY, SATURDAY, SUNDAY, MONDAY = date(2025, 1, 10), date(2025, 1, 11), date(2025, 1, 12), date(2025, 1, 13)
SUNDAY_TO_THURSDAY = 0b1001111  # bit 0 = Monday ... bit 6 = Sunday


def test_weekends_are_skipped_both_ways() -> None:
    calendar = WorkCalendar()
    assert not calendar.is_working_day(SATURDAY)
    assert calendar.is_working_day(MONDAY)
    assert calendar.add_working_days(FRIDAY, 1) == MONDAY
    assert calendar.add_working_days(MONDAY, -1) == FRIDAY
    assert calendar.add_working_days(FRIDAY, 6) == date(2025, 1, 20)


def test_from_a_weekend_day() -> None:
    calendar = WorkCalendar()
    assert calendar.add_working_days(SATURDAY, 0) == MONDAY
    assert calendar.add_working_days(SATURDAY, 1) == MONDAY
    assert calendar.add_working_days(SUNDAY, 2) == date(2025, 1, 14)
    assert calendar.add_working_days(SATURDAY, -1) == FRIDAY
    assert calendar.index_on_or_after(SATURDAY) == calendar.index_on_or_after(MONDAY)
    assert calendar.index_on_or_before(SUNDAY) == calendar.index_on_or_before(FRIDAY)


def test_a_holiday_on_the_friday_before_a_weekend() -> None:
    calendar = WorkCalendar(holidays=[FRIDAY])
    thursday = date(2025, 1, 9)
    assert calendar.add_working_days(thursday, 1) == MONDAY
    assert calendar.add_working_days(MONDAY, -1) == thursday
    assert calendar.count_working_days(date(2025, 1, 6), MONDAY) == 5


def test_across_the_year_end_with_its_holidays() -> None:
    calendar = WorkCalendar(holidays=[date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1)])
    assert calendar.add_working_days(date(2025, 12, 24), 1) == date(2025, 12, 29)
    assert calendar.add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 2)
    assert calendar.add_working_days(date(2026, 1, 2), -3) == date(2025, 12, 29)
    assert calendar.count_working_days(date(2025, 12, 22), date(2026, 1, 2)) == 7


def test_a_sunday_to_thursday_week() -> None:
    calendar = WorkCalendar(SUNDAY_TO_THURSDAY)
    thursday = date(2025, 1, 9)
    assert calendar.is_working_day(SUNDAY)
    assert not calendar.is_working_day(FRIDAY)
    assert calendar.add_working_days(thursday, 1) == SUNDAY
    assert calendar.add_working_days(SUNDAY, -1) == thursday
    assert calendar.count_working_days(FRIDAY, SATURDAY) == 0


def test_counting_is_inclusive_and_never_negative() -> None:
    calendar = WorkCalendar()
    assert calendar.count_working_days(MONDAY, MONDAY) == 1
    assert calendar.count_working_days(MONDAY, FRIDAY) == 0
    assert calendar.count_working_days(SATURDAY, SUNDAY) == 0


def test_indices_stay_put_while_the_table_grows() -> None:
    calendar = WorkCalendar()
    index = calendar.index_on_or_after(MONDAY)
    far_future, far_past = calendar.index_on_or_after(date(2090, 6, 1)), calendar.index_on_or_after(date(1950, 6, 1))
    assert calendar.index_on_or_after(MONDAY) == index
    assert calendar.date_at(far_future) == date(2090, 6, 1)
    assert calendar.date_at(far_past) == date(1950, 6, 1)
    assert calendar.working_dates(index, index + 5) == [MONDAY + timedelta(days=d) for d in (0, 1, 2, 3, 4, 7)]


def test_dates_far_beyond_the_table_by_index() -> None:
    calendar = WorkCalendar()
    start = calendar.index_on_or_after(MONDAY)
    assert calendar.date_at(start + 261 * 40) > date(2064, 1, 1)
    assert calendar.date_at(start - 261 * 40) < date(1986, 1, 1)


def test_public_holidays_of_a_country_in_every_year_reached() -> None:
    calendar = WorkCalendar.for_country(country="GB", subdivision="ENG", extra_holidays=[date(2025, 7, 4)])
    assert not calendar.is_working_day(date(2025, 12, 25))
    assert not calendar.is_working_day(date(2025, 8, 25))  # the summer bank holiday of England
    assert not calendar.is_working_day(date(2025, 7, 4))  # entered by hand
    assert not calendar.is_working_day(date(2041, 12, 25))
    assert calendar.is_working_day(date(2025, 8, 26))


def test_without_a_country_only_hand_entered_holidays_count() -> None:
    calendar = WorkCalendar.for_country(extra_holidays=[MONDAY])
    assert not calendar.is_working_day(MONDAY)
    assert calendar.is_working_day(date(2025, 12, 25))
    assert calendar.working_days == 0b0011111


def test_an_unknown_country_is_refused() -> None:
    with pytest.raises(ValidationError, match="'XX'"):
        WorkCalendar.for_country(country="XX")
    with pytest.raises(ValidationError, match="'GB-NOWHERE'"):
        WorkCalendar.for_country(country="GB", subdivision="NOWHERE")


@pytest.mark.parametrize("week", [0, 128])
def test_a_week_without_working_days_is_refused(week: int) -> None:
    with pytest.raises(ValidationError):
        WorkCalendar(week)


def _naive_add(calendar_days: set[date], start: date, days: int) -> date:
    """Step one calendar day at a time: the obvious definition the index arithmetic must agree with."""
    current = start
    if days == 0:
        while current not in calendar_days:
            current += timedelta(days=1)
        return current
    step = timedelta(days=1 if days > 0 else -1)
    remaining = abs(days)
    while remaining:
        current += step
        remaining -= current in calendar_days
    return current


@settings(max_examples=60, deadline=None)
@given(
    week=st.integers(min_value=1, max_value=127),
    holidays=st.sets(st.dates(date(2024, 6, 1), date(2025, 12, 31)), max_size=25),
    start=st.dates(date(2024, 10, 1), date(2025, 6, 30)),
    days=st.integers(min_value=-60, max_value=60),
)
def test_arithmetic_agrees_with_counting_day_by_day(week: int, holidays: set[date], start: date, days: int) -> None:
    calendar = WorkCalendar(week, holidays)
    span = [date(2023, 1, 1) + timedelta(days=offset) for offset in range(365 * 4)]
    working = {day for day in span if week >> day.weekday() & 1 and day not in holidays}
    assert calendar.add_working_days(start, days) == _naive_add(working, start, days)
    end = start + timedelta(days=abs(days))
    assert calendar.count_working_days(start, end) == sum(start <= day <= end for day in working)
    assert calendar.is_working_day(start) == (start in working)


def test_dates_beyond_what_a_calendar_can_hold_are_refused() -> None:
    calendar = WorkCalendar()
    near_the_start = calendar.index_on_or_after(date(3, 1, 5))
    assert calendar.date_at(near_the_start - 200) == date(2, 4, 1)
    with pytest.raises(ValidationError, match="years 1 to 9998"):
        calendar.date_at(near_the_start - 2000)


def test_a_holiday_listed_under_the_next_year_counts_and_indices_hold() -> None:
    def observed_the_day_before(year: int) -> list[date]:
        return [date(year - 1, 12, 31)]  # New Year's Day observed on the last day of the year before

    calendar = WorkCalendar(holiday_source=observed_the_day_before)
    index = calendar.index_on_or_after(date(2025, 12, 30))
    assert not calendar.is_working_day(date(2025, 12, 31))
    calendar.index_on_or_after(date(2040, 1, 1))  # the table grows to reach it
    assert calendar.index_on_or_after(date(2025, 12, 30)) == index
    assert calendar.add_working_days(date(2025, 12, 30), 1) == date(2026, 1, 1)

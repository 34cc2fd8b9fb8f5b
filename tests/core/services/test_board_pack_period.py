"""The board pack's quarters: parsing what a user types, naming fiscal years, the quarters around one, and the
day a pack reads the portfolio on."""

from datetime import date

import pytest

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.services.board_pack_period import ReportPeriod, as_of_day, parse_period, period_of

APRIL = 4


@pytest.mark.parametrize("text", ["2026-Q4", "2026 Q4", "2026q4", " q4 2026 ", "Q4-2026", "2026/Q4", "CY2026-Q4"])
def test_calendar_quarters_in_every_spelling(text: str) -> None:
    period = parse_period(text, 1)
    assert (period.first, period.last) == (date(2026, 10, 1), date(2026, 12, 31))
    assert period.label == "2026 Q4" and not period.fiscal


def test_a_plain_quarter_follows_the_portfolios_fiscal_year() -> None:
    # FY2026 of a year starting in April runs from April 2025 to March 2026: its Q4 is January to March 2026.
    period = parse_period("2026-Q4", APRIL)
    assert (period.first, period.last) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period.label == "FY2026 Q4" and period.fiscal
    assert "April" in period.basis_text


def test_fy_and_cy_say_which_quarters_outright() -> None:
    fiscal = parse_period("FY2027-Q3", APRIL)
    assert (fiscal.first, fiscal.last) == (date(2026, 10, 1), date(2026, 12, 31))
    calendar = parse_period("CY2026-Q4", APRIL)
    assert (calendar.first, calendar.last) == (date(2026, 10, 1), date(2026, 12, 31))
    assert calendar.label == "2026 Q4" and calendar.basis_text == "calendar quarters"


@pytest.mark.parametrize("text", ["", "2026", "2026-Q5", "Q0 2026", "26-Q4", "2026-Q4x", "<b>", "FY-Q3", "２０２６-Q4"])
def test_anything_else_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(ValidationError, match="2026-Q4"):
        parse_period(text, 1)


def test_a_long_or_multi_line_entry_is_quoted_on_one_short_line() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_period("nonsense\n" * 20, 1)
    message = str(refused.value)
    assert "\n" not in message and len(message) < 200


@pytest.mark.parametrize(
    ("day", "start_month", "label", "first"),
    [
        (date(2026, 11, 27), APRIL, "FY2027 Q3", date(2026, 10, 1)),
        (date(2026, 3, 31), APRIL, "FY2026 Q4", date(2026, 1, 1)),
        (date(2026, 4, 1), APRIL, "FY2027 Q1", date(2026, 4, 1)),
        (date(2026, 11, 27), 1, "2026 Q4", date(2026, 10, 1)),
        (date(2026, 1, 5), 10, "FY2026 Q2", date(2026, 1, 1)),
        (date(2025, 10, 1), 10, "FY2026 Q1", date(2025, 10, 1)),
    ],
)
def test_the_quarter_holding_a_day(day: date, start_month: int, label: str, first: date) -> None:
    period = period_of(day, start_month)
    assert (period.label, period.first) == (label, first)
    assert period.contains(day)
    assert parse_period(period.code, start_month) == period


def test_quarters_run_on_across_years() -> None:
    period = ReportPeriod(2027, 4, APRIL)
    assert period.following() == ReportPeriod(2028, 1, APRIL)
    assert period.following().first == date(2027, 4, 1)
    assert ReportPeriod(2027, 1, APRIL).previous() == ReportPeriod(2026, 4, APRIL)
    labels = [quarter.label for quarter in ReportPeriod(2027, 3, APRIL).fiscal_year()]
    assert labels == ["FY2027 Q1", "FY2027 Q2", "FY2027 Q3", "FY2027 Q4"]
    spans = [(quarter.first, quarter.last) for quarter in ReportPeriod(2026, 1, 1).quarters(4)]
    assert spans == [
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
    ]


def test_a_pack_reads_today_inside_its_quarter_and_the_last_day_after_it() -> None:
    period = ReportPeriod(2026, 4, 1)
    assert as_of_day(period, date(2026, 11, 27)) == date(2026, 11, 27)
    assert as_of_day(period, date(2027, 2, 1)) == date(2026, 12, 31)
    assert as_of_day(period, date(2026, 10, 1)) == date(2026, 10, 1)


def test_a_quarter_that_has_not_begun_is_refused() -> None:
    with pytest.raises(ValidationError, match="has not begun yet"):
        as_of_day(ReportPeriod(2027, 1, 1), date(2026, 12, 31))

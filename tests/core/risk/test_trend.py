"""Trend over a window: the score at the window's start against the latest score in it."""

from datetime import date

import pytest

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.risk import ScoreBasis, ScoreHistory, Trend, item_trend, trends

from .factories import point

INHERENT = ScoreBasis.INHERENT
# Item 1: 4 on Jan 5, 9 on Feb 2, 6 on Mar 2.  Item 2 starts on Feb 15 at 2, then 4 on Mar 1.
# Item 3: inherent 16 throughout; residual 12 on Feb 1, then 8 on Mar 1.
HISTORY = ScoreHistory(
    [
        point(1, date(2026, 1, 5), 2, 2),
        point(1, date(2026, 2, 2), 3, 3),
        point(1, date(2026, 3, 2), 2, 3),
        point(2, date(2026, 2, 15), 1, 2),
        point(2, date(2026, 3, 1), 2, 2),
        point(3, date(2026, 2, 1), 4, 4, residual_probability=3, residual_impact=4),
        point(3, date(2026, 3, 1), 4, 4, residual_probability=2, residual_impact=4),
    ]
)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 2, 1), date(2026, 3, 31), Trend.UP),  # 4 (Jan 5) -> 6 (Mar 2)
        (date(2026, 2, 10), date(2026, 3, 31), Trend.DOWN),  # 9 (Feb 2) -> 6 (Mar 2)
        (date(2026, 1, 10), date(2026, 1, 31), Trend.FLAT),  # 4 (Jan 5) -> 4 (Jan 5)
        (date(2026, 2, 2), date(2026, 2, 2), Trend.FLAT),  # a one-day window on an entry
        (date(2026, 1, 10), date(2026, 2, 20), Trend.UP),  # 4 -> 9: the end bounds the latest score
    ],
)
def test_trend_of_an_item_over_windows(start: date, end: date, expected: Trend) -> None:
    assert item_trend(HISTORY, 1, start=start, end=end, basis=INHERENT) is expected


def test_history_starting_inside_the_window_uses_its_first_entry() -> None:
    assert item_trend(HISTORY, 2, start=date(2026, 2, 1), end=date(2026, 3, 31), basis=INHERENT) is Trend.UP


def test_no_history_up_to_the_window_end_is_flat() -> None:
    assert item_trend(HISTORY, 2, start=date(2026, 1, 1), end=date(2026, 2, 14), basis=INHERENT) is Trend.FLAT
    assert item_trend(HISTORY, 99, start=date(2026, 1, 1), end=date(2026, 3, 31), basis=INHERENT) is Trend.FLAT


def test_trend_follows_the_chosen_basis() -> None:
    window = {"start": date(2026, 2, 1), "end": date(2026, 3, 31)}
    assert item_trend(HISTORY, 3, basis=INHERENT, **window) is Trend.FLAT
    assert item_trend(HISTORY, 3, basis=ScoreBasis.RESIDUAL, **window) is Trend.DOWN


def test_trends_of_many_items() -> None:
    result = trends(HISTORY, [1, 2, 3], start=date(2026, 2, 10), end=date(2026, 3, 31), basis=INHERENT)
    assert result == {1: Trend.DOWN, 2: Trend.UP, 3: Trend.FLAT}


def test_a_window_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="before its start"):
        item_trend(HISTORY, 1, start=date(2026, 3, 1), end=date(2026, 2, 1), basis=INHERENT)


def test_trend_labels_and_arrows() -> None:
    assert [(t.label, t.arrow) for t in Trend] == [("Rising", "↑"), ("Falling", "↓"), ("Steady", "→")]

"""Horizons: ISO weeks start on Monday, months on the 1st, and every day of the horizon has one bucket."""

from datetime import date

import numpy as np
import pytest

from pmo_desktop.capacity import Granularity, Horizon


def test_weeks_start_on_the_monday_of_the_first_day() -> None:
    horizon = Horizon.weeks(date(2026, 1, 8), 3)  # a Thursday
    assert horizon.starts == (date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19))
    assert horizon.end == date(2026, 1, 26)
    assert horizon.day_count == 21
    assert list(horizon.edges) == [0, 7, 14, 21]


def test_months_have_their_own_lengths_across_a_year_end() -> None:
    horizon = Horizon.months(date(2025, 11, 20), 4)
    assert horizon.starts == (date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1))
    assert list(np.diff(horizon.edges)) == [30, 31, 31, 28]
    assert horizon.last_day == date(2026, 2, 28)


@pytest.mark.parametrize("granularity", list(Granularity))
def test_covering_holds_both_ends(granularity: Granularity) -> None:
    horizon = Horizon.covering(date(2026, 1, 1), date(2026, 3, 31), granularity)
    assert horizon.granularity is granularity
    assert horizon.first_day <= date(2026, 1, 1)
    assert horizon.last_day >= date(2026, 3, 31)
    assert len(horizon) == (14 if granularity is Granularity.WEEK else 3)


def test_bucket_of_and_bucket_days() -> None:
    horizon = Horizon.weeks(date(2026, 1, 5), 2)
    assert horizon.bucket_of(date(2026, 1, 4)) is None
    assert horizon.bucket_of(date(2026, 1, 11)) == 0
    assert horizon.bucket_of(date(2026, 1, 12)) == 1
    assert horizon.bucket_of(date(2026, 1, 19)) is None
    assert horizon.bucket_days(1) == (date(2026, 1, 12), date(2026, 1, 18))


def test_day_spans_are_cut_to_the_horizon_and_never_reversed() -> None:
    horizon = Horizon.weeks(date(2026, 1, 5), 1)
    ordinals = [date(2025, 12, 1), date(2026, 1, 6), date(2026, 2, 1)]
    starts = np.array([d.toordinal() for d in ordinals])
    finishes = np.array([date(2025, 12, 5).toordinal(), date(2026, 1, 7).toordinal(), date(2026, 2, 9).toordinal()])
    first, stop = horizon.day_spans(starts, finishes)
    assert list(first) == [0, 1, 7]
    assert list(stop) == [0, 3, 7]


def test_an_empty_horizon_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Horizon.weeks(date(2026, 1, 5), 0)

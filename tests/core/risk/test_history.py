"""The score valid on any day, from a history given in any order."""

from datetime import date

from pmo_desktop.risk import ScoreHistory

from .factories import point

JAN_5, FEB_2, MAR_2 = date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2)


def _history() -> ScoreHistory:
    # Given out of order on purpose, with two entries on March 2: the later one is the day's final edit.
    return ScoreHistory([point(1, MAR_2, 2, 3), point(1, JAN_5, 2, 2), point(1, FEB_2, 3, 3), point(1, MAR_2, 1, 3)])


def test_points_are_sorted_by_day_keeping_same_day_order() -> None:
    scores = [p.assessment.inherent.score for p in _history().points(1)]
    assert scores == [4, 9, 6, 3]


def test_score_on_any_day() -> None:
    history = _history()
    assert history.at(1, date(2026, 1, 4)) is None
    assert history.at(1, JAN_5) == point(1, JAN_5, 2, 2)
    assert history.at(1, date(2026, 3, 1)) == point(1, FEB_2, 3, 3)
    assert history.at(1, MAR_2) == point(1, MAR_2, 1, 3)
    assert history.at(1, date(2027, 1, 1)) == point(1, MAR_2, 1, 3)


def test_first_entry_after_a_day() -> None:
    history = _history()
    assert history.first_after(1, date(2026, 1, 1)) == point(1, JAN_5, 2, 2)
    assert history.first_after(1, JAN_5) == point(1, FEB_2, 3, 3)
    assert history.first_after(1, MAR_2) is None


def test_an_item_without_history() -> None:
    history = _history()
    assert history.points(2) == ()
    assert history.at(2, MAR_2) is None
    assert history.first_after(2, MAR_2) is None

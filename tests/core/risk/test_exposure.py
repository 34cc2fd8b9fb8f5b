"""The burndown: open exposure week by week from a hand-built history, then projected past today."""

from datetime import date, timedelta

import pytest

from pmo_desktop.domain.enums import RaidKind, RaidStatus
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.risk import ExposurePoint, ScoreBasis, ScoreHistory, exposure_series, week_starts

from .factories import item, point

TODAY = date(2026, 3, 18)  # a Wednesday: Mondays up to Mar 16 come from the history, later ones are projected
ITEMS = [
    # 6 from Feb 20, 12 from Mar 5; open now at 12.
    item(1, date(2026, 2, 20), probability=3, impact=4),
    # 20, raised Mar 2 and closed Mar 9: counts on Mar 2 and on its closing day, Mar 9.
    item(2, date(2026, 3, 2), probability=4, impact=5, status=RaidStatus.CLOSED, closed_on=date(2026, 3, 9)),
    # 4, raised Mar 10 with no history (counts with its current score), due to close Mar 30.
    item(3, date(2026, 3, 10), probability=2, impact=2, due_on=date(2026, 3, 30)),
    # An opportunity: 4 from Feb 1, 9 from Mar 16. Summed apart.
    item(4, date(2026, 2, 1), probability=3, impact=3, opportunity=True),
    # An unscored issue: counts in neither sum.
    item(5, date(2026, 2, 1), kind=RaidKind.ISSUE),
    # Raised Feb 16, first scored on Mar 12 at 20 (residual 8): counts with that first entry before it.
    item(6, date(2026, 2, 16), probability=5, impact=4, residual_probability=2, residual_impact=4),
]
HISTORY = ScoreHistory(
    [
        point(1, date(2026, 2, 20), 2, 3),
        point(1, date(2026, 3, 5), 3, 4),
        point(2, date(2026, 3, 2), 4, 5),
        point(4, date(2026, 2, 1), 2, 2),
        point(4, date(2026, 3, 16), 3, 3),
        point(6, date(2026, 3, 12), 5, 4, residual_probability=2, residual_impact=4),
    ]
)
WEEKS = [date(2026, 2, 23) + timedelta(weeks=n) for n in range(7)]


def _series(basis: ScoreBasis) -> tuple[ExposurePoint, ...]:
    return exposure_series(ITEMS, HISTORY, start=date(2026, 2, 25), end=date(2026, 4, 8), today=TODAY, basis=basis)


def test_inherent_burndown_week_by_week() -> None:
    # Feb 23: 1 (6) + 6 (20)                  = 26, 2 threats; opportunity 4
    # Mar  2: 1 (6) + 2 (20) + 6 (20)         = 46, 3;         4
    # Mar  9: 1 (12) + 2 (20, closing day) + 6 = 52, 3;         4
    # Mar 16: 1 (12) + 3 (4) + 6 (20)         = 36, 3;         9
    # Mar 23 and Mar 30 (projected): 12 + 4 + 20 = 36, 3;     9  (item 3 still counts on its due day)
    # Apr  6 (projected): 12 + 20             = 32, 2;         9
    expected = [
        ExposurePoint(WEEKS[0], 26, 4, 2, projected=False),
        ExposurePoint(WEEKS[1], 46, 4, 3, projected=False),
        ExposurePoint(WEEKS[2], 52, 4, 3, projected=False),
        ExposurePoint(WEEKS[3], 36, 9, 3, projected=False),
        ExposurePoint(WEEKS[4], 36, 9, 3, projected=True),
        ExposurePoint(WEEKS[5], 36, 9, 3, projected=True),
        ExposurePoint(WEEKS[6], 32, 9, 2, projected=True),
    ]
    assert list(_series(ScoreBasis.INHERENT)) == expected


def test_residual_burndown_uses_residual_scores() -> None:
    # As above with item 6 at its residual 2 x 4 = 8 instead of 20.
    assert [p.threat for p in _series(ScoreBasis.RESIDUAL)] == [14, 34, 40, 24, 24, 24, 20]


def test_projection_uses_current_scores_not_the_history() -> None:
    raised = date(2026, 3, 2)
    lowered = [item(1, raised, probability=1, impact=2)]
    history = ScoreHistory([point(1, raised, 4, 5)])
    series = exposure_series(
        lowered, history, start=raised, end=date(2026, 3, 9), today=date(2026, 3, 4), basis=ScoreBasis.INHERENT
    )
    assert [(p.threat, p.projected) for p in series] == [(20, False), (2, True)]


def test_closed_items_are_not_projected() -> None:
    closed = [item(1, date(2026, 3, 2), probability=4, impact=5, status=RaidStatus.CLOSED, closed_on=date(2026, 3, 3))]
    series = exposure_series(
        closed,
        ScoreHistory([]),
        start=date(2026, 3, 2),
        end=date(2026, 3, 9),
        today=date(2026, 3, 4),
        basis=ScoreBasis.INHERENT,
    )
    assert [p.threat for p in series] == [20, 0]


def test_week_starts_cover_the_range_by_mondays() -> None:
    assert week_starts(date(2026, 2, 25), date(2026, 3, 9)) == (date(2026, 2, 23), date(2026, 3, 2), date(2026, 3, 9))
    assert week_starts(date(2026, 3, 2), date(2026, 3, 8)) == (date(2026, 3, 2),)


def test_a_range_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="before its start"):
        week_starts(date(2026, 3, 9), date(2026, 3, 2))

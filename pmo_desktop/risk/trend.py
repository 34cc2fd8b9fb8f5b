"""Which way each item's score moved over a chosen window, from its score history.

The rule: the score at the start of the window is the last entry on or before the start or, when the
history begins inside the window, its first entry there. It is compared with the latest score of the
window, the last entry on or before its end. Higher is up, lower is down, equal is flat; an item with no
entry on or before the end of the window is flat, since nothing moved that we know of.

The trend is the direction of the score, not a judgement: for an opportunity, up is good news.
"""

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from pmo_desktop.i18n import tr
from pmo_desktop.risk.history import ScoreHistory
from pmo_desktop.risk.periods import check_period
from pmo_desktop.risk.scoring import ScoreBasis


class Trend(StrEnum):
    """The direction of a score over a window."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"

    @property
    def label(self) -> str:
        """The translated display name."""
        return tr(_TREND_LABELS[self])

    @property
    def arrow(self) -> str:
        """A one-character arrow for the register's trend column."""
        return _TREND_ARROWS[self]


_TREND_LABELS = {Trend.UP: "Rising", Trend.DOWN: "Falling", Trend.FLAT: "Steady"}
_TREND_ARROWS = {Trend.UP: "↑", Trend.DOWN: "↓", Trend.FLAT: "→"}


def item_trend(history: ScoreHistory, item_id: int, *, start: date, end: date, basis: ScoreBasis) -> Trend:
    """The trend of one item between `start` and `end` (both inclusive), by the rule of this module."""
    check_period(start, end)
    latest = history.at(item_id, end)
    baseline = history.at(item_id, start) or history.first_after(item_id, start)
    if latest is None or baseline is None:
        return Trend.FLAT
    change = latest.assessment.score_for(basis).score - baseline.assessment.score_for(basis).score
    if change > 0:
        return Trend.UP
    return Trend.DOWN if change < 0 else Trend.FLAT


def trends(
    history: ScoreHistory, item_ids: Iterable[int], *, start: date, end: date, basis: ScoreBasis
) -> dict[int, Trend]:
    """The trend of each item, by id."""
    return {item_id: item_trend(history, item_id, start=start, end=end, basis=basis) for item_id in item_ids}

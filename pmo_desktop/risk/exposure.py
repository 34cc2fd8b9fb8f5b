"""Open exposure over time, for the burndown: the sum of the scores of the items open each week.

Each week is measured on its Monday. For a Monday on or before `today`, the history decides: an item
counts when it was open that day (raised on or before it and, if closed, closed on or after it; see
`items`), with the score of its history entry valid that day. An item raised before its first history
entry counts with that first entry, and an item with no history at all with its current scores.

For a Monday after `today` the exposure is projected, honestly and without guessing at mitigation: each
item open now counts with its current scores until its planned closure (`due_on`): it still counts on
that day and drops out the day after. Items without a due date stay until the end of the range.

Opportunities are summed apart from threats: a chance of gain does not offset a threat, so it must
never lower (or raise) the threat exposure the burndown tracks. Unscored items count in neither sum.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pmo_desktop.risk.history import ScoreHistory
from pmo_desktop.risk.items import RaidItemInput
from pmo_desktop.risk.periods import week_starts
from pmo_desktop.risk.scoring import RiskAssessment, ScoreBasis


@dataclass(frozen=True)
class ExposurePoint:
    """One week of the burndown, measured on its Monday `week`.

    `threat` and `opportunity` are sums of scores, `open_threats` the number of scored threats in `threat`,
    and `projected` marks the weeks after today.
    """

    week: date
    threat: int
    opportunity: int
    open_threats: int
    projected: bool


def _past_assessment(item: RaidItemInput, history: ScoreHistory, day: date) -> RiskAssessment | None:
    if not item.open_on(day):
        return None
    point = history.at(item.id, day) or history.first_after(item.id, day)
    return item.assessment if point is None else point.assessment


def _projected_assessment(item: RaidItemInput, day: date) -> RiskAssessment | None:
    planned_open = item.due_on is None or day <= item.due_on
    return item.assessment if item.is_open and item.raised_on <= day and planned_open else None


def _week_point(
    items: Sequence[RaidItemInput], history: ScoreHistory, week: date, today: date, basis: ScoreBasis
) -> ExposurePoint:
    projected = week > today
    threat = opportunity = open_threats = 0
    for item in items:
        assessment = _projected_assessment(item, week) if projected else _past_assessment(item, history, week)
        if assessment is None:
            continue
        score = assessment.score_for(basis).score
        if item.opportunity:
            opportunity += score
        else:
            threat += score
            open_threats += 1
    return ExposurePoint(week, threat, opportunity, open_threats, projected)


def exposure_series(
    items: Iterable[RaidItemInput],
    history: ScoreHistory,
    *,
    start: date,
    end: date,
    today: date,
    basis: ScoreBasis,
) -> tuple[ExposurePoint, ...]:
    """The exposure of every week from the Monday on or before `start` through `end`, by this module's rule."""
    materialised = tuple(items)
    return tuple(_week_point(materialised, history, week, today, basis) for week in week_starts(start, end))

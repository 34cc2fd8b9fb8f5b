"""The top risks: the open threats that most deserve a board's attention, most serious first.

Ranked by residual score (what remains after the response; the inherent score while none is assessed),
then inherent score, then proximity (imminent first, none last), then id so the order is stable. Closed,
unscored and opportunity items are left out; the caller chooses which kinds to pass (normally risks).
"""

from collections.abc import Iterable

from pmo_desktop.risk.items import RaidItemInput
from pmo_desktop.risk.proximity import proximity_rank
from pmo_desktop.risk.scoring import RiskAssessment


def _rank_key(item: RaidItemInput, assessment: RiskAssessment) -> tuple[int, int, int, int]:
    return (-assessment.residual_or_inherent.score, -assessment.inherent.score, proximity_rank(item.proximity), item.id)


def top_risks(items: Iterable[RaidItemInput], limit: int = 10) -> tuple[RaidItemInput, ...]:
    """The `limit` highest-ranked open, scored threats of `items`."""
    scored = [(item, item.assessment) for item in items if item.is_open and not item.opportunity]
    ranked = sorted(((item, a) for item, a in scored if a is not None), key=lambda pair: _rank_key(*pair))
    return tuple(item for item, _ in ranked[:limit])

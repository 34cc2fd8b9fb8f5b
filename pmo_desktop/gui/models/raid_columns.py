"""The columns of the RAID register: what each shows of a `RegisterRow`, and the key it sorts by.

Scores sort by their number, dates by date, proximity by urgency and status in life-cycle order; an empty
cell sorts below every value. Ties keep the register's own order (kind, then number), so a sort is stable.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any

from pmo_desktop.domain.enums import RaidKind, RaidStatus
from pmo_desktop.gui.formatting import enum_words, format_date
from pmo_desktop.i18n import tr
from pmo_desktop.risk import RiskScore, ScoreBasis, Trend, proximity_label, proximity_rank
from pmo_desktop.services.raid_queries import RegisterRow

_KIND_ORDER = {kind: position for position, kind in enumerate(RaidKind)}
_STATUS_ORDER = {status: position for position, status in enumerate(RaidStatus)}
_TREND_ORDER = {Trend.DOWN: 0, Trend.FLAT: 1, Trend.UP: 2}
_EMPTY = (0,)


class RaidColumn(IntEnum):
    """The register's columns, in display order."""

    REF = 0
    TITLE = 1
    PROJECT = 2
    OWNER = 3
    PROBABILITY = 4
    IMPACT = 5
    SCORE = 6
    RESIDUAL = 7
    PROXIMITY = 8
    RESPONSE = 9
    STATUS = 10
    REVIEW = 11
    TREND = 12


@dataclass(frozen=True)
class ColumnSpec:
    """How one column reads: its header, its text and its sort key (both may depend on the score basis)."""

    header: str
    tooltip: str
    text: Callable[[RegisterRow, ScoreBasis], str]
    key: Callable[[RegisterRow, ScoreBasis], Any]
    centred: bool = False


def register_order(row: RegisterRow) -> tuple[int, int]:
    """The register's own order: risks, assumptions, issues, decisions, each by number."""
    return (_KIND_ORDER[row.kind], row.item.number)


def _present(value: Any) -> tuple[Any, ...]:
    return _EMPTY if value is None else (1, value)


def _project(row: RegisterRow) -> str:
    return row.project_code or row.project_name


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def _score_text(score: RiskScore | None) -> str:
    return "" if score is None else str(score.score)


def _score_key(score: RiskScore | None) -> tuple[Any, ...]:
    return _EMPTY if score is None else (1, score.score, score.impact)


def _date_key(value: date | None) -> tuple[Any, ...]:
    return _present(None if value is None else value.toordinal())


SPECS: dict[RaidColumn, ColumnSpec] = {
    RaidColumn.REF: ColumnSpec(
        "Ref", "R-014, A-003, I-007, D-002", lambda r, b: r.human_id, lambda r, b: register_order(r)
    ),
    RaidColumn.TITLE: ColumnSpec("Title", "", lambda r, b: r.title, lambda r, b: r.title.casefold()),
    RaidColumn.PROJECT: ColumnSpec(
        "Project", "The project's code, or Portfolio", lambda r, b: _project(r), lambda r, b: _project(r).casefold()
    ),
    RaidColumn.OWNER: ColumnSpec(
        "Owner", "", lambda r, b: r.owner_name, lambda r, b: _present(r.owner_name.casefold() or None)
    ),
    RaidColumn.PROBABILITY: ColumnSpec(
        "P", "Probability, 1-5", lambda r, b: _number(r.probability), lambda r, b: _present(r.probability), True
    ),
    RaidColumn.IMPACT: ColumnSpec(
        "I", "Impact, 1-5", lambda r, b: _number(r.impact), lambda r, b: _present(r.impact), True
    ),
    RaidColumn.SCORE: ColumnSpec(
        "Score",
        "Probability × impact before the response",
        lambda r, b: _score_text(r.score),
        lambda r, b: _score_key(r.score),
        True,
    ),
    RaidColumn.RESIDUAL: ColumnSpec(
        "Residual",
        "The score after the response",
        lambda r, b: _score_text(r.residual),
        lambda r, b: _score_key(r.residual),
        True,
    ),
    RaidColumn.PROXIMITY: ColumnSpec(
        "Proximity",
        "How soon it could happen",
        lambda r, b: proximity_label(r.proximity),
        lambda r, b: proximity_rank(r.proximity),
    ),
    RaidColumn.RESPONSE: ColumnSpec(
        "Response", "", lambda r, b: enum_words(r.response), lambda r, b: _present(enum_words(r.response) or None)
    ),
    RaidColumn.STATUS: ColumnSpec(
        "Status", "", lambda r, b: enum_words(r.status), lambda r, b: _STATUS_ORDER[r.status]
    ),
    RaidColumn.REVIEW: ColumnSpec(
        "Next review",
        "Overdue reviews are shown in red",
        lambda r, b: format_date(r.review_on),
        lambda r, b: _date_key(r.review_on),
    ),
    RaidColumn.TREND: ColumnSpec(
        "Trend",
        "How the score moved over the trend window",
        lambda r, b: r.trend_on(b).arrow,
        lambda r, b: _TREND_ORDER[r.trend_on(b)],
        True,
    ),
}


def trend_tooltip(row: RegisterRow, basis: ScoreBasis, days: int) -> str:
    trend = row.trend_on(basis)
    return tr(
        "{trend} over the last {days} days ({basis} score)", trend=trend.label, days=days, basis=basis.label.lower()
    )


def score_tooltip(score: RiskScore | None, what: str) -> str | None:
    if score is None:
        return None
    return tr(
        "{what}: {score} ({band}): probability {probability} × impact {impact}",
        what=what,
        score=score.score,
        band=score.band.label,
        probability=score.probability,
        impact=score.impact,
    )

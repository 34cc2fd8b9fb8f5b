"""The engine's inputs: validation where they are made, and when an item counts as open."""

from datetime import date

import pytest

from pmo_desktop.domain.enums import RaidKind, RaidStatus
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.risk import ScorePoint

from .factories import item

RAISED = date(2026, 3, 2)
CLOSED = date(2026, 3, 9)


def test_an_open_item_is_open_from_the_day_it_was_raised() -> None:
    risk = item(1, RAISED, status=RaidStatus.IN_PROGRESS)
    assert risk.is_open
    assert not risk.open_on(date(2026, 3, 1))
    assert risk.open_on(RAISED)
    assert risk.open_on(date(2030, 1, 1))


def test_a_closed_item_counts_through_its_closing_day() -> None:
    risk = item(1, RAISED, status=RaidStatus.CLOSED, closed_on=CLOSED)
    assert not risk.is_open
    assert risk.open_on(CLOSED)
    assert not risk.open_on(date(2026, 3, 10))


def test_a_closed_item_without_closing_date_never_counts() -> None:
    risk = item(1, RAISED, status=RaidStatus.CLOSED)
    assert not risk.open_on(RAISED)


def test_a_reopened_item_ignores_its_stale_closing_date() -> None:
    risk = item(1, RAISED, status=RaidStatus.OPEN, closed_on=CLOSED)
    assert risk.open_on(date(2026, 4, 1))


def test_an_item_cannot_close_before_it_was_raised() -> None:
    with pytest.raises(ValidationError, match="cannot be closed"):
        item(1, RAISED, status=RaidStatus.CLOSED, closed_on=date(2026, 3, 1))


def test_bad_scores_fail_when_the_item_is_made() -> None:
    with pytest.raises(ValidationError, match="residual probability"):
        item(1, probability=3, impact=3, residual_probability=6)


def test_bad_history_entries_fail_when_made() -> None:
    with pytest.raises(ValidationError, match="impact"):
        ScorePoint(item_id=1, recorded_on=RAISED, probability=2, impact=0)


def test_identifier_and_assessment() -> None:
    decision = item(2, kind=RaidKind.DECISION)
    assert decision.human_id == "D-002"
    assert decision.assessment is None
    assert item(14, probability=2, impact=5).human_id == "R-014"

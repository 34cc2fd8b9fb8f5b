"""Short builders for the risk engine's inputs, so each test shows only the fields it is about."""

from datetime import date
from typing import Any

from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.risk import RaidItemInput, ScorePoint


def item(item_id: int, raised_on: date = date(2026, 1, 5), **fields: Any) -> RaidItemInput:
    """A risk numbered like its id, raised on `raised_on`; `fields` override the rest."""
    values: dict[str, Any] = {"kind": RaidKind.RISK, "number": item_id, "title": f"Risk {item_id}"}
    values.update(fields)
    return RaidItemInput(id=item_id, raised_on=raised_on, **values)


def point(item_id: int, recorded_on: date, probability: int, impact: int, **residual: int) -> ScorePoint:
    """One history entry; `residual` takes residual_probability and residual_impact."""
    return ScorePoint(item_id=item_id, recorded_on=recorded_on, probability=probability, impact=impact, **residual)

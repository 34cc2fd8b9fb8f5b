"""The engine's inputs: plain frozen copies of a RAID item and of one entry of its score history.

The services build these from the stored rows; the engine never sees a database row. Both validate their
scores on construction, so every later calculation can trust them.

Dates decide the past and the status decides the present: an item is open now when its status is not
closed, and it was open on a past day when it had been raised by then and, if it is closed, not closed
before that day (it still counts on its closing day). A closed item without a closing date cannot be
placed in time and never counts; a reopened item's stale closing date is ignored.
"""

from dataclasses import dataclass
from datetime import date

from pmo_desktop.domain.enums import Proximity, RaidKind, RaidStatus
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.risk.scoring import RiskAssessment, assess, human_id


@dataclass(frozen=True, kw_only=True)
class RaidItemInput:
    """One RAID item as the engine needs it. Opportunities are scored like threats but kept apart."""

    id: int
    kind: RaidKind
    number: int
    title: str
    raised_on: date
    project_id: int | None = None
    owner_id: int | None = None
    probability: int | None = None
    impact: int | None = None
    residual_probability: int | None = None
    residual_impact: int | None = None
    status: RaidStatus = RaidStatus.OPEN
    closed_on: date | None = None
    due_on: date | None = None
    review_on: date | None = None
    proximity: Proximity | None = None
    opportunity: bool = False

    def __post_init__(self) -> None:
        human_id(self.kind, self.number)
        # Bad scores fail where the item is made, not in whichever view first reads them.
        assess(self.probability, self.impact, self.residual_probability, self.residual_impact)
        if self.closed_on is not None and self.closed_on < self.raised_on:
            raise ValidationError(
                tr(
                    "An item cannot be closed ({closed}) before it was raised ({raised}).",
                    closed=self.closed_on,
                    raised=self.raised_on,
                )
            )

    @property
    def assessment(self) -> RiskAssessment | None:
        """The current inherent and residual scores; None while the item is unscored."""
        return assess(self.probability, self.impact, self.residual_probability, self.residual_impact)

    @property
    def human_id(self) -> str:
        """R-014, A-003, I-007 or D-002."""
        return human_id(self.kind, self.number)

    @property
    def is_open(self) -> bool:
        """Open now: any status but closed (in progress is open)."""
        return self.status is not RaidStatus.CLOSED

    def open_on(self, day: date) -> bool:
        """Whether the item was open on `day`, from its dates (see the module docstring)."""
        if day < self.raised_on:
            return False
        if self.is_open:
            return True
        return self.closed_on is not None and day <= self.closed_on


@dataclass(frozen=True, kw_only=True)
class ScorePoint:
    """An item's scores as they stood from `recorded_on` until the next entry of its history."""

    item_id: int
    recorded_on: date
    probability: int
    impact: int
    residual_probability: int | None = None
    residual_impact: int | None = None

    def __post_init__(self) -> None:
        RiskAssessment.of(self.probability, self.impact, self.residual_probability, self.residual_impact)

    @property
    def assessment(self) -> RiskAssessment:
        """The inherent and residual scores of this entry."""
        return RiskAssessment.of(self.probability, self.impact, self.residual_probability, self.residual_impact)

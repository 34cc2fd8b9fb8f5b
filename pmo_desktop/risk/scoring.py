"""Risk scores and bands: probability x impact, the four bands and their colours, inherent versus residual.

Bands follow DESIGN.md section 3: 1-4 low, 5-9 medium, 10-16 high, 20-25 critical. Scores 17, 18 and 19
cannot occur as products of two numbers from 1 to 5 (17 and 19 are prime, 18 needs a 6 or a 9), so the gap
is not a hole in the scale; `band_of` still answers for them (high, since critical starts at 20) so that
any whole number from 1 to 25 has a band.

The band colours are the single source for the register, the matrix and the board pack. Each band also
names the text colour drawn on it, chosen for a WCAG AA contrast of at least 4.5:1.
"""

from dataclasses import dataclass
from enum import StrEnum

from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr

SCALE = range(1, 6)
"""The probability and impact scale, 1 to 5."""

_BLACK = "#000000"
_WHITE = "#FFFFFF"


class RiskBand(StrEnum):
    """The band of a score, declared from low to critical."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def label(self) -> str:
        """The translated display name."""
        return tr(_BAND_LABELS[self])

    @property
    def score_range(self) -> tuple[int, int]:
        """The lowest and highest score of the band, both inclusive (for legends)."""
        return _BAND_RANGES[self]

    @property
    def colour(self) -> str:
        """The fill colour as `#RRGGBB`, identical in every view and the PDF."""
        return _BAND_COLOURS[self][0]

    @property
    def text_colour(self) -> str:
        """The colour of text drawn on `colour`: black or white, whichever reads better."""
        return _BAND_COLOURS[self][1]


_BAND_LABELS = {
    RiskBand.LOW: "Low",
    RiskBand.MEDIUM: "Medium",
    RiskBand.HIGH: "High",
    RiskBand.CRITICAL: "Critical",
}
_BAND_RANGES = {RiskBand.LOW: (1, 4), RiskBand.MEDIUM: (5, 9), RiskBand.HIGH: (10, 16), RiskBand.CRITICAL: (20, 25)}
_BAND_COLOURS = {
    RiskBand.LOW: ("#66BB6A", _BLACK),
    RiskBand.MEDIUM: ("#FFD54F", _BLACK),
    RiskBand.HIGH: ("#FB8C00", _BLACK),
    RiskBand.CRITICAL: ("#C62828", _WHITE),
}


def band_of(score: int) -> RiskBand:
    """The band of a score from 1 to 25; 17-19 (never a product) fall in high, below critical's 20."""
    if not 1 <= score <= 25:
        raise ValidationError(tr("A risk score must be from 1 to 25, not {value}.", value=score))
    # The highest band whose lowest score is reached: this is what places the impossible 17-19 in high.
    return next(band for band in reversed(RiskBand) if score >= band.score_range[0])


def _check_scale(value: int, field: str) -> None:
    if value not in SCALE:
        raise ValidationError(
            tr("The {field} must be a whole number from 1 to 5, not {value}.", field=field, value=value)
        )


def _residual_part(given: int | None, inherent: int, field: str) -> int:
    """A residual probability or impact, checked under its own name; the inherent value when not given."""
    if given is None:
        return inherent
    _check_scale(given, field)
    return given


@dataclass(frozen=True)
class RiskScore:
    """A probability and an impact, each 1-5; raises `ValidationError` for anything else."""

    probability: int
    impact: int

    def __post_init__(self) -> None:
        _check_scale(self.probability, tr("probability"))
        _check_scale(self.impact, tr("impact"))

    @property
    def score(self) -> int:
        """Probability x impact, 1 to 25."""
        return self.probability * self.impact

    @property
    def band(self) -> RiskBand:
        return band_of(self.score)


class ScoreBasis(StrEnum):
    """Which score a view shows: inherent (before the response) or residual (after it)."""

    INHERENT = "inherent"
    RESIDUAL = "residual"

    @property
    def label(self) -> str:
        """The translated display name."""
        return tr("Inherent") if self is ScoreBasis.INHERENT else tr("Residual")


@dataclass(frozen=True)
class RiskAssessment:
    """An item's inherent score and, when the response has been assessed, its residual score."""

    inherent: RiskScore
    residual: RiskScore | None = None

    @classmethod
    def of(
        cls, probability: int, impact: int, residual_probability: int | None = None, residual_impact: int | None = None
    ) -> "RiskAssessment":
        """The assessment of a scored item; a residual with one field given keeps the inherent other.

        A response that lowers the probability of a risk usually leaves its impact as it was, so a missing
        residual field means "unchanged by the response", not "unknown".
        """
        inherent = RiskScore(probability, impact)
        if residual_probability is None and residual_impact is None:
            return cls(inherent)
        residual = RiskScore(
            _residual_part(residual_probability, probability, tr("residual probability")),
            _residual_part(residual_impact, impact, tr("residual impact")),
        )
        return cls(inherent, residual)

    @property
    def residual_or_inherent(self) -> RiskScore:
        """The residual score, or the inherent one while no response has been assessed."""
        return self.inherent if self.residual is None else self.residual

    def score_for(self, basis: ScoreBasis) -> RiskScore:
        """The score a view on `basis` shows."""
        return self.inherent if basis is ScoreBasis.INHERENT else self.residual_or_inherent


def assess(
    probability: int | None,
    impact: int | None,
    residual_probability: int | None = None,
    residual_impact: int | None = None,
) -> RiskAssessment | None:
    """The assessment of four stored fields; None while the item is unscored.

    An item is scored once it has both a probability and an impact; residual fields alone mean nothing.
    """
    if probability is None or impact is None:
        return None
    return RiskAssessment.of(probability, impact, residual_probability, residual_impact)


def human_id(kind: RaidKind, number: int) -> str:
    """The identifier people quote: R-014, A-003, I-007, D-002 (more digits past 999)."""
    if number < 1:
        raise ValidationError(tr("A RAID item number must be 1 or more, not {value}.", value=number))
    return f"{kind.prefix}-{number:03d}"

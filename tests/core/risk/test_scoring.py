"""Scores, bands at every boundary, colours, inherent versus residual and human identifiers."""

import re
from collections.abc import Iterator

import pytest

from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import set_translator
from pmo_desktop.risk import RiskAssessment, RiskBand, RiskScore, ScoreBasis, assess, band_of, human_id


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (1, RiskBand.LOW),
        (4, RiskBand.LOW),
        (5, RiskBand.MEDIUM),
        (9, RiskBand.MEDIUM),
        (10, RiskBand.HIGH),
        (16, RiskBand.HIGH),
        (20, RiskBand.CRITICAL),
        (25, RiskBand.CRITICAL),
    ],
)
def test_band_boundaries(score: int, band: RiskBand) -> None:
    assert band_of(score) is band


@pytest.mark.parametrize("score", [17, 18, 19])
def test_scores_that_are_no_product_still_have_a_band(score: int) -> None:
    assert all(p * i != score for p in range(1, 6) for i in range(1, 6))
    assert band_of(score) is RiskBand.HIGH


@pytest.mark.parametrize("score", [0, 26, -3])
def test_band_refuses_scores_off_the_scale(score: int) -> None:
    with pytest.raises(ValidationError, match=f"from 1 to 25, not {score}"):
        band_of(score)


def test_band_ranges_cover_every_product_without_overlap() -> None:
    assert [band.score_range for band in RiskBand] == [(1, 4), (5, 9), (10, 16), (20, 25)]


def test_score_is_probability_times_impact() -> None:
    score = RiskScore(4, 3)
    assert (score.score, score.band) == (12, RiskBand.HIGH)


@pytest.mark.parametrize(("probability", "impact", "field"), [(0, 3, "probability"), (3, 6, "impact")])
def test_score_refuses_values_off_the_scale(probability: int, impact: int, field: str) -> None:
    with pytest.raises(ValidationError, match=f"The {field} must be a whole number from 1 to 5"):
        RiskScore(probability, impact)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of #RRGGBB."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("band", list(RiskBand))
def test_band_text_is_readable_on_its_colour(band: RiskBand) -> None:
    assert re.fullmatch(r"#[0-9A-F]{6}", band.colour)
    assert band.text_colour in {"#000000", "#FFFFFF"}
    light, dark = sorted((_luminance(band.colour), _luminance(band.text_colour)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5


def test_band_colours_are_distinct() -> None:
    assert len({band.colour for band in RiskBand}) == 4


@pytest.fixture
def shouting() -> Iterator[None]:
    """A translator that upper-cases, restored to the identity afterwards."""
    set_translator(str.upper)
    yield
    set_translator(lambda text: text)


@pytest.mark.usefixtures("shouting")
def test_labels_go_through_the_translator() -> None:
    assert [band.label for band in RiskBand] == ["LOW", "MEDIUM", "HIGH", "CRITICAL"]
    assert ScoreBasis.RESIDUAL.label == "RESIDUAL"


def test_residual_falls_back_to_inherent() -> None:
    assessment = assess(4, 5)
    assert assessment == RiskAssessment(RiskScore(4, 5))
    assert assessment is not None
    assert assessment.score_for(ScoreBasis.RESIDUAL).score == 20


def test_residual_given_is_used_for_the_residual_basis_only() -> None:
    assessment = assess(4, 5, 2, 3)
    assert assessment is not None
    assert assessment.score_for(ScoreBasis.INHERENT).score == 20
    assert assessment.score_for(ScoreBasis.RESIDUAL).score == 6


def test_a_residual_with_one_field_keeps_the_inherent_other() -> None:
    assert assess(4, 5, residual_probability=2) == RiskAssessment(RiskScore(4, 5), RiskScore(2, 5))
    assert assess(4, 5, residual_impact=1) == RiskAssessment(RiskScore(4, 5), RiskScore(4, 1))


@pytest.mark.parametrize(("probability", "impact"), [(None, 3), (3, None), (None, None)])
def test_an_item_without_probability_and_impact_is_unscored(probability: int | None, impact: int | None) -> None:
    assert assess(probability, impact, 2, 2) is None


def test_a_bad_residual_is_named_as_such() -> None:
    with pytest.raises(ValidationError, match="The residual impact must be"):
        assess(3, 3, 2, 9)


@pytest.mark.parametrize(
    ("kind", "number", "expected"),
    [
        (RaidKind.RISK, 14, "R-014"),
        (RaidKind.ASSUMPTION, 3, "A-003"),
        (RaidKind.ISSUE, 7, "I-007"),
        (RaidKind.DECISION, 2, "D-002"),
        (RaidKind.RISK, 1234, "R-1234"),
    ],
)
def test_human_identifiers(kind: RaidKind, number: int, expected: str) -> None:
    assert human_id(kind, number) == expected


def test_human_identifier_refuses_number_zero() -> None:
    with pytest.raises(ValidationError, match="1 or more"):
        human_id(RaidKind.RISK, 0)

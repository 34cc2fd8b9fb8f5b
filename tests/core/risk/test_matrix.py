"""The 5x5 matrix: every cell with its band, counts and ids, inherent or residual, open threats by default."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmo_desktop.domain.enums import RaidStatus
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.risk import RaidItemInput, RiskBand, ScoreBasis, risk_matrix

from .factories import item

# The band of every cell, probability 5 (top row) down to 1, impact 1 to 5: worked out by hand from p x i.
L, M, H, C = RiskBand.LOW, RiskBand.MEDIUM, RiskBand.HIGH, RiskBand.CRITICAL
EXPECTED_BANDS = [
    [M, H, H, C, C],  # p5: 5 10 15 20 25
    [L, M, H, H, C],  # p4: 4  8 12 16 20
    [L, M, M, H, H],  # p3: 3  6  9 12 15
    [L, L, M, M, H],  # p2: 2  4  6  8 10
    [L, L, L, L, M],  # p1: 1  2  3  4  5
]


def test_all_25_cells_in_drawing_order_with_their_bands() -> None:
    matrix = risk_matrix([], basis=ScoreBasis.INHERENT)
    keys = list(matrix.cells)
    assert keys == [(p, i) for p in (5, 4, 3, 2, 1) for i in (1, 2, 3, 4, 5)]
    bands = [[matrix.cell(p, i).score.band for i in range(1, 6)] for p in (5, 4, 3, 2, 1)]
    assert bands == EXPECTED_BANDS
    assert matrix.total == 0
    assert all(cell.item_ids == () for cell in matrix.cells.values())


def _register() -> list[RaidItemInput]:
    return [
        item(1, probability=4, impact=5, residual_probability=2, residual_impact=5),
        item(2, probability=4, impact=5),
        item(3, probability=2, impact=2, residual_probability=1, residual_impact=1),
        item(4, probability=4, impact=5, status=RaidStatus.CLOSED),
        item(5, probability=3, impact=3, opportunity=True),
        item(6),
    ]


def test_inherent_counts_and_ids() -> None:
    matrix = risk_matrix(_register(), basis=ScoreBasis.INHERENT)
    assert matrix.cell(4, 5).item_ids == (1, 2)
    assert matrix.cell(4, 5).count == 2
    assert matrix.cell(2, 2).item_ids == (3,)
    assert matrix.total == 3


def test_residual_counts_fall_back_to_inherent() -> None:
    matrix = risk_matrix(_register(), basis=ScoreBasis.RESIDUAL)
    assert matrix.cell(2, 5).item_ids == (1,)
    assert matrix.cell(4, 5).item_ids == (2,)
    assert matrix.cell(1, 1).item_ids == (3,)
    assert matrix.cell(2, 2).count == 0


def test_closed_items_on_request() -> None:
    matrix = risk_matrix(_register(), basis=ScoreBasis.INHERENT, include_closed=True)
    assert matrix.cell(4, 5).item_ids == (1, 2, 4)


def test_opportunities_have_a_matrix_of_their_own() -> None:
    matrix = risk_matrix(_register(), basis=ScoreBasis.INHERENT, opportunities=True)
    assert matrix.cell(3, 3).item_ids == (5,)
    assert matrix.total == 1


_scores = st.none() | st.integers(1, 5)
_items = st.builds(
    lambda index, p, i, rp, ri, closed, opportunity: item(
        index + 1,
        probability=p,
        impact=i,
        residual_probability=rp,
        residual_impact=ri,
        status=RaidStatus.CLOSED if closed else RaidStatus.OPEN,
        opportunity=opportunity,
    ),
    st.integers(0, 10_000),
    _scores,
    _scores,
    _scores,
    _scores,
    st.booleans(),
    st.booleans(),
)


@given(st.lists(_items, max_size=40), st.sampled_from(ScoreBasis), st.booleans(), st.booleans())
def test_counts_sum_to_the_items_scored(
    items: list[RaidItemInput], basis: ScoreBasis, include_closed: bool, opportunities: bool
) -> None:
    matrix = risk_matrix(items, basis=basis, include_closed=include_closed, opportunities=opportunities)
    selected = [
        risk
        for risk in items
        if risk.assessment is not None and (include_closed or risk.is_open) and risk.opportunity == opportunities
    ]
    assert matrix.total == len(selected)
    placed = sorted(ident for cell in matrix.cells.values() for ident in cell.item_ids)
    assert placed == sorted(risk.id for risk in selected)


def test_a_cell_off_the_scale_is_refused() -> None:
    with pytest.raises(ValidationError, match="probability"):
        risk_matrix([], basis=ScoreBasis.INHERENT).cell(6, 1)

"""The 5x5 probability-impact matrix: how many items sit in each cell, which ones, and the cell's band.

By default the matrix shows open threats: closed items can be included on request, and opportunities are
a matrix of their own (their scores measure a chance of gain, which must not inflate the threat picture).
Unscored items are left out, so the counts add up to the number of scored items selected.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from pmo_desktop.risk.items import RaidItemInput
from pmo_desktop.risk.scoring import SCALE, RiskScore, ScoreBasis


@dataclass(frozen=True)
class MatrixCell:
    """One cell: its probability and impact (`score`, whose band colours it) and the ids of its items."""

    score: RiskScore
    item_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.item_ids)


@dataclass(frozen=True)
class RiskMatrix:
    """All 25 cells, empty ones included, keyed by (probability, impact).

    The cells iterate in drawing order: probability 5 down to 1 (top row first), impact 1 to 5 in a row.
    """

    basis: ScoreBasis
    cells: Mapping[tuple[int, int], MatrixCell]

    def cell(self, probability: int, impact: int) -> MatrixCell:
        """The cell at `probability` and `impact`; raises `ValidationError` off the 1-5 scale."""
        key = RiskScore(probability, impact)
        return self.cells[(key.probability, key.impact)]

    @property
    def total(self) -> int:
        """The number of items placed in the matrix."""
        return sum(cell.count for cell in self.cells.values())


def _selected(item: RaidItemInput, include_closed: bool, opportunities: bool) -> bool:
    return (include_closed or item.is_open) and item.opportunity == opportunities


def risk_matrix(
    items: Iterable[RaidItemInput],
    *,
    basis: ScoreBasis,
    include_closed: bool = False,
    opportunities: bool = False,
) -> RiskMatrix:
    """Place each selected, scored item in the cell of its `basis` score; ids keep the order of `items`."""
    placed: dict[tuple[int, int], list[int]] = {(p, i): [] for p in reversed(SCALE) for i in SCALE}
    for item in items:
        assessment = item.assessment
        if assessment is None or not _selected(item, include_closed, opportunities):
            continue
        score = assessment.score_for(basis)
        placed[(score.probability, score.impact)].append(item.id)
    cells = {key: MatrixCell(RiskScore(*key), tuple(ids)) for key, ids in placed.items()}
    return RiskMatrix(basis, MappingProxyType(cells))

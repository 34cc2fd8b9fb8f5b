"""Top risks: residual score, then inherent score, then proximity, then id."""

from pmo_desktop.domain.enums import Proximity, RaidStatus
from pmo_desktop.risk import top_risks

from .factories import item


def test_ranking_order_and_exclusions() -> None:
    items = [
        item(1, probability=4, impact=4, residual_probability=2, residual_impact=4),  # 8 after 16
        item(2, probability=2, impact=4),  # 8 after 8
        item(3, probability=5, impact=5, residual_probability=3, residual_impact=4),  # 12 after 25
        item(4, probability=4, impact=4, residual_probability=2, residual_impact=4, proximity=Proximity.NEAR),
        item(5, probability=4, impact=4, residual_probability=2, residual_impact=4, proximity=Proximity.IMMINENT),
        item(6, probability=4, impact=4, residual_probability=2, residual_impact=4),  # ties with 1: id decides
        item(7, probability=5, impact=5, status=RaidStatus.CLOSED),
        item(8, probability=5, impact=5, opportunity=True),
        item(9),
    ]
    assert [risk.id for risk in top_risks(items)] == [3, 5, 4, 1, 6, 2]
    assert [risk.id for risk in top_risks(items, limit=2)] == [3, 5]

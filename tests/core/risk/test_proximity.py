"""Proximity ranks the most urgent first and names each value."""

from pmo_desktop.domain.enums import Proximity
from pmo_desktop.risk import proximity_label, proximity_rank


def test_rank_puts_imminent_first_and_unknown_last() -> None:
    order = [None, Proximity.FAR, Proximity.IMMINENT, Proximity.MEDIUM, Proximity.NEAR]
    assert sorted(order, key=proximity_rank) == [
        Proximity.IMMINENT,
        Proximity.NEAR,
        Proximity.MEDIUM,
        Proximity.FAR,
        None,
    ]


def test_labels() -> None:
    assert proximity_label(Proximity.IMMINENT) == "Imminent"
    assert proximity_label(Proximity.FAR) == "Long term"
    assert proximity_label(None) == ""

"""How soon a risk could strike: the urgency order of `Proximity` and its display labels.

`Proximity` is stored in the file (`pmo_desktop.domain.enums`); this module only ranks and names it. An item
without a proximity ranks after every item that has one, so unknown urgency never pushes a known one down.
"""

from pmo_desktop.domain.enums import Proximity
from pmo_desktop.i18n import tr

# The most urgent first: the order a PMO reads a register in.
_ORDER = (Proximity.IMMINENT, Proximity.NEAR, Proximity.MEDIUM, Proximity.FAR)
_LABELS = {
    Proximity.IMMINENT: "Imminent",
    Proximity.NEAR: "Near term",
    Proximity.MEDIUM: "Medium term",
    Proximity.FAR: "Long term",
}


def proximity_rank(proximity: Proximity | None) -> int:
    """0 for imminent up to 3 for far; 4 for no proximity. Lower is more urgent."""
    return len(_ORDER) if proximity is None else _ORDER.index(proximity)


def proximity_label(proximity: Proximity | None) -> str:
    """The translated display name; an empty string when the item has no proximity."""
    return "" if proximity is None else tr(_LABELS[proximity])

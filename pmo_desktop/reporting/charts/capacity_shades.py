"""The capacity heatmap's colours in the pack: the app's scale (`capacity.shades`), decided by the engine's
bands, so a cell reads the same on screen and on paper.
"""

from dataclasses import dataclass

from pmo_desktop.capacity import Band, band
from pmo_desktop.capacity.shades import (
    FULL,
    HEALTHY,
    IDLE,
    LOAD_WITHOUT_CAPACITY,
    NO_CAPACITY,
    OVER,
    UNDER_HIGH,
    UNDER_LOW,
    UNDER_STEP,
    over_step,
    text_on,
)
from pmo_desktop.i18n import tr

OVER_SHADES = OVER


@dataclass(frozen=True)
class Shade:
    fill: str
    text: str


def shade(load: float, capacity: float) -> Shade:
    """The colour of a cell with `load` and `capacity` hours, and the colour its number reads best in."""
    fill = (LOAD_WITHOUT_CAPACITY if load > 0 else NO_CAPACITY) if capacity <= 0 else _fill(load / capacity, load)
    return Shade(fill, text_on(fill))


def _fill(ratio: float, load: float) -> str:
    cell_band = band(ratio)
    if cell_band is Band.OVER:
        return OVER[over_step(ratio)]
    if cell_band is Band.FULL:
        return FULL
    if cell_band is Band.HEALTHY:
        return HEALTHY
    if load <= 0:
        return IDLE
    return UNDER_HIGH if ratio >= UNDER_STEP else UNDER_LOW


def cell_text(load: float, capacity: float) -> str:
    """The number in a cell: utilisation in percent, "∞" for load without capacity, blank for neither."""
    if capacity <= 0:
        return "∞" if load > 0 else ""
    return f"{100 * load / capacity:.0f}"


def legend() -> list[tuple[str, str]]:
    """(label, fill) pairs for the key, lightest first."""
    return [
        (tr("under 70 %"), UNDER_HIGH),
        (tr("healthy 70–90 %"), HEALTHY),
        (tr("full 90–100 %"), FULL),
        (tr("over to 110 %"), OVER[0]),
        (tr("to 150 %"), OVER[2]),
        (tr("to 200 %"), OVER[4]),
        (tr("over 250 %"), OVER[6]),
        (tr("no capacity"), NO_CAPACITY),
    ]

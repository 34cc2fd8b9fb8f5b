"""The capacity heatmap's colours in the pack: the app's scale (the heatmap view's `heatmap_colours`, which is
Qt-bound, so its hex values are repeated here), decided by the engine's bands.

Under 70 % two blues, healthy green, full yellow, and seven reds graded by how far over, so that 110 % and
220 % never look alike; work planned where there is no capacity at all is the darkest red.
"""

from dataclasses import dataclass

from pmo_desktop.capacity import Band, band
from pmo_desktop.i18n import tr

OVER_LIMITS = (1.10, 1.25, 1.50, 1.75, 2.00, 2.50)
OVER_SHADES = ("#ffcabf", "#ffa596", "#fb7c6c", "#ec5248", "#d23636", "#ad2430", "#861a29")
NO_CAPACITY = "#eceff3"
IDLE = "#f7f9fc"
UNDER_LOW, UNDER_HIGH = "#e3edf9", "#c7dcf3"
HEALTHY = "#b7e2c2"
FULL = "#ffe08a"
LOAD_WITHOUT_CAPACITY = "#5c1020"
_UNDER_STEP = 0.35
_LIGHT_TEXT_SHADES = frozenset({"#ec5248", "#d23636", "#ad2430", "#861a29", LOAD_WITHOUT_CAPACITY})


@dataclass(frozen=True)
class Shade:
    fill: str
    text: str


def shade(load: float, capacity: float) -> Shade:
    """The colour of a cell with `load` and `capacity` hours, and the colour its number reads best in."""
    fill = (LOAD_WITHOUT_CAPACITY if load > 0 else NO_CAPACITY) if capacity <= 0 else _fill(load / capacity, load)
    return Shade(fill, "#ffffff" if fill in _LIGHT_TEXT_SHADES else "#1f2933")


def _fill(ratio: float, load: float) -> str:
    cell_band = band(ratio)
    if cell_band is Band.OVER:
        step = next((index for index, limit in enumerate(OVER_LIMITS) if ratio <= limit), len(OVER_LIMITS))
        return OVER_SHADES[step]
    if cell_band is Band.FULL:
        return FULL
    if cell_band is Band.HEALTHY:
        return HEALTHY
    if load <= 0:
        return IDLE
    return UNDER_HIGH if ratio >= _UNDER_STEP else UNDER_LOW


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
        (tr("over to 110 %"), OVER_SHADES[0]),
        (tr("to 150 %"), OVER_SHADES[2]),
        (tr("to 200 %"), OVER_SHADES[4]),
        (tr("over 250 %"), OVER_SHADES[6]),
        (tr("no capacity"), NO_CAPACITY),
    ]

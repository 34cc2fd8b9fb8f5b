"""The heatmap's colour scale: the four bands of DESIGN.md section 4, graded inside "under" and "over".

Every cell gets a shade code (an index into `SHADES`) from its utilisation in one vectorised pass, so the
grid is coloured without a Python loop per cell. The over band has seven steps, so 110 % and 220 % read as
clearly different reds; load without any capacity gets the darkest shade of all. Unfilled demand (hours a
role needs with nobody named) has a neutral shade of its own, since it has no capacity to compare with.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PySide6.QtGui import QColor

from pmo_desktop.capacity import shades as scale
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_queries import BAND_ORDER, Band, band

Floats = npt.NDArray[np.float64]
Codes = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Shade:
    """One colour of the scale and what it means, for cells and the legend."""

    colour: str
    label: str


NO_CAPACITY = 0  # nothing to do and no time to do it in (not employed, a whole week off)
IDLE = 1  # capacity, no load
UNDER_LOW, UNDER_HIGH, HEALTHY, FULL = 2, 3, 4, 5
OVER_FIRST = 6
NO_CAPACITY_LOAD = OVER_FIRST + len(scale.OVER)  # work planned where there is no capacity at all
UNFILLED_NONE, UNFILLED = NO_CAPACITY_LOAD + 1, NO_CAPACITY_LOAD + 2

SHADES: tuple[Shade, ...] = (
    Shade(scale.NO_CAPACITY, "No capacity"),
    Shade(scale.IDLE, "Free"),
    Shade(scale.UNDER_LOW, "Under 35 %"),
    Shade(scale.UNDER_HIGH, "Under 70 %"),
    Shade(scale.HEALTHY, "Healthy 70–90 %"),
    Shade(scale.FULL, "Full 90–100 %"),
    Shade(scale.OVER[0], "Over to 110 %"),
    Shade(scale.OVER[1], "Over to 125 %"),
    Shade(scale.OVER[2], "Over to 150 %"),
    Shade(scale.OVER[3], "Over to 175 %"),
    Shade(scale.OVER[4], "Over to 200 %"),
    Shade(scale.OVER[5], "Over to 250 %"),
    Shade(scale.OVER[6], "Over 250 %"),
    Shade(scale.LOAD_WITHOUT_CAPACITY, "Load without capacity"),
    Shade(scale.IDLE, "No unfilled demand"),
    Shade(scale.UNFILLED, "Unfilled demand"),
)

_BAND_CODES = {band: code for code, band in enumerate(BAND_ORDER)}


def colours() -> list[QColor]:
    """`SHADES` as QColors, indexed by shade code: build once and keep."""
    return [QColor(shade.colour) for shade in SHADES]


def text_colours() -> list[QColor]:
    """The colour a number reads best in on each shade: white on the dark reds, dark elsewhere."""
    return [QColor(scale.text_on(shade.colour)) for shade in SHADES]


def shade_codes(ratio: Floats, bands: npt.NDArray[np.int8], load: Floats, capacity: Floats) -> Codes:
    """The shade of every cell from its utilisation `ratio`, its band code, its load and capacity."""
    codes = np.full(ratio.shape, IDLE, dtype=np.uint8)
    under = bands == _BAND_CODES[Band.UNDER]
    codes[under & (load > 0)] = UNDER_LOW
    codes[under & (ratio >= scale.UNDER_STEP)] = UNDER_HIGH
    codes[bands == _BAND_CODES[Band.HEALTHY]] = HEALTHY
    codes[bands == _BAND_CODES[Band.FULL]] = FULL
    over = bands == _BAND_CODES[Band.OVER]
    steps = np.searchsorted(np.array(scale.OVER_LIMITS), ratio, side="left")
    codes[over] = (OVER_FIRST + steps[over]).astype(np.uint8)
    codes[(capacity <= 0) & (load <= 0)] = NO_CAPACITY
    codes[(capacity <= 0) & (load > 0)] = NO_CAPACITY_LOAD
    return codes


def shade_of(ratio: float, load: float, capacity: float) -> int:
    """The shade of one cell, by the same rules as `shade_codes`."""
    band_code = np.array([[BAND_ORDER.index(band(ratio))]], dtype=np.int8)
    codes = shade_codes(np.array([[ratio]]), band_code, np.array([[load]]), np.array([[capacity]]))
    return int(codes[0, 0])


def unfilled_codes(load: Floats) -> Codes:
    """Shades of unfilled demand rows: neutral where a role needs hours, blank where it needs none."""
    return np.where(load > 0, UNFILLED, UNFILLED_NONE).astype(np.uint8)


def legend() -> list[tuple[str, list[str]]]:
    """(band name, colours from lightest to darkest) for the legend, in band order."""
    return [
        (tr("Under < 70 %"), [SHADES[UNDER_LOW].colour, SHADES[UNDER_HIGH].colour]),
        (tr("Healthy"), [SHADES[HEALTHY].colour]),
        (tr("Full 90–100 %"), [SHADES[FULL].colour]),
        (tr("Over > 100 %"), [SHADES[code].colour for code in range(OVER_FIRST, NO_CAPACITY_LOAD)]),
    ]


def over_scale_labels() -> list[str]:
    """The bounds written under the over band's steps in the legend."""
    return [f"{round(limit * 100)}" for limit in scale.OVER_LIMITS]

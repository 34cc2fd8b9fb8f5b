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
OVER_LIMITS = (1.10, 1.25, 1.50, 1.75, 2.00, 2.50)
"""Upper bounds of the over band's steps; above the last one, the last step but one."""
NO_CAPACITY_LOAD = OVER_FIRST + len(OVER_LIMITS) + 1  # work planned where there is no capacity at all
UNFILLED_NONE, UNFILLED = NO_CAPACITY_LOAD + 1, NO_CAPACITY_LOAD + 2

SHADES: tuple[Shade, ...] = (
    Shade("#eceff3", "No capacity"),
    Shade("#f7f9fc", "Free"),
    Shade("#e3edf9", "Under 35 %"),
    Shade("#c7dcf3", "Under 70 %"),
    Shade("#b7e2c2", "Healthy 70–90 %"),
    Shade("#ffe08a", "Full 90–100 %"),
    Shade("#ffcabf", "Over to 110 %"),
    Shade("#ffa596", "Over to 125 %"),
    Shade("#fb7c6c", "Over to 150 %"),
    Shade("#ec5248", "Over to 175 %"),
    Shade("#d23636", "Over to 200 %"),
    Shade("#ad2430", "Over to 250 %"),
    Shade("#861a29", "Over 250 %"),
    Shade("#5c1020", "Load without capacity"),
    Shade("#f7f9fc", "No unfilled demand"),
    Shade("#dfe3ea", "Unfilled demand"),
)

_DARK_TEXT, _LIGHT_TEXT = QColor("#1f2933"), QColor("#ffffff")
_UNDER_STEP = 0.35
_BAND_CODES = {band: code for code, band in enumerate(BAND_ORDER)}


def colours() -> list[QColor]:
    """`SHADES` as QColors, indexed by shade code: build once and keep."""
    return [QColor(shade.colour) for shade in SHADES]


def text_colours() -> list[QColor]:
    """The colour a number reads best in on each shade: white on the dark reds, dark elsewhere."""
    return [_LIGHT_TEXT if QColor(shade.colour).lightnessF() < 0.55 else _DARK_TEXT for shade in SHADES]


def shade_codes(ratio: Floats, bands: npt.NDArray[np.int8], load: Floats, capacity: Floats) -> Codes:
    """The shade of every cell from its utilisation `ratio`, its band code, its load and capacity."""
    codes = np.full(ratio.shape, IDLE, dtype=np.uint8)
    under = bands == _BAND_CODES[Band.UNDER]
    codes[under & (load > 0)] = UNDER_LOW
    codes[under & (ratio >= _UNDER_STEP)] = UNDER_HIGH
    codes[bands == _BAND_CODES[Band.HEALTHY]] = HEALTHY
    codes[bands == _BAND_CODES[Band.FULL]] = FULL
    over = bands == _BAND_CODES[Band.OVER]
    steps = np.searchsorted(np.array(OVER_LIMITS), ratio, side="left")
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
    return [f"{round(limit * 100)}" for limit in OVER_LIMITS]

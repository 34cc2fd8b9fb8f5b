"""The utilisation bands of DESIGN.md section 4, decided in one place for the grid, the hover and the report.

under: below 70 %; healthy: 70 % up to 90 %; full: 90 % to 100 % inclusive; over: above 100 % (including
the infinite utilisation of load without capacity). A tolerance of a billionth keeps a week loaded to
exactly 100 % out of "over" when floating-point sums land a hair above it.
"""

from enum import StrEnum

import numpy as np
import numpy.typing as npt

_TOLERANCE = 1e-9


class Band(StrEnum):
    UNDER = "under"
    HEALTHY = "healthy"
    FULL = "full"
    OVER = "over"


BAND_ORDER: tuple[Band, ...] = (Band.UNDER, Band.HEALTHY, Band.FULL, Band.OVER)
"""Bands from least to most loaded; `band_codes` returns indexes into this tuple."""

# Lower bounds of healthy, full and over: healthy and full include their lower bound, over excludes 100 %.
_BOUNDS = np.array([0.70 - _TOLERANCE, 0.90 - _TOLERANCE, 1.00 + _TOLERANCE])


def band_codes(utilisation: npt.ArrayLike) -> npt.NDArray[np.int8]:
    """The band of every utilisation (a ratio, 1.0 = 100 %), as indexes into `BAND_ORDER`."""
    return np.searchsorted(_BOUNDS, utilisation, side="right").astype(np.int8)


def band(utilisation: float) -> Band:
    """The band of one utilisation ratio (1.0 = 100 %)."""
    return BAND_ORDER[int(band_codes(utilisation))]

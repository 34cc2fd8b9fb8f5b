"""Bands of DESIGN.md section 4: under < 70 %, healthy 70-90 %, full 90-100 %, over > 100 %."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmo_desktop.capacity import BAND_ORDER, Band, band, band_codes, utilisation, utilisation_of


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [
        (0.0, Band.UNDER),
        (0.6999, Band.UNDER),
        (0.70, Band.HEALTHY),
        (0.8999, Band.HEALTHY),
        (0.90, Band.FULL),
        (36 / 40, Band.FULL),
        (1.0, Band.FULL),
        (0.1 + 0.2 + 0.7, Band.FULL),  # 1.0000000000000002: a rounding hair is not an overload
        (1.001, Band.OVER),
        (2.2, Band.OVER),
        (float("inf"), Band.OVER),
    ],
)
def test_band_bounds(ratio: float, expected: Band) -> None:
    assert band(ratio) is expected


def test_band_codes_agree_with_band() -> None:
    ratios = np.array([[0.5, 0.75], [0.95, np.inf]])
    codes = band_codes(ratios)
    assert codes.shape == (2, 2)
    assert [BAND_ORDER[code] for code in codes.ravel()] == [band(ratio) for ratio in ratios.ravel()]


@given(st.floats(0, 1e6), st.floats(0, 1e6))
def test_bands_never_go_down_as_utilisation_rises(low: float, high: float) -> None:
    low, high = sorted((low, high))
    assert BAND_ORDER.index(band(low)) <= BAND_ORDER.index(band(high))


def test_zero_capacity_convention() -> None:
    load = np.array([0.0, 8.0, 20.0])
    capacity = np.array([0.0, 0.0, 40.0])
    assert list(utilisation(load, capacity)) == [0.0, float("inf"), 0.5]
    assert utilisation_of(8.0, 0.0) == float("inf")
    assert utilisation_of(0.0, 0.0) == 0.0
    assert band(utilisation_of(8.0, 0.0)) is Band.OVER

"""Results of the engine: hours and utilisation per row (person, role, team or project) and per bucket.

Utilisation is load / capacity. Without capacity (a week of leave, before someone joins) there is nothing
to divide by: no load reads as 0 (nothing to show), any load reads as infinity, which is "over" and ranks
above every finite overload, never a division error or a NaN.
"""

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt

from pmo_desktop.capacity.bands import band_codes
from pmo_desktop.capacity.horizon import Horizon

Floats = npt.NDArray[np.float64]
K = TypeVar("K", bound=Hashable)


def utilisation(load: Floats, capacity: Floats) -> Floats:
    """load / capacity element by element, with the zero-capacity convention of this module."""
    ratio = np.zeros(np.broadcast_shapes(load.shape, capacity.shape))
    np.divide(load, capacity, out=ratio, where=capacity > 0)
    ratio[(capacity <= 0) & (load > 0)] = np.inf
    return ratio


def utilisation_of(load: float, capacity: float) -> float:
    """One cell's utilisation, by the same rule as `utilisation`."""
    return float(utilisation(np.array(load), np.array(capacity)))


@dataclass(frozen=True, eq=False)
class HoursGrid(Generic[K]):
    """Hours of load per row and bucket, confirmed and tentative apart (rows x buckets arrays)."""

    keys: tuple[K, ...]
    horizon: Horizon
    confirmed: Floats
    tentative: Floats

    def load(self, include_tentative: bool = True) -> Floats:
        return self.confirmed + self.tentative if include_tentative else self.confirmed.copy()

    def row(self, key: K) -> int:
        """The row of `key`; ValueError when the grid has no such row."""
        return self.keys.index(key)


@dataclass(frozen=True, eq=False)
class CapacityGrid(HoursGrid[K]):
    """Capacity and load in hours per row and bucket; the heatmap's numbers.

    A grid held by `CapacityEngine` is rewritten in place, one row at a time, as allocations change.
    """

    capacity: Floats

    def utilisation(self, include_tentative: bool = True) -> Floats:
        return utilisation(self.load(include_tentative), self.capacity)

    def band_codes(self, include_tentative: bool = True) -> npt.NDArray[np.int8]:
        """Indexes into `BAND_ORDER`, one per cell."""
        return band_codes(self.utilisation(include_tentative))


@dataclass(frozen=True)
class AllocationLoad:
    """The hours one allocation puts into one cell."""

    allocation_id: int
    project_id: int
    hours: float
    tentative: bool


@dataclass(frozen=True)
class ProjectLoad:
    """The hours one project puts into one cell."""

    project_id: int
    confirmed: float
    tentative: float


@dataclass(frozen=True)
class CellBreakdown:
    """What makes one cell: capacity, load and the allocations and projects behind it (largest first)."""

    capacity: float
    confirmed: float
    tentative: float
    allocations: tuple[AllocationLoad, ...]
    projects: tuple[ProjectLoad, ...]

    def utilisation(self, include_tentative: bool = True) -> float:
        load = self.confirmed + self.tentative if include_tentative else self.confirmed
        return utilisation_of(load, self.capacity)

"""Hotspots: runs of consecutive weeks (or months) where a person is over capacity, worst first.

A run is ranked by its peak utilisation, then by its length, then by the hours above capacity; load with
no capacity at all (work planned before someone joins or after they leave) peaks at infinity and so comes
first. Each hotspot names the projects that load the person during the run, with their share.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from pmo_desktop.capacity.bands import BAND_ORDER, Band, band_codes
from pmo_desktop.capacity.grids import CapacityGrid

ProjectHours = Callable[[int, int, int], Mapping[int, float]]
"""(person id, first bucket, stop bucket) -> hours by project over those buckets."""

_OVER = BAND_ORDER.index(Band.OVER)


@dataclass(frozen=True)
class ProjectShare:
    """One project's hours in a hotspot and its share (0 to 1) of the person's load there."""

    project_id: int
    hours: float
    share: float


@dataclass(frozen=True)
class Hotspot:
    """Buckets `first_bucket` up to `stop_bucket` (excluded) where one person is over capacity."""

    person_id: int
    first_bucket: int
    stop_bucket: int
    start: date
    finish: date
    peak: float
    excess_hours: float
    projects: tuple[ProjectShare, ...]

    @property
    def length(self) -> int:
        return self.stop_bucket - self.first_bucket


Runs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]


def over_runs(over: npt.NDArray[np.bool_]) -> Runs:
    """Rows, first and stop buckets of every run of True along the rows of a rows x buckets mask."""
    padded = np.zeros((over.shape[0], over.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = over
    steps = np.diff(padded, axis=1)
    # argwhere lists cells row by row, so the n-th rise and the n-th fall belong to the same run.
    rises, falls = np.argwhere(steps == 1), np.argwhere(steps == -1)
    return rises[:, 0], rises[:, 1], falls[:, 1]


def _run_totals(values: npt.NDArray[np.float64], runs: Runs, reduce: np.ufunc) -> npt.NDArray[np.float64]:
    """`reduce` (np.maximum, np.add) of `values` over each run, all runs at once."""
    rows, first, stop = runs
    width = values.shape[1]
    flat = np.append(values.ravel(), 0.0)  # reduceat needs every index, a run's stop included, inside the array
    bounds = np.column_stack((rows * width + first, rows * width + stop)).ravel()
    return reduce.reduceat(flat, bounds)[::2] if len(bounds) else np.zeros(0)


def find_hotspots(
    grid: CapacityGrid[int], project_hours: ProjectHours, include_tentative: bool = True, limit: int | None = None
) -> list[Hotspot]:
    """The over-capacity runs of `grid`, worst first, at most `limit` of them."""
    ratio = grid.utilisation(include_tentative)
    runs = over_runs(band_codes(ratio) == _OVER)
    peak = _run_totals(ratio, runs, np.maximum)
    excess = _run_totals(grid.load(include_tentative) - grid.capacity, runs, np.add)
    rows, first, stop = runs
    order = np.lexsort((first, rows, -excess, first - stop, -peak))[:limit]
    return [
        _hotspot(grid, (int(rows[run]), int(first[run]), int(stop[run])), (peak[run], excess[run]), project_hours)
        for run in order
    ]


def _hotspot(
    grid: CapacityGrid[int], run: tuple[int, int, int], measures: tuple[float, float], project_hours: ProjectHours
) -> Hotspot:
    (row, first, stop), (peak, excess) = run, measures
    person_id = grid.keys[row]
    start, finish = grid.horizon.bucket_days(first)[0], grid.horizon.bucket_days(stop - 1)[1]
    shares = _shares(project_hours(person_id, first, stop))
    return Hotspot(person_id, first, stop, start, finish, float(peak), float(excess), shares)


def _shares(hours: Mapping[int, float]) -> tuple[ProjectShare, ...]:
    total = sum(hours.values())
    ordered = sorted(hours.items(), key=lambda item: (-item[1], item[0]))
    return tuple(ProjectShare(project, amount, amount / total if total else 0.0) for project, amount in ordered)

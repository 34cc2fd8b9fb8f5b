"""Load sums over allocation columns: per group and bucket for the grid, per allocation and bucket for details.

Both count an allocation's loaded days (working days its person is not away) from cumulative day counts,
so a day never has to be visited. The grid splits each allocation into its first bucket, its last bucket
and the whole buckets between: the partial ends are counted exactly, and the whole buckets go through a
difference array over buckets (rate added after the first, removed at the last), which one cumulative sum
turns into the hours per loaded day that cover each bucket. Details list every (allocation, bucket) pair.
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from pmo_desktop.capacity.allocations import AllocationTable
from pmo_desktop.capacity.availability import Availability

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

# A cumulative sum of +r ... -r can leave ~1e-15 where no allocation runs; in a bucket without capacity that
# residue would read as infinite utilisation, so anything below a micro-hour is taken as no load.
_RESIDUE = 1e-6


def _buckets(first: Ints, stop: Ints, availability: Availability) -> tuple[Ints, Ints]:
    """First and last bucket of day ranges [first, stop) that are not empty."""
    day_buckets = availability.horizon.day_buckets
    return day_buckets[first], day_buckets[stop - 1]


def bucket_load(
    table: AllocationTable, group: Ints, group_days: Floats, availability: Availability, *, tentative: bool
) -> Floats:
    """Hours per group and bucket of the tentative or the confirmed entries of `table`.

    Entry i goes to group[i]; group_days[g] holds the loaded days per bucket of group g's row.
    """
    take = (table.stop > table.first) & (table.tentative == tentative)
    live, group = table.select(take), group[take]
    cum, edges = availability.loaded_cum, availability.horizon.edges
    first_bucket, last_bucket = _buckets(live.first, live.stop, availability)
    apart = live.rates * (last_bucket > first_bucket)  # the rate of entries that span more than one bucket
    head_stop, tail_start = np.minimum(live.stop, edges[first_bucket + 1]), np.maximum(live.first, edges[last_bucket])
    head = live.rates * (cum[live.rows, head_stop] - cum[live.rows, live.first])
    tail = apart * (cum[live.rows, live.stop] - cum[live.rows, tail_start])
    groups, buckets = group_days.shape
    # Zeros first: np.bincount of nothing is an integer array, which would make the whole grid integer.
    hours = np.zeros(groups * buckets)
    hours += np.bincount(group * buckets + first_bucket, head, minlength=len(hours))
    hours += np.bincount(group * buckets + last_bucket, tail, minlength=len(hours))
    covering = _covering(group, first_bucket, last_bucket, apart, shape=(groups, buckets))
    load = hours.reshape(groups, buckets) + covering * group_days
    load[np.abs(load) < _RESIDUE] = 0.0
    return load


def _covering(group: Ints, first_bucket: Ints, last_bucket: Ints, rates: Floats, *, shape: tuple[int, int]) -> Floats:
    """Per group and bucket, the summed rates of entries whose span strictly contains the bucket.

    A difference array over buckets: +rate from the bucket after the first, -rate from the last.
    """
    groups, width = shape[0], shape[1] + 1
    steps = np.zeros(groups * width)
    steps += np.bincount(group * width + first_bucket + 1, rates, minlength=len(steps))
    steps -= np.bincount(group * width + last_bucket, rates, minlength=len(steps))
    return np.cumsum(steps.reshape(groups, width), axis=1)[:, :-1]


def split_load(
    table: AllocationTable, group: Ints, group_days: Floats, availability: Availability
) -> tuple[Floats, Floats]:
    """Confirmed and tentative hours per group and bucket (see `bucket_load`)."""
    return (
        bucket_load(table, group, group_days, availability, tentative=False),
        bucket_load(table, group, group_days, availability, tentative=True),
    )


@dataclass(frozen=True, eq=False)
class Contributions:
    """Hours of each allocation in each bucket it touches: parallel columns, `entry` indexing the table."""

    entry: Ints
    bucket: Ints
    hours: Floats

    def select(self, mask: Bools) -> "Contributions":
        return Contributions(self.entry[mask], self.bucket[mask], self.hours[mask])


def contributions(table: AllocationTable, availability: Availability) -> Contributions:
    """Split every allocation of `table` into the buckets it spans, with the hours it loads in each."""
    edges = availability.horizon.edges
    live = np.flatnonzero(table.stop > table.first)
    first_bucket, last_bucket = _buckets(table.first[live], table.stop[live], availability)
    spans = last_bucket - first_bucket + 1
    entry = np.repeat(live, spans)
    offsets = np.repeat(np.cumsum(spans) - spans, spans)
    bucket = np.repeat(first_bucket, spans) + np.arange(len(entry)) - offsets
    low = np.maximum(table.first[entry], edges[bucket])
    high = np.minimum(table.stop[entry], edges[bucket + 1])
    rows = table.rows[entry]
    days = availability.loaded_cum[rows, high] - availability.loaded_cum[rows, low]
    return Contributions(entry, bucket, table.rates[entry] * days)

"""The columns of a capacity grid: consecutive ISO weeks (Monday to Sunday) or calendar months.

Buckets are whole days; inside the engine every day of the horizon has an index (0 = the first day), and a
bucket is the half-open range of day indexes between two consecutive `edges`.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

import numpy as np
import numpy.typing as npt


class Granularity(StrEnum):
    WEEK = "week"
    MONTH = "month"


def _monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


@dataclass(frozen=True)
class Horizon:
    """Consecutive buckets from `starts[0]` up to `end` (excluded).

    `edges` holds the day index where each bucket starts, then the day count; `day_buckets` the bucket of
    every day index.
    """

    granularity: Granularity
    starts: tuple[date, ...]
    end: date
    edges: npt.NDArray[np.int64] = field(init=False, repr=False, compare=False)
    day_buckets: npt.NDArray[np.int64] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.starts:
            raise ValueError("a horizon needs at least one week or month")
        bounds = (*self.starts, self.end)
        edges = np.array([(day - self.starts[0]).days for day in bounds], dtype=np.int64)
        if np.any(np.diff(edges) <= 0):
            raise ValueError("the buckets of a horizon must follow each other in time")
        day_buckets = np.repeat(np.arange(len(self.starts)), np.diff(edges))
        edges.setflags(write=False)
        day_buckets.setflags(write=False)
        # Frozen dataclass: the derived arrays are set once, here, the way dataclasses document it.
        object.__setattr__(self, "edges", edges)
        object.__setattr__(self, "day_buckets", day_buckets)

    @classmethod
    def weeks(cls, first: date, count: int) -> "Horizon":
        """`count` ISO weeks from the one containing `first`."""
        monday = _monday_of(first)
        starts = tuple(monday + timedelta(weeks=week) for week in range(count))
        return cls(Granularity.WEEK, starts, monday + timedelta(weeks=count))

    @classmethod
    def months(cls, first: date, count: int) -> "Horizon":
        """`count` calendar months from the one containing `first`."""
        starts = [first.replace(day=1)]
        for _ in range(count):
            starts.append(_month_after(starts[-1]))
        return cls(Granularity.MONTH, tuple(starts[:-1]), starts[-1])

    @classmethod
    def covering(cls, first: date, last: date, granularity: Granularity) -> "Horizon":
        """The weeks or months from the one containing `first` to the one containing `last`."""
        if granularity is Granularity.WEEK:
            return cls.weeks(first, (_monday_of(last) - _monday_of(first)).days // 7 + 1)
        return cls.months(first, (last.year - first.year) * 12 + last.month - first.month + 1)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def first_day(self) -> date:
        return self.starts[0]

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def day_count(self) -> int:
        return int(self.edges[-1])

    def bucket_of(self, day: date) -> int | None:
        """The index of the week or month holding `day`, or None outside the horizon."""
        if not self.first_day <= day < self.end:
            return None
        return bisect_right(self.starts, day) - 1

    def day_spans(
        self, starts: npt.NDArray[np.int64], finishes: npt.NDArray[np.int64]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Day-index ranges [first, stop) of inclusive date ranges given as ordinals, cut to the horizon.

        A range outside the horizon comes back empty (stop == first), never reversed, so that adding it to
        a difference array leaves no trace.
        """
        origin = self.first_day.toordinal()
        first = np.clip(starts - origin, 0, self.day_count)
        stop = np.clip(finishes - origin + 1, first, self.day_count)
        return first, stop

    def bucket_sums(self, daily: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """Per-day values (rows x days of the horizon) summed into buckets (rows x buckets)."""
        return np.add.reduceat(daily, self.edges[:-1], axis=1)

    def bucket_days(self, bucket: int) -> tuple[date, date]:
        """First and last day of one bucket, both included."""
        stop = self.starts[bucket + 1] if bucket + 1 < len(self.starts) else self.end
        return self.starts[bucket], stop - timedelta(days=1)

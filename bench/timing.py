"""Timing helpers: medians of several runs, and the shared result table."""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measured key, its unit, and its target (None when there is no target, just a figure)."""

    key: str
    value: float
    unit: str
    target: float | None = None

    @property
    def met(self) -> bool:
        return self.target is None or self.value <= self.target


def median_seconds(action: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    """The median wall time of `action` over `runs` runs; `setup` runs before each, untimed."""
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)

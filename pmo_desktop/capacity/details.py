"""What makes a cell: the allocations and projects behind one person's load in some buckets.

Computed on demand from that person's allocations only (a few dozen), so a hover or a click costs well
under a millisecond whatever the size of the portfolio.
"""

from collections import defaultdict

import numpy as np

from pmo_desktop.capacity.allocations import AllocationTable
from pmo_desktop.capacity.availability import Availability
from pmo_desktop.capacity.grids import AllocationLoad, ProjectLoad
from pmo_desktop.capacity.load import Contributions, contributions


def _within(parts: Contributions, first: int, stop: int) -> Contributions:
    return parts.select((parts.bucket >= first) & (parts.bucket < stop) & (parts.hours > 0))


def allocation_loads(table: AllocationTable, availability: Availability, bucket: int) -> tuple[AllocationLoad, ...]:
    """Hours each allocation of `table` puts into `bucket`, largest first."""
    parts = _within(contributions(table, availability), bucket, bucket + 1)
    loads = [
        AllocationLoad(int(table.ids[entry]), int(table.projects[entry]), float(hours), bool(table.tentative[entry]))
        for entry, hours in zip(parts.entry, parts.hours, strict=True)
    ]
    return tuple(sorted(loads, key=lambda load: (-load.hours, load.allocation_id)))


def project_loads(allocations: tuple[AllocationLoad, ...]) -> tuple[ProjectLoad, ...]:
    """The same hours gathered by project, largest total first."""
    confirmed: defaultdict[int, float] = defaultdict(float)
    tentative: defaultdict[int, float] = defaultdict(float)
    for load in allocations:
        (tentative if load.tentative else confirmed)[load.project_id] += load.hours
    projects = [ProjectLoad(project, confirmed[project], tentative[project]) for project in confirmed | tentative]
    return tuple(sorted(projects, key=lambda load: (-(load.confirmed + load.tentative), load.project_id)))


def project_hours(
    table: AllocationTable, parts: Contributions, first: int, stop: int, include_tentative: bool
) -> dict[int, float]:
    """Hours by project over buckets `first` up to `stop` (excluded); `parts` are `contributions` of `table`."""
    parts = _within(parts, first, stop)
    if not include_tentative:
        parts = parts.select(~table.tentative[parts.entry])
    projects, index = np.unique(table.projects[parts.entry], return_inverse=True)
    totals = np.bincount(index, parts.hours, minlength=len(projects))
    return {int(project): float(hours) for project, hours in zip(projects, totals, strict=True)}

"""Totals of people's rows by role or team, unfilled role demand on top, demand by project, idle capacity.

A person counts in their own role and team, whatever role an allocation names. Rows with no role or no
team are gathered under the key None, listed last.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from pmo_desktop.capacity.allocations import AllocationTable
from pmo_desktop.capacity.grids import CapacityGrid, HoursGrid
from pmo_desktop.capacity.horizon import Horizon
from pmo_desktop.capacity.load import Contributions

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
K = TypeVar("K", bound=Hashable)


def ordered_keys(keys: Sequence[int | None]) -> tuple[int | None, ...]:
    """Distinct keys in ascending order, None last."""
    return tuple(sorted(set(keys), key=lambda key: (key is None, key or 0)))


def sum_rows(values: Floats, group: Sequence[int], group_count: int) -> Floats:
    """Rows of `values` added up by group: row i goes to group[i]."""
    totals = np.zeros((group_count, values.shape[1]))
    np.add.at(totals, np.asarray(group, dtype=np.int64), values)
    return totals


def by_group(
    people: CapacityGrid[K], group_of: Sequence[int | None], extra: HoursGrid[int] | None = None
) -> CapacityGrid[int | None]:
    """People's capacity and load summed by group (`group_of` is parallel to the rows), plus `extra` load."""
    keys = ordered_keys([*group_of, *(extra.keys if extra is not None else ())])
    index = {key: position for position, key in enumerate(keys)}
    rows = [index[key] for key in group_of]
    confirmed = sum_rows(people.confirmed, rows, len(keys))
    tentative = sum_rows(people.tentative, rows, len(keys))
    if extra is not None:
        extra_rows = [index[key] for key in extra.keys]
        confirmed += sum_rows(extra.confirmed, extra_rows, len(keys))
        tentative += sum_rows(extra.tentative, extra_rows, len(keys))
    capacity = sum_rows(people.capacity, rows, len(keys))
    return CapacityGrid(keys, people.horizon, confirmed, tentative, capacity)


def by_project(table: AllocationTable, parts: Contributions, horizon: Horizon) -> HoursGrid[int]:
    """Hours asked of people and of unfilled roles, by project and bucket."""
    projects, project_index = np.unique(table.projects, return_inverse=True)
    cells = project_index[parts.entry] * len(horizon) + parts.bucket
    tentative = table.tentative[parts.entry]
    size = len(projects) * len(horizon)

    def total(mask: npt.NDArray[np.bool_]) -> Floats:
        hours = np.bincount(cells[mask], parts.hours[mask], minlength=size).astype(np.float64)
        return hours.reshape(len(projects), len(horizon))

    keys = tuple(int(project) for project in projects)
    return HoursGrid(keys, horizon, total(~tentative), total(tentative))


@dataclass(frozen=True, eq=False)
class IdleCapacity:
    """Per role and bucket: hours its people have free, beside the role's unfilled demand (placeholders).

    Free hours are counted person by person (capacity minus load, never below zero), so one person's
    overload does not hide another's spare time.
    """

    keys: tuple[int | None, ...]
    horizon: Horizon
    idle: Floats
    unfilled: Floats


def idle_by_role(
    people: CapacityGrid[K], role_of: Sequence[int | None], placeholders: HoursGrid[int], include_tentative: bool
) -> IdleCapacity:
    keys = ordered_keys([*role_of, *placeholders.keys])
    index = {key: position for position, key in enumerate(keys)}
    free = np.maximum(people.capacity - people.load(include_tentative), 0.0)
    idle = sum_rows(free, [index[key] for key in role_of], len(keys))
    demand = placeholders.load(include_tentative)
    unfilled = sum_rows(demand, [index[key] for key in placeholders.keys], len(keys))
    return IdleCapacity(keys, people.horizon, idle, unfilled)

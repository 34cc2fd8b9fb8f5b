"""Where the portfolio's capacity goes wrong: the top over-allocations and idle capacity by role.

Both read a `CapacityModel` over its horizon (weeks or months) and name what they find, so the hotspot panel
and the board pack can show them without another lookup.
"""

from dataclasses import dataclass
from datetime import date

from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_model import CapacityModel


@dataclass(frozen=True)
class ProjectShare:
    """One project's hours in an over-allocation and its share (0 to 1) of the person's load there."""

    project_id: int
    project: str
    hours: float
    share: float


@dataclass(frozen=True)
class OverAllocation:
    """Consecutive weeks (or months) `first_bucket` up to `stop_bucket` (excluded) where someone is over.

    `peak` is the highest utilisation in the run (1.8 = 180 %; infinite for work without capacity).
    """

    person_id: int
    person: str
    role: str
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


@dataclass(frozen=True)
class IdleRole:
    """A role's free hours (its people's capacity minus load, person by person) and its unfilled demand."""

    role_id: int | None
    role: str
    people: int
    free_hours: float
    unfilled_hours: float


def top_over_allocations(
    model: CapacityModel, *, limit: int | None = 20, include_tentative: bool = True
) -> tuple[OverAllocation, ...]:
    """The worst runs of over-allocation: highest peak first, then the longest, then the most hours over."""
    names = model.names
    roles = {person.id: person.role_id for person in model.people}
    found = []
    for hotspot in model.engine.hotspots(include_tentative, limit):
        shares = tuple(
            ProjectShare(share.project_id, names.projects.get(share.project_id, ""), share.hours, share.share)
            for share in hotspot.projects
        )
        found.append(
            OverAllocation(
                hotspot.person_id,
                names.people.get(hotspot.person_id, ""),
                names.roles.get(roles.get(hotspot.person_id) or -1, ""),
                hotspot.first_bucket,
                hotspot.stop_bucket,
                hotspot.start,
                hotspot.finish,
                hotspot.peak,
                hotspot.excess_hours,
                shares,
            )
        )
    return tuple(found)


def idle_by_role(
    model: CapacityModel, first_bucket: int = 0, stop_bucket: int | None = None, *, include_tentative: bool = True
) -> tuple[IdleRole, ...]:
    """Free hours and unfilled demand per role over buckets [first_bucket, stop_bucket), most free first."""
    idle = model.engine.idle_by_role(include_tentative)
    stop = len(model.horizon) if stop_bucket is None else stop_bucket
    free = idle.idle[:, first_bucket:stop].sum(axis=1)
    unfilled = idle.unfilled[:, first_bucket:stop].sum(axis=1)
    counts: dict[int | None, int] = {}
    for person in model.people:
        if person.active:
            counts[person.role_id] = counts.get(person.role_id, 0) + 1
    rows = [
        IdleRole(
            key,
            model.names.roles.get(key, "") if key is not None else tr("No role"),
            counts.get(key, 0),
            float(free[index]),
            float(unfilled[index]),
        )
        for index, key in enumerate(idle.keys)
    ]
    return tuple(sorted(rows, key=lambda row: (-row.free_hours, row.role.casefold())))

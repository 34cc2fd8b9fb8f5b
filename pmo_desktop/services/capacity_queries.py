"""The heatmap's grid: people (grouped by team or role) or roles x weeks or months, with totals per group.

`heatmap_grid` reads a `CapacityModel` (the engine kept current for an open workspace) and returns a frozen
`HeatmapGrid`: one `HeatmapRow` per line of the heatmap and rows x buckets arrays of hours. Groups come in
name order with the people without a team or role last; people in a group by name. People with neither
capacity nor load in the horizon (left long ago, or joining after it) are left out.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

import numpy as np
import numpy.typing as npt

from pmo_desktop.capacity import BAND_ORDER, Band, CapacityGrid, Granularity, Horizon, band, band_codes, utilisation
from pmo_desktop.capacity.inputs import PersonInput
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_inputs import read_settings
from pmo_desktop.services.capacity_model import CapacityModel, Refresh
from pmo_desktop.services.workspace import Workspace

Floats = npt.NDArray[np.float64]

__all__ = [
    "BAND_ORDER",
    "Band",
    "Granularity",
    "Grouping",
    "HeatmapGrid",
    "HeatmapRow",
    "Horizon",
    "RowKind",
    "band",
    "default_horizon",
    "heatmap_grid",
    "open_capacity",
    "refresh_grid",
]

_QUARTERS_SHOWN = 4


class Grouping(StrEnum):
    TEAM = "team"
    ROLE = "role"
    ROLES_ONLY = "roles"


class RowKind(StrEnum):
    GROUP = "group"
    PERSON = "person"
    UNFILLED = "unfilled"


@dataclass(frozen=True)
class HeatmapRow:
    """One line of the heatmap.

    `key` is the person's id, the group's team or role id (None for people without one) or, for unfilled
    demand, the role's id. `group` is the index of the group row this row belongs to; `members` counts the
    people a group row totals (0 on other rows).
    """

    kind: RowKind
    key: int | None
    label: str
    role: str
    team: str
    weekly_hours: float
    group: int
    members: int = 0


@dataclass(frozen=True, eq=False)
class HeatmapGrid:
    """Hours per row and bucket (read-only arrays, rows x buckets) and what the rows and columns are.

    `time_off_days` counts each person's working days away per bucket; `working_days` the calendar's
    working days per bucket (one value per column).
    """

    grouping: Grouping
    granularity: Granularity
    starts: tuple[date, ...]
    finishes: tuple[date, ...]
    today: date
    current: int | None
    rows: tuple[HeatmapRow, ...]
    capacity: Floats
    confirmed: Floats
    tentative: Floats
    time_off_days: Floats
    working_days: Floats
    person_rows: Mapping[int, int] = field(repr=False)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.starts)

    def load(self, include_tentative: bool = True) -> Floats:
        return self.confirmed + self.tentative if include_tentative else self.confirmed.copy()

    def utilisation(self, include_tentative: bool = True) -> Floats:
        """load / capacity (1.0 = 100 %); load without capacity is infinite, no load without capacity 0."""
        return utilisation(self.load(include_tentative), self.capacity)

    def bands(self, include_tentative: bool = True) -> npt.NDArray[np.int8]:
        """The band of every cell as an index into `BAND_ORDER`."""
        return band_codes(self.utilisation(include_tentative))

    def row_of_person(self, person_id: int) -> int | None:
        return self.person_rows.get(person_id)


def default_horizon(today: date, granularity: Granularity, fiscal_year_start_month: int = 1) -> Horizon:
    """This (fiscal) quarter and the next three, in weeks or months."""
    months_in = (today.month - fiscal_year_start_month) % 3
    first_month = today.month - months_in
    first = date(today.year + (first_month - 1) // 12, (first_month - 1) % 12 + 1, 1)
    stop_month = first.month - 1 + 3 * _QUARTERS_SHOWN
    stop = date(first.year + stop_month // 12, stop_month % 12 + 1, 1)
    return Horizon.covering(first, stop - timedelta(days=1), granularity)


def open_capacity(workspace: Workspace, anchor: date, granularity: Granularity) -> CapacityModel:
    """The capacity model of `workspace` over the quarter holding `anchor` and the next three (fiscal quarters)."""
    with workspace.reading() as connection:
        fiscal = read_settings(connection).fiscal_year_start_month
    return CapacityModel(workspace, default_horizon(anchor, granularity, fiscal))


@dataclass
class _Layout:
    """Rows being laid out, with where each row's numbers come from: (grid, row in that grid)."""

    rows: list[HeatmapRow] = field(default_factory=list)
    sources: list[tuple[int, int]] = field(default_factory=list)
    time_off_rows: list[int] = field(default_factory=list)

    def add(self, row: HeatmapRow, source: tuple[int, int], time_off_row: int = -1) -> None:
        self.rows.append(row)
        self.sources.append(source)
        self.time_off_rows.append(time_off_row)


_PEOPLE, _TOTALS, _UNFILLED = 0, 1, 2


def heatmap_grid(model: CapacityModel, grouping: Grouping, *, today: date | None = None) -> HeatmapGrid:
    """The heatmap of `model`'s horizon grouped by `grouping`; `today` marks the current week or month."""
    engine = model.engine
    totals = engine.by_team() if grouping is Grouping.TEAM else engine.by_role()
    layout = _lay_out(model, grouping, totals)
    sources = np.array(layout.sources, dtype=np.int64).reshape(-1, 2)
    shape = (len(layout.rows), len(model.horizon))
    capacity, confirmed, tentative, time_off = (np.zeros(shape) for _ in range(4))
    for which, source in ((_PEOPLE, engine.people), (_TOTALS, totals), (_UNFILLED, engine.placeholders)):
        mask = sources[:, 0] == which
        picked = sources[mask, 1]
        confirmed[mask], tentative[mask] = source.confirmed[picked], source.tentative[picked]
        if isinstance(source, CapacityGrid):
            capacity[mask] = source.capacity[picked]
    people = sources[:, 0] == _PEOPLE
    time_off[people] = model.time_off_days[sources[people, 1]]
    horizon = model.horizon
    day = today or date.today()
    return HeatmapGrid(
        grouping,
        horizon.granularity,
        horizon.starts,
        tuple(horizon.bucket_days(bucket)[1] for bucket in range(len(horizon))),
        day,
        horizon.bucket_of(day),
        tuple(layout.rows),
        _frozen(capacity),
        _frozen(confirmed),
        _frozen(tentative),
        _frozen(time_off),
        _frozen(model.working_days.copy()),
        {row.key: index for index, row in enumerate(layout.rows) if row.kind is RowKind.PERSON and row.key is not None},
    )


def refresh_grid(grid: HeatmapGrid, model: CapacityModel, refresh: Refresh) -> HeatmapGrid:
    """`grid` brought up to date after `model.apply` returned `refresh`, recomputing only the rows it names.

    A person's group total moves by exactly the change in the person's row. Anything the rows cannot
    absorb (a new person, a new role of unfilled demand, names, a rebuilt engine) lays the grid out anew.
    """
    if refresh.everything or refresh.names or grid.grouping is Grouping.ROLES_ONLY:
        return heatmap_grid(model, grid.grouping, today=grid.today)
    updates = _row_updates(grid, model, refresh)
    if updates is None:
        return heatmap_grid(model, grid.grouping, today=grid.today)
    confirmed, tentative = grid.confirmed.copy(), grid.tentative.copy()
    for row, (new_confirmed, new_tentative) in updates.items():
        group = grid.rows[row].group
        confirmed[group] += new_confirmed - confirmed[row]
        tentative[group] += new_tentative - tentative[row]
        confirmed[row], tentative[row] = new_confirmed, new_tentative
    return replace(grid, confirmed=_frozen(confirmed), tentative=_frozen(tentative))


def _row_updates(grid: HeatmapGrid, model: CapacityModel, refresh: Refresh) -> dict[int, tuple[Floats, Floats]] | None:
    """New (confirmed, tentative) of each grid row `refresh` names; None when a row is not in the grid."""
    engine = model.engine
    updates: dict[int, tuple[Floats, Floats]] = {}
    for person_id in refresh.people:
        row = grid.row_of_person(person_id)
        if row is None:
            return None
        source = engine.people.row(person_id)
        updates[row] = (engine.people.confirmed[source], engine.people.tentative[source])
    if grid.grouping is Grouping.ROLE:
        unfilled = {entry.key: row for row, entry in enumerate(grid.rows) if entry.kind is RowKind.UNFILLED}
        for role in refresh.roles:
            if role not in unfilled or role not in engine.placeholders.keys:
                return None
            source = engine.placeholders.row(role)
            updates[unfilled[role]] = (engine.placeholders.confirmed[source], engine.placeholders.tentative[source])
    return updates


def _frozen(array: Floats) -> Floats:
    """`array` made read-only: a grid is a frozen read model, shared by the view and the panels."""
    array.setflags(write=False)
    return array


def _lay_out(model: CapacityModel, grouping: Grouping, totals: CapacityGrid[int | None]) -> _Layout:
    names = model.names
    by_team = grouping is Grouping.TEAM
    group_names = names.teams if by_team else names.roles
    shown = _shown_people(model)
    members: dict[int | None, list[tuple[int, PersonInput]]] = {key: [] for key in totals.keys}
    for row, person in shown:
        members.setdefault(person.team_id if by_team else person.role_id, []).append((row, person))
    unfilled = {key: row for row, key in enumerate(model.engine.placeholders.keys)}
    layout = _Layout()
    for key in _group_order(members, group_names):
        people = sorted(members[key], key=lambda item: item[1].name.casefold())
        if not people and key not in unfilled:
            continue
        group = len(layout.rows)
        label = group_names.get(key, "") if key is not None else (tr("No team") if by_team else tr("No role"))
        weekly = sum(person.hours_per_week for _, person in people if person.active)
        entry = HeatmapRow(RowKind.GROUP, key, label, "", "", weekly, group, len(people))
        layout.add(entry, (_TOTALS, totals.row(key)))
        if grouping is Grouping.ROLES_ONLY:
            continue
        for row, person in people:
            role, team = names.roles.get(person.role_id or -1, ""), names.teams.get(person.team_id or -1, "")
            entry = HeatmapRow(RowKind.PERSON, person.id, person.name, role, team, person.hours_per_week, group)
            layout.add(entry, (_PEOPLE, row), row)
        if not by_team and key in unfilled:
            entry = HeatmapRow(RowKind.UNFILLED, key, tr("Unfilled demand"), label, "", 0.0, group)
            layout.add(entry, (_UNFILLED, unfilled[key]))
    return layout


def _shown_people(model: CapacityModel) -> list[tuple[int, PersonInput]]:
    """(engine row, person) of everyone with capacity or load in the horizon."""
    grid = model.engine.people
    busy = (grid.capacity.sum(axis=1) > 0) | (grid.load().sum(axis=1) > 0)
    return [(row, person) for row, person in enumerate(model.people) if busy[row]]


def _group_order(members: Mapping[int | None, object], group_names: Mapping[int, str]) -> list[int | None]:
    """Groups by name, the group of people without a team or role last."""
    return sorted(members, key=lambda key: (key is None, group_names.get(key or -1, "").casefold(), key or 0))

"""Properties over random small portfolios: sums agree, nothing goes negative, edits match a rebuild."""

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_desktop.capacity import (
    AllocationInput,
    CapacityEngine,
    CapacityGrid,
    Horizon,
    PersonInput,
    TimeOffInput,
    WorkCalendar,
)
from pmo_desktop.domain.enums import AllocationUnit
from tests.core.capacity.builders import MONDAY

WEEKS = 6
PERSON_IDS = (1, 2, 3)


@dataclass(frozen=True)
class World:
    calendar: WorkCalendar
    people: list[PersonInput]
    time_off: list[TimeOffInput]
    allocations: list[AllocationInput]
    task_dates: dict[int, tuple[date, date]]

    def engine(self, allocations: list[AllocationInput] | None = None) -> CapacityEngine:
        return CapacityEngine(
            self.calendar,
            Horizon.weeks(MONDAY, WEEKS),
            self.people,
            time_off=self.time_off,
            allocations=self.allocations if allocations is None else allocations,
            task_dates=self.task_dates,
        )


days = st.integers(-10, WEEKS * 7 + 5).map(lambda offset: MONDAY + timedelta(days=offset))


@st.composite
def spans(draw: st.DrawFn) -> tuple[date, date]:
    start = draw(days)
    return start, start + timedelta(days=draw(st.integers(0, 30)))


@st.composite
def people(draw: st.DrawFn, person_id: int) -> PersonInput:
    start, end = draw(st.none() | days), draw(st.none() | days)
    if start and end and end < start:
        start, end = end, start
    hours = draw(st.sampled_from([0.0, 16.0, 24.0, 37.5, 40.0]))
    return PersonInput(
        person_id, "P", draw(st.sampled_from([10, 11, None])), None, hours, start, end, draw(st.booleans())
    )


@st.composite
def allocations(draw: st.DrawFn, allocation_id: int) -> AllocationInput:
    start, finish = draw(spans())
    return AllocationInput(
        allocation_id,
        draw(st.sampled_from([*PERSON_IDS, None, 99])),
        draw(st.sampled_from([10, 11, 12, None])),
        draw(st.sampled_from([100, 101, 102])),
        draw(st.sampled_from([None, 1, 2])),
        start,
        finish,
        draw(st.sampled_from(list(AllocationUnit))),
        draw(st.sampled_from([0.0, 5.0, 12.5, 20.0, 50.0, 100.0])),
        draw(st.booleans()),
    )


@st.composite
def worlds(draw: st.DrawFn) -> World:
    holidays = frozenset(draw(st.lists(days, max_size=4)))
    calendar = WorkCalendar(draw(st.sampled_from([0b0011111, 0b0111111, 0b0001111])), holidays)
    time_off = [TimeOffInput(draw(st.sampled_from(PERSON_IDS)), *draw(spans())) for _ in range(draw(st.integers(0, 3)))]
    count = draw(st.integers(0, 10))
    return World(
        calendar,
        [draw(people(person_id)) for person_id in PERSON_IDS],
        time_off,
        [draw(allocations(allocation_id)) for allocation_id in range(1, count + 1)],
        draw(st.dictionaries(st.sampled_from([1, 2]), spans(), max_size=2)),
    )


@settings(max_examples=60, deadline=None)
@given(worlds())
def test_project_loads_add_up_to_each_cell(world: World) -> None:
    built = world.engine()
    grid = built.people
    for person_id in PERSON_IDS:
        for bucket in range(WEEKS):
            cell = built.breakdown(person_id, bucket)
            row = grid.row(person_id)
            assert np.isclose(sum(p.confirmed for p in cell.projects), grid.confirmed[row, bucket])
            assert np.isclose(sum(p.tentative for p in cell.projects), grid.tentative[row, bucket])
            assert np.isclose(sum(a.hours for a in cell.allocations), grid.load()[row, bucket])


@settings(max_examples=60, deadline=None)
@given(worlds())
def test_project_demand_adds_up_to_people_and_placeholders(world: World) -> None:
    built = world.engine()
    demand = built.demand_by_project()
    assert np.allclose(demand.confirmed.sum(0), built.people.confirmed.sum(0) + built.placeholders.confirmed.sum(0))
    assert np.allclose(demand.tentative.sum(0), built.people.tentative.sum(0) + built.placeholders.tentative.sum(0))
    roles = built.by_role()
    assert np.allclose(roles.load().sum(0), demand.load().sum(0))
    assert np.allclose(roles.capacity.sum(0), built.people.capacity.sum(0))


@settings(max_examples=60, deadline=None)
@given(worlds())
def test_capacity_and_load_are_never_negative_and_capacity_never_exceeds_the_week(world: World) -> None:
    grid = world.engine().people
    assert (grid.capacity >= 0).all()
    assert (grid.confirmed >= 0).all() and (grid.tentative >= 0).all()
    weekly = np.array([person.hours_per_week for person in world.people])[:, None]
    assert (grid.capacity <= weekly + 1e-9).all()
    assert not np.isnan(grid.utilisation()).any()


@settings(max_examples=40, deadline=None)
@given(worlds(), st.data())
def test_edits_leave_the_grid_a_rebuild_would_give(world: World, data: st.DataObject) -> None:
    built = world.engine()
    current = {allocation.id: allocation for allocation in world.allocations}
    for step in range(data.draw(st.integers(1, 4))):
        remove = data.draw(st.booleans())
        if current and remove:
            target = data.draw(st.sampled_from(sorted(current)))
            built.remove_allocation(target)
            del current[target]
        else:
            edited = data.draw(allocations(data.draw(st.sampled_from([*current, 100 + step]))))
            built.put_allocation(edited)
            current[edited.id] = edited
    fresh = world.engine(list(current.values()))
    assert np.allclose(built.people.confirmed, fresh.people.confirmed)
    assert np.allclose(built.people.tentative, fresh.people.tentative)
    assert_same_rows(built.by_role(), fresh.by_role())


def assert_same_rows(grid: CapacityGrid[int | None], other: CapacityGrid[int | None]) -> None:
    """Row by row, by key; an edit may leave a row of zeros for a role whose demand it removed."""
    loads, other_loads = grid.load(), other.load()
    for key in set(grid.keys) | set(other.keys):
        mine = loads[grid.row(key)] if key in grid.keys else 0.0
        theirs = other_loads[other.row(key)] if key in other.keys else 0.0
        assert np.allclose(mine, theirs)


@settings(max_examples=30, deadline=None)
@given(worlds(), spans())
def test_moving_a_task_matches_a_rebuild_with_the_new_dates(world: World, span: tuple[date, date]) -> None:
    built = world.engine()
    built.move_task(1, *span)
    fresh = replace(world, task_dates={**world.task_dates, 1: span}).engine()
    assert np.allclose(built.people.load(), fresh.people.load())
    assert np.allclose(built.placeholders.load().sum(0), fresh.placeholders.load().sum(0))

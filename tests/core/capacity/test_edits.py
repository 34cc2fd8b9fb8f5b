"""Edits recompute only the rows they touch, and leave the grid as a fresh build would."""

from dataclasses import replace

import numpy as np

from pmo_desktop.capacity import AllocationInput, CapacityEngine, RowsChanged, TaskDates
from tests.core.capacity.builders import allocation, day, engine, person

PEOPLE = [person(1), person(2, hours=30), person(3, role=11)]
ALLOCATIONS = [
    allocation(1, 1, day(0), day(2, 4), 30, project=100),
    allocation(2, 1, day(1), day(1, 4), 20, project=101, task=5),
    allocation(3, 2, day(0), day(3, 4), 15, project=100, tentative=True),
    allocation(4, None, day(0), day(1, 4), 40, role=10, project=102),
]


def assert_same_grids(
    built: CapacityEngine, allocations: list[AllocationInput], task_dates: TaskDates | None = None
) -> None:
    """The edited engine holds what a fresh build from the edited inputs holds."""
    fresh = engine(PEOPLE, allocations, task_dates=task_dates)
    assert np.allclose(built.people.confirmed, fresh.people.confirmed)
    assert np.allclose(built.people.tentative, fresh.people.tentative)
    by_role, fresh_by_role = built.by_role(), fresh.by_role()
    assert by_role.keys == fresh_by_role.keys
    assert np.allclose(by_role.load(), fresh_by_role.load())


def test_changing_hours_recomputes_that_person_only() -> None:
    built = engine(PEOPLE, ALLOCATIONS)
    before = built.people.confirmed.copy()
    changed = built.put_allocation(replace(ALLOCATIONS[0], amount=10))
    assert changed == RowsChanged(frozenset({1}))
    assert built.people.confirmed[0].tolist() == [10, 30, 10, 0]
    assert np.array_equal(built.people.confirmed[1:], before[1:])
    assert_same_grids(built, [replace(ALLOCATIONS[0], amount=10), *ALLOCATIONS[1:]])


def test_moving_an_allocation_to_someone_else_changes_both_rows() -> None:
    built = engine(PEOPLE, ALLOCATIONS)
    moved = replace(ALLOCATIONS[1], person_id=3)
    assert built.put_allocation(moved).people == {1, 3}
    assert built.people.confirmed[2].tolist() == [0, 20, 0, 0]
    assert_same_grids(built, [ALLOCATIONS[0], moved, *ALLOCATIONS[2:]])


def test_adding_and_removing_allocations() -> None:
    built = engine(PEOPLE, ALLOCATIONS)
    added = allocation(9, 2, day(3), day(3, 4), 10)
    built.put_allocation(added)
    assert built.people.confirmed[1].tolist() == [0, 0, 0, 10]
    assert built.remove_allocation(1) == RowsChanged(frozenset({1}))
    assert_same_grids(built, [*ALLOCATIONS[1:], added])
    assert built.remove_allocation(42) == RowsChanged()


def test_filling_a_placeholder_moves_demand_from_the_role_to_a_person() -> None:
    built = engine(PEOPLE, ALLOCATIONS)
    filled = replace(ALLOCATIONS[3], person_id=2)
    assert built.put_allocation(filled) == RowsChanged(frozenset({2}), frozenset({10}))
    assert built.placeholders.load().tolist() == [[0, 0, 0, 0]]
    assert_same_grids(built, [*ALLOCATIONS[:3], filled])


def test_demand_for_a_new_role_adds_a_placeholder_row() -> None:
    built = engine(PEOPLE, ALLOCATIONS)
    demand = allocation(9, None, day(2), day(2, 4), 16, role=12)
    assert built.put_allocation(demand).placeholder_roles == {12}
    assert built.placeholders.keys == (10, 12)
    assert_same_grids(built, [*ALLOCATIONS, demand])


def test_moving_a_task_moves_the_allocations_that_follow_it() -> None:
    built = engine(PEOPLE, ALLOCATIONS)
    assert built.move_task(5, day(3), day(3, 4)).people == {1}
    assert built.people.confirmed[0].tolist() == [30, 30, 30, 20]
    assert_same_grids(built, ALLOCATIONS, {5: (day(3), day(3, 4))})
    added = allocation(9, 2, day(0), day(0, 4), 10, task=5)  # added later, still follows the moved task
    built.put_allocation(added)
    assert built.people.confirmed[1].tolist() == [0, 0, 0, 10]


def test_an_edit_for_someone_not_in_the_grid_changes_nothing() -> None:
    built = engine(PEOPLE, ALLOCATIONS)
    assert built.put_allocation(allocation(9, 99, day(0), day(0, 4), 10)) == RowsChanged()

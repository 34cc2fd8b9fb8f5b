"""Load: allocations in hours per week or percent, prorated by the working days they cover in each week."""

import pytest

from pmo_desktop.capacity import Band, CapacityEngine, TimeOffInput, band
from tests.core.capacity.builders import PERCENT, allocation, day, engine, person


def confirmed(built: CapacityEngine, row: int = 0) -> list[float]:
    return [round(float(hours), 9) for hours in built.people.confirmed[row]]


def test_no_allocation_means_no_load() -> None:
    built = engine([person()])
    assert confirmed(built) == [0, 0, 0, 0]
    assert list(built.people.utilisation()[0]) == [0, 0, 0, 0]


def test_a_zero_amount_loads_nothing() -> None:
    assert confirmed(engine([person()], [allocation(1, 1, day(0), day(3, 4), 0)])) == [0, 0, 0, 0]


def test_an_allocation_is_prorated_by_the_working_days_it_covers() -> None:
    # Wednesday of week 0 to Tuesday of week 2: 3 days, 5 days, 2 days of a 20 h/week allocation.
    assert confirmed(engine([person()], [allocation(1, 1, day(0, 2), day(2, 1), 20)])) == [12, 20, 8, 0]


def test_a_weekend_only_allocation_loads_nothing() -> None:
    assert confirmed(engine([person()], [allocation(1, 1, day(0, 5), day(0, 6), 40)])) == [0, 0, 0, 0]


def test_overlapping_allocations_add_up() -> None:
    allocations = [allocation(1, 1, day(0), day(1, 4), 20), allocation(2, 1, day(1), day(2, 4), 30, project=101)]
    built = engine([person()], allocations)
    assert confirmed(built) == [20, 50, 30, 0]
    assert band(built.people.utilisation()[0, 1]) is Band.OVER


def test_a_nested_allocation_adds_only_where_it_runs() -> None:
    allocations = [allocation(1, 1, day(0), day(3, 4), 20), allocation(2, 1, day(1, 1), day(1, 3), 10)]
    assert confirmed(engine([person()], allocations)) == [20, 26, 20, 20]


def test_back_to_back_allocations_do_not_double_count_the_boundary() -> None:
    allocations = [allocation(1, 1, day(0), day(1, 2), 40), allocation(2, 1, day(1, 3), day(2, 4), 40)]
    assert confirmed(engine([person()], allocations)) == [40, 40, 40, 0]


def test_time_off_inside_an_allocation_removes_its_load() -> None:
    allocations = [allocation(1, 1, day(0), day(3, 4), 40), allocation(2, 1, day(0), day(3, 4), 50, unit=PERCENT)]
    built = engine([person()], allocations, time_off=[TimeOffInput(1, day(1, 0), day(1, 1))])
    assert confirmed(built) == [60, 36, 60, 60]
    assert list(built.people.capacity[0]) == [40, 24, 40, 40]
    assert built.people.utilisation()[0, 1] == pytest.approx(1.5)  # the same as every other week


def test_a_holiday_week_carries_no_load_on_the_holiday() -> None:
    built = engine([person()], [allocation(1, 1, day(0), day(3, 4), 30)], holidays=[day(2, 4)])
    assert confirmed(built) == [30, 30, 24, 30]
    assert built.people.utilisation()[0, 2] == pytest.approx(0.75)


def test_a_week_of_leave_is_free_not_over() -> None:
    built = engine([person()], [allocation(1, 1, day(0), day(3, 4), 30)], time_off=[TimeOffInput(1, day(2), day(2, 4))])
    assert confirmed(built)[2] == 0
    assert built.people.capacity[0, 2] == 0
    assert built.people.utilisation()[0, 2] == 0


def test_percent_follows_the_persons_hours_and_hours_do_not() -> None:
    allocations = [allocation(1, 1, day(0), day(0, 4), 50, unit=PERCENT), allocation(2, 2, day(0), day(0, 4), 20)]
    built = engine([person(1, hours=24), person(2, hours=24)], allocations, weeks=1)
    assert built.people.confirmed[:, 0].tolist() == [12, 20]
    assert built.people.utilisation()[:, 0].tolist() == [0.5, pytest.approx(20 / 24)]


def test_a_part_timer_is_over_with_a_full_time_allocation() -> None:
    built = engine([person(hours=20)], [allocation(1, 1, day(0), day(0, 4), 40)], weeks=1)
    assert built.people.utilisation()[0, 0] == 2.0


def test_work_before_employment_has_no_capacity_to_go_into() -> None:
    # Joined on Wednesday of week 1, allocated from Monday of week 1: Monday and Tuesday are over.
    built = engine([person(start=day(1, 2))], [allocation(1, 1, day(0), day(1, 4), 40)], weeks=2)
    assert confirmed(built) == [40, 40]
    assert built.people.capacity[0].tolist() == [0, 24]
    assert built.people.utilisation()[0].tolist() == [float("inf"), pytest.approx(40 / 24)]


def test_an_allocation_from_the_first_day_of_employment_fits() -> None:
    built = engine([person(start=day(1, 2))], [allocation(1, 1, day(1, 2), day(1, 4), 40)], weeks=2)
    assert built.people.utilisation()[0].tolist() == [0, 1]


def test_a_task_tied_allocation_follows_the_tasks_scheduled_dates() -> None:
    tied = allocation(1, 1, day(0), day(0, 4), 20, task=7)
    built = engine([person()], [tied], task_dates={7: (day(2), day(3, 4))})
    assert confirmed(built) == [0, 0, 20, 20]
    changed = built.move_task(7, day(1, 3), day(1, 4))
    assert confirmed(built) == [0, 8, 0, 0]
    assert changed.people == {1}


def test_a_task_tied_allocation_without_task_dates_keeps_its_own() -> None:
    tied = allocation(1, 1, day(0), day(0, 4), 20, task=7)
    assert confirmed(engine([person()], [tied], task_dates={8: (day(2), day(3, 4))})) == [20, 0, 0, 0]


def test_confirmed_and_tentative_are_kept_apart() -> None:
    allocations = [allocation(1, 1, day(0), day(1, 4), 30), allocation(2, 1, day(1), day(2, 4), 20, tentative=True)]
    grid = engine([person()], allocations).people
    assert grid.confirmed[0].tolist() == [30, 30, 0, 0]
    assert grid.tentative[0].tolist() == [0, 20, 20, 0]
    assert grid.load()[0].tolist() == [30, 50, 20, 0]
    assert grid.load(include_tentative=False)[0].tolist() == [30, 30, 0, 0]
    assert band(grid.utilisation()[0, 1]) is Band.OVER
    assert band(grid.utilisation(include_tentative=False)[0, 1]) is Band.HEALTHY


def test_placeholder_demand_loads_its_role_not_a_person() -> None:
    allocations = [
        allocation(1, None, day(0), day(1, 4), 40, role=10),
        allocation(2, None, day(0), day(0, 4), 50, role=11, unit=PERCENT, tentative=True),
        allocation(3, None, day(0), day(0, 4), 50),  # neither person nor role: not demand of anyone
    ]
    built = engine([person(role=10)], allocations, holidays=[day(1, 0)])
    assert confirmed(built) == [0, 0, 0, 0]
    assert built.placeholders.keys == (10, 11)
    assert built.placeholders.confirmed.tolist() == [[40, 32, 0, 0], [0, 0, 0, 0]]
    assert built.placeholders.tentative.tolist() == [[0, 0, 0, 0], [20, 0, 0, 0]]  # half of an 8-hour day


def test_allocations_of_people_left_out_and_outside_the_horizon_are_ignored() -> None:
    allocations = [allocation(1, 2, day(0), day(3, 4), 40), allocation(2, 1, day(-3), day(-1, 4), 40)]
    assert confirmed(engine([person(1)], allocations)) == [0, 0, 0, 0]


def test_the_breakdown_of_a_cell_names_its_allocations_and_projects() -> None:
    allocations = [
        allocation(1, 1, day(0), day(1, 4), 10, project=100),
        allocation(2, 1, day(1), day(1, 4), 20, project=101),
        allocation(3, 1, day(1), day(1, 1), 50, project=100, tentative=True),
        allocation(4, 1, day(2), day(2, 4), 40, project=102),
    ]
    cell = engine([person()], allocations).breakdown(1, 1)
    assert (cell.capacity, cell.confirmed, cell.tentative) == (40, 30, 20)
    assert [(load.allocation_id, load.hours) for load in cell.allocations] == [(2, 20), (3, 20), (1, 10)]
    assert [(p.project_id, p.confirmed, p.tentative) for p in cell.projects] == [(100, 10, 20), (101, 20, 0)]
    assert cell.utilisation() == 1.25
    assert cell.utilisation(include_tentative=False) == 0.75

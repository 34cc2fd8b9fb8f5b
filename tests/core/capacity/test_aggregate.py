"""Totals by role and team, placeholder demand on top of the role, demand by project, idle capacity."""

from pmo_desktop.capacity import CapacityEngine
from tests.core.capacity.builders import PERCENT, allocation, day, engine, person


def staffed() -> CapacityEngine:
    people = [person(1, role=10, team=20), person(2, hours=20, role=10, team=21), person(3, role=11, team=None)]
    allocations = [
        allocation(1, 1, day(0), day(1, 4), 50, project=100),
        allocation(2, 2, day(0), day(0, 4), 10, project=101, tentative=True),
        allocation(3, 3, day(1), day(1, 4), 50, unit=PERCENT, project=100),
        allocation(4, None, day(0), day(1, 4), 16, role=10, project=101),
        allocation(5, None, day(1), day(1, 4), 8, role=12, project=102, tentative=True),
    ]
    return engine(people, allocations, weeks=2)


def test_roles_sum_their_people_and_add_their_placeholder_demand() -> None:
    roles = staffed().by_role()
    assert roles.keys == (10, 11, 12)
    assert roles.capacity.tolist() == [[60, 60], [40, 40], [0, 0]]
    assert roles.confirmed.tolist() == [[66, 66], [0, 20], [0, 0]]
    assert roles.tentative.tolist() == [[10, 0], [0, 0], [0, 8]]
    assert roles.utilisation()[2, 1] == float("inf")  # demand for a role nobody holds


def test_teams_sum_their_people_and_gather_the_unassigned_last() -> None:
    teams = staffed().by_team()
    assert teams.keys == (20, 21, None)
    assert teams.capacity[:, 0].tolist() == [40, 20, 40]
    assert teams.load()[:, 0].tolist() == [50, 10, 0]


def test_demand_by_project_covers_people_and_placeholders() -> None:
    built = staffed()
    demand = built.demand_by_project()
    assert demand.keys == (100, 101, 102)
    assert demand.confirmed.tolist() == [[50, 70], [16, 16], [0, 0]]
    assert demand.tentative.tolist() == [[0, 0], [10, 0], [0, 8]]
    total = built.people.load().sum() + built.placeholders.load().sum()
    assert demand.load().sum() == total


def test_idle_capacity_counts_free_hours_person_by_person() -> None:
    idle = staffed().idle_by_role()
    assert idle.keys == (10, 11, 12)
    # Role 10: person 1 is 10 h over, which does not hide person 2's 10 (then 20) free hours.
    assert idle.idle.tolist() == [[10, 20], [40, 20], [0, 0]]
    assert idle.unfilled.tolist() == [[16, 16], [0, 0], [0, 8]]
    assert staffed().idle_by_role(include_tentative=False).idle[0].tolist() == [20, 20]

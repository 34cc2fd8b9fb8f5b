"""Hotspots: runs of over-capacity weeks per person, worst first, with the projects that cause them."""

from datetime import date

import numpy as np

from pmo_desktop.capacity import TimeOffInput
from pmo_desktop.capacity.hotspots import over_runs
from tests.core.capacity.builders import allocation, day, engine, person


def test_over_runs_finds_every_run_of_every_row() -> None:
    over = np.array([[1, 1, 0, 1], [0, 0, 0, 0], [1, 1, 1, 1]], dtype=bool)
    rows, first, stop = over_runs(over)
    assert list(zip(rows.tolist(), first.tolist(), stop.tolist(), strict=True)) == [(0, 0, 2), (0, 3, 4), (2, 0, 4)]


def test_hotspots_are_ranked_by_peak_then_length() -> None:
    people = [person(1), person(2), person(3), person(4)]
    allocations = [
        allocation(1, 1, day(0), day(0, 4), 44),  # 110 % for one week
        allocation(2, 2, day(0), day(2, 4), 44),  # 110 % for three weeks
        allocation(3, 3, day(1), day(1, 4), 88),  # 220 % for one week
        allocation(4, 4, day(0), day(5, 4), 36),  # 90 %: full, not over
    ]
    hotspots = engine(people, allocations, weeks=6).hotspots()
    assert [(h.person_id, h.length, round(h.peak, 6)) for h in hotspots] == [(3, 1, 2.2), (2, 3, 1.1), (1, 1, 1.1)]
    assert hotspots[1].start == date(2026, 1, 5)
    assert hotspots[1].finish == date(2026, 1, 25)
    assert hotspots[1].excess_hours == 12
    assert len(engine(people, allocations, weeks=6).hotspots(limit=2)) == 2


def test_a_hotspot_names_its_projects_with_their_share() -> None:
    allocations = [
        allocation(1, 1, day(0), day(1, 4), 25, project=100),
        allocation(2, 1, day(0), day(0, 4), 25, project=101),
        allocation(3, 1, day(1), day(1, 4), 25, project=102),
        allocation(4, 1, day(3), day(3, 4), 80, project=103),  # a later, shorter but higher hotspot
    ]
    first, second = engine([person()], allocations).hotspots()
    assert (first.person_id, first.first_bucket, first.stop_bucket) == (1, 3, 4)
    assert (second.first_bucket, second.stop_bucket) == (0, 2)
    assert [(share.project_id, share.hours) for share in second.projects] == [(100, 50), (101, 25), (102, 25)]
    assert [share.share for share in second.projects] == [0.5, 0.25, 0.25]
    assert [(share.project_id, share.share) for share in first.projects] == [(103, 1.0)]


def test_work_during_a_week_of_leave_is_not_a_hotspot_but_work_after_leaving_is() -> None:
    allocations = [allocation(1, 1, day(0), day(3, 4), 30), allocation(2, 2, day(0), day(3, 4), 30)]
    people = [person(1), person(2, end=day(1, 4))]
    hotspots = engine(people, allocations, time_off=[TimeOffInput(1, day(1), day(1, 4))]).hotspots()
    assert [(h.person_id, h.first_bucket, h.stop_bucket, h.peak) for h in hotspots] == [(2, 2, 4, float("inf"))]
    assert hotspots[0].excess_hours == 60


def test_tentative_load_can_be_left_out_of_hotspots() -> None:
    allocations = [allocation(1, 1, day(0), day(0, 4), 30), allocation(2, 1, day(0), day(0, 4), 30, tentative=True)]
    built = engine([person()], allocations)
    assert len(built.hotspots()) == 1
    assert built.hotspots(include_tentative=False) == []

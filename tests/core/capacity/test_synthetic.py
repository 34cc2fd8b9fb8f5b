"""A mid-sized synthetic portfolio: the fast paths agree with the detailed ones and with each other."""

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
import pytest

from pmo_desktop.capacity import Band, CapacityEngine, Horizon, band
from tests.core.capacity.synthetic import Portfolio, portfolio


@pytest.fixture(scope="module")
def world() -> Portfolio:
    return portfolio(people=60, weeks=52, allocations=3000)


def build(world: Portfolio, horizon: Horizon | None = None) -> CapacityEngine:
    return CapacityEngine(
        world.calendar,
        horizon or world.horizon,
        world.people,
        time_off=world.time_off,
        allocations=world.allocations,
        task_dates=world.task_dates,
    )


def test_cell_breakdowns_add_up_to_the_grid(world: Portfolio) -> None:
    built = build(world)
    for person in world.people[::7]:
        row = built.people.row(person.id)
        for bucket in range(0, 52, 5):
            cell = built.breakdown(person.id, bucket)
            assert sum(load.hours for load in cell.allocations) == pytest.approx(built.people.load()[row, bucket])


def test_weeks_and_months_over_the_same_days_hold_the_same_hours(world: Portfolio) -> None:
    # Monday 1 January 2024 to Sunday 31 March 2024: 13 weeks or 3 months, the same 91 days.
    weekly, monthly = (
        build(world, Horizon.weeks(date(2024, 1, 1), 13)),
        build(world, Horizon.months(date(2024, 1, 1), 3)),
    )
    for name in ("capacity", "confirmed", "tentative"):
        weeks, months = getattr(weekly.people, name), getattr(monthly.people, name)
        assert np.allclose(weeks.sum(axis=1), months.sum(axis=1))
    assert np.allclose(weekly.placeholders.load().sum(), monthly.placeholders.load().sum())


def test_many_edits_match_a_rebuild(world: Portfolio) -> None:
    built = build(world)
    edited = list(world.allocations)
    for index in range(0, 3000, 150):
        moved = replace(edited[index], person_id=world.people[index % 60].id, amount=edited[index].amount + 3)
        built.put_allocation(moved)
        edited[index] = moved
    fresh = build(replace(world, allocations=edited))
    assert np.allclose(built.people.confirmed, fresh.people.confirmed)
    assert np.allclose(built.people.tentative, fresh.people.tentative)
    assert np.allclose(built.placeholders.load(), fresh.placeholders.load())


def test_hotspots_are_maximal_over_runs_in_rank_order(world: Portfolio) -> None:
    built = build(world)
    ratio = built.people.utilisation()
    hotspots = built.hotspots()
    assert hotspots
    ranks = [(-h.peak, -h.length, -h.excess_hours) for h in hotspots]
    assert ranks == sorted(ranks)
    for hotspot in hotspots[:50]:
        row = built.people.row(hotspot.person_id)
        cells = ratio[row, hotspot.first_bucket : hotspot.stop_bucket]
        assert all(band(value) is Band.OVER for value in cells)
        assert hotspot.peak == cells.max()
        for edge in (hotspot.first_bucket - 1, hotspot.stop_bucket):
            assert not 0 <= edge < 52 or band(ratio[row, edge]) is not Band.OVER
        assert sum(share.share for share in hotspot.projects) == pytest.approx(1.0)
        assert hotspot.finish - hotspot.start == timedelta(days=7 * hotspot.length - 1)

"""The heatmap's queries on a real workspace: grid layout and numbers, cells, hotspots, idle capacity, and
the capacity model following edits one row at a time."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from pmo_desktop.capacity import Granularity, Horizon
from pmo_desktop.demo import HOTSPOT_PEOPLE
from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.capacity_cells import cell_details
from pmo_desktop.services.capacity_hotspots import idle_by_role, top_over_allocations
from pmo_desktop.services.capacity_model import CapacityModel
from pmo_desktop.services.capacity_queries import (
    Grouping,
    HeatmapGrid,
    RowKind,
    default_horizon,
    heatmap_grid,
    refresh_grid,
)
from pmo_desktop.services.files import write_demo
from pmo_desktop.services.records import create_record, delete_record, list_records, update_record
from pmo_desktop.services.workspace import Workspace
from tests.core.services.capacity_builders import HORIZON, TODAY, Staffed, add, staff


@pytest.fixture
def staffed(workspace: Workspace) -> Staffed:
    return staff(workspace)


@pytest.fixture
def model(workspace: Workspace, staffed: Staffed) -> CapacityModel:
    return CapacityModel(workspace, HORIZON)


def labels(grid: HeatmapGrid) -> list[str]:
    return [row.label for row in grid.rows]


def row(grid: HeatmapGrid, label: str) -> int:
    return labels(grid).index(label)


def assert_same(first: HeatmapGrid, second: HeatmapGrid) -> None:
    assert first.rows == second.rows
    for name in ("capacity", "confirmed", "tentative", "time_off_days"):
        np.testing.assert_allclose(getattr(first, name), getattr(second, name), atol=1e-9)


def test_people_grouped_by_team_with_totals(model: CapacityModel) -> None:
    grid = heatmap_grid(model, Grouping.TEAM, today=TODAY)
    # Teams by name, people without a team last; Gone left before the horizon and is not shown.
    assert labels(grid) == ["Data", "Ben", "Platform", "Ada", "Cleo", "No team", "Exec"]
    assert [entry.kind for entry in grid.rows[:3]] == [RowKind.GROUP, RowKind.PERSON, RowKind.GROUP]
    ada = row(grid, "Ada")
    assert grid.rows[ada].role == "Developer" and grid.rows[ada].weekly_hours == 40.0
    # The company holiday takes a day from week 0, Ada's two days off two more from week 1.
    assert grid.capacity[ada].tolist() == [32.0, 24.0, 40.0, 40.0]
    assert grid.confirmed[ada].tolist() == [32.0, 24.0, 40.0, 40.0]
    assert grid.tentative[ada].tolist() == [0.0, 0.0, 20.0, 20.0]
    assert grid.time_off_days[ada].tolist() == [0.0, 2.0, 0.0, 0.0]
    assert grid.utilisation()[ada, 2] == pytest.approx(1.5)
    assert grid.utilisation(include_tentative=False)[ada, 2] == pytest.approx(1.0)
    platform = row(grid, "Platform")
    np.testing.assert_allclose(grid.capacity[platform], grid.capacity[ada] + grid.capacity[row(grid, "Cleo")])
    assert grid.rows[platform].weekly_hours == 60.0
    assert grid.current == 2 and grid.starts[2] == date(2026, 1, 19) and grid.finishes[2] == date(2026, 1, 25)


def test_a_task_decides_the_weeks_of_the_allocations_that_follow_it(model: CapacityModel) -> None:
    grid = heatmap_grid(model, Grouping.TEAM, today=TODAY)
    assert grid.confirmed[row(grid, "Ben")].tolist() == [0.0, 20.0, 0.0, 0.0]


def test_by_role_adds_unfilled_demand_to_the_role(model: CapacityModel, staffed: Staffed) -> None:
    grid = heatmap_grid(model, Grouping.ROLE, today=TODAY)
    assert labels(grid) == ["Analyst", "Cleo", "Unfilled demand", "Developer", "Ada", "Ben", "No role", "Exec"]
    unfilled = row(grid, "Unfilled demand")
    assert grid.rows[unfilled].kind is RowKind.UNFILLED and grid.rows[unfilled].key == staffed.analyst
    # 16 hours a week over Monday to Friday, less the holiday in week 0.
    np.testing.assert_allclose(grid.confirmed[unfilled], [12.8, 16.0, 0.0, 0.0])
    assert grid.capacity[unfilled].tolist() == [0.0] * 4
    np.testing.assert_allclose(grid.confirmed[row(grid, "Analyst")], [12.8, 16.0, 0.0, 0.0])
    assert grid.capacity[row(grid, "Analyst")].tolist() == [16.0, 20.0, 20.0, 20.0]


def test_roles_only_shows_the_totals(model: CapacityModel) -> None:
    grid = heatmap_grid(model, Grouping.ROLES_ONLY, today=TODAY)
    assert labels(grid) == ["Analyst", "Developer", "No role"]
    assert {entry.kind for entry in grid.rows} == {RowKind.GROUP}
    assert grid.row_of_person(1) is None


def test_a_person_cell_lists_its_allocations_and_projects(model: CapacityModel, staffed: Staffed) -> None:
    grid = heatmap_grid(model, Grouping.TEAM, today=TODAY)
    cell = cell_details(model, grid, row(grid, "Ada"), 2)
    assert (cell.capacity, cell.confirmed, cell.tentative) == (40.0, 40.0, 20.0)
    assert cell.utilisation() == pytest.approx(1.5)
    assert [(project.project, project.confirmed, project.tentative) for project in cell.projects] == [
        ("CX Portal", 40.0, 0.0),
        ("FI Ledger", 0.0, 20.0),
    ]
    assert [(item.id, item.hours, item.tentative) for item in cell.allocations] == [
        (staffed.ada_portal, 40.0, False),
        (staffed.ada_ledger, 20.0, True),
    ]
    ben = cell_details(model, grid, row(grid, "Ben"), 1).allocations[0]
    assert (ben.task, ben.start, ben.span_start, ben.span_finish) == (
        "Build",
        date(2026, 1, 5),
        date(2026, 1, 12),
        date(2026, 1, 16),
    )


def test_unfilled_and_group_cells(model: CapacityModel, staffed: Staffed) -> None:
    grid = heatmap_grid(model, Grouping.ROLE, today=TODAY)
    unfilled = cell_details(model, grid, row(grid, "Unfilled demand"), 0)
    assert [(item.id, item.hours) for item in unfilled.allocations] == [(staffed.unfilled, pytest.approx(12.8))]
    group = cell_details(model, grid, row(grid, "Developer"), 2)
    assert group.allocations == ()
    projects = [(project.project, project.hours) for project in group.projects]
    assert projects == [("CX Portal", 40.0), ("FI Ledger", 20.0)]
    hover = cell_details(model, grid, row(grid, "Ada"), 2, with_allocations=False)
    assert hover.allocations == () and len(hover.projects) == 2


def test_top_over_allocations_name_the_person_and_projects(model: CapacityModel) -> None:
    (hotspot,) = top_over_allocations(model)
    assert (hotspot.person, hotspot.role, hotspot.first_bucket, hotspot.length) == ("Ada", "Developer", 2, 2)
    assert (hotspot.start, hotspot.finish) == (date(2026, 1, 19), date(2026, 2, 1))
    assert hotspot.peak == pytest.approx(1.5) and hotspot.excess_hours == pytest.approx(40.0)
    assert [(share.project, round(share.share, 3)) for share in hotspot.projects] == [
        ("CX Portal", 0.667),
        ("FI Ledger", 0.333),
    ]
    assert top_over_allocations(model, include_tentative=False) == ()


def test_idle_capacity_by_role(model: CapacityModel) -> None:
    idle = {entry.role: entry for entry in idle_by_role(model)}
    assert idle["Developer"].free_hours == pytest.approx(132.0)  # Ben's weeks; Ada has no free hour
    assert idle["Analyst"].free_hours == pytest.approx(76.0) and idle["Analyst"].unfilled_hours == pytest.approx(28.8)
    assert idle["No role"].free_hours == pytest.approx(152.0)
    assert idle_by_role(model)[0].role == "No role"  # the most free hours first
    week_2 = [(entry.role, entry.free_hours) for entry in idle_by_role(model, 2, 3)]
    assert week_2 == [("Developer", 40.0), ("No role", 40.0), ("Analyst", 20.0)]


def test_an_allocation_edit_recomputes_one_person(workspace: Workspace, model: CapacityModel, staffed: Staffed) -> None:
    grid = heatmap_grid(model, Grouping.TEAM, today=TODAY)
    changes = update_record(workspace, EntityKind.ALLOCATION, staffed.ada_portal, {"amount": 20.0})
    refresh = model.apply(changes)
    assert refresh.people == {staffed.ada} and not refresh.everything
    refreshed = refresh_grid(grid, model, refresh)
    assert refreshed.confirmed[row(refreshed, "Ada")].tolist() == [16.0, 12.0, 20.0, 20.0]
    assert_same(refreshed, heatmap_grid(model, Grouping.TEAM, today=TODAY))
    assert refreshed.today == TODAY


def test_placeholders_deletes_and_task_moves_follow(
    workspace: Workspace, model: CapacityModel, staffed: Staffed
) -> None:
    grid = heatmap_grid(model, Grouping.ROLE, today=TODAY)
    refresh = model.apply(update_record(workspace, EntityKind.ALLOCATION, staffed.unfilled, {"amount": 8.0}))
    assert refresh.roles == {staffed.analyst}
    grid = refresh_grid(grid, model, refresh)
    np.testing.assert_allclose(grid.confirmed[row(grid, "Unfilled demand")], [6.4, 8.0, 0.0, 0.0])
    refresh = model.apply(delete_record(workspace, EntityKind.ALLOCATION, staffed.ada_ledger).changes)
    grid = refresh_grid(grid, model, refresh)
    assert grid.tentative[row(grid, "Ada")].tolist() == [0.0] * 4
    moved = {"start": date(2026, 1, 19), "finish": date(2026, 1, 23)}
    refresh = model.apply(update_record(workspace, EntityKind.TASK, staffed.build, moved))
    assert refresh.people == {staffed.ben}
    grid = refresh_grid(grid, model, refresh)
    assert grid.confirmed[row(grid, "Ben")].tolist() == [0.0, 0.0, 20.0, 0.0]
    assert_same(grid, heatmap_grid(model, Grouping.ROLE, today=TODAY))


def test_a_new_person_or_time_off_rebuilds(workspace: Workspace, model: CapacityModel, staffed: Staffed) -> None:
    week_3 = {"person_id": staffed.ben, "start": date(2026, 1, 26), "finish": date(2026, 1, 30)}
    refresh = model.apply(create_record(workspace, EntityKind.TIME_OFF, week_3).changes)
    assert refresh.everything
    grid = heatmap_grid(model, Grouping.TEAM, today=TODAY)
    assert grid.capacity[row(grid, "Ben")].tolist() == [32.0, 40.0, 40.0, 0.0]
    assert grid.time_off_days[row(grid, "Ben")].tolist() == [0.0, 0.0, 0.0, 5.0]
    refresh = model.apply(update_record(workspace, EntityKind.TEAM, staffed.data, {"name": "Analytics"}))
    assert refresh.names and not refresh.everything
    assert refresh_grid(grid, model, refresh).rows[0].label == "Analytics"


def test_public_holidays_of_the_portfolio_country(workspace: Workspace, staffed: Staffed) -> None:
    portfolio = list_records(workspace, EntityKind.PORTFOLIO)[0]
    christmas = Horizon.weeks(date(2026, 12, 21), 1)
    before = heatmap_grid(CapacityModel(workspace, christmas), Grouping.TEAM)
    update_record(workspace, EntityKind.PORTFOLIO, portfolio.id, {"holiday_country": "GB"})
    after = heatmap_grid(CapacityModel(workspace, christmas), Grouping.TEAM)
    assert before.capacity[row(before, "Exec"), 0] == 40.0
    assert after.capacity[row(after, "Exec"), 0] == 32.0  # Christmas Day, a Friday


def test_another_horizon_rereads_what_it_needs(workspace: Workspace, model: CapacityModel, staffed: Staffed) -> None:
    # Gone's allocation of March 2025 lay outside the first horizon, so it was never read until now.
    model.set_horizon(Horizon.months(date(2025, 3, 1), 6))
    grid = heatmap_grid(model, Grouping.TEAM, today=TODAY)
    assert grid.granularity is Granularity.MONTH and grid.current is None
    gone = row(grid, "Gone")
    assert grid.confirmed[gone, 0] == pytest.approx(40.0) and grid.capacity[gone, 0] > 0
    assert grid.capacity[gone, 4] == 0.0  # left at the end of June
    update_record(workspace, EntityKind.ALLOCATION, staffed.ada_portal, {"person_id": staffed.gone})
    model.set_horizon(HORIZON)
    grid = heatmap_grid(model, Grouping.TEAM, today=TODAY)
    assert np.isinf(grid.utilisation()[row(grid, "Gone")]).all()  # work after leaving reads as over


def test_the_default_horizon_is_this_quarter_and_the_next_three() -> None:
    weeks = default_horizon(date(2026, 11, 25), Granularity.WEEK, fiscal_year_start_month=4)
    assert weeks.first_day == date(2026, 9, 28) and weeks.last_day == date(2027, 10, 3)
    months = default_horizon(date(2026, 11, 25), Granularity.MONTH, fiscal_year_start_month=4)
    assert months.starts[0] == date(2026, 10, 1) and len(months) == 12
    shifted = default_horizon(date(2026, 1, 15), Granularity.MONTH, fiscal_year_start_month=2)
    assert shifted.starts[0] == date(2025, 11, 1) and shifted.last_day == date(2026, 10, 31)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Workspace]:
    target = tmp_path / "demo.pmo"
    write_demo(target, as_of=date(2026, 11, 25))
    opened = Workspace.open(target)
    yield opened
    opened.close()


def test_the_demo_hotspots_are_the_seeded_ones(demo: Workspace) -> None:
    model = CapacityModel(demo, default_horizon(date(2026, 11, 25), Granularity.WEEK, 4))
    hotspots = top_over_allocations(model, limit=10)
    people = list(dict.fromkeys(hotspot.person for hotspot in hotspots))  # a person may have several runs
    assert set(people[:3]) == set(HOTSPOT_PEOPLE)
    assert all(hotspot.peak > 1.4 for hotspot in hotspots if hotspot.person in HOTSPOT_PEOPLE)
    assert all(hotspot.peak < 1.1 for hotspot in hotspots if hotspot.person not in HOTSPOT_PEOPLE)


def test_an_added_person_appears(workspace: Workspace, model: CapacityModel, staffed: Staffed) -> None:
    newcomer = add(workspace, EntityKind.PERSON, name="Dee", role_id=staffed.analyst, hours_per_week=30.0)
    refresh = model.apply(Changes.of(created={EntityKind.PERSON: [newcomer]}))
    assert refresh.everything
    assert "Dee" in labels(heatmap_grid(model, Grouping.ROLE, today=TODAY))

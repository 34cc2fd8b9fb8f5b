"""Splitting allocations and giving them (or part of them) to someone else, then undoing and redoing that."""

from datetime import date
from typing import Any

import pytest

from pmo_desktop.domain.enums import AllocationUnit, EntityKind
from pmo_desktop.domain.errors import NotFoundError, ValidationError
from pmo_desktop.services.allocation_operations import (
    AllocationEdit,
    reapply_allocation_edit,
    reassign_allocation,
    revert_allocation_edit,
    split_allocation,
)
from pmo_desktop.services.capacity_model import CapacityModel
from pmo_desktop.services.capacity_queries import Grouping, heatmap_grid
from pmo_desktop.services.records import delete_record, get_record, list_records
from pmo_desktop.services.workspace import Workspace
from tests.core.services.capacity_builders import HORIZON, TODAY, Staffed, staff

_COMPARED = ("person_id", "role_id", "project_id", "task_id", "start", "finish", "unit", "amount", "status")


@pytest.fixture
def staffed(workspace: Workspace) -> Staffed:
    return staff(workspace)


def allocations(workspace: Workspace) -> dict[int, tuple[Any, ...]]:
    """Every allocation as (uuid, and the fields that decide load), by id."""
    return {
        record.id: (record.uuid, *(record[field] for field in _COMPARED))
        for record in list_records(workspace, EntityKind.ALLOCATION)
    }


def weeks_of(workspace: Workspace, person: str) -> list[float]:
    grid = heatmap_grid(CapacityModel(workspace, HORIZON), Grouping.TEAM, today=TODAY)
    row = [entry.label for entry in grid.rows].index(person)
    return grid.load()[row].tolist()


def round_trip(workspace: Workspace, edit: AllocationEdit, before: dict[int, tuple[Any, ...]]) -> None:
    """Undo restores `before` exactly; redo restores the edit's result with the same ids and UUIDs."""
    after = allocations(workspace)
    revert_allocation_edit(workspace, edit)
    assert allocations(workspace) == before
    changes = reapply_allocation_edit(workspace, edit)
    assert allocations(workspace) == after
    assert changes.created.get(EntityKind.ALLOCATION, frozenset()) == set(edit.created_ids)


def test_split_at_a_week(workspace: Workspace, staffed: Staffed) -> None:
    before = allocations(workspace)
    load = weeks_of(workspace, "Ada")
    edit = split_allocation(workspace, staffed.ada_portal, date(2026, 1, 19))
    (new_id,) = edit.created_ids
    assert edit.changes.created == {EntityKind.ALLOCATION: {new_id}}
    assert edit.changes.updated == {EntityKind.ALLOCATION: {staffed.ada_portal}}
    first = get_record(workspace, EntityKind.ALLOCATION, staffed.ada_portal)
    second = get_record(workspace, EntityKind.ALLOCATION, new_id)
    assert (first["start"], first["finish"]) == (date(2026, 1, 5), date(2026, 1, 18))
    assert (second["start"], second["finish"], second["amount"]) == (date(2026, 1, 19), date(2026, 1, 30), 40.0)
    assert second.uuid != first.uuid
    assert weeks_of(workspace, "Ada") == load  # a split alone changes no hours
    round_trip(workspace, edit, before)


def test_a_split_unties_a_task_allocation_keeping_its_dates(workspace: Workspace, staffed: Staffed) -> None:
    edit = split_allocation(workspace, staffed.ben_build, date(2026, 1, 14))
    first = get_record(workspace, EntityKind.ALLOCATION, staffed.ben_build)
    second = get_record(workspace, EntityKind.ALLOCATION, edit.created_ids[0])
    assert (first["task_id"], first["start"], first["finish"]) == (None, date(2026, 1, 12), date(2026, 1, 13))
    assert (second["task_id"], second["start"], second["finish"]) == (None, date(2026, 1, 14), date(2026, 1, 16))
    assert weeks_of(workspace, "Ben") == [0.0, 20.0, 0.0, 0.0]


@pytest.mark.parametrize("at", [date(2026, 1, 5), date(2026, 1, 4), date(2026, 2, 2)])
def test_a_split_must_fall_inside_the_allocation(workspace: Workspace, staffed: Staffed, at: date) -> None:
    before = allocations(workspace)
    with pytest.raises(ValidationError, match="can only be cut after its first day"):
        split_allocation(workspace, staffed.ada_portal, at)
    assert allocations(workspace) == before


def test_move_a_whole_allocation(workspace: Workspace, staffed: Staffed) -> None:
    before = allocations(workspace)
    edit = reassign_allocation(workspace, staffed.ada_portal, staffed.ben)
    assert edit.created_ids == ()
    assert get_record(workspace, EntityKind.ALLOCATION, staffed.ada_portal)["person_id"] == staffed.ben
    assert weeks_of(workspace, "Ada") == [0.0, 0.0, 20.0, 20.0]
    assert weeks_of(workspace, "Ben") == [32.0, 60.0, 40.0, 40.0]
    round_trip(workspace, edit, before)


def test_move_part_of_an_allocation_from_a_week_on(workspace: Workspace, staffed: Staffed) -> None:
    before = allocations(workspace)
    edit = reassign_allocation(workspace, staffed.ada_portal, staffed.ben, start=date(2026, 1, 19), amount=15.0)
    assert len(edit.created_ids) == 2  # the later part that stays with Ada, and Ben's share of it
    assert weeks_of(workspace, "Ada") == [32.0, 24.0, 45.0, 45.0]
    assert weeks_of(workspace, "Ben") == [0.0, 20.0, 15.0, 15.0]
    rows = {record.id: record for record in list_records(workspace, EntityKind.ALLOCATION)}
    kept, given = (rows[new_id] for new_id in edit.created_ids)
    assert (kept["person_id"], kept["amount"], kept["start"]) == (staffed.ada, 25.0, date(2026, 1, 19))
    assert (given["person_id"], given["amount"], given["start"]) == (staffed.ben, 15.0, date(2026, 1, 19))
    assert rows[staffed.ada_portal]["finish"] == date(2026, 1, 18)
    round_trip(workspace, edit, before)


def test_move_part_of_the_amount_keeps_the_task_link(workspace: Workspace, staffed: Staffed) -> None:
    edit = reassign_allocation(workspace, staffed.ben_build, staffed.ada, amount=5.0)
    (given_id,) = edit.created_ids
    given = get_record(workspace, EntityKind.ALLOCATION, given_id)
    assert (given["task_id"], given["amount"], given["unit"]) == (staffed.build, 5.0, AllocationUnit.HOURS_PER_WEEK)
    assert get_record(workspace, EntityKind.ALLOCATION, staffed.ben_build)["amount"] == 15.0
    assert weeks_of(workspace, "Ben") == [0.0, 15.0, 0.0, 0.0]


def test_staff_unfilled_demand(workspace: Workspace, staffed: Staffed) -> None:
    reassign_allocation(workspace, staffed.unfilled, staffed.cleo)
    staffed_row = get_record(workspace, EntityKind.ALLOCATION, staffed.unfilled)
    assert (staffed_row["person_id"], staffed_row["role_id"]) == (staffed.cleo, staffed.analyst)
    assert weeks_of(workspace, "Cleo") == [12.8, 16.0, 0.0, 0.0]


def test_refused_moves_change_nothing(workspace: Workspace, staffed: Staffed) -> None:
    before = allocations(workspace)
    with pytest.raises(ValidationError, match="already Ada's"):
        reassign_allocation(workspace, staffed.ada_portal, staffed.ada)
    with pytest.raises(ValidationError, match="more than 0"):
        reassign_allocation(workspace, staffed.ada_portal, staffed.ben, amount=0.0)
    with pytest.raises(ValidationError, match="person does not exist"):
        reassign_allocation(workspace, staffed.ada_portal, 999)
    with pytest.raises(NotFoundError):
        split_allocation(workspace, 999, date(2026, 1, 12))
    assert allocations(workspace) == before


def test_undo_refuses_when_the_allocation_is_gone(workspace: Workspace, staffed: Staffed) -> None:
    edit = split_allocation(workspace, staffed.ada_portal, date(2026, 1, 12))
    delete_record(workspace, EntityKind.ALLOCATION, staffed.ada_portal)
    with pytest.raises(NotFoundError):
        revert_allocation_edit(workspace, edit)

"""Create, read, update, delete and restore for every kind of record, and what each returns."""

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import NotFoundError, ValidationError
from pmo_desktop.services.records import (
    create_record,
    delete_record,
    get_record,
    list_records,
    restore_records,
    update_record,
)
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Tombstone


def minimal_rows(plan: dict[str, int]) -> dict[EntityKind, tuple[dict[str, Any], dict[str, Any]]]:
    """For each kind: a valid new record, and a valid change to it."""
    day = date(2026, 3, 2)
    return {
        EntityKind.HOLIDAY: ({"day": day, "name": "Company day"}, {"name": "Founders' day"}),
        EntityKind.OBJECTIVE: ({"code": "SO9", "title": "Grow"}, {"target": "+10 %"}),
        EntityKind.PROGRAMME: ({"name": "Operations"}, {"description": "Run better"}),
        EntityKind.PROGRAMME_OBJECTIVE: ({"programme_id": plan["programme"], "objective_id": None}, {}),
        EntityKind.PROJECT: ({"code": "OP-1", "name": "Depot move"}, {"stage": "active"}),
        EntityKind.PROJECT_OBJECTIVE: (
            {"project_id": plan["project"], "objective_id": None, "weight": 40},
            {"weight": 60},
        ),
        EntityKind.TASK: (
            {"project_id": plan["project"], "name": "Test", "start": day, "finish": day},
            {"percent_complete": 50},
        ),
        EntityKind.DEPENDENCY: ({"predecessor_id": plan["design"], "successor_id": None}, {"lag_days": 2}),
        EntityKind.BASELINE: ({"name": "Approved"}, {"note": "As approved in March"}),
        EntityKind.BASELINE_TASK: (
            {"baseline_id": None, "task_id": plan["design"], "start": day, "finish": day, "duration_days": 1},
            {"finish": date(2026, 3, 3)},
        ),
        EntityKind.BASELINE_PROJECT: (
            {"baseline_id": None, "project_id": plan["project"], "budget_minor": 100},
            {"budget_minor": 200},
        ),
        EntityKind.ROLE: ({"name": "Analyst", "cost_rate_minor": 6500}, {"cost_rate_minor": 7000}),
        EntityKind.TEAM: ({"name": "Platform"}, {"name": "Platform Team"}),
        EntityKind.PERSON: ({"name": "Tom Okafor", "hours_per_week": 40}, {"hours_per_week": 32}),
        EntityKind.TIME_OFF: ({"person_id": plan["person"], "start": day, "finish": day}, {"kind": "training"}),
        EntityKind.ALLOCATION: (
            {
                "person_id": plan["person"],
                "project_id": plan["project"],
                "start": day,
                "finish": date(2026, 3, 27),
                "amount": 20,
            },
            {"status": "tentative"},
        ),
        EntityKind.RAID_ITEM: (
            {"kind": "risk", "title": "Supplier late", "probability": 3, "impact": 4},
            {"impact": 5},
        ),
        EntityKind.RAID_SCORE: (
            {"raid_item_id": None, "recorded_on": day, "probability": 3, "impact": 4},
            {"impact": 2},
        ),
        EntityKind.RAID_TASK_LINK: ({"raid_item_id": None, "task_id": plan["design"]}, {}),
        EntityKind.STATUS_REPORT: (
            {"project_id": plan["project"], "period_end": date(2026, 3, 31)},
            {"overall": "amber", "comment": "Supplier slipped two weeks."},
        ),
        EntityKind.BUDGET_LINE: (
            {
                "project_id": plan["project"],
                "period_start": date(2026, 1, 1),
                "category": "capex",
                "planned_minor": 100_000,
            },
            {"actual_minor": 90_000},
        ),
    }


def _fill_references(workspace: Workspace, kind: EntityKind, row: dict[str, Any], plan: dict[str, int]) -> None:
    """Create the records a row points to that the base plan does not have."""
    if "objective_id" in row:
        row["objective_id"] = create_record(workspace, EntityKind.OBJECTIVE, {"code": "SO1", "title": "X"}).id
    if "baseline_id" in row:
        row["baseline_id"] = create_record(workspace, EntityKind.BASELINE, {"name": "B1"}).id
    if "raid_item_id" in row:
        row["raid_item_id"] = create_record(
            workspace, EntityKind.RAID_ITEM, {"kind": "risk", "title": "R", "probability": 2, "impact": 2}
        ).id
    if kind is EntityKind.DEPENDENCY:
        row["successor_id"] = create_record(
            workspace,
            EntityKind.TASK,
            {"project_id": plan["project"], "name": "Launch", "start": date(2026, 3, 2), "finish": date(2026, 3, 2)},
        ).id


CRUD_KINDS = [kind for kind in EntityKind if kind is not EntityKind.PORTFOLIO]


@pytest.mark.parametrize("kind", CRUD_KINDS, ids=lambda kind: kind.value)
def test_create_update_delete_restore(workspace: Workspace, plan: dict[str, int], kind: EntityKind) -> None:
    new, change = minimal_rows(plan)[kind]
    row = dict(new)
    _fill_references(workspace, kind, row, plan)
    created = create_record(workspace, kind, row)
    assert created.changes.created == {kind: frozenset({created.id})}
    record = get_record(workspace, kind, created.id)
    assert len(record.uuid) == 36 and record.values["created_at"] is not None

    if change:
        changes = update_record(workspace, kind, created.id, change)
        assert changes.updated[kind] == {created.id}
        for column, value in change.items():
            assert get_record(workspace, kind, created.id)[column] == value

    deleted = delete_record(workspace, kind, created.id)
    assert created.id in deleted.changes.deleted[kind]
    with pytest.raises(NotFoundError):
        get_record(workspace, kind, created.id)
    with workspace.reading() as connection:
        assert connection.execute(select(Tombstone.kind).where(Tombstone.uuid == record.uuid)).scalar() == kind.value

    restored = restore_records(workspace, deleted.snapshot)
    assert created.id in restored.created[kind]
    assert get_record(workspace, kind, created.id).uuid == record.uuid
    with workspace.reading() as connection:
        assert connection.execute(select(Tombstone.id).where(Tombstone.uuid == record.uuid)).first() is None


def test_deleting_a_project_takes_its_plan_and_undo_restores_all_of_it(
    workspace: Workspace, plan: dict[str, int]
) -> None:
    manager = create_record(workspace, EntityKind.PERSON, {"name": "Mara Lindqvist"}).id
    update_record(workspace, EntityKind.PROJECT, plan["project"], {"manager_id": manager})
    before = {kind: list_records(workspace, kind) for kind in EntityKind}

    deleted = delete_record(workspace, EntityKind.PROJECT, plan["project"])
    assert deleted.changes.deleted[EntityKind.TASK] == {plan["design"], plan["build"]}
    assert deleted.changes.deleted[EntityKind.DEPENDENCY] == {plan["link"]}
    assert list_records(workspace, EntityKind.TASK) == []

    restore_records(workspace, deleted.snapshot)
    after = {kind: list_records(workspace, kind) for kind in EntityKind}
    for kind in EntityKind:
        strip = [(r.id, r.uuid, {k: v for k, v in r.values.items() if k != "updated_at"}) for r in before[kind]]
        again = [(r.id, r.uuid, {k: v for k, v in r.values.items() if k != "updated_at"}) for r in after[kind]]
        assert strip == again, kind


def test_deleting_a_person_unlinks_references_and_restore_relinks(workspace: Workspace, plan: dict[str, int]) -> None:
    update_record(workspace, EntityKind.PROJECT, plan["project"], {"manager_id": plan["person"]})
    deleted = delete_record(workspace, EntityKind.PERSON, plan["person"])
    assert deleted.changes.updated[EntityKind.PROJECT] == {plan["project"]}
    assert get_record(workspace, EntityKind.PROJECT, plan["project"])["manager_id"] is None
    restore_records(workspace, deleted.snapshot)
    assert get_record(workspace, EntityKind.PROJECT, plan["project"])["manager_id"] == plan["person"]


def test_an_update_that_changes_nothing_reports_nothing(workspace: Workspace, plan: dict[str, int]) -> None:
    assert update_record(workspace, EntityKind.TASK, plan["design"], {"name": "Design"}).is_empty


def test_identity_fields_and_unknown_fields_are_refused(workspace: Workspace, plan: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="uuid of a record cannot be changed"):
        update_record(workspace, EntityKind.TASK, plan["design"], {"uuid": "x"})
    with pytest.raises(ValidationError, match="has no field colour_of_sky"):
        update_record(workspace, EntityKind.TASK, plan["design"], {"colour_of_sky": "blue"})


def test_raid_items_are_numbered_per_kind(workspace: Workspace) -> None:
    numbers = [
        get_record(workspace, EntityKind.RAID_ITEM, create_record(workspace, EntityKind.RAID_ITEM, row).id)["number"]
        for row in (
            {"kind": "risk", "title": "A", "probability": 1, "impact": 1},
            {"kind": "risk", "title": "B", "probability": 1, "impact": 1},
            {"kind": "issue", "title": "C"},
        )
    ]
    assert numbers == [1, 2, 1]


def test_records_can_be_listed_by_id(workspace: Workspace, plan: dict[str, int]) -> None:
    wanted = [plan["build"], plan["design"]]
    assert [record.id for record in list_records(workspace, EntityKind.TASK, ids=wanted)] == sorted(wanted)
    assert list_records(workspace, EntityKind.TASK, ids=[]) == []
    assert [r["name"] for r in list_records(workspace, EntityKind.TASK, ids=wanted, name="Build")] == ["Build"]

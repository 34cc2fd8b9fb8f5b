"""RAID operations: history appended on each score change, exact undo and redo, links, closing, validation."""

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.services.raid_operations import (
    apply_raid_edit,
    check_raid_item,
    close_raid_item,
    create_raid_item,
    edit_raid_item,
    reopen_raid_item,
    revert_raid_edit,
)
from pmo_desktop.services.records import get_record, list_records, table_of
from pmo_desktop.services.workspace import Workspace
from tests.core.services.raid_builders import add_person, risk

RAID_TABLES = (EntityKind.RAID_ITEM, EntityKind.RAID_SCORE, EntityKind.RAID_TASK_LINK, EntityKind.TASK)


def dump(workspace: Workspace) -> dict[str, list[dict[str, Any]]]:
    """Every row of the RAID tables, every column: what "exactly as before" means."""
    with workspace.reading() as connection:
        return {
            kind.value: [dict(row) for row in connection.execute(select(table_of(kind))).mappings()]
            for kind in RAID_TABLES
        }


def history(workspace: Workspace, item_id: int) -> list[tuple[date, int, int, int | None, int | None]]:
    return [
        (
            entry["recorded_on"],
            entry["probability"],
            entry["impact"],
            entry["residual_probability"],
            entry["residual_impact"],
        )
        for entry in list_records(workspace, EntityKind.RAID_SCORE, raid_item_id=item_id)
    ]


def refusal(action: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        action()
    return str(caught.value)


@pytest.fixture
def item(workspace: Workspace, plan: dict[str, int]) -> int:
    values = risk("Vendor late", probability=3, impact=4, owner_id=plan["person"], project_id=plan["project"])
    return create_raid_item(workspace, values, today=date(2026, 3, 2)).id


def test_a_new_scored_item_starts_its_history_and_is_numbered_per_kind(workspace: Workspace, item: int) -> None:
    assert history(workspace, item) == [(date(2026, 3, 2), 3, 4, None, None)]
    record = get_record(workspace, EntityKind.RAID_ITEM, item)
    assert (record["number"], record["raised_on"]) == (1, date(2026, 3, 2))
    second = create_raid_item(workspace, risk("Second", probability=1, impact=1)).id
    issue = create_raid_item(workspace, {"kind": "issue", "title": "Unscored issue"}).id
    assert get_record(workspace, EntityKind.RAID_ITEM, second)["number"] == 2
    assert get_record(workspace, EntityKind.RAID_ITEM, issue)["number"] == 1
    assert history(workspace, issue) == []


def test_history_grows_on_each_score_change_and_only_then(workspace: Workspace, item: int) -> None:
    edit_raid_item(workspace, item, {"probability": 4}, today=date(2026, 3, 9))
    edit_raid_item(workspace, item, {"title": "Vendor very late", "actions": "Weekly call"}, today=date(2026, 3, 10))
    edit_raid_item(workspace, item, {"residual_probability": 2}, today=date(2026, 3, 16))
    edit_raid_item(workspace, item, {"impact": 5, "residual_impact": 3}, today=date(2026, 3, 16))
    assert history(workspace, item) == [
        (date(2026, 3, 2), 3, 4, None, None),
        (date(2026, 3, 9), 4, 4, None, None),
        (date(2026, 3, 16), 4, 4, 2, None),
        (date(2026, 3, 16), 4, 5, 2, 3),
    ]


def test_revert_restores_exactly_and_apply_redoes_with_the_same_ids(
    workspace: Workspace, plan: dict[str, int], item: int
) -> None:
    edit_raid_item(workspace, item, {}, link=[plan["design"]])
    before = dump(workspace)
    edit = edit_raid_item(
        workspace,
        item,
        {"probability": 5, "title": "Vendor insolvent", "review_on": date(2026, 4, 1)},
        link=[plan["build"]],
        unlink=[plan["design"]],
        today=date(2026, 3, 20),
    )
    after = dump(workspace)
    assert edit.appended_score is not None
    assert len(after["raid_score"]) == len(before["raid_score"]) + 1
    assert edit.changes.ids(EntityKind.RAID_SCORE) == {edit.appended_score["id"]}
    revert_raid_edit(workspace, edit)
    assert dump(workspace) == before
    apply_raid_edit(workspace, edit)
    assert dump(workspace) == after
    revert_raid_edit(workspace, edit)
    assert dump(workspace) == before


def test_an_edit_that_changes_nothing_is_empty(workspace: Workspace, item: int) -> None:
    edit = edit_raid_item(workspace, item, {"probability": 3})
    assert edit.is_empty
    assert edit.changes.is_empty
    assert len(history(workspace, item)) == 1


def test_links_are_validated(workspace: Workspace, plan: dict[str, int], item: int) -> None:
    edit_raid_item(workspace, item, {}, link=[plan["design"]])
    assert refusal(lambda: edit_raid_item(workspace, item, {}, link=[plan["design"]])) == (
        "This item is already linked to 'Design'."
    )
    assert refusal(lambda: edit_raid_item(workspace, item, {}, link=[9999])) == "That task no longer exists."
    assert refusal(lambda: edit_raid_item(workspace, item, {}, unlink=[plan["build"]])) == (
        "That task is not linked to this item."
    )
    linked = create_raid_item(workspace, risk("Linked", probability=1, impact=2), link=[plan["build"]]).id
    assert [link["task_id"] for link in list_records(workspace, EntityKind.RAID_TASK_LINK, raid_item_id=linked)] == [
        plan["build"]
    ]


def test_closing_needs_a_note_and_reopening_clears_the_date(workspace: Workspace, item: int) -> None:
    assert refusal(lambda: close_raid_item(workspace, item, "  ")) == (
        "Closing 'Vendor late' needs a closure note saying why."
    )
    closed = close_raid_item(workspace, item, "Contract signed.", today=date(2026, 3, 30))
    record = get_record(workspace, EntityKind.RAID_ITEM, item)
    assert (record["status"], record["closed_on"], record["closure_note"]) == (
        "closed",
        date(2026, 3, 30),
        "Contract signed.",
    )
    assert closed.appended_score is None
    assert refusal(lambda: close_raid_item(workspace, item, "Again.")) == "R-001 is already closed."
    reopened = reopen_raid_item(workspace, item)
    record = get_record(workspace, EntityKind.RAID_ITEM, item)
    assert (record["status"], record["closed_on"]) == ("open", None)
    assert refusal(lambda: reopen_raid_item(workspace, item)) == "R-001 is not closed."
    revert_raid_edit(workspace, reopened)
    assert get_record(workspace, EntityKind.RAID_ITEM, item)["closed_on"] == date(2026, 3, 30)


def test_validation_speaks_to_the_planner(workspace: Workspace, plan: dict[str, int], item: int) -> None:
    assert (
        refusal(lambda: edit_raid_item(workspace, item, {"probability": 6})) == "Probability runs from 1 to 5 (got 6)."
    )
    assert refusal(lambda: edit_raid_item(workspace, item, {"residual_impact": 0})) == (
        "Residual impact runs from 1 to 5 (got 0)."
    )
    assert refusal(lambda: edit_raid_item(workspace, item, {"owner_id": 4242})) == (
        "The owner must be a person of the portfolio."
    )
    assert refusal(lambda: edit_raid_item(workspace, item, {"response": "exploit"})) == (
        "'Exploit' is a response to an opportunity; a threat is avoided, reduced or transferred."
    )
    assert refusal(lambda: edit_raid_item(workspace, item, {"review_on": date(2026, 2, 1)})) == (
        "The next review (1 Feb 2026) cannot come before the item was raised (2 Mar 2026)."
    )
    assert refusal(lambda: edit_raid_item(workspace, item, {"kind": "issue"})) == (
        "The kind of a RAID item cannot be changed."
    )
    assumption = {"kind": "assumption", "title": "Budget holds", "residual_probability": 2}
    assert refusal(lambda: create_raid_item(workspace, assumption)) == (
        "A residual score (after the response) needs the probability and impact before it first."
    )
    opportunity = risk("Early finish", probability=2, impact=2, opportunity=True, response="reduce")
    assert refusal(lambda: create_raid_item(workspace, opportunity)) == (
        "'Reduce' is a response to a threat; an opportunity is exploited, enhanced or shared."
    )
    assert len(history(workspace, item)) == 1


def test_check_raid_item_refuses_without_writing(workspace: Workspace, item: int) -> None:
    other = add_person(workspace, "Noor Haddad")
    before = dump(workspace)
    assert refusal(lambda: check_raid_item(workspace, {"status": "closed"}, item)) == (
        "Closing 'Vendor late' needs a closure note saying why."
    )
    assert refusal(lambda: check_raid_item(workspace, {"kind": "risk", "title": "Unscored"})) == (
        "A risk needs a probability and an impact (1 to 5)."
    )
    check_raid_item(workspace, {"owner_id": other, "status": "closed", "closure_note": "Done."}, item)
    assert dump(workspace) == before

"""Every validation rule refuses with a sentence a planner understands, and nothing is written."""

from datetime import date
from typing import Any

import pytest

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import CycleError, ValidationError
from pmo_desktop.services.records import create_record, list_records, update_record
from pmo_desktop.services.workspace import Workspace


def refused(workspace: Workspace, kind: EntityKind, values: dict[str, Any], record_id: int | None = None) -> str:
    """The sentence of the refusal; also checks that the refused write left no trace."""
    before = list_records(workspace, kind)
    with pytest.raises(ValidationError) as error:
        if record_id is None:
            create_record(workspace, kind, values)
        else:
            update_record(workspace, kind, record_id, values)
    assert list_records(workspace, kind) == before
    return str(error.value)


def test_task_cannot_finish_before_it_starts(workspace: Workspace, plan: dict[str, int]) -> None:
    message = refused(
        workspace, EntityKind.TASK, {"start": date(2026, 2, 3), "finish": date(2026, 2, 1)}, plan["design"]
    )
    assert message == "Task 'Design' cannot finish (1 Feb 2026) before it starts (3 Feb 2026)."


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"name": "  "}, "A task needs a name."),
        ({"percent_complete": 120}, "Progress of 'Design' must be between 0 and 100 % (got 120 %)."),
        ({"percent_complete": "lots"}, "'lots' is not a number for the percent complete."),
        ({"start": "31/02/2026"}, "'31/02/2026' is not a date for the start (use YYYY-MM-DD)."),
        ({"kind": "milestone"}, "Milestone 'Design' is a single day: its start and finish must match."),
        ({"kind": "epic"}, "'epic' is not a valid kind; choose one of: task, milestone, summary."),
        ({"constraint_type": "mso"}, "The 'must start on' constraint on 'Design' needs a date."),
        ({"duration_days": -2}, "Task 'Design' cannot have a negative duration."),
        ({"name": "x" * 301}, "The name is too long (301 characters; at most 300)."),
    ],
)
def test_task_rules(workspace: Workspace, plan: dict[str, int], values: dict[str, Any], expected: str) -> None:
    assert refused(workspace, EntityKind.TASK, values, plan["design"]) == expected


def test_task_parent_rules(workspace: Workspace, plan: dict[str, int]) -> None:
    assert refused(workspace, EntityKind.TASK, {"parent_id": plan["design"]}, plan["design"]) == (
        "Task 'Design' cannot be its own parent."
    )
    day = {"start": date(2026, 2, 2), "finish": date(2026, 2, 2)}
    phase = create_record(workspace, EntityKind.TASK, {"project_id": plan["project"], "name": "Phase", **day}).id
    step = create_record(
        workspace, EntityKind.TASK, {"project_id": plan["project"], "name": "Step", "parent_id": phase, **day}
    ).id
    assert refused(workspace, EntityKind.TASK, {"parent_id": step}, phase) == (
        "Task 'Phase' cannot be placed under one of its own subtasks."
    )
    with pytest.raises(CycleError, match="'Design' → 'Build' → 'Design'"):
        update_record(workspace, EntityKind.TASK, plan["build"], {"parent_id": plan["design"]})
    other = create_record(workspace, EntityKind.PROJECT, {"code": "X-2", "name": "Other"}).id
    stray = create_record(
        workspace,
        EntityKind.TASK,
        {"project_id": other, "name": "Stray", "start": date(2026, 2, 2), "finish": date(2026, 2, 2)},
    ).id
    assert refused(workspace, EntityKind.TASK, {"parent_id": plan["design"]}, stray) == (
        "Task 'Stray' and its parent must be in the same project."
    )


def test_dependency_rules(workspace: Workspace, plan: dict[str, int]) -> None:
    design, build = plan["design"], plan["build"]
    assert refused(workspace, EntityKind.DEPENDENCY, {"predecessor_id": design, "successor_id": design}) == (
        "Task 'Design' cannot depend on itself."
    )
    assert refused(workspace, EntityKind.DEPENDENCY, {"predecessor_id": design, "successor_id": build}) == (
        "'Design' is already linked to 'Build'."
    )
    assert refused(
        workspace, EntityKind.DEPENDENCY, {"predecessor_id": design, "successor_id": build, "type": "XX"}
    ).startswith("'XX' is not a valid type")


def test_a_cycle_is_refused_naming_the_tasks(workspace: Workspace, plan: dict[str, int]) -> None:
    test = create_record(
        workspace,
        EntityKind.TASK,
        {"project_id": plan["project"], "name": "Test", "start": date(2026, 2, 23), "finish": date(2026, 2, 27)},
    ).id
    create_record(workspace, EntityKind.DEPENDENCY, {"predecessor_id": plan["build"], "successor_id": test})
    with pytest.raises(CycleError) as error:
        create_record(workspace, EntityKind.DEPENDENCY, {"predecessor_id": test, "successor_id": plan["design"]})
    assert str(error.value) == ("Linking 'Test' to 'Design' would close a loop: 'Test' → 'Design' → 'Build' → 'Test'.")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"hours_per_week": -5}, "Priya Shah's capacity cannot be negative (-5 hours per week)."),
        ({"hours_per_week": 200}, "A week has 168 hours; 200 hours per week is not possible."),
        ({"email": "priya at example"}, "'priya at example' is not an email address."),
        (
            {"employment_start": date(2026, 5, 1), "employment_end": date(2026, 4, 1)},
            "Priya Shah's employment cannot end (1 Apr 2026) before it starts (1 May 2026).",
        ),
        ({"role_id": 999}, "That role does not exist."),
    ],
)
def test_person_rules(workspace: Workspace, plan: dict[str, int], values: dict[str, Any], expected: str) -> None:
    assert refused(workspace, EntityKind.PERSON, values, plan["person"]) == expected


def test_allocation_rules(workspace: Workspace, plan: dict[str, int]) -> None:
    base = {"project_id": plan["project"], "start": date(2026, 3, 2), "finish": date(2026, 3, 27), "amount": 10}
    assert refused(workspace, EntityKind.ALLOCATION, base) == (
        "An allocation needs a person, or a role for demand not yet staffed."
    )
    person = {**base, "person_id": plan["person"]}
    assert refused(workspace, EntityKind.ALLOCATION, {**person, "amount": -4}) == (
        "An allocation cannot be negative (-4)."
    )
    assert refused(workspace, EntityKind.ALLOCATION, {**person, "finish": date(2026, 3, 1)}) == (
        "An allocation cannot end (1 Mar 2026) before it starts (2 Mar 2026)."
    )
    assert refused(workspace, EntityKind.ALLOCATION, {**person, "unit": "percent", "amount": 900}) == (
        "An allocation of 900 % of capacity is not plausible."
    )
    other = create_record(workspace, EntityKind.PROJECT, {"code": "X-2", "name": "Other"}).id
    assert refused(workspace, EntityKind.ALLOCATION, {**person, "project_id": other, "task_id": plan["design"]}) == (
        "An allocation tied to a task must be on that task's project."
    )


def test_time_off_rules(workspace: Workspace, plan: dict[str, int]) -> None:
    values = {"person_id": plan["person"], "start": date(2026, 8, 10), "finish": date(2026, 8, 3)}
    assert refused(workspace, EntityKind.TIME_OFF, values) == (
        "Time off cannot end (3 Aug 2026) before it starts (10 Aug 2026)."
    )


def test_raid_rules(workspace: Workspace, plan: dict[str, int]) -> None:
    risk = {"kind": "risk", "title": "Vendor insolvency", "probability": 3, "impact": 4}
    assert refused(workspace, EntityKind.RAID_ITEM, {**risk, "probability": 7}) == (
        "Probability runs from 1 to 5 (got 7)."
    )
    assert refused(workspace, EntityKind.RAID_ITEM, {**risk, "residual_impact": 0}) == (
        "Residual impact runs from 1 to 5 (got 0)."
    )
    assert refused(workspace, EntityKind.RAID_ITEM, {"kind": "risk", "title": "No score"}) == (
        "A risk needs a probability and an impact (1 to 5)."
    )
    assert refused(workspace, EntityKind.RAID_ITEM, {**risk, "owner_id": 4242}) == (
        "The owner must be a person of the portfolio."
    )
    item = create_record(workspace, EntityKind.RAID_ITEM, {**risk, "owner_id": plan["person"]}).id
    assert refused(workspace, EntityKind.RAID_ITEM, {"status": "closed"}, item) == (
        "Closing 'Vendor insolvency' needs a closure note saying why."
    )
    update_record(workspace, EntityKind.RAID_ITEM, item, {"status": "closed", "closure_note": "Contract signed."})
    assert list_records(workspace, EntityKind.RAID_ITEM)[0]["closed_on"] == date.today()


def test_status_report_needs_a_comment_when_amber_or_red(workspace: Workspace, plan: dict[str, int]) -> None:
    values = {"project_id": plan["project"], "period_end": date(2026, 3, 31), "schedule": "red", "cost": "amber"}
    assert refused(workspace, EntityKind.STATUS_REPORT, values) == (
        "A status report rated amber or red (schedule, cost) needs a comment saying why."
    )
    create_record(workspace, EntityKind.STATUS_REPORT, {**values, "comment": "Vendor two weeks late."})


@pytest.mark.parametrize(
    ("kind", "values", "expected"),
    [
        (
            EntityKind.PROJECT,
            {"code": "P-9", "name": "Big", "budget_minor": -1},
            "The budget of 'Big' cannot be negative.",
        ),
        (
            EntityKind.PROJECT,
            {"code": "P-9", "name": "Big", "priority": 9},
            "Priority runs from 1 (highest) to 5 (got 9).",
        ),
        (
            EntityKind.PROJECT,
            {"code": "P-9", "name": "Big", "colour": "red"},
            "'red' is not a colour; use the form #1A2B3C.",
        ),
        (EntityKind.PROJECT, {"code": "CX-01", "name": "Dup"}, "Another project already has the code 'CX-01'."),
        (EntityKind.ROLE, {"name": ""}, "A role needs a name."),
        (
            EntityKind.OBJECTIVE,
            {"code": "SO1", "title": "T", "owner_id": 77},
            "The owner of an objective must be a person of the portfolio.",
        ),
        (
            EntityKind.BUDGET_LINE,
            {"project_id": 1, "period_start": date(2026, 1, 1), "category": "capex", "actual_minor": -5},
            "The actual amount cannot be negative.",
        ),
        (
            EntityKind.PROJECT_OBJECTIVE,
            {"project_id": 1, "objective_id": 1, "weight": 150},
            "A project's weight on an objective runs from 0 to 100 % (got 150).",
        ),
    ],
)
def test_other_rules(
    workspace: Workspace, plan: dict[str, int], kind: EntityKind, values: dict[str, Any], expected: str
) -> None:
    assert refused(workspace, kind, values) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"currency": "eu"}, "'eu' is not a currency code; use three capital letters such as EUR."),
        ({"hours_per_day": 0}, "A working day must last 0.5 to 24 hours (got 0.0)."),
        ({"working_days": 0}, "The working week needs at least one working day."),
        ({"fiscal_year_start_month": 13}, "The fiscal year must start in a month from 1 to 12 (got 13)."),
        ({"holiday_country": "XX"}, "Public holidays are not known for the country code 'XX'."),
    ],
)
def test_portfolio_settings_rules(workspace: Workspace, values: dict[str, Any], expected: str) -> None:
    portfolio = list_records(workspace, EntityKind.PORTFOLIO)[0]
    assert refused(workspace, EntityKind.PORTFOLIO, values, portfolio.id) == expected

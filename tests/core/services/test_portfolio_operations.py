"""Multi-record portfolio edits: each is one transaction, refuses as a whole, and its inverse puts back exactly
what was there (same ids and UUIDs), while the inverse of the inverse redoes it."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from pmo_desktop.domain.enums import BudgetCategory, EntityKind, TimeOffKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.services.portfolio_batch import Applied, Create, NewId, Update, apply_edits
from pmo_desktop.services.portfolio_budget import project_budget
from pmo_desktop.services.portfolio_editing import person_time_off, programme_objective_ids, project_objective_weights
from pmo_desktop.services.portfolio_operations import (
    BudgetCell,
    HolidayEntry,
    TimeOffEntry,
    deactivate_person,
    save_budget_grid,
    save_person,
    save_programme,
    save_project,
    save_settings,
)
from pmo_desktop.services.portfolio_settings import portfolio_settings
from pmo_desktop.services.records import Record, get_record, list_records
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import add

KINDS = (
    EntityKind.PORTFOLIO,
    EntityKind.HOLIDAY,
    EntityKind.PROJECT,
    EntityKind.PROJECT_OBJECTIVE,
    EntityKind.PROGRAMME,
    EntityKind.PROGRAMME_OBJECTIVE,
    EntityKind.PERSON,
    EntityKind.TIME_OFF,
    EntityKind.BUDGET_LINE,
)


def state(workspace: Workspace) -> dict[EntityKind, list[tuple[int, str, dict[str, Any]]]]:
    """Every record of the kinds these operations touch, without the update timestamps."""

    def plain(record: Record) -> tuple[int, str, dict[str, Any]]:
        values = {key: value for key, value in record.values.items() if key != "updated_at"}
        return record.id, record.uuid, values

    return {kind: [plain(record) for record in list_records(workspace, kind)] for kind in KINDS}


def round_trip(workspace: Workspace, operation: Callable[[], Applied]) -> Applied:
    """Run `operation`, undo it (state as before), redo it (state as after), and return the first run."""
    before = state(workspace)
    applied = operation()
    after = state(workspace)
    assert after != before
    undone = apply_edits(workspace, applied.inverse)
    assert state(workspace) == before
    apply_edits(workspace, undone.inverse)
    assert state(workspace) == after
    return applied


@pytest.fixture
def objectives(workspace: Workspace) -> tuple[int, int, int]:
    return (
        add(workspace, EntityKind.OBJECTIVE, code="O1", title="Grow"),
        add(workspace, EntityKind.OBJECTIVE, code="O2", title="Save"),
        add(workspace, EntityKind.OBJECTIVE, code="O3", title="Comply"),
    )


def test_a_new_project_with_its_objectives(workspace: Workspace, objectives: tuple[int, int, int]) -> None:
    first, second, _ = objectives
    values = {"code": "NEW-1", "name": "New venture", "budget_minor": 5_000_000}
    applied = round_trip(workspace, lambda: save_project(workspace, None, values, {first: 60, second: 40}))
    project = applied.created[0]
    assert get_record(workspace, EntityKind.PROJECT, project)["name"] == "New venture"
    assert project_objective_weights(workspace, project) == {first: 60, second: 40}
    assert applied.changes.created[EntityKind.PROJECT] == {project}


def test_changing_a_project_relinks_its_objectives(
    workspace: Workspace, plan: dict[str, int], objectives: tuple[int, int, int]
) -> None:
    first, second, third = objectives
    project = plan["project"]
    save_project(workspace, project, {}, {first: 50, second: 50})
    applied = round_trip(
        workspace, lambda: save_project(workspace, project, {"name": "Portal 2"}, {second: 30, third: 70})
    )
    assert project_objective_weights(workspace, project) == {second: 30, third: 70}
    assert applied.changes.touches(EntityKind.PROJECT, EntityKind.PROJECT_OBJECTIVE)


def test_a_refused_batch_writes_nothing(
    workspace: Workspace, plan: dict[str, int], objectives: tuple[int, ...]
) -> None:
    before = state(workspace)
    with pytest.raises(ValidationError) as error:
        save_project(workspace, plan["project"], {"name": "Renamed"}, {objectives[0]: 150})
    assert str(error.value) == "A project's weight on an objective runs from 0 to 100 % (got 150)."
    assert state(workspace) == before


def test_new_ids_name_records_made_earlier_in_the_batch(workspace: Workspace) -> None:
    applied = apply_edits(
        workspace,
        [
            Create(EntityKind.PERSON, {"name": "Chen Wei"}),
            Create(EntityKind.TIME_OFF, {"person_id": NewId(0), "start": date(2026, 5, 4), "finish": date(2026, 5, 8)}),
            Update(EntityKind.PERSON, NewId(0), {"hours_per_week": 30}),
        ],
    )
    person = applied.created[0]
    assert [entry.start for entry in person_time_off(workspace, person)] == [date(2026, 5, 4)]
    assert get_record(workspace, EntityKind.PERSON, person)["hours_per_week"] == 30


def test_a_programme_and_its_objectives(
    workspace: Workspace, plan: dict[str, int], objectives: tuple[int, ...]
) -> None:
    programme = plan["programme"]
    round_trip(workspace, lambda: save_programme(workspace, programme, {"colour": "#2F9E44"}, [objectives[0]]))
    assert programme_objective_ids(workspace, programme) == [objectives[0]]
    round_trip(workspace, lambda: save_programme(workspace, programme, {}, [objectives[1], objectives[2]]))
    assert programme_objective_ids(workspace, programme) == [objectives[1], objectives[2]]


def test_a_person_and_their_time_off(workspace: Workspace, plan: dict[str, int]) -> None:
    person = plan["person"]
    save_person(workspace, person, {}, [TimeOffEntry(date(2026, 4, 6), date(2026, 4, 10))])
    kept = person_time_off(workspace, person)[0]
    entries = [
        TimeOffEntry(kept.start, date(2026, 4, 9), TimeOffKind.LEAVE, "Easter", kept.id),
        TimeOffEntry(date(2026, 6, 1), date(2026, 6, 2), TimeOffKind.TRAINING, "Course"),
    ]
    round_trip(workspace, lambda: save_person(workspace, person, {"hours_per_week": 30}, entries))
    assert [(entry.finish, entry.kind, entry.id is not None) for entry in person_time_off(workspace, person)] == [
        (date(2026, 4, 9), TimeOffKind.LEAVE, True),
        (date(2026, 6, 2), TimeOffKind.TRAINING, True),
    ]
    assert person_time_off(workspace, person)[0].id == kept.id


def test_overlapping_time_off_is_refused(workspace: Workspace, plan: dict[str, int]) -> None:
    entries = [TimeOffEntry(date(2026, 4, 6), date(2026, 4, 10)), TimeOffEntry(date(2026, 4, 9), date(2026, 4, 14))]
    with pytest.raises(ValidationError) as error:
        save_person(workspace, plan["person"], {}, entries)
    assert str(error.value) == "Time off from 9 Apr 2026 overlaps the time off from 6 Apr 2026; merge them into one."


def test_deactivating_keeps_the_person_and_their_history(workspace: Workspace, plan: dict[str, int]) -> None:
    person = plan["person"]
    add(
        workspace,
        EntityKind.ALLOCATION,
        person_id=person,
        project_id=plan["project"],
        start=date(2026, 2, 2),
        finish=date(2026, 6, 30),
        amount=20,
    )
    round_trip(workspace, lambda: deactivate_person(workspace, person, date(2026, 3, 31)))
    record = get_record(workspace, EntityKind.PERSON, person)
    assert (record["active"], record["employment_end"]) == (False, date(2026, 3, 31))
    assert len(list_records(workspace, EntityKind.ALLOCATION, person_id=person)) == 1
    add(workspace, EntityKind.PERSON, name="New starter", employment_start=date(2026, 5, 1))
    starter = list_records(workspace, EntityKind.PERSON, name="New starter")[0].id
    with pytest.raises(ValidationError) as error:
        deactivate_person(workspace, starter, date(2026, 4, 30))
    assert str(error.value) == "The last day (30 Apr 2026) cannot be before they started (1 May 2026)."


def test_settings_with_holidays(workspace: Workspace) -> None:
    save_settings(workspace, {}, [HolidayEntry(date(2026, 12, 24), "Christmas Eve")])
    eve = portfolio_settings(workspace).holidays[0]
    holidays = [
        HolidayEntry(date(2026, 12, 31), "New Year's Eve", eve.id),
        HolidayEntry(date(2026, 12, 24), "Christmas Eve"),
    ]
    values = {"name": "Renamed", "currency": "GBP", "working_days": 0b0001111, "holiday_country": "GB"}
    round_trip(workspace, lambda: save_settings(workspace, values, holidays))
    settings = portfolio_settings(workspace)
    assert (settings.name, settings.currency, settings.working_days) == ("Renamed", "GBP", 0b0001111)
    assert [(holiday.day, holiday.name) for holiday in settings.holidays] == [
        (date(2026, 12, 24), "Christmas Eve"),
        (date(2026, 12, 31), "New Year's Eve"),
    ]


@pytest.mark.parametrize(
    ("values", "holidays", "message"),
    [
        ({"currency": "eur"}, [], "'eur' is not a currency code; use three capital letters such as EUR."),
        ({"working_days": 0}, [], "The working week needs at least one working day."),
        ({"holiday_country": "XX"}, [], "Public holidays are not known for the country code 'XX'."),
        (
            {},
            [HolidayEntry(date(2026, 1, 1), "A"), HolidayEntry(date(2026, 1, 1), "B")],
            "1 Jan 2026 is listed twice as a holiday.",
        ),
        ({}, [HolidayEntry(date(2026, 1, 1), " ")], "A holiday needs a name."),
    ],
)
def test_settings_refusals(
    workspace: Workspace, values: dict[str, Any], holidays: list[HolidayEntry], message: str
) -> None:
    before = state(workspace)
    with pytest.raises(ValidationError) as error:
        save_settings(workspace, values, holidays)
    assert str(error.value) == message
    assert state(workspace) == before


def test_budget_grid_creates_changes_and_empties_lines(workspace: Workspace, plan: dict[str, int]) -> None:
    project = plan["project"]
    q1, q2 = date(2026, 1, 1), date(2026, 4, 1)
    save_budget_grid(workspace, project, {(q1, BudgetCategory.LABOUR): BudgetCell(100, 50, 120)})
    grid = {
        (q1, BudgetCategory.LABOUR): BudgetCell(),  # emptied: deleted
        (q1, BudgetCategory.CAPEX): BudgetCell(300, 0, 310),  # new
        (q2, BudgetCategory.OPEX): BudgetCell(),  # empty and new: nothing
    }
    round_trip(workspace, lambda: save_budget_grid(workspace, project, grid))
    budget = project_budget(workspace, project)
    assert dict(budget.cells) == {(q1, BudgetCategory.CAPEX): BudgetCell(300, 0, 310)}
    assert budget.periods == (q1,)  # the tasks run in February 2026: one quarter
    assert (budget.total("planned_minor"), budget.total("forecast_minor")) == (300, 310)


def test_budget_refusals(workspace: Workspace, plan: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as error:
        save_budget_grid(workspace, plan["project"], {(date(2026, 1, 1), BudgetCategory.OPEX): BudgetCell(-5, 0, 0)})
    assert str(error.value) == "The planned amount cannot be negative."


def test_budget_periods_are_fiscal_quarters(workspace: Workspace, plan: dict[str, int]) -> None:
    add(
        workspace,
        EntityKind.TASK,
        project_id=plan["project"],
        name="Later",
        start=date(2026, 7, 1),
        finish=date(2026, 7, 31),
        duration_days=23,
    )
    workspace_id = list_records(workspace, EntityKind.PORTFOLIO)[0].id
    save_settings(workspace, {"fiscal_year_start_month": 4}, [])
    assert workspace_id == portfolio_settings(workspace).id
    periods = project_budget(workspace, plan["project"]).periods
    assert periods == (date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1))


def test_friendly_duplicates(workspace: Workspace, plan: dict[str, int], objectives: tuple[int, ...]) -> None:
    with pytest.raises(ValidationError) as project:
        save_project(workspace, None, {"code": "CX-01", "name": "Again"}, {})
    assert str(project.value) == "Another project already has the code 'CX-01'."
    with pytest.raises(ValidationError) as objective:
        add(workspace, EntityKind.OBJECTIVE, code="O1", title="Again")
    assert str(objective.value) == "Another objective already has the code 'O1'."
    with pytest.raises(ValidationError) as programme:
        save_programme(workspace, None, {"name": "Customer Experience"}, [])
    assert str(programme.value) == "Another programme is already called 'Customer Experience'."

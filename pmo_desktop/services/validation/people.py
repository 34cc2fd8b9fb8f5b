"""Rules for roles, teams, people, time off and allocations."""

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import AllocationUnit, EntityKind
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.validation.common import (
    Row,
    require_between,
    require_order,
    require_reference,
    require_text,
)
from pmo_desktop.services.validation.portfolio import check_colour
from pmo_desktop.storage.models import Task

MAX_PERCENT = 500


def _role(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.ROLE)
    check_colour(row)
    if (row.get("cost_rate_minor") or 0) < 0:
        raise ValidationError(tr("A cost rate cannot be negative."))


def _team(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.TEAM)


def _person(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "name", EntityKind.PERSON)
    hours = row.get("hours_per_week")
    if hours is not None and hours < 0:
        raise ValidationError(
            tr("{name}'s capacity cannot be negative ({hours:g} hours per week).", name=row["name"], hours=hours)
        )
    require_between(hours, 0, 168, "A week has 168 hours; {value:g} hours per week is not possible.")
    if (row.get("cost_rate_minor") or 0) < 0:
        raise ValidationError(tr("A cost rate cannot be negative."))
    email = row.get("email") or ""
    if email and ("@" not in email or " " in email):
        raise ValidationError(tr("'{email}' is not an email address.", email=email))
    require_order(
        row.get("employment_start"),
        row.get("employment_end"),
        "{name}'s employment cannot end ({finish}) before it starts ({start}).",
        name=row["name"],
    )
    require_reference(connection, row, "role_id", EntityKind.ROLE, "That role does not exist.")
    require_reference(connection, row, "team_id", EntityKind.TEAM, "That team does not exist.")


def _time_off(connection: Connection, row: Row, before: Row | None) -> None:
    require_reference(connection, row, "person_id", EntityKind.PERSON, "Time off must belong to a person.")
    require_order(row.get("start"), row.get("finish"), "Time off cannot end ({finish}) before it starts ({start}).")


def _allocation(connection: Connection, row: Row, before: Row | None) -> None:
    if row.get("person_id") is None and row.get("role_id") is None:
        raise ValidationError(tr("An allocation needs a person, or a role for demand not yet staffed."))
    require_reference(connection, row, "person_id", EntityKind.PERSON, "That person does not exist.")
    require_reference(connection, row, "role_id", EntityKind.ROLE, "That role does not exist.")
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "An allocation needs a project.")
    amount = row.get("amount")
    if amount is not None and amount < 0:
        raise ValidationError(tr("An allocation cannot be negative ({amount:g}).", amount=amount))
    if row.get("unit") == AllocationUnit.PERCENT.value:
        require_between(amount, 0, MAX_PERCENT, "An allocation of {value:g} % of capacity is not plausible.")
    else:
        require_between(amount, 0, 168, "A week has 168 hours; {value:g} hours per week is not possible.")
    require_order(
        row.get("start"), row.get("finish"), "An allocation cannot end ({finish}) before it starts ({start})."
    )
    if row.get("task_id") is not None:
        project = connection.execute(select(Task.project_id).where(Task.id == row["task_id"])).scalar()
        if project is None:
            raise ValidationError(tr("That task does not exist."))
        if project != row.get("project_id"):
            raise ValidationError(tr("An allocation tied to a task must be on that task's project."))


RULES = {
    EntityKind.ROLE: _role,
    EntityKind.TEAM: _team,
    EntityKind.PERSON: _person,
    EntityKind.TIME_OFF: _time_off,
    EntityKind.ALLOCATION: _allocation,
}

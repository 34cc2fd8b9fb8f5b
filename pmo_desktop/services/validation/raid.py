"""Rules for RAID items, their score history and their links to tasks."""

from datetime import date

from sqlalchemy import Connection, func, select

from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus, ResponseStrategy
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.validation.common import (
    Row,
    name_of,
    require_between,
    require_order,
    require_reference,
    require_text,
)
from pmo_desktop.storage.models import RaidItem, RaidTaskLink

SCORE_COLUMNS = ("probability", "impact", "residual_probability", "residual_impact")
_RESIDUAL_COLUMNS = SCORE_COLUMNS[2:]
# Responses to a chance of gain; the threat responses are avoid, reduce and transfer. Accepting and
# escalating suit both.
_OPPORTUNITY_ONLY = frozenset({ResponseStrategy.EXPLOIT, ResponseStrategy.ENHANCE, ResponseStrategy.SHARE})
_THREAT_ONLY = frozenset({ResponseStrategy.AVOID, ResponseStrategy.REDUCE, ResponseStrategy.TRANSFER})


def check_scores(row: Row) -> None:
    for column in SCORE_COLUMNS:
        words = column.replace("_", " ").capitalize()
        require_between(row.get(column), 1, 5, f"{words} runs from 1 to 5 (got {{value}}).")


def _check_assessment(row: Row) -> None:
    check_scores(row)
    unscored = row.get("probability") is None or row.get("impact") is None
    if row.get("kind") == RaidKind.RISK.value and unscored:
        raise ValidationError(tr("A risk needs a probability and an impact (1 to 5)."))
    if unscored and any(row.get(column) is not None for column in _RESIDUAL_COLUMNS):
        raise ValidationError(
            tr("A residual score (after the response) needs the probability and impact before it first.")
        )
    require_between(row.get("severity"), 1, 5, "Severity runs from 1 to 5 (got {value}).")


def _check_response(row: Row) -> None:
    response = row.get("response")
    if response is None:
        return
    strategy = ResponseStrategy(response)
    opportunity = bool(row.get("opportunity"))
    if opportunity and strategy in _THREAT_ONLY:
        raise ValidationError(
            tr(
                "'{response}' is a response to a threat; an opportunity is exploited, enhanced or shared.",
                response=strategy.value.capitalize(),
            )
        )
    if not opportunity and strategy in _OPPORTUNITY_ONLY:
        raise ValidationError(
            tr(
                "'{response}' is a response to an opportunity; a threat is avoided, reduced or transferred.",
                response=strategy.value.capitalize(),
            )
        )


def _check_people(connection: Connection, row: Row) -> None:
    require_reference(connection, row, "owner_id", EntityKind.PERSON, "The owner must be a person of the portfolio.")
    require_reference(
        connection, row, "decided_by_id", EntityKind.PERSON, "A decision must be taken by a person of the portfolio."
    )
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "That project does not exist.")


def _check_dates(row: Row) -> None:
    if row.get("raised_on") is None:
        row["raised_on"] = date.today()
    if row.get("status") == RaidStatus.CLOSED.value:
        if not (row.get("closure_note") or "").strip():
            raise ValidationError(tr("Closing '{title}' needs a closure note saying why.", title=row["title"]))
        row["closed_on"] = row.get("closed_on") or date.today()
    else:
        # A reopened item is open again: a closing date left behind would misplace it in the burndown.
        row["closed_on"] = None
    require_order(
        row.get("raised_on"),
        row.get("closed_on"),
        "An item cannot be closed ({finish}) before it was raised ({start}).",
    )
    require_order(
        row.get("raised_on"),
        row.get("review_on"),
        "The next review ({finish}) cannot come before the item was raised ({start}).",
    )


def _raid_item(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "title", EntityKind.RAID_ITEM)
    _check_assessment(row)
    _check_response(row)
    _check_people(connection, row)
    _check_dates(row)
    if row.get("number") is None:
        highest = connection.execute(select(func.max(RaidItem.number)).where(RaidItem.kind == row["kind"])).scalar()
        row["number"] = int(highest or 0) + 1


def _raid_score(connection: Connection, row: Row, before: Row | None) -> None:
    check_scores(row)


def _raid_task_link(connection: Connection, row: Row, before: Row | None) -> None:
    require_reference(connection, row, "raid_item_id", EntityKind.RAID_ITEM, "That RAID item no longer exists.")
    require_reference(connection, row, "task_id", EntityKind.TASK, "That task no longer exists.")
    linked = connection.execute(
        select(RaidTaskLink.id).where(
            RaidTaskLink.raid_item_id == row["raid_item_id"], RaidTaskLink.task_id == row["task_id"]
        )
    ).first()
    if linked is not None and (before is None or before.get("id") != linked.id):
        task = name_of(connection, EntityKind.TASK, row["task_id"])
        raise ValidationError(tr("This item is already linked to '{task}'.", task=task))


RULES = {
    EntityKind.RAID_ITEM: _raid_item,
    EntityKind.RAID_SCORE: _raid_score,
    EntityKind.RAID_TASK_LINK: _raid_task_link,
}

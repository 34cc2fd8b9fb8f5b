"""Rules for RAID items and their score history."""

from datetime import date

from sqlalchemy import Connection, func, select

from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.validation.common import (
    Row,
    require_between,
    require_order,
    require_reference,
    require_text,
)
from pmo_desktop.storage.models import RaidItem

SCORE_COLUMNS = ("probability", "impact", "residual_probability", "residual_impact")


def check_scores(row: Row) -> None:
    for column in SCORE_COLUMNS:
        words = column.replace("_", " ").capitalize()
        require_between(row.get(column), 1, 5, f"{words} runs from 1 to 5 (got {{value}}).")


def _raid_item(connection: Connection, row: Row, before: Row | None) -> None:
    require_text(row, "title", EntityKind.RAID_ITEM)
    check_scores(row)
    if row.get("kind") == RaidKind.RISK.value and (row.get("probability") is None or row.get("impact") is None):
        raise ValidationError(tr("A risk needs a probability and an impact (1 to 5)."))
    require_between(row.get("severity"), 1, 5, "Severity runs from 1 to 5 (got {value}).")
    require_reference(connection, row, "owner_id", EntityKind.PERSON, "The owner must be a person of the portfolio.")
    require_reference(
        connection, row, "decided_by_id", EntityKind.PERSON, "A decision must be taken by a person of the portfolio."
    )
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "That project does not exist.")
    if row.get("raised_on") is None:
        row["raised_on"] = date.today()
    if row.get("status") == RaidStatus.CLOSED.value:
        if not (row.get("closure_note") or "").strip():
            raise ValidationError(tr("Closing '{title}' needs a closure note saying why.", title=row["title"]))
        row["closed_on"] = row.get("closed_on") or date.today()
    require_order(
        row.get("raised_on"),
        row.get("closed_on"),
        "An item cannot be closed ({finish}) before it was raised ({start}).",
    )
    if row.get("number") is None:
        highest = connection.execute(select(func.max(RaidItem.number)).where(RaidItem.kind == row["kind"])).scalar()
        row["number"] = int(highest or 0) + 1


def _raid_score(connection: Connection, row: Row, before: Row | None) -> None:
    check_scores(row)


RULES = {EntityKind.RAID_ITEM: _raid_item, EntityKind.RAID_SCORE: _raid_score}

"""Rules for status reports and budget lines."""

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import EntityKind, Rag
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.validation.common import Row, day, name_of, require_reference
from pmo_desktop.storage.models import BudgetLine, StatusReport

RAG_COLUMNS = ("overall", "schedule", "cost", "scope", "resource")


def _status_report(connection: Connection, row: Row, before: Row | None) -> None:
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "A status report needs a project.")
    flagged = [column for column in RAG_COLUMNS if row.get(column) in (Rag.AMBER.value, Rag.RED.value)]
    if flagged and not (row.get("comment") or "").strip():
        raise ValidationError(
            tr("A status report rated amber or red ({which}) needs a comment saying why.", which=", ".join(flagged))
        )
    if row.get("period_end") is None:
        raise ValidationError(tr("A status report needs the last day of the period it reports on."))
    twin = connection.execute(
        select(StatusReport.id).where(
            StatusReport.project_id == row.get("project_id"),
            StatusReport.period_end == row["period_end"],
            StatusReport.id != row.get("id", -1),
        )
    ).first()
    if twin is not None:
        raise ValidationError(
            tr(
                "'{project}' already has a status report for the period ending {end}.",
                project=name_of(connection, EntityKind.PROJECT, row["project_id"]),
                end=day(row["period_end"]),
            )
        )


def _budget_line(connection: Connection, row: Row, before: Row | None) -> None:
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "A budget line needs a project.")
    for column in ("planned_minor", "actual_minor", "forecast_minor"):
        if (row.get(column) or 0) < 0:
            word = column.removesuffix("_minor")
            raise ValidationError(tr("The {word} amount cannot be negative.", word=word))
    twin = connection.execute(
        select(BudgetLine.id).where(
            BudgetLine.project_id == row.get("project_id"),
            BudgetLine.period_start == row.get("period_start"),
            BudgetLine.category == row.get("category"),
            BudgetLine.id != row.get("id", -1),
        )
    ).first()
    if twin is not None:
        raise ValidationError(
            tr(
                "'{project}' already has a {category} budget line for the period from {start}.",
                project=name_of(connection, EntityKind.PROJECT, row["project_id"]),
                category=row.get("category"),
                start=day(row["period_start"]),
            )
        )


RULES = {EntityKind.STATUS_REPORT: _status_report, EntityKind.BUDGET_LINE: _budget_line}

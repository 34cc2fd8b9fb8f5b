"""Rules for status reports and budget lines."""

from sqlalchemy import Connection

from pmo_desktop.domain.enums import EntityKind, Rag
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr
from pmo_desktop.services.validation.common import Row, require_reference

RAG_COLUMNS = ("overall", "schedule", "cost", "scope", "resource")


def _status_report(connection: Connection, row: Row, before: Row | None) -> None:
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "A status report needs a project.")
    flagged = [column for column in RAG_COLUMNS if row.get(column) in (Rag.AMBER.value, Rag.RED.value)]
    if flagged and not (row.get("comment") or "").strip():
        raise ValidationError(
            tr("A status report rated amber or red ({which}) needs a comment saying why.", which=", ".join(flagged))
        )


def _budget_line(connection: Connection, row: Row, before: Row | None) -> None:
    require_reference(connection, row, "project_id", EntityKind.PROJECT, "A budget line needs a project.")
    for column in ("planned_minor", "actual_minor", "forecast_minor"):
        if (row.get(column) or 0) < 0:
            word = column.removesuffix("_minor")
            raise ValidationError(tr("The {word} amount cannot be negative.", word=word))


RULES = {EntityKind.STATUS_REPORT: _status_report, EntityKind.BUDGET_LINE: _budget_line}

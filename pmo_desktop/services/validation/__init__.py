"""Validation of every kind of record before it is written, with messages a planner understands.

`validate` normalises a full row (enum strings to values, text trimmed), applies the generic rules for its
columns, then the rules of its kind. Rules needing the database (a cycle, an owner who must exist) get the
open connection of the operation's transaction.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.validation import people, plan, portfolio, raid, reports
from pmo_desktop.services.validation.common import Row, normalise, require_present

Rule = Callable[[Connection, Row, Row | None], None]

_RULES: dict[EntityKind, Rule] = {
    **portfolio.RULES,
    **plan.RULES,
    **people.RULES,
    **raid.RULES,
    **reports.RULES,
}


def validate(connection: Connection, kind: EntityKind, row: dict[str, Any], before: Row | None) -> Row:
    """Return `row` normalised, or raise `ValidationError` saying what is wrong."""
    clean = normalise(kind, row)
    rule = _RULES.get(kind)
    if rule is not None:
        rule(connection, clean, before)
    require_present(kind, clean)
    return clean

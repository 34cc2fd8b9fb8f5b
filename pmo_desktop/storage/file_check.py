"""The full check of a private copy of a portfolio, within a bounded time.

The caller copies the user's file first (see `portfolio_file`); everything here runs on that copy, so the
user's file is never touched by SQLite. In order: structure (the full integrity check), the schema
against the allow-list of its revision (unknown triggers, views or columns mean refusal), foreign keys, and
after any migration the values themselves.
"""

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pmo_desktop.domain.errors import FileRefusedError
from pmo_desktop.i18n import tr
from pmo_desktop.storage.hardening import MAX_TEXT_OR_BLOB_BYTES, DeadlineExceededError, connect_untrusted, deadline
from pmo_desktop.storage.schema_version import APPLICATION_ID, SchemaVersion
from pmo_desktop.storage.value_rules import rules_by_table, text_columns_by_table

CHECK_SECONDS = 5.0
_T = TypeVar("_T")
_LONGEST_REASON = 100
_VALUE_PROBLEMS = ("CHECK constraint failed", "NULL value in")


@dataclass(frozen=True)
class CheckedFile:
    """What the structural check learnt about a file."""

    revision: str
    version: SchemaVersion
    # A rule broken by a value (CHECK, NOT NULL): reported after the value check, which can name the column.
    broken_rule: str | None = None


def _refuse(name: str, sentence: str, **fields: object) -> FileRefusedError:
    return FileRefusedError(tr(sentence, name=name, **fields))


def _one_line(problem: str) -> str:
    """SQLite's integrity report as one clause: its first real line, without the database banner."""
    lines = [line.strip() for line in problem.splitlines() if line.strip() and not line.startswith("***")]
    return (lines[0] if lines else problem.strip()).rstrip(".")


def _unreadable(name: str, error: sqlite3.DatabaseError) -> FileRefusedError:
    if getattr(error, "sqlite_errorname", "") == "SQLITE_TOOBIG":
        return _refuse(name, "'{name}' holds a value too large for PMO Desktop to read (over {limit} MB).",
                       limit=MAX_TEXT_OR_BLOB_BYTES // 1_048_576)  # fmt: skip
    reason = _one_line(str(error))
    schema = re.match(r"malformed database schema \((.+?)\)", reason)
    if schema:
        return _refuse(name, "'{name}' is damaged: the definition of '{object}' cannot be read.", object=schema[1])
    if len(reason) > _LONGEST_REASON:
        reason = reason[: _LONGEST_REASON - 1].rstrip() + "…"
    return _refuse(name, "'{name}' is damaged and cannot be read ({reason}).", reason=reason)


def _guarded(copy: Path, name: str, seconds: float, work: Callable[[sqlite3.Connection], _T]) -> _T:
    """Run `work` on a hardened connection to `copy`, turning every way it can fail into one refusal."""
    connection = connect_untrusted(copy)
    try:
        with deadline(connection, seconds):
            return work(connection)
    except DeadlineExceededError:
        raise _refuse(
            name,
            "Checking '{name}' took longer than {seconds:g} seconds; it is damaged or not a portfolio.",
            seconds=seconds,
        ) from None
    except UnicodeDecodeError:
        raise _refuse(name, "'{name}' is damaged: it holds text that is not valid UTF-8.") from None
    except sqlite3.DatabaseError as error:
        raise _unreadable(name, error) from None
    finally:
        connection.close()


def check_structure(copy: Path, name: str, *, seconds: float = CHECK_SECONDS) -> CheckedFile:
    """Check the copy's pages, schema and links; return its revision. Raises `FileRefusedError`."""
    return _guarded(copy, name, seconds, lambda connection: _check_structure(connection, name))


def _check_structure(connection: sqlite3.Connection, name: str) -> CheckedFile:
    from pmo_desktop.storage import migrate

    problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check(5)")]
    broken_rules = [problem for problem in problems if problem.startswith(_VALUE_PROBLEMS)]
    damage = [problem for problem in problems if problem != "ok" and problem not in broken_rules]
    if damage:
        raise _refuse(name, "'{name}' is damaged: {problem}.", problem=_one_line(damage[0]))
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise _refuse(name, "'{name}' is a database of another application, not a PMO Desktop portfolio.")
    revision = _read_revision(connection, name)
    try:
        version = migrate.version_of_revision(revision)
        expected = migrate.expected_schema(revision)
    except Exception:  # alembic raises several kinds for a revision it does not know
        raise _refuse(
            name, "'{name}' has a file format revision ({revision}) this version does not know.", revision=revision
        ) from None
    if connection.execute("PRAGMA user_version").fetchone()[0] != version.user_version:
        raise _refuse(name, "'{name}' is damaged: its format version does not match its contents.")
    _check_schema(migrate.schema_of(connection), expected, name)
    if connection.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise _refuse(name, "'{name}' is damaged: some records point to records that do not exist.")
    return CheckedFile(revision, version, broken_rules[0] if broken_rules else None)


def _read_revision(connection: sqlite3.Connection, name: str) -> str:
    row = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if row is None:
        raise _refuse(name, "'{name}' is not a PMO Desktop portfolio (it has no format revision).")
    revisions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(revisions) != 1 or not isinstance(revisions[0][0], str):
        raise _refuse(name, "'{name}' is damaged: its format revision is missing or ambiguous.")
    return str(revisions[0][0])


def _check_schema(
    actual: frozenset[tuple[str, str, str]], expected: frozenset[tuple[str, str, str]], name: str
) -> None:
    unexpected = sorted(actual - expected)
    if unexpected:
        kind, object_name, _ = unexpected[0]
        known = {name for _, name, _ in expected}
        sentence = (
            "'{name}' was altered outside PMO Desktop: its {kind} '{object}' has been changed, so it is not opened."
            if object_name in known
            else "'{name}' was altered outside PMO Desktop: it holds an unexpected {kind} '{object}', so it is not "
            "opened."
        )
        raise _refuse(name, sentence, kind=kind, object=object_name)
    missing = sorted(expected - actual)
    if missing:
        kind, object_name, _ = missing[0]
        raise _refuse(name, "'{name}' is damaged: the {kind} '{object}' is missing.", kind=kind, object=object_name)


def _check_utf8(connection: sqlite3.Connection, name: str, table: str) -> None:
    """Refuse text that is not valid UTF-8 (SQLite stores any bytes); only cells beyond printable ASCII are
    decoded in Python."""
    columns = text_columns_by_table()[table]
    if not columns:
        return
    # GLOB reads text as SQLite decodes UTF-8, where a broken sequence becomes U+FFFD: outside printable ASCII,
    # like every other non-ASCII character (and tabs and line breaks), so those few cells are decoded here.
    differs = " OR ".join(f"\"{c}\" GLOB '*[^ -~]*'" for c in columns)
    selected = ", ".join(f'CAST("{c}" AS BLOB)' for c in columns)
    for row in connection.execute(f'SELECT {selected} FROM "{table}" WHERE {differs}'):
        for value in row:
            if value is not None:
                bytes(value).decode("utf-8")


def refuse_broken_rule(name: str, problem: str) -> FileRefusedError:
    """The refusal for a value that breaks a rule of the file's schema but none the value check names."""
    return _refuse(name, "'{name}' holds values PMO Desktop cannot use ({problem}).", problem=_one_line(problem))


def check_values(
    copy: Path, name: str, *, schema_rules: bool = False, seconds: float = CHECK_SECONDS
) -> dict[str, int]:
    """Check every value against the rules of the current schema; return the row count of each table.

    `schema_rules` adds the CHECK and NOT NULL rules, which the integrity check has already verified unless it
    reported one broken (then they run to name it).
    """
    return _guarded(copy, name, seconds, lambda connection: _check_values(connection, name, schema_rules))


def _check_values(connection: sqlite3.Connection, name: str, schema_rules: bool) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table, rules in rules_by_table(schema_rules=schema_rules).items():
        sums = "".join(f", coalesce(sum({rule.bad_when}), 0)" for rule in rules)
        row = connection.execute(f'SELECT count(*){sums} FROM "{table}"').fetchone()
        counts[table] = int(row[0])
        for rule, bad in zip(rules, row[1:], strict=True):
            if bad:
                raise _refuse(
                    name,
                    "'{name}' holds values PMO Desktop cannot use: {problem} (in {count} {records}).",
                    problem=rule.description,
                    count=bad,
                    records=tr("record") if bad == 1 else tr("records"),
                )
        _check_utf8(connection, name, table)
    if counts.get("portfolio") != 1:
        raise _refuse(name, "'{name}' is damaged: it must hold exactly one portfolio record.")
    return counts

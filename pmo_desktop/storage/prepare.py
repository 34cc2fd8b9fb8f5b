"""Turn a user's file into a checked (and, if older, migrated) private copy. The original is only read.

Opening (`portfolio_file`) and `pmo-desktop check` / `info` (`inspect`) share these steps, so what the CLI
accepts is exactly what the app opens.
"""

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pmo_desktop.storage import migrate
from pmo_desktop.storage.file_check import check_structure, check_values, refuse_broken_rule
from pmo_desktop.storage.file_sniff import sniff
from pmo_desktop.storage.schema_version import SchemaVersion

SIDE_FILE_SUFFIXES = ("-journal", "-wal")


@dataclass(frozen=True)
class PreparedCopy:
    """What checking the copy found: its format before any migration, and the row count of each table."""

    version: SchemaVersion
    migrated: bool
    counts: dict[str, int]


def sniff_file(target: Path) -> SchemaVersion:
    """The cheap first look (plain reads only); raises `FileRefusedError`."""
    return sniff(target, migrate.current_version()).schema_version


def copy_with_side_files(target: Path, database: Path) -> None:
    shutil.copyfile(target, database)
    for suffix in SIDE_FILE_SUFFIXES:
        # A journal left beside the file by a crashed writer belongs to it: SQLite replays it in the copy.
        side = target.with_name(target.name + suffix)
        if side.exists():
            shutil.copyfile(side, database.with_name(database.name + suffix))


def prepare_copy(target: Path, database: Path) -> PreparedCopy:
    """Copy `target` to `database`, check it, migrate it if older, check its values."""
    copy_with_side_files(target, database)
    checked = check_structure(database, target.name)
    migrated = checked.version < migrate.current_version()
    if migrated:
        migrate.upgrade_file(database)
    counts = check_values(database, target.name, schema_rules=checked.broken_rule is not None)
    if checked.broken_rule is not None:
        raise refuse_broken_rule(target.name, checked.broken_rule)
    _settle_journal(database)
    return PreparedCopy(checked.version, migrated, counts)


def _settle_journal(database: Path) -> None:
    """Leave the copy in rollback-journal mode even if the original came in WAL mode."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()

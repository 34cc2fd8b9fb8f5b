"""Check a file and describe it without opening it for editing (`pmo-desktop check` and `info`)."""

import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pmo_desktop.storage.app_dirs import data_dir
from pmo_desktop.storage.prepare import prepare_copy, sniff_file
from pmo_desktop.storage.schema_version import SchemaVersion


@dataclass(frozen=True)
class FileFacts:
    """What a checked file holds."""

    path: Path
    size_bytes: int
    version: SchemaVersion
    needs_upgrade: bool
    portfolio_name: str
    created_by: str
    saved_by: str
    counts: dict[str, int]


def inspect_file(path: Path) -> FileFacts:
    """Run every check on a private copy of `path`; raises `FileRefusedError` with one sentence."""
    sniff_file(path)
    with tempfile.TemporaryDirectory(dir=data_dir(), prefix="inspect-") as folder:
        database = Path(folder) / "copy.pmo"
        prepared = prepare_copy(path, database)
        connection = sqlite3.connect(database, isolation_level=None)
        try:
            name, created, saved = connection.execute(
                "SELECT name, created_by_app, saved_by_app FROM portfolio"
            ).fetchone()
        finally:
            connection.close()
    return FileFacts(
        path=path,
        size_bytes=path.stat().st_size,
        version=prepared.version,
        needs_upgrade=prepared.migrated,
        portfolio_name=str(name),
        created_by=str(created),
        saved_by=str(saved),
        counts=prepared.counts,
    )

"""A consistent copy of an open workspace, saved edits or not, for reading elsewhere (another thread, a report).

A `Workspace` is not thread-safe, and a background job must not read the user's file (it may lack the
latest edits) or hold the working copy (the user keeps editing it). So the owner of the workspace writes a
snapshot first, on its own thread: SQLite's online backup copies the working copy page by page inside one
read, which takes milliseconds even for a large portfolio, and the job opens the copy read-only.

The backup API is used rather than `VACUUM INTO` because the working copy's connections refuse to attach
another database (see `storage.hardening`), which `VACUUM INTO` needs. The copy keeps the application id
and the format version in its header, so it opens like any saved portfolio.
"""

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pmo_desktop.services.workspace import Workspace

SNAPSHOT_NAME = "snapshot.pmo"


@dataclass(frozen=True)
class Snapshot:
    """A copy of a workspace in a private temporary folder; `discard` removes the folder."""

    path: Path
    display_name: str

    def discard(self) -> None:
        shutil.rmtree(self.path.parent, ignore_errors=True)


def write_snapshot(workspace: Workspace) -> Snapshot:
    """Copy `workspace` as it stands now (unsaved edits included) into a new temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="pmo-snapshot-"))
    target = folder / SNAPSHOT_NAME
    try:
        with workspace.reading() as connection:
            # The raw driver connection, before SQLAlchemy begins a transaction on it: backup() reads in its own.
            source = connection.connection.driver_connection
            assert isinstance(source, sqlite3.Connection)
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return Snapshot(target, workspace.display_name)

"""SQLAlchemy engines on working copies, with the safe settings applied to every new connection.

The working copy is private, so it uses a rollback journal with full sync: each committed edit survives
a crash of the app or the machine. WAL is never used (DESIGN.md section 2).
"""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from pmo_desktop.storage.hardening import apply_safe_settings


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    mode = "ro" if read_only else "rw"
    connection = sqlite3.connect(f"file:{path.as_posix()}?mode={mode}", uri=True, check_same_thread=False)
    apply_safe_settings(connection)
    if not read_only:
        connection.execute("PRAGMA journal_mode = TRUNCATE")
        connection.execute("PRAGMA synchronous = FULL")
    return connection


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on the working copy at `path`; `read_only` makes SQLite itself refuse writes."""
    engine = create_engine("sqlite://", creator=lambda: _connect(path, read_only))

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINT; SQLAlchemy emits BEGIN.
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine

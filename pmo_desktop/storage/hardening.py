"""Connection settings for SQLite files we did not write ourselves, and for our own working copies.

Every file is treated as hostile (DESIGN.md section 2): the schema is not trusted to call functions, cell
sizes are checked, nothing is memory-mapped, lengths are bounded and foreign keys are on. A deadline turns
a check that runs too long into a clear refusal instead of a frozen window.
"""

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MAX_TEXT_OR_BLOB_BYTES = 16 * 1024 * 1024
MAX_SQL_LENGTH = 1024 * 1024
MAX_COLUMNS = 200
_PROGRESS_STEPS = 20_000

SAFE_PRAGMAS = (
    "PRAGMA trusted_schema = OFF",
    "PRAGMA cell_size_check = ON",
    "PRAGMA mmap_size = 0",
    "PRAGMA foreign_keys = ON",
)


class DeadlineExceededError(Exception):
    """The bounded time for a check ran out."""


def apply_safe_settings(connection: sqlite3.Connection) -> None:
    """Limits and pragmas for any connection to a portfolio, ours or not."""
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_TEXT_OR_BLOB_BYTES)
    connection.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_LENGTH)
    connection.setlimit(sqlite3.SQLITE_LIMIT_COLUMN, MAX_COLUMNS)
    connection.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    connection.setlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 10)
    for pragma in SAFE_PRAGMAS:
        connection.execute(pragma)


def connect_untrusted(path: Path) -> sqlite3.Connection:
    """Open a private copy of a file for checking. Autocommit, so nothing is written by accident."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    apply_safe_settings(connection)
    return connection


@contextmanager
def deadline(connection: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt any statement on `connection` that is still running after `seconds`."""
    limit = time.monotonic() + seconds

    def expired() -> int:
        return 1 if time.monotonic() > limit else 0

    connection.set_progress_handler(expired, _PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as error:
        if "interrupted" in str(error) and time.monotonic() > limit:
            raise DeadlineExceededError from error
        raise
    finally:
        connection.set_progress_handler(None, 0)

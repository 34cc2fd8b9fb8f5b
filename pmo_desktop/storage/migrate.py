"""Run the Alembic revisions shipped in the package, and map revisions to file format versions.

Each revision module declares `schema_version = (major, minor)`; after an upgrade the file's
`PRAGMA user_version` is set to the version of its new revision. Batch mode is on for SQLite.
"""

import sqlite3
from functools import cache
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, text

from pmo_desktop.storage.schema_version import SchemaVersion

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def _location(script_location: Path | None) -> Path:
    # Read at call time so that tests can point the whole app at a folder with extra revisions.
    return script_location or MIGRATIONS_DIR


def alembic_config(script_location: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_location(script_location)))
    return config


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
    return _script_directory(_location(script_location))


@cache
def _script_directory(script_location: Path) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(script_location))


def head_revision(script_location: Path | None = None) -> str:
    head = script_directory(script_location).get_current_head()
    assert head is not None, "the package ships at least one revision"
    return head


def version_of_revision(revision: str, script_location: Path | None = None) -> SchemaVersion:
    script = script_directory(script_location).get_revision(revision)
    assert script is not None and script.module is not None
    major, minor = script.module.schema_version
    return SchemaVersion(major, minor)


def current_version(script_location: Path | None = None) -> SchemaVersion:
    """The format this build writes."""
    return version_of_revision(head_revision(script_location), script_location)


def revision_of_connection(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(connection: Connection, target: str = "head", script_location: Path | None = None) -> None:
    """Upgrade the database behind `connection` to `target` and stamp `user_version` to match.

    The caller owns the transaction and commits it.
    """
    from alembic import command

    config = alembic_config(script_location)
    config.attributes["connection"] = connection
    command.upgrade(config, target)
    revision = revision_of_connection(connection)
    assert revision is not None
    version = version_of_revision(revision, script_location)
    connection.exec_driver_sql(f"PRAGMA user_version = {version.user_version:d}")


def expected_schema(revision: str, script_location: Path | None = None) -> frozenset[tuple[str, str, str]]:
    return _expected_schema(revision, _location(script_location))


@cache
def _expected_schema(revision: str, script_location: Path) -> frozenset[tuple[str, str, str]]:
    """The (type, name, sql) rows of `sqlite_master` that a file at `revision` holds, and nothing else.

    Built by running the revisions on an empty in-memory database, so a fresh file and a migrated one are
    checked against the same allow-list.
    """
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        upgrade(connection, revision, script_location)
        rows = connection.execute(text("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
        schema = frozenset((str(kind), str(name), str(sql)) for kind, name, sql in rows)
    engine.dispose()
    return schema


def schema_of(connection: sqlite3.Connection) -> frozenset[tuple[str, str, str]]:
    """The same rows read from an open file (NULL `sql` belongs to SQLite's automatic indexes)."""
    rows = connection.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")
    return frozenset((str(kind), str(name), str(sql)) for kind, name, sql in rows)


def upgrade_file(database: Path) -> None:
    """Upgrade the database file at `database` to the newest revision in one transaction."""
    from pmo_desktop.storage.engine import make_engine

    engine = make_engine(database)
    try:
        with engine.begin() as connection:
            upgrade(connection)
    finally:
        engine.dispose()

"""Migrations: the revisions build exactly the models' schema; older files are backed up, then upgraded."""

import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage import migrate
from pmo_desktop.storage.models import Base
from pmo_desktop.storage.schema_version import SchemaVersion
from tests.core.factories import small_portfolio

NEXT_MINOR = textwrap.dedent(
    '''
    """A test-only revision: format 1.1 adds a column."""

    import sqlalchemy as sa
    from alembic import op

    revision = "9001_test_minor"
    down_revision = "0001_initial"
    branch_labels = None
    depends_on = None
    schema_version = (1, 1)


    def upgrade() -> None:
        with op.batch_alter_table("project") as batch:
            batch.add_column(sa.Column("test_note", sa.Text(), nullable=True))


    def downgrade() -> None:
        with op.batch_alter_table("project") as batch:
            batch.drop_column("test_note")
    '''
)


def test_the_revisions_build_exactly_what_the_models_declare() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        migrate.upgrade(connection)
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_every_table_leaves_tombstones_through_its_trigger() -> None:
    schema = migrate.expected_schema(migrate.head_revision())
    triggers = {name for kind, name, _ in schema if kind == "trigger"}
    tables = {table.name for table in Base.metadata.sorted_tables} - {"tombstone"}
    assert triggers == {f"tombstone_{table}" for table in tables}


@pytest.fixture
def newer_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the shipped revisions plus one more, as the next release would ship them."""
    location = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, location, ignore=shutil.ignore_patterns("__pycache__"))
    (location / "versions" / "9001_test_minor.py").write_text(NEXT_MINOR, encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", location)
    return location


@pytest.fixture
def file_of_this_build(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return small_portfolio(folder / "old.pmo")


def test_an_older_file_is_backed_up_then_migrated(file_of_this_build: Path, newer_build: Path) -> None:
    target, folder = file_of_this_build, file_of_this_build.parent
    original = target.read_bytes()
    assert migrate.current_version() == SchemaVersion(1, 1)

    workspace = Workspace.open(target)
    assert workspace.migrated_from == SchemaVersion(1, 0)
    assert workspace.dirty
    backup = folder / "old (format 1.0 backup).pmo"
    assert backup.read_bytes() == original
    assert target.read_bytes() == original
    assert list_records(workspace, EntityKind.PROJECT)[0]["name"] == "Portal Relaunch"
    workspace.save()
    workspace.close()

    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1001
        columns = [row[1] for row in connection.execute("PRAGMA table_info(project)")]
    connection.close()
    assert "test_note" in columns
    reopened = Workspace.open(target)
    assert reopened.migrated_from is None
    reopened.close()

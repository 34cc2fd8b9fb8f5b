"""Migrations: the revisions build exactly the models' schema; older files are backed up, then upgraded."""

import shutil
import sqlite3
import textwrap
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage import migrate
from pmo_desktop.storage.engine import make_engine
from pmo_desktop.storage.models import Base
from pmo_desktop.storage.schema_version import APPLICATION_ID, SchemaVersion
from tests.core.factories import small_portfolio

NEXT_MINOR = textwrap.dedent(
    '''
    """A test-only revision: the next minor format adds a column."""

    import sqlalchemy as sa
    from alembic import op

    revision = "9001_test_minor"
    down_revision = "{head}"
    branch_labels = None
    depends_on = None
    schema_version = ({major}, {minor})


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
    shipped = migrate.current_version()
    revision = NEXT_MINOR.format(head=migrate.head_revision(), major=shipped.major, minor=shipped.minor + 1)
    (location / "versions" / "9001_test_minor.py").write_text(revision, encoding="utf-8")
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
    shipped = SchemaVersion.from_user_version(int.from_bytes(original[60:64], "big"))
    assert migrate.current_version() == SchemaVersion(shipped.major, shipped.minor + 1)

    workspace = Workspace.open(target)
    assert workspace.migrated_from == shipped
    assert workspace.dirty
    backup = folder / f"old (format {shipped} backup).pmo"
    assert backup.read_bytes() == original
    assert target.read_bytes() == original
    assert list_records(workspace, EntityKind.PROJECT)[0]["name"] == "Portal Relaunch"
    workspace.save()
    workspace.close()

    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == shipped.user_version + 1
        columns = [row[1] for row in connection.execute("PRAGMA table_info(project)")]
    connection.close()
    assert "test_note" in columns
    reopened = Workspace.open(target)
    assert reopened.migrated_from is None
    reopened.close()


def test_a_format_1_0_file_gets_its_project_start_dates(tmp_path: Path) -> None:
    """The real 0001 -> 0002 upgrade on a file built as format 1.0 was: each project starts on its earliest task."""
    target = tmp_path / "v1.pmo"
    target.touch()  # the engine opens existing files only, as it does for working copies
    engine = make_engine(target)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        migrate.upgrade(connection, "0001_initial")
        stamp = "'2026-01-05 09:00:00'"
        connection.exec_driver_sql(
            "INSERT INTO portfolio (uuid, name, owner, currency, fiscal_year_start_month, working_days, hours_per_day, "
            f"classification, created_by_app, saved_by_app, created_at, updated_at) VALUES (randomblob(16), 'Old', '', "
            f"'EUR', 1, 31, 8, 'Internal', 'PMO Desktop 0.0.9', 'PMO Desktop 0.0.9', {stamp}, {stamp})"
        )
        connection.exec_driver_sql(
            "INSERT INTO project (id, uuid, code, name, description, stage, priority, tentative, budget_minor, colour, "
            f"created_at, updated_at) VALUES (1, randomblob(16), 'P', 'Old project', '', 'active', 3, 0, 0, '#112233', "
            f"{stamp}, {stamp})"
        )
        for start in ("2026-03-02", "2026-02-09"):
            connection.exec_driver_sql(
                "INSERT INTO task (uuid, project_id, sort_order, name, kind, start, finish, duration_days, scheduling, "
                f"constraint_type, percent_complete, notes, created_at, updated_at) VALUES (randomblob(16), 1, 0, "
                f"'T', 'task', '{start}', '{start}', 1, 'auto', 'asap', 0, '', {stamp}, {stamp})"
            )
    engine.dispose()

    workspace = Workspace.open(target)
    assert workspace.migrated_from == SchemaVersion(1, 0)
    assert list_records(workspace, EntityKind.PROJECT)[0]["start_date"] == date(2026, 2, 9)
    workspace.close()

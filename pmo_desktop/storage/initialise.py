"""Build a new, empty portfolio database, and stamp which app version saved a file."""

from pathlib import Path

from sqlalchemy import insert, update

from pmo_desktop import __version__
from pmo_desktop.storage import migrate
from pmo_desktop.storage.engine import make_engine
from pmo_desktop.storage.models import Portfolio
from pmo_desktop.storage.schema_version import APPLICATION_ID


def initialise(database: Path, name: str) -> None:
    """Create the schema through the migrations (so new and migrated files match) and the portfolio row."""
    create_schema(database)
    engine = make_engine(database)
    try:
        with engine.begin() as connection:
            app = f"PMO Desktop {__version__}"
            connection.execute(insert(Portfolio).values(name=name, created_by_app=app, saved_by_app=app))
    finally:
        engine.dispose()


def stamp_saved_by(database: Path, app: str) -> None:
    engine = make_engine(database)
    try:
        with engine.begin() as connection:
            connection.execute(update(Portfolio).values(saved_by_app=app))
    finally:
        engine.dispose()


def create_schema(database: Path) -> None:
    """An empty portfolio database with no portfolio row yet (bulk loads bring their own)."""
    database.touch()
    engine = make_engine(database)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID:d}")
            migrate.upgrade(connection)
    finally:
        engine.dispose()

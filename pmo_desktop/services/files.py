"""File-level services for the CLI and the GUI: check and describe a file, write the demo portfolio."""

import tempfile
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import PmoError
from pmo_desktop.i18n import tr
from pmo_desktop.storage.app_dirs import data_dir
from pmo_desktop.storage.engine import make_engine
from pmo_desktop.storage.initialise import create_schema
from pmo_desktop.storage.inspect import FileFacts, inspect_file
from pmo_desktop.storage.lock import read_lock
from pmo_desktop.storage.models import Base
from pmo_desktop.storage.publish import publish

__all__ = ["FileFacts", "check_file", "demo_path", "insert_rows", "write_demo"]

Rows = Mapping[EntityKind, Sequence[Mapping[str, Any]]]


def check_file(path: Path) -> FileFacts:
    """Every check the app runs on open, and a full integrity check; raises `FileRefusedError`."""
    return inspect_file(path)


def insert_rows(connection: Connection, rows: Rows, order: Sequence[EntityKind]) -> None:
    """Bulk insert through Core executemany, table by table in `order` (foreign keys first)."""
    for kind in order:
        batch = rows.get(kind)
        if batch:
            connection.execute(insert(Base.metadata.tables[kind.value]), list(batch))


def demo_path() -> Path:
    """Where the app keeps its fresh copy of the demo portfolio."""
    return data_dir() / "Demo Portfolio.pmo"


def write_demo(
    target: Path, *, seed: int = 1, large: bool = False, as_of: date | None = None, overwrite: bool = False
) -> None:
    """Write the demo (or the large benchmark) portfolio to `target` atomically."""
    from pmo_desktop import demo

    if target.exists() and not overwrite:
        raise PmoError(tr("'{name}' already exists; choose another name.", name=target.name))
    holder = read_lock(target)
    if holder is not None and not holder.is_stale():
        raise PmoError(
            tr("'{name}' is open by {owner} on {host}.", name=target.name, owner=holder.owner, host=holder.host)
        )
    day = as_of or date.today()
    data = demo.build_large(seed=seed, as_of=day) if large else demo.build_demo(seed=seed, as_of=day)
    with tempfile.TemporaryDirectory(dir=data_dir(), prefix="demo-") as folder:
        database = Path(folder) / "demo.pmo"
        create_schema(database)
        engine = make_engine(database)
        try:
            with engine.begin() as connection:
                insert_rows(connection, data, demo.INSERT_ORDER)
        finally:
            engine.dispose()
        publish(database, target)

"""An open portfolio as the GUI and the CLI hold it: its file, and one transaction per user action.

The caller owns the session (STYLE.md principle 3): every operation in `services` runs inside
`Workspace.transaction()`, which commits once at the end, so each user action is one committed edit of the
working copy and a crash loses nothing. Nothing outside `services` ever sees the session.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine

from pmo_desktop.domain.errors import PmoError
from pmo_desktop.i18n import tr
from pmo_desktop.storage.engine import make_engine
from pmo_desktop.storage.portfolio_file import OpenMode, PortfolioFile
from pmo_desktop.storage.schema_version import SchemaVersion
from pmo_desktop.storage.working_copy import WorkingCopy

__all__ = ["OpenMode", "RecoveryCandidate", "Workspace"]


@dataclass(frozen=True)
class RecoveryCandidate:
    """Unsaved work left by a crashed session, as the recovery prompt shows it."""

    token: str
    display_name: str
    target: str | None
    opened_at: str


class Workspace:
    """One open portfolio. Not thread-safe: workers open their own read-only connections."""

    def __init__(self, file: PortfolioFile) -> None:
        self._file = file
        self._engine: Engine = make_engine(file.database, read_only=file.read_only)
        # Derived state that services keep between calls (the scheduler's network), by name. Emptied when a
        # transaction fails, since what it derived from may have been rolled back.
        self.caches: dict[str, object] = {}

    # -- opening and closing ----------------------------------------------------------------------------

    @classmethod
    def create(cls, target: Path | None, name: str) -> "Workspace":
        return cls(PortfolioFile.create(target, name))

    @classmethod
    def open(cls, target: Path, mode: OpenMode = OpenMode.EDIT) -> "Workspace":
        return cls(PortfolioFile.open(target, mode))

    @staticmethod
    def recoverable() -> list[RecoveryCandidate]:
        return [
            RecoveryCandidate(copy.folder.name, copy.info.display_name, copy.info.target, copy.info.opened_at)
            for copy in PortfolioFile.recoverable()
        ]

    @classmethod
    def recover(cls, candidate: RecoveryCandidate) -> "Workspace":
        return cls(PortfolioFile.recover(_working_copy(candidate)))

    @staticmethod
    def discard_recovery(candidate: RecoveryCandidate) -> None:
        _working_copy(candidate).discard()

    def close(self) -> None:
        self._engine.dispose()
        self._file.close()

    # -- state ------------------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self._file.target

    @property
    def display_name(self) -> str:
        return self._file.display_name

    @property
    def dirty(self) -> bool:
        return self._file.dirty

    @property
    def read_only(self) -> bool:
        return self._file.read_only

    @property
    def migrated_from(self) -> SchemaVersion | None:
        return self._file.migrated_from

    def changed_on_disk(self) -> bool:
        return self._file.changed_on_disk()

    # -- transactions -----------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One committed edit: everything inside commits together or not at all."""
        if self.read_only:
            raise PmoError(tr("'{name}' is open read-only; use Save As to edit a copy.", name=self.display_name))
        self._file.mark_dirty()
        try:
            with self._engine.begin() as connection:
                connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
                yield connection
        except BaseException:
            self.caches.clear()
            raise

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A consistent read of the working copy."""
        with self._engine.connect() as connection:
            yield connection

    # -- saving -----------------------------------------------------------------------------------------

    def save(self, *, overwrite_changes: bool = False) -> None:
        self._file.save(overwrite_changes=overwrite_changes)

    def save_as(self, target: Path) -> None:
        was_read_only = self.read_only
        self._file.save_as(target)
        if was_read_only:
            self._engine.dispose()
            self._engine = make_engine(self._file.database)


def _working_copy(candidate: RecoveryCandidate) -> WorkingCopy:
    from pmo_desktop.storage.app_dirs import working_dir

    return WorkingCopy.load(working_dir() / candidate.token)

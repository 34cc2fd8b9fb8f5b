"""An open portfolio: the user's file on disk (the target) and the private working copy edits go to.

This is where DESIGN.md section 2 happens. Opening sniffs the header with plain reads, copies the file to
a private folder, and checks and (if older) migrates only that copy: SQLite never opens the user's file, so
a refused file is byte-for-byte untouched. Saving publishes the working copy atomically. A lock beside the
target tells others it is open.
"""

import os
import shutil
from enum import Enum
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pmo_desktop import __version__
from pmo_desktop.domain.errors import FileChangedOnDiskError, PmoError, SaveError
from pmo_desktop.i18n import tr
from pmo_desktop.storage import lock
from pmo_desktop.storage.file_check import check_structure
from pmo_desktop.storage.prepare import prepare_copy, sniff_file
from pmo_desktop.storage.publish import explain_save_error, publish
from pmo_desktop.storage.schema_version import SchemaVersion
from pmo_desktop.storage.working_copy import Fingerprint, SessionInfo, WorkingCopy, abandoned_copies


class OpenMode(Enum):
    EDIT = "edit"
    READ_ONLY = "read_only"
    COPY = "copy"


def _writable(target: Path) -> bool:
    return os.access(target, os.W_OK) and os.access(target.parent, os.W_OK | os.X_OK)


class PortfolioFile:
    """A target path (None for an unsaved portfolio) and its working copy."""

    def __init__(self, working: WorkingCopy, *, migrated_from: SchemaVersion | None = None) -> None:
        self.working = working
        self.migrated_from = migrated_from

    # -- properties -------------------------------------------------------------------------------------

    @property
    def target(self) -> Path | None:
        return Path(self.working.info.target) if self.working.info.target else None

    @property
    def display_name(self) -> str:
        return self.working.info.display_name

    @property
    def database(self) -> Path:
        return self.working.database

    @property
    def read_only(self) -> bool:
        return self.working.info.read_only

    @property
    def dirty(self) -> bool:
        return self.working.info.dirty

    # -- life cycle -------------------------------------------------------------------------------------

    @classmethod
    def create(cls, target: Path | None, name: str) -> "PortfolioFile":
        """A new portfolio; with a target it is written there at once (and locked)."""
        from pmo_desktop.storage.initialise import initialise

        display = target.name if target else tr("Untitled")
        if target is not None:
            lock.acquire(target)
        working = WorkingCopy.new(SessionInfo(target=str(target) if target else None, display_name=display))
        try:
            initialise(working.database, name)
            portfolio = cls(working)
            if target is not None:
                portfolio._publish(target)
            else:
                working.update(dirty=True)
            return portfolio
        except BaseException:
            working.discard()
            if target is not None:
                lock.release(target)
            raise

    @classmethod
    def open(cls, target: Path, mode: OpenMode = OpenMode.EDIT) -> "PortfolioFile":
        """Check `target` and open a working copy of it. Raises `FileRefusedError` or `FileLockedError`."""
        target = target.resolve()
        sniff_file(target)
        read_only = mode is OpenMode.READ_ONLY or (mode is OpenMode.EDIT and not _writable(target))
        take_lock = mode is OpenMode.EDIT and not read_only
        if take_lock:
            try:
                lock.acquire(target)
            except OSError:  # the folder would not even take the lock: it will not take a save either
                read_only, take_lock = True, False
        keeps_target = mode is not OpenMode.COPY
        info = SessionInfo(
            target=str(target) if keeps_target else None,
            display_name=target.name if keeps_target else tr("Copy of {name}", name=target.name),
            read_only=read_only,
            fingerprint=Fingerprint.of(target),
            dirty=not keeps_target,
        )
        working = WorkingCopy.new(info)
        try:
            return cls._load(working, target)
        except BaseException:
            working.discard()
            if take_lock:
                lock.release(target)
            raise

    @classmethod
    def _load(cls, working: WorkingCopy, target: Path) -> "PortfolioFile":
        prepared = prepare_copy(target, working.database)
        if prepared.migrated:
            backup_before_migration(target, prepared.version)
            working.update(dirty=True)
        return cls(working, migrated_from=prepared.version if prepared.migrated else None)

    @classmethod
    def recover(cls, working: WorkingCopy) -> "PortfolioFile":
        """Adopt a working copy left by a crashed process; its unsaved edits are kept."""
        working.adopt()
        target = Path(working.info.target) if working.info.target else None
        if target is not None and not working.info.read_only:
            try:
                lock.acquire(target)
            except PmoError:
                working.update(target=None, display_name=tr("Recovered {name}", name=target.name))
        check_structure(working.database, working.info.display_name)
        return cls(working)

    @staticmethod
    def recoverable() -> list[WorkingCopy]:
        return abandoned_copies()

    def close(self) -> None:
        """Forget the working copy (the caller has asked about unsaved edits) and release the lock."""
        target = self.target
        self.working.discard()
        if target is not None and not self.read_only:
            lock.release(target)

    # -- saving -----------------------------------------------------------------------------------------

    def mark_dirty(self) -> None:
        if not self.working.info.dirty:
            self.working.update(dirty=True)

    def changed_on_disk(self) -> bool:
        """True when the target is no longer the file this session opened or last saved."""
        target = self.target
        if target is None or self.working.info.fingerprint is None:
            return False
        info = self.working.info
        return Fingerprint.of(target) not in (info.fingerprint, info.pending_fingerprint)

    def save(self, *, overwrite_changes: bool = False) -> None:
        """Publish the working copy over the target. Raises `SaveError` (or its subclass for changes)."""
        target = self.target
        if target is None:
            raise SaveError(tr("'{name}' has not been saved yet: choose where to save it.", name=self.display_name))
        if self.read_only:
            raise SaveError(
                tr(
                    "'{name}' is open read-only: use Save As to keep your changes in another file.",
                    name=self.display_name,
                )
            )
        if not overwrite_changes and self.changed_on_disk():
            raise FileChangedOnDiskError(
                tr("'{name}' was changed on disk by someone else since you opened it.", name=target.name)
            )
        if self.working.info.pending_fingerprint is not None:
            # An interrupted save may have renamed its file into place: the target, now accepted as ours, is
            # the new base, so the pending mark this save is about to write cannot hide it.
            self.working.update(fingerprint=Fingerprint.of(target), pending_fingerprint=None)
        self._publish(target)

    def save_as(self, new_target: Path) -> None:
        """Publish to a new target and make it this portfolio's file (the old one is left as it was)."""
        new_target = new_target.resolve()
        old_target, old_read_only = self.target, self.read_only
        if new_target != old_target:
            try:
                lock.acquire(new_target)
            except OSError as error:  # the folder refuses even the lock: it cannot take the file either
                raise explain_save_error(new_target, error) from None
        try:
            self._publish(new_target)
        except BaseException:
            if new_target != old_target:
                lock.release(new_target)
            raise
        if old_target is not None and old_target != new_target and not old_read_only:
            lock.release(old_target)
        self.working.update(target=str(new_target), display_name=new_target.name, read_only=False)

    def _publish(self, target: Path) -> None:
        from pmo_desktop.storage.initialise import stamp_saved_by

        try:
            stamp_saved_by(self.database, f"PMO Desktop {__version__}")
        except (SQLAlchemyError, OSError) as error:
            raise explain_save_error(target, error) from None
        publish(
            self.database, target, lambda finished: self.working.update(pending_fingerprint=Fingerprint.of(finished))
        )
        self.working.update(dirty=False, fingerprint=Fingerprint.of(target), pending_fingerprint=None)


def backup_before_migration(target: Path, version: SchemaVersion) -> Path:
    """Keep the user's file as it was before an upgrade, beside it (or in the app folder if read-only)."""
    from pmo_desktop.storage.app_dirs import data_dir

    name = f"{target.stem} (format {version} backup){target.suffix}"
    backup = target.with_name(name)
    if not _writable(target):
        backup = data_dir() / "backups" / name
        backup.parent.mkdir(exist_ok=True)
    if not backup.exists():
        shutil.copy2(target, backup)
    return backup

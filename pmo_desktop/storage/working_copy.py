"""The private working copy of an open portfolio, and what the next launch needs to recover it.

Each open portfolio gets a folder under the app's data dir with `portfolio.pmo` (the copy every edit is
committed to) and `session.json` (which file it belongs to, which process has it, whether it holds edits
not yet saved). A folder whose process died while it was dirty is offered for recovery.
"""

import json
import os
import shutil
import socket
import uuid
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from pmo_desktop.storage.app_dirs import working_dir
from pmo_desktop.storage.lock import process_alive

DATABASE_NAME = "portfolio.pmo"
SESSION_NAME = "session.json"


@dataclass(frozen=True)
class Fingerprint:
    """Enough of a file's identity to notice that someone else replaced or changed it."""

    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> "Fingerprint | None":
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ino)


@dataclass(frozen=True)
class SessionInfo:
    """The contents of `session.json`."""

    target: str | None
    display_name: str
    pid: int = field(default_factory=os.getpid)
    host: str = field(default_factory=socket.gethostname)
    opened_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    dirty: bool = False
    read_only: bool = False
    fingerprint: Fingerprint | None = None
    # What the target becomes if the save under way finishes its rename (see `publish`).
    pending_fingerprint: Fingerprint | None = None

    @classmethod
    def from_json(cls, text: str) -> "SessionInfo":
        data = json.loads(text)
        current, pending = data.pop("fingerprint", None), data.pop("pending_fingerprint", None)
        return cls(
            **data,
            fingerprint=Fingerprint(**current) if current else None,
            pending_fingerprint=Fingerprint(**pending) if pending else None,
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)

    def abandoned(self) -> bool:
        """True when the process that had this copy open is gone (checked on this host only)."""
        return self.host == socket.gethostname() and not process_alive(self.pid)


class WorkingCopy:
    """One folder holding the working database of an open portfolio and its session record."""

    def __init__(self, folder: Path, info: SessionInfo) -> None:
        self.folder = folder
        self.info = info

    @classmethod
    def new(cls, info: SessionInfo) -> "WorkingCopy":
        folder = working_dir() / uuid.uuid4().hex
        folder.mkdir(mode=0o700)
        copy = cls(folder, info)
        copy._write_info()
        return copy

    @classmethod
    def load(cls, folder: Path) -> "WorkingCopy":
        return cls(folder, SessionInfo.from_json((folder / SESSION_NAME).read_text(encoding="utf-8")))

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    def update(self, **changes: object) -> None:
        """Change the session record and write it durably (it decides what a crash leaves to recover)."""
        self.info = replace(self.info, **changes)  # type: ignore[arg-type]
        self._write_info()

    def adopt(self) -> None:
        """Make this process the owner of a copy left by a dead one."""
        self.update(pid=os.getpid(), host=socket.gethostname())

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _write_info(self) -> None:
        temporary = self.folder / (SESSION_NAME + ".tmp")
        with temporary.open("w", encoding="utf-8") as stream:
            stream.write(self.info.to_json())
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, self.folder / SESSION_NAME)


def abandoned_copies() -> list[WorkingCopy]:
    """Working copies whose process died; clean ones (nothing unsaved) are removed on the way."""
    found: list[WorkingCopy] = []
    for folder in sorted(working_dir().iterdir()):
        try:
            copy = WorkingCopy.load(folder)
        except (OSError, ValueError, TypeError):
            continue
        if not copy.info.abandoned():
            continue
        if copy.info.dirty and copy.database.exists():
            found.append(copy)
        else:
            copy.discard()
    return found

"""The lock beside an open portfolio: who has it open, on which machine, since when.

A second instance, or a colleague on a shared folder, sees it and is offered read-only or a copy. A lock
left by a process that died on this same host is stale and taken over. The lock is a small JSON file named
like LibreOffice's (`.~lock.NAME#`), created with O_EXCL so two openers cannot both win.
"""

import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from pmo_desktop import __version__
from pmo_desktop.domain.errors import FileLockedError
from pmo_desktop.i18n import tr


@dataclass(frozen=True)
class LockInfo:
    owner: str
    host: str
    pid: int
    since: str
    app: str

    @classmethod
    def mine(cls) -> "LockInfo":
        return cls(
            owner=_user_name(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
            app=f"PMO Desktop {__version__}",
        )

    def is_mine(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def is_stale(self) -> bool:
        """True when the lock's process is gone and it ran on this host (elsewhere we cannot tell)."""
        return self.host == socket.gethostname() and not process_alive(self.pid)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers) and no USER variable
        return "unknown"


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def lock_path(target: Path) -> Path:
    return target.with_name(f".~lock.{target.name}#")


def read_lock(target: Path) -> LockInfo | None:
    """The lock on `target`, or None if there is none or it cannot be read (then it is treated as absent)."""
    try:
        data = json.loads(lock_path(target).read_text(encoding="utf-8"))
        return LockInfo(
            str(data["owner"]), str(data["host"]), int(data["pid"]), str(data["since"]), str(data.get("app", ""))
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return LockInfo("unknown", "unknown", 0, "", "")


def acquire(target: Path) -> LockInfo:
    """Take the lock on `target` or raise `FileLockedError` naming who holds it."""
    path = lock_path(target)
    mine = LockInfo.mine()
    payload = json.dumps(asdict(mine)).encode("utf-8")
    for _attempt in range(2):
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = read_lock(target)
            if holder is None:
                continue
            if holder.is_stale():
                path.unlink(missing_ok=True)
                continue
            raise FileLockedError(
                tr(
                    "'{name}' is open by {owner} on {host} since {since}.",
                    name=target.name,
                    owner=holder.owner,
                    host=holder.host,
                    since=holder.since or tr("an unknown time"),
                ),
                holder.owner,
                holder.host,
                holder.since,
            ) from None
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
        return mine
    raise FileLockedError(
        tr("'{name}' is being opened by someone else right now.", name=target.name), "unknown", "unknown", ""
    )


def release(target: Path) -> None:
    """Remove the lock on `target` if it is ours."""
    holder = read_lock(target)
    if holder is not None and holder.is_mine():
        lock_path(target).unlink(missing_ok=True)

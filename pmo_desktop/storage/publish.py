"""Atomic Save: the user's file is always either the old or the new version, whole, in one file.

Write a compact copy beside the target (`VACUUM INTO` a temporary name), fsync it, check it, copy the
target's permissions, rename it over the target and fsync the folder. A failure at any step removes the
temporary file and leaves the target byte-for-byte as it was.
"""

import errno
import hashlib
import os
import socket
import sqlite3
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from pmo_desktop.domain.errors import SaveError
from pmo_desktop.i18n import tr
from pmo_desktop.storage.lock import process_alive
from pmo_desktop.storage.schema_version import APPLICATION_ID

TEMP_SUFFIX = ".saving"
_STALE_TEMP_SECONDS = 3600


def _host_tag() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def temporary_name(target: Path) -> Path:
    """A hidden name beside `target` saying which host and process is writing it."""
    return target.with_name(f".{target.name}.{_host_tag()}-{os.getpid()}-{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}")


def remove_stale_temporaries(target: Path) -> None:
    """Delete what earlier saves of `target` left when their process was killed (with any journal of theirs).

    A temporary of a dead process on this host is stale at once; one from another host (a shared folder)
    only after an hour, since its writer may still be busy.
    """
    prefix = f".{target.name}."
    for candidate in target.parent.glob(f"{prefix}*{TEMP_SUFFIX}*"):
        host, _, rest = candidate.name[len(prefix) :].partition("-")
        pid_text = rest.partition("-")[0]
        ours_and_dead = host == _host_tag() and pid_text.isdigit() and not process_alive(int(pid_text))
        try:
            old = time.time() - candidate.stat().st_mtime > _STALE_TEMP_SECONDS
        except OSError:
            continue
        if ours_and_dead or old:
            candidate.unlink(missing_ok=True)


def _fsync_path(path: Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        if directory:  # some platforms cannot open folders; the rename is still atomic there
            return
        raise
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _verify(copy: Path) -> None:
    connection = sqlite3.connect(copy, isolation_level=None)
    try:
        if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("the written copy failed its check")
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise sqlite3.DatabaseError("the written copy lost its application id")
    finally:
        connection.close()


def _reason(target: Path, error: BaseException) -> str:
    """What went wrong, in words: from the errno of an OSError or the result code of a SQLite error."""
    text = str(error).lower()
    number = getattr(error, "errno", None)
    code = str(getattr(error, "sqlite_errorname", ""))
    if number in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or code == "SQLITE_FULL" or "full" in text:
        return tr("there is not enough space on the disk")
    if target.is_dir():
        return tr("a folder of that name is in the way")
    if number in (errno.EACCES, errno.EPERM, errno.EROFS) or code.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")):
        return tr("you cannot write to that folder")
    if number == errno.EBUSY:
        return tr("another program holds the file")
    if code.startswith("SQLITE_IOERR"):
        return tr("writing to the disk failed (it may be full, removed or failing)")
    return tr("the disk reported an error ({error})", error=error)


def explain_save_error(target: Path, error: BaseException) -> SaveError:
    """The one sentence for a failed save of `target`; `error` may wrap the driver's (`.orig`)."""
    cause = getattr(error, "orig", None) or error
    return SaveError(
        tr(
            "Could not save '{name}': {reason}. The file on disk is unchanged and your edits are kept.",
            name=target.name,
            reason=_reason(target, cause),
        )
    )


def publish(working_database: Path, target: Path, before_rename: Callable[[Path], None] | None = None) -> None:
    """Write `working_database` over `target` atomically. Raises `SaveError` with one sentence.

    `before_rename` sees the finished temporary file just before it replaces the target, so the caller can
    record what the target is about to become (a crash right after the rename must not look like someone
    else's change).
    """
    if target.is_dir():
        raise explain_save_error(target, IsADirectoryError(errno.EISDIR, "is a directory"))
    remove_stale_temporaries(target)
    temporary = temporary_name(target)
    try:
        source = sqlite3.connect(working_database, isolation_level=None)
        try:
            source.execute("VACUUM INTO ?", (str(temporary),))
        finally:
            source.close()
        _fsync_path(temporary)
        _verify(temporary)
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        if before_rename is not None:
            before_rename(temporary)
        os.replace(temporary, target)
        _fsync_path(target.parent, directory=True)
    except (OSError, sqlite3.Error) as error:
        temporary.unlink(missing_ok=True)
        raise explain_save_error(target, error) from None

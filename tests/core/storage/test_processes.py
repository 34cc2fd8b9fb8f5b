"""Other processes: a crash in the middle of editing, a second opener, a lock left by a dead process."""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.domain.errors import FileLockedError
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import OpenMode, Workspace
from pmo_desktop.storage.lock import lock_path
from tests.core.factories import small_portfolio

CRASH_WHILE_EDITING = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from sqlalchemy import insert
    from pmo_desktop.domain.enums import EntityKind
    from pmo_desktop.services.records import create_record, list_records, table_of
    from pmo_desktop.services.workspace import Workspace

    workspace = Workspace.open(Path(sys.argv[1]))
    project = list_records(workspace, EntityKind.PROJECT)[0].id
    create_record(workspace, EntityKind.PERSON, {"name": "Committed Colleague"})
    with workspace.transaction() as connection:
        connection.execute(insert(table_of(EntityKind.PERSON)).values(name="Never Committed"))
        os.kill(os.getpid(), signal.SIGKILL)
    """
)

HOLD_OPEN = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pmo_desktop.services.workspace import Workspace

    workspace = Workspace.open(Path(sys.argv[1]))
    print("open", flush=True)
    sys.stdin.readline()
    workspace.close()
    """
)


def test_recover_after_sigkill_in_the_middle_of_editing(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    before = target.read_bytes()
    result = subprocess.run([sys.executable, "-c", CRASH_WHILE_EDITING, str(target)], check=False, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert target.read_bytes() == before
    candidates = Workspace.recoverable()
    assert [candidate.display_name for candidate in candidates] == ["plan.pmo"]
    workspace = Workspace.recover(candidates[0])
    names = {person["name"] for person in list_records(workspace, EntityKind.PERSON)}
    assert "Committed Colleague" in names and "Never Committed" not in names
    assert workspace.dirty and workspace.path == target.resolve()
    workspace.save()
    workspace.close()
    assert Workspace.recoverable() == []
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    reopened = Workspace.open(target)
    assert "Committed Colleague" in {person["name"] for person in list_records(reopened, EntityKind.PERSON)}
    reopened.close()


def test_a_discarded_recovery_is_gone(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    subprocess.run([sys.executable, "-c", CRASH_WHILE_EDITING, str(target)], check=False, timeout=60)
    (candidate,) = Workspace.recoverable()
    Workspace.discard_recovery(candidate)
    assert Workspace.recoverable() == []


def test_a_second_process_sees_the_lock_and_may_open_read_only_or_a_copy(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(target)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "open"
            with pytest.raises(FileLockedError) as locked:
                Workspace.open(target)
            assert locked.value.host == socket.gethostname()
            assert "plan.pmo' is open by" in str(locked.value)
            read_only = Workspace.open(target, OpenMode.READ_ONLY)
            assert read_only.read_only and list_records(read_only, EntityKind.PROJECT)
            read_only.close()
            copy = Workspace.open(target, OpenMode.COPY)
            assert copy.path is None and not copy.read_only
            copy.close()
        finally:
            holder.stdin.write("\n")
            holder.stdin.flush()
            holder.wait(timeout=60)
    assert not lock_path(target).exists()


def test_a_stale_lock_of_a_dead_process_on_this_host_is_taken_over(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    stale = {
        "owner": "someone",
        "host": socket.gethostname(),
        "pid": int(dead.stdout),
        "since": "2026-01-01",
        "app": "PMO Desktop 0.1.0",
    }
    lock_path(target).write_text(json.dumps(stale), encoding="utf-8")
    workspace = Workspace.open(target)
    assert json.loads(lock_path(target).read_text(encoding="utf-8"))["pid"] == os.getpid()
    workspace.close()
    assert not lock_path(target).exists()


def test_a_lock_from_another_host_is_respected(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    remote = {
        "owner": "alice",
        "host": "alices-laptop",
        "pid": 1,
        "since": "2026-11-02T09:00:00+00:00",
        "app": "PMO Desktop 0.1.0",
    }
    lock_path(target).write_text(json.dumps(remote), encoding="utf-8")
    with pytest.raises(FileLockedError, match="open by alice on alices-laptop"):
        Workspace.open(target)
    assert json.loads(lock_path(target).read_text(encoding="utf-8")) == remote

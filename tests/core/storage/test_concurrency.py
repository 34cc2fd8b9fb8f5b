"""Several processes on one file: copies edited side by side, a reader racing a saver, crashes mid-edit."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace
from tests.core.factories import small_portfolio

EDIT_A_COPY = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pmo_desktop.domain.enums import EntityKind
    from pmo_desktop.services.records import create_record
    from pmo_desktop.services.workspace import OpenMode, Workspace

    source, out, who = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    workspace = Workspace.open(source, OpenMode.COPY)
    for number in range(40):
        create_record(workspace, EntityKind.PERSON, {"name": f"{who} {number}"})
    workspace.save_as(out)
    workspace.close()
    """
)

SAVE_OVER_AND_OVER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pmo_desktop.domain.enums import EntityKind
    from pmo_desktop.services.records import create_record
    from pmo_desktop.services.workspace import Workspace

    workspace = Workspace.open(Path(sys.argv[1]))
    for number in range(25):
        create_record(workspace, EntityKind.PERSON, {"name": f"Saved {number}"})
        workspace.save()
    workspace.close()
    """
)

EDIT_UNTIL_KILLED = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pmo_desktop.domain.enums import EntityKind
    from pmo_desktop.services.records import create_record
    from pmo_desktop.services.workspace import Workspace

    workspace = Workspace.open(Path(sys.argv[1]))
    print("open", flush=True)
    for number in range(100_000):
        create_record(workspace, EntityKind.PERSON, {"name": f"Edit {number:06d}"})
    """
)


def sound(path: Path) -> bool:
    connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def people(path: Path) -> set[str]:
    workspace = Workspace.open(path)
    try:
        return {record["name"] for record in list_records(workspace, EntityKind.PERSON)}
    finally:
        workspace.close()


def test_two_processes_editing_copies_of_one_file(tmp_path: Path) -> None:
    source = small_portfolio(tmp_path / "plan.pmo")
    before = source.read_bytes()
    outputs = [tmp_path / "alice.pmo", tmp_path / "bob.pmo"]
    children = [
        subprocess.Popen([sys.executable, "-c", EDIT_A_COPY, str(source), str(out), out.stem]) for out in outputs
    ]
    assert [child.wait(timeout=180) for child in children] == [0, 0]
    assert source.read_bytes() == before
    for out in outputs:
        assert sound(out)
        names = people(out)
        assert {f"{out.stem} {number}" for number in range(40)} <= names
        other = "bob" if out.stem == "alice" else "alice"
        assert not any(name.startswith(other) for name in names)


def test_a_reader_racing_a_saver_always_sees_a_whole_file(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    saver = subprocess.Popen([sys.executable, "-c", SAVE_OVER_AND_OVER, str(target)])
    opened = 0
    try:
        while saver.poll() is None:
            snapshot = tmp_path / f"seen-{opened}.pmo"
            snapshot.write_bytes(target.read_bytes())
            assert sound(snapshot), f"copy {opened} caught a half-written file"
            snapshot.unlink()
            opened += 1
    finally:
        assert saver.wait(timeout=180) == 0
    assert opened > 0
    assert {f"Saved {number}" for number in range(25)} <= people(target)


@pytest.mark.slow
def test_sigkill_while_editing_recovers_every_committed_edit(tmp_path: Path) -> None:
    target = small_portfolio(tmp_path / "plan.pmo")
    rng = random.Random(8)
    recovered = 0
    for run in range(12):
        with subprocess.Popen(
            [sys.executable, "-c", EDIT_UNTIL_KILLED, str(target)], stdout=subprocess.PIPE, text=True
        ) as child:
            assert child.stdout is not None and child.stdout.readline().strip() == "open"
            time.sleep(rng.uniform(0.05, 0.6))
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=60)
        (candidate,) = Workspace.recoverable()
        workspace = Workspace.recover(candidate)
        edits = sorted(r["name"] for r in list_records(workspace, EntityKind.PERSON) if r["name"].startswith("Edit"))
        # Each edit is its own committed transaction: the recovered copy holds an unbroken run of them.
        assert edits == [f"Edit {number:06d}" for number in range(len(edits))], f"run {run}"
        recovered += len(edits)
        workspace.close()
        assert Workspace.recoverable() == []
        assert sound(target)
    assert recovered > 0

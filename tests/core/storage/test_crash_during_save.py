"""SIGKILL at every step of Save: the target is always the old or the new version, whole, and no edit is lost."""

import random
import sqlite3
import time
from pathlib import Path

import pytest

from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.lock import lock_path
from tests.core.factories import small_portfolio
from tests.core.storage.crash_harness import MARKER_TASK, open_or_recover, run_save

LINE_KILLS = 160
TIMED_KILLS = 60


def marker_in_file(target: Path) -> str:
    """The marker the target holds, read without any chance of writing (immutable, read-only)."""
    connection = sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return str(connection.execute("SELECT notes FROM task WHERE name = ?", (MARKER_TASK,)).fetchone()[0])
    finally:
        connection.close()


def documents_in(folder: Path) -> list[str]:
    """What a user (or a file dialog filtering on .pmo) would take for a portfolio in the folder."""
    return sorted(path.name for path in folder.iterdir() if path.suffix == ".pmo")


@pytest.mark.slow
def test_killing_save_at_every_step_never_breaks_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    target = small_portfolio(folder / "plan.pmo")
    Workspace.open(target).close()  # warm the caches the forked children inherit

    full = run_save(target, "calibration", count_lines=True)
    assert not full.killed and full.lines > 50
    started = time.perf_counter()
    run_save(target, "timing")
    save_seconds = time.perf_counter() - started
    saved = marker_in_file(target)
    assert saved == "timing"

    rng = random.Random(2026)
    plans = [{"kill_at": 1 + (full.lines - 1) * i // (LINE_KILLS - 1)} for i in range(LINE_KILLS)]
    plans += [{"kill_after": rng.uniform(0, save_seconds)} for _ in range(TIMED_KILLS)]
    for run, plan in enumerate(plans):
        marker = f"edit {run}"
        run_save(target, marker, **plan)  # type: ignore[arg-type]
        in_file = marker_in_file(target)
        assert in_file in (saved, marker), f"run {run} {plan}: the file holds {in_file!r}"
        assert documents_in(folder) == ["plan.pmo"]
        recovered = Workspace.recoverable()
        if in_file != marker:
            assert len(recovered) == 1, f"run {run} {plan}: the unsaved edit was not kept for recovery"
        saved = in_file

    workspace = open_or_recover(target)
    workspace.save(overwrite_changes=True)
    workspace.close()
    assert sorted(path.name for path in folder.iterdir()) == ["plan.pmo"]
    assert not lock_path(target).exists()

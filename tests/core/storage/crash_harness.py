"""Kill a save at a chosen point: in a forked child, SIGKILL on the Nth line the save path executes.

The child is the app: it opens (or recovers) the portfolio, makes an edit, and saves. A trace function counts
the Python lines executed in the storage modules during the save and kills the process on line `kill_at`, so
a sweep over `kill_at` visits every step of the save; `kill_after` kills from the parent after a delay
instead, to land inside the C calls (VACUUM INTO, fsync) that no line boundary splits.
"""

import os
import signal
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import list_records, update_record
from pmo_desktop.services.workspace import Workspace

STORAGE = str(Path(sys.modules["pmo_desktop.storage.publish"].__file__ or "").parent)
MARKER_TASK = "Design"


@dataclass(frozen=True)
class Outcome:
    """How a child ended: killed (by itself or the parent), or finished with its line count."""

    killed: bool
    lines: int


def open_or_recover(target: Path) -> Workspace:
    candidates = Workspace.recoverable()
    if candidates:
        return Workspace.recover(candidates[0])
    return Workspace.open(target)


def edit_marker(workspace: Workspace, value: str) -> None:
    task = next(t for t in list_records(workspace, EntityKind.TASK) if t["notes"] or t["name"] == MARKER_TASK)
    update_record(workspace, EntityKind.TASK, task.id, {"notes": value})


def _tracer(kill_at: int, counter: list[int]) -> Any:
    def trace(frame: FrameType, event: str, arg: object) -> Any:
        if not frame.f_code.co_filename.startswith(STORAGE):
            return None
        if event == "line":
            counter[0] += 1
            if counter[0] == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)
        return trace

    return trace


def _child(target: Path, marker: str, kill_at: int, report: int) -> None:
    workspace = open_or_recover(target)
    edit_marker(workspace, marker)
    os.write(report, b"g")
    counter = [0]
    if kill_at > 0:
        sys.settrace(_tracer(kill_at, counter))
    else:
        counter[0] = -1
    try:
        workspace.save()
    finally:
        sys.settrace(None)
    if kill_at > 0:
        os.write(report, str(counter[0]).encode())
    workspace.close()


def _print_sessions(target: Path) -> None:
    """What the working copies and the target looked like when a child failed, for the test's report."""
    from pmo_desktop.storage.app_dirs import working_dir
    from pmo_desktop.storage.working_copy import Fingerprint

    print(f"target: {Fingerprint.of(target)}", file=sys.stderr)
    for folder in sorted(working_dir().iterdir()):
        session = folder / "session.json"
        print(f"{folder.name}: {session.read_text() if session.exists() else 'no session'}", file=sys.stderr)


def run_save(target: Path, marker: str, *, kill_at: int = 0, kill_after: float | None = None,
             count_lines: bool = False) -> Outcome:  # fmt: skip
    """Fork the app, edit `marker`, save; kill it at line `kill_at` or `kill_after` seconds into the save."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        os.close(read_end)
        code = 0
        try:
            _child(target, marker, kill_at if not count_lines else 10**12, write_end)
        except BaseException:  # any failure becomes the exit status the parent checks
            traceback.print_exc()
            _print_sessions(target)
            code = 3
        os._exit(code)
    os.close(write_end)
    assert os.read(read_end, 1) == b"g", "the child failed before saving"
    if kill_after is not None:
        time.sleep(kill_after)
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    rest = os.read(read_end, 64)
    os.close(read_end)
    if os.WIFSIGNALED(status):
        return Outcome(killed=True, lines=0)
    assert os.WEXITSTATUS(status) == 0, "the child's save failed"
    return Outcome(killed=False, lines=int(rest) if rest else 0)

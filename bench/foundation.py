"""The foundation's keys: open, save, one edit, large-demo generation, file size and peak memory."""

import resource
import shutil
import subprocess
import sys
from pathlib import Path

from bench.timing import Result, median_seconds
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.records import list_records, update_record
from pmo_desktop.services.workspace import Workspace

# What the app reads when a file opens: the records behind its four views' first screens (allocations load
# per person when one is selected, so they are not part of opening).
LOADED_ON_OPEN = (
    EntityKind.PORTFOLIO,
    EntityKind.PROGRAMME,
    EntityKind.PROJECT,
    EntityKind.TASK,
    EntityKind.ROLE,
    EntityKind.TEAM,
    EntityKind.PERSON,
    EntityKind.RAID_ITEM,
)


def generate_large(target: Path) -> None:
    """`pmo-desktop demo --size large`, as a user would run it."""
    target.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pmo_desktop", "demo", str(target), "--size", "large"],
        check=True,
        capture_output=True,
    )


def _open_and_load(path: Path) -> Workspace:
    workspace = Workspace.open(path)
    for kind in LOADED_ON_OPEN:
        list_records(workspace, kind)
    return workspace


def measure(large: Path, scratch: Path) -> list[Result]:
    results = [Result("demo_large_s", median_seconds(lambda: generate_large(scratch / "generated.pmo"), 3), "s", 10)]

    def open_close() -> None:
        _open_and_load(large).close()

    results.append(Result("open_s", median_seconds(open_close, 5), "s", 1.0))

    working_target = scratch / "edited.pmo"
    shutil.copyfile(large, working_target)
    workspace = Workspace.open(working_target)
    try:
        task = list_records(workspace, EntityKind.TASK)[0]
        names = iter(f"Edited task {number}" for number in range(1_000_000))
        edit = median_seconds(lambda: update_record(workspace, EntityKind.TASK, task.id, {"name": next(names)}), 50)
        results.append(Result("edit_ms", edit * 1000, "ms", 20))
        save = median_seconds(
            workspace.save,
            5,
            setup=lambda: update_record(workspace, EntityKind.TASK, task.id, {"name": next(names)}),
        )
        results.append(Result("save_s", save, "s", 0.5))
    finally:
        workspace.close()

    results.append(Result("file_mb", large.stat().st_size / 1_048_576, "MB", 20))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results.append(Result("peak_rss_mb", peak_kb / 1024, "MB"))
    return results

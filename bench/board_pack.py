"""The board pack's keys: the demo portfolio's pack, and the large portfolio's from the shell with its peak
memory (issue 7: `boardpack_demo_s` <= 3, `boardpack_large_s` <= 15, peak <= 1 GB).

The demo pack is timed in-process, as the GUI's worker makes it (open read-only, read, lay out, write). The
large pack is timed as a user runs it, `pmo-desktop boardpack`, in a child of a small probe process, so that
the probe's `RUSAGE_CHILDREN` peak is the export's own and not that of anything this benchmark ran before.
"""

import statistics
import subprocess
import sys
from pathlib import Path

from bench.timing import Result, median_seconds
from pmo_desktop.reporting.export import export_board_pack
from pmo_desktop.reporting.options import PackOptions
from pmo_desktop.services.files import write_demo

RUNS = 3

_PROBE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _large_pack(large: Path, output: Path) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one `pmo-desktop boardpack` of the large portfolio."""
    command = [sys.executable, "-m", "pmo_desktop", "boardpack", str(large), "-o", str(output)]
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, *command], check=True, capture_output=True, text=True, timeout=600
    )
    seconds, peak_kb = probe.stdout.split()
    return float(seconds), int(peak_kb) / 1024


def measure(large: Path, scratch: Path) -> list[Result]:
    demo = scratch / "board-pack-demo.pmo"
    write_demo(demo, overwrite=True)
    output = scratch / "demo-pack.pdf"
    demo_seconds = median_seconds(lambda: export_board_pack(demo, output, PackOptions()), RUNS)
    runs = [_large_pack(large, scratch / "large-pack.pdf") for _ in range(RUNS)]
    return [
        Result("boardpack_demo_s", demo_seconds, "s", 3),
        Result("boardpack_large_s", statistics.median(seconds for seconds, _ in runs), "s", 15),
        Result("boardpack_large_peak_mb", max(peak for _, peak in runs), "MB", 1024),
    ]

"""Run the benchmark: build the large portfolio once (cached), measure, print a table, write results.json.

Exit status 1 when a target is missed, so `make bench` says so.
"""

import json
import os
import sys
import tempfile
from pathlib import Path

from bench import board_pack, capacity, foundation, gantt, portfolio, raid, scheduling
from bench.timing import Result
from pmo_desktop.storage.migrate import current_version
from pmo_desktop.storage.schema_version import SchemaVersion

BENCH_DIR = Path(__file__).resolve().parent
CACHE = BENCH_DIR / "cache"
LARGE = CACHE / "large.pmo"
RESULTS = BENCH_DIR / "results.json"
# Each area's module measures its own keys on the same large portfolio (see its docstring for the targets).
AREAS = (foundation, scheduling, gantt, capacity, raid, portfolio, board_pack)


def _print_table(results: list[Result]) -> None:
    print(f"{'key':<22}{'value':>12}  {'target':>10}  status")
    for result in results:
        target = f"<= {result.target:g}" if result.target is not None else "-"
        status = "ok" if result.met else "MISSED"
        print(f"{result.key:<22}{result.value:>12.3f}  {target:>10}  {status}")


def _format_of(path: Path) -> SchemaVersion:
    with path.open("rb") as stream:
        header = stream.read(64)
    return SchemaVersion.from_user_version(int.from_bytes(header[60:64], "big"))


def main() -> int:
    CACHE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pmo-bench-") as home:
        os.environ["PMO_DESKTOP_HOME"] = home
        if LARGE.exists() and _format_of(LARGE) != current_version():
            LARGE.unlink()  # built by an older release: measure what this one writes
        if not LARGE.exists():
            print("building the large portfolio (cached in bench/cache)...", flush=True)
            foundation.generate_large(LARGE)
        with tempfile.TemporaryDirectory(prefix="pmo-bench-scratch-") as scratch:
            results = [result for area in AREAS for result in area.measure(LARGE, Path(scratch))]
    _print_table(results)
    RESULTS.write_text(json.dumps({r.key: round(r.value, 4) for r in results}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(BENCH_DIR.parent)}")
    return 0 if all(result.met for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())

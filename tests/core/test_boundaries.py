"""The layering of DESIGN.md section 1 holds: contracts pass, and the core loads without Qt or heavy libraries."""

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

IMPORT_THE_CORE = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    import pmo_desktop

    for module in pkgutil.walk_packages(pmo_desktop.__path__, "pmo_desktop."):
        if module.name.startswith(("pmo_desktop.gui", "pmo_desktop.storage.migrations", "pmo_desktop.__main__")):
            continue
        importlib.import_module(module.name)
    heavy = sorted(name for name in ("PySide6", "shiboken6", "reportlab", "matplotlib") if name in sys.modules)
    print(",".join(heavy) or "clean")
    """
)


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=REPO, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_importing_every_core_module_loads_no_qt_and_no_heavy_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_THE_CORE], cwd=REPO, check=False, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"

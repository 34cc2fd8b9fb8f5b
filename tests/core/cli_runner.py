"""Run the `pmo-desktop` command in a child process, as a user would from a shell."""

import subprocess
import sys
from pathlib import Path


def pmo(*arguments: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`pmo-desktop ARGUMENTS`; the exit status is for the test to judge, so it is not checked here."""
    command = [sys.executable, "-m", "pmo_desktop", *map(str, arguments)]
    return subprocess.run(command, check=False, capture_output=True, text=True, timeout=timeout)

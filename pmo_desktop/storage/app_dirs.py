"""Where the app keeps private files: working copies, backups of migrated files, settings-free state.

`PMO_DESKTOP_HOME` overrides the location (tests and portable installs use it).
"""

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The per-user folder for private app data, created on first use."""
    override = os.environ.get("PMO_DESKTOP_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "PMO Desktop"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "PMO Desktop"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "pmo-desktop"
    base.mkdir(parents=True, exist_ok=True)
    return base


def working_dir() -> Path:
    """Where the working copies of open portfolios live, one subfolder each."""
    path = data_dir() / "working"
    path.mkdir(exist_ok=True)
    return path

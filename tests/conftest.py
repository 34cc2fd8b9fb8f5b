"""Test-wide setup: Qt renders offscreen, and the app keeps its private files in a throwaway folder.

QT_QPA_PLATFORM must be set before anything imports Qt, so it is the first thing this file does.
"""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_HOME = tempfile.mkdtemp(prefix="pmo-desktop-tests-")
os.environ["PMO_DESKTOP_HOME"] = _HOME

REPO_ROOT = Path(__file__).resolve().parent.parent
REAL_FILES = REPO_ROOT.parent / "shared" / "realfiles"


@pytest.fixture(autouse=True)
def private_app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own app data folder, so working copies and recovery never leak between tests."""
    home = tmp_path / "app-home"
    home.mkdir()
    monkeypatch.setenv("PMO_DESKTOP_HOME", str(home))
    yield home


@pytest.fixture
def real_files() -> Path:
    """The shared folder of files written by other planning tools; skips when this clone has none."""
    if not REAL_FILES.is_dir():
        pytest.skip("../shared/realfiles is not beside this checkout")
    return REAL_FILES

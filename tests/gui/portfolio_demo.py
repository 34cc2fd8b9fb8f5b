"""The demo portfolio for GUI tests of the portfolio views and editors: written once per session for a fixed
day, copied for each test so that edits never leak from one test to the next."""

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pmo_desktop.gui.document import Document
from pmo_desktop.services.files import write_demo
from pmo_desktop.services.workspace import Workspace

DAY = date(2026, 11, 27)
"""The day the demo is built around and the views are shown on."""


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("portfolio-demo") / "demo.pmo"
    write_demo(target, as_of=DAY)
    return target


@pytest.fixture
def demo_file(demo_master: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "Kestrel.pmo"
    shutil.copyfile(demo_master, copy)
    return copy


@pytest.fixture
def demo_document(demo_file: Path) -> Iterator[Document]:
    """The demo open for editing; closed (and its lock released) after the test."""
    opened = Document(Workspace.open(demo_file))
    yield opened
    opened.close()

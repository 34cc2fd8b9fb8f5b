"""Fixtures for the heatmap tests: the small staffed portfolio and the demo, saved to files and opened."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.heatmap_model import HeatmapModel
from pmo_desktop.services.files import write_demo
from pmo_desktop.services.workspace import Workspace
from tests.core.services.capacity_builders import TODAY, Staffed, staff


@pytest.fixture
def staffed_file(tmp_path: Path) -> tuple[Path, Staffed]:
    """The staffed portfolio of the capacity service tests, saved and closed."""
    path = tmp_path / "staffed.pmo"
    workspace = Workspace.create(path, "Staffed")
    try:
        ids = staff(workspace)
        workspace.save()
    finally:
        workspace.close()
    return path, ids


@pytest.fixture
def staffed(staffed_file: tuple[Path, Staffed]) -> Staffed:
    return staffed_file[1]


@pytest.fixture
def staffed_document(staffed_file: tuple[Path, Staffed]) -> Iterator[Document]:
    opened = Document(Workspace.open(staffed_file[0]))
    yield opened
    opened.close()


@pytest.fixture
def heatmap(staffed_document: Document) -> HeatmapModel:
    """The heatmap of the staffed portfolio on `TODAY` (January 2026: the first quarter of four)."""
    model = HeatmapModel(staffed_document, today=TODAY)
    model.load()
    return model


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built around today, written once for the session; tests open copies of it."""
    path = tmp_path_factory.mktemp("demo") / "template.pmo"
    write_demo(path, as_of=date.today())
    return path


@pytest.fixture
def demo_file(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "Kestrel.pmo"
    path.write_bytes(demo_template.read_bytes())
    return path

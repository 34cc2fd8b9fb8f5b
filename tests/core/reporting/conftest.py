"""The demo portfolio and its board pack, written once per session for a fixed day, read back with pypdf."""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from pmo_desktop.reporting.export import export_board_pack
from pmo_desktop.reporting.options import PackOptions
from pmo_desktop.services.files import write_demo
from tests.core.services.portfolio_demo import DAY


@dataclass(frozen=True)
class Pdf:
    """A board pack as pypdf reads it: the bytes, each page's text, and the outline."""

    data: bytes
    reader: PdfReader

    @classmethod
    def of(cls, data: bytes) -> "Pdf":
        return cls(data, PdfReader(BytesIO(data)))

    @property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @property
    def text(self) -> str:
        """All the text, with every run of white space made one space (wrapped names read whole)."""
        return " ".join("\n".join(self.pages).split())

    def outline(self, items: list[Any] | None = None) -> list[tuple[str, int, list[Any]]]:
        """(title, 1-based page, children) for each bookmark at one level."""
        found: list[tuple[str, int, list[Any]]] = []
        entries = self.reader.outline if items is None else items
        for index, entry in enumerate(entries):
            if isinstance(entry, list):
                continue
            children = entries[index + 1] if index + 1 < len(entries) and isinstance(entries[index + 1], list) else []
            found.append((entry.title, self.reader.get_destination_page_number(entry) + 1, children))
        return found


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("board-pack") / "Kestrel.pmo"
    write_demo(target, as_of=DAY)
    return target


@pytest.fixture(scope="session")
def demo_pack(demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Pdf:
    """The whole board pack of the demo on `DAY`, A4."""
    output = tmp_path_factory.mktemp("pack") / "pack.pdf"
    export_board_pack(demo_path, output, PackOptions(today=DAY))
    return Pdf.of(output.read_bytes())

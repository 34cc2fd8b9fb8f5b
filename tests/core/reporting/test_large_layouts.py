"""A portfolio too big for one page: tables run on with their header repeated, and the roadmap is tiled into
pages of rows and of time, each tile repeating its row labels and its time axis."""

import re
from collections.abc import Iterator
from datetime import date

import pytest

from pmo_desktop.domain.enums import EntityKind, Stage
from pmo_desktop.reporting.export import render_board_pack
from pmo_desktop.reporting.options import PackOptions, Section
from pmo_desktop.services.records import create_record
from pmo_desktop.services.workspace import Workspace
from tests.core.reporting.conftest import Pdf

DAY = date(2026, 11, 27)
PROJECTS = 60


@pytest.fixture(scope="module")
def pack() -> Iterator[Pdf]:
    workspace = Workspace.create(None, "Wide and tall")
    try:
        programmes = [create_record(workspace, EntityKind.PROGRAMME, {"name": f"Programme {n}"}).id for n in range(3)]
        for number in range(PROJECTS):
            project = create_record(workspace, EntityKind.PROJECT, {
                "code": f"P{number:03d}", "name": f"Project number {number}", "stage": Stage.ACTIVE,
                "programme_id": programmes[number % 3],
            }).id  # fmt: skip
            # Work running into 2029 makes the roadmap three years wide: two tiles of time.
            create_record(workspace, EntityKind.TASK, {
                "project_id": project, "name": "Work", "start": date(2026, 3, 2),
                "finish": date(2027 + number % 3, 6, 30), "duration_days": 100,
            })  # fmt: skip
        options = PackOptions(sections=(Section.STATUS, Section.ROADMAP), today=DAY)
        yield Pdf.of(render_board_pack(workspace, options).pdf)
    finally:
        workspace.close()


def pages_of(pack: Pdf, title: str) -> list[str]:
    outline = pack.outline()
    starts = {name: page for name, page, _ in outline}
    following = sorted(page for page in starts.values() if page > starts[title])
    stop = following[0] if following else len(pack.pages) + 1
    return pack.pages[starts[title] - 1 : stop - 1]


def test_the_status_table_repeats_its_header_on_every_page(pack: Pdf) -> None:
    pages = pages_of(pack, "Portfolio status")
    assert len(pages) >= 2
    for text in pages:
        assert re.search(r"Code\s+Project\s+Stage\s+Manager", text)
    codes = [code for text in pages for code in re.findall(r"\bP\d{3}\b", text)]
    assert sorted(set(codes)) == [f"P{number:03d}" for number in range(PROJECTS)]


def test_the_roadmap_is_tiled_with_labels_and_axis_on_every_tile(pack: Pdf) -> None:
    pages = pages_of(pack, "Roadmap")
    count = len(pages)
    assert count >= 4 and count % 2 == 0
    for index, text in enumerate(pages):
        assert f"Roadmap, page {index + 1} of {count}" in text
        assert re.search(r"(20\d\d) Q[1-4]", text)
        assert "Programme" in text
    first_rows = re.findall(r"\bP\d{3}\b", pages[0])
    assert first_rows and re.findall(r"\bP\d{3}\b", pages[1]) == first_rows
    assert "time 1 of 2" in pages[0] and "time 2 of 2" in pages[1]
    shown = {code for text in pages for code in re.findall(r"\bP\d{3}\b", text)}
    assert len(shown) == PROJECTS

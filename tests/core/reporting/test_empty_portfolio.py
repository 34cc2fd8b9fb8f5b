"""An empty portfolio still makes a pack: every section prints a short "no data" line, never an error or a
blank chart."""

from collections.abc import Iterator
from datetime import date

import pytest

from pmo_desktop.reporting.export import render_board_pack
from pmo_desktop.reporting.options import ALL_SECTIONS, PackOptions, Paper, Section
from pmo_desktop.reporting.pack_data import gather
from pmo_desktop.reporting.renderer import BoardPackRenderer
from pmo_desktop.reporting.sections import builder_of
from pmo_desktop.services.workspace import Workspace
from tests.core.reporting.conftest import Pdf

DAY = date(2026, 11, 27)
NO_DATA = {
    Section.SUMMARY: "No project is in delivery.",
    Section.DECISIONS: "No decision is waiting to be made.",
    Section.STATUS: "The portfolio has no projects yet.",
    Section.MILESTONES: "No milestone is due in 2026 Q4.",
    Section.ROADMAP: "No project is planned in the roadmap's window.",
    Section.FINANCE: "No project has budget lines yet.",
    Section.CAPACITY: "No one has capacity or allocations in these weeks.",
    Section.RISKS: "No open risk is scored.",
    Section.APPENDIX: "The portfolio has no projects yet.",
}


@pytest.fixture
def empty() -> Iterator[Workspace]:
    workspace = Workspace.create(None, "Empty")
    yield workspace
    workspace.close()


@pytest.mark.parametrize("section", ALL_SECTIONS)
def test_each_section_builds_on_an_empty_portfolio(empty: Workspace, section: Section) -> None:
    data = gather(empty, PackOptions(sections=(section,), today=DAY))
    context = BoardPackRenderer(data, Paper.A4).section_context()
    assert builder_of(section)(context)
    pdf = Pdf.of(render_board_pack(empty, PackOptions(sections=(section,), today=DAY)).pdf)
    assert NO_DATA.get(section, "Empty") in pdf.text


def test_the_whole_pack_of_an_empty_portfolio(empty: Workspace) -> None:
    pdf = Pdf.of(render_board_pack(empty, PackOptions(today=DAY)).pdf)
    for sentence in NO_DATA.values():
        assert sentence in pdf.text
    assert next(title for title, _, _ in pdf.outline()) == "Cover"
    assert len(pdf.reader.pages) == 11

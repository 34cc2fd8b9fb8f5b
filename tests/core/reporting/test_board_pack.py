"""The demo's board pack read back with pypdf: bookmarks and contents for every section, page numbers, header
and footer, every project named, and KPI figures equal to the same figures worked out here from the records."""

import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.reporting.export import ExportCancelledError, export_board_pack, render_board_pack
from pmo_desktop.reporting.options import PackOptions, Paper, Section
from pmo_desktop.reporting.text import money_short
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import OpenMode, Workspace
from tests.core.reporting.conftest import Pdf
from tests.core.services.portfolio_demo import DAY

IN_DELIVERY = {"approved", "active", "on_hold"}
SECTION_TITLES = [
    "Cover", "Contents", "Summary", "Decisions needed", "Portfolio status", "Milestone tracker", "Roadmap",
    "Finance", "Capacity", "Risks", "Appendix: projects",
]  # fmt: skip


@pytest.fixture(scope="module")
def records(demo_path: Path) -> dict[EntityKind, list[dict[str, object]]]:
    workspace = Workspace.open(demo_path, OpenMode.READ_ONLY)
    try:
        kinds = (EntityKind.PROJECT, EntityKind.PROGRAMME, EntityKind.STATUS_REPORT, EntityKind.RAID_ITEM,
                 EntityKind.BUDGET_LINE, EntityKind.TASK, EntityKind.BASELINE, EntityKind.BASELINE_TASK)  # fmt: skip
        return {kind: [dict(record.values, id=record.id) for record in list_records(workspace, kind)] for kind in kinds}
    finally:
        workspace.close()


def projects_in_pack_order(records: dict[EntityKind, list[dict[str, object]]]) -> list[dict[str, object]]:
    """Programmes by name with their projects by code, then the projects outside any programme."""
    programmes = {programme["id"]: str(programme["name"]) for programme in records[EntityKind.PROGRAMME]}
    return sorted(
        records[EntityKind.PROJECT],
        key=lambda project: (
            project["programme_id"] is None,
            programmes.get(project["programme_id"], ""),
            project["code"],
        ),
    )


def test_bookmarks_are_the_sections_in_order_with_a_page_per_project(demo_pack: Pdf, records: dict) -> None:
    outline = demo_pack.outline()
    assert [title for title, _, _ in outline] == SECTION_TITLES
    pages = [page for _, page, _ in outline]
    assert pages == sorted(pages) and pages[0] == 1 and pages[1] == 2
    appendix = demo_pack.outline(outline[-1][2])
    expected = [f"{project['code']} — {project['name']}" for project in projects_in_pack_order(records)]
    assert [title for title, _, _ in appendix] == expected
    project_pages = [page for _, page, _ in appendix]
    assert project_pages == list(range(outline[-1][1], outline[-1][1] + len(expected)))
    assert project_pages[-1] == len(demo_pack.reader.pages)


def test_the_contents_give_each_entry_the_page_of_its_bookmark(demo_pack: Pdf) -> None:
    outline = demo_pack.outline()
    listed = [page for title, page, _ in outline if title not in ("Cover", "Contents")]
    listed += [page for _, page, _ in demo_pack.outline(outline[-1][2])]
    contents = demo_pack.pages[1]
    assert [int(number) for number in re.findall(r"\. (\d+)\s*$", contents, flags=re.MULTILINE)] == listed
    for title in SECTION_TITLES[2:]:
        assert title in contents


def test_every_page_but_the_cover_has_header_footer_and_page_x_of_y(demo_pack: Pdf) -> None:
    pages = demo_pack.pages
    total = len(pages)
    assert "Page 1 of" not in pages[0] and "INTERNAL" in pages[0]
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text
        assert "Kestrel Freight Group change portfolio" in text
        assert text.count("INTERNAL") == 2
        assert "FY2027 Q3 (1 Oct 2026 – 31 Dec 2026)" in text


def test_the_cover_says_which_quarters_and_when(demo_pack: Pdf) -> None:
    cover = " ".join(demo_pack.pages[0].split())
    assert "Kestrel Freight Group change portfolio" in cover
    assert "FY2027 Q3 · 1 Oct 2026 – 31 Dec 2026" in cover
    assert "fiscal quarters, the year starting in April" in cover
    assert "Figures as of 27 Nov 2026" in cover
    assert "Classification: Internal" in cover


def test_every_project_is_named(demo_pack: Pdf, records: dict) -> None:
    for project in records[EntityKind.PROJECT]:
        assert f"{project['code']} — {project['name']}" in demo_pack.text
        assert str(project["name"]) in demo_pack.text


def summary_text(pack: Pdf) -> str:
    page = next(text for text in pack.pages if "Projects by RAG" in text)
    return " ".join(page.split())


def test_the_rag_tile_counts_the_latest_reports(demo_pack: Pdf, records: dict) -> None:
    counts = {"green": 0, "amber": 0, "red": 0}
    for project in records[EntityKind.PROJECT]:
        if project["stage"] not in IN_DELIVERY:
            continue
        mine = sorted((report for report in records[EntityKind.STATUS_REPORT] if report["project_id"] == project["id"]),
                      key=lambda report: report["period_end"])  # fmt: skip
        if mine:
            counts[str(mine[-1]["overall"])] += 1
    expected = f"Projects by RAG {counts['green']} green · {counts['amber']} amber · {counts['red']} red"
    assert expected in summary_text(demo_pack)


def test_the_critical_risks_and_decisions_tiles(demo_pack: Pdf, records: dict) -> None:
    def open_on_day(item: dict) -> bool:
        closed = item["status"] == "closed" and item["closed_on"] is not None and item["closed_on"] <= DAY
        return item["raised_on"] <= DAY and not closed

    critical = 0
    for item in records[EntityKind.RAID_ITEM]:
        if item["kind"] != "risk" or item["opportunity"] or item["probability"] is None or not open_on_day(item):
            continue
        assessed = item["residual_probability"] is not None or item["residual_impact"] is not None
        probability = (item["residual_probability"] or item["probability"]) if assessed else item["probability"]
        impact = (item["residual_impact"] or item["impact"]) if assessed else item["impact"]
        critical += probability * impact >= 20
    due = sum(
        1 for item in records[EntityKind.RAID_ITEM]
        if item["kind"] == "decision" and open_on_day(item)
        and (item["needed_by"] or item["due_on"]) is not None
        and (item["needed_by"] or item["due_on"]) <= DAY + timedelta(days=30)
    )  # fmt: skip
    text = summary_text(demo_pack)
    assert critical > 0 and f"Open critical risks {critical} " in text
    assert due > 0 and f"Decisions due in 30 days {due} " in text


def test_the_finance_total_is_the_budget_of_the_projects_with_lines(demo_pack: Pdf, records: dict) -> None:
    with_lines = {line["project_id"] for line in records[EntityKind.BUDGET_LINE]}
    budget = sum(int(project["budget_minor"]) for project in records[EntityKind.PROJECT] if project["id"] in with_lines)
    forecast = sum(int(line["forecast_minor"]) for line in records[EntityKind.BUDGET_LINE])
    expected = f"Portfolio {len(with_lines)} {money_short(budget, 'GBP')}"
    assert expected in demo_pack.text
    assert money_short(forecast, "GBP") in demo_pack.text


def test_the_milestone_tracker_counts_the_quarters_milestones(demo_pack: Pdf, records: dict) -> None:
    stages = {project["id"]: project["stage"] for project in records[EntityKind.PROJECT]}
    tasks = {task["id"]: task for task in records[EntityKind.TASK]}
    latest = max(records[EntityKind.BASELINE], key=lambda baseline: baseline["taken_at"])["id"]
    planned = {
        entry["task_id"]: entry["finish"]
        for entry in records[EntityKind.BASELINE_TASK]
        if entry["baseline_id"] == latest
    }
    first, last = DAY.replace(month=10, day=1), DAY.replace(month=12, day=31)
    count = sum(
        1 for task_id, task in tasks.items()
        if task["kind"] == "milestone" and stages[task["project_id"]] != "cancelled"
        and (first <= task["finish"] <= last or first <= planned.get(task_id, DAY.replace(year=1990)) <= last)
    )  # fmt: skip
    tracker = next(
        " ".join(text.split()) for text in demo_pack.pages if "Milestone tracker" in text and "This period" in text
    )
    assert f"This period: FY2027 Q3 (1 Oct 2026 – 31 Dec 2026) {count} milestones:" in tracker


def test_charts_and_tables_never_print_below_7_points(demo_pack: Pdf) -> None:
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(abs(size * tm[3] * cm[3]) or abs(size * tm[0] * cm[0]))

    for page in demo_pack.reader.pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 6.99


@pytest.mark.parametrize(("paper", "size"), [(Paper.A4, (841.89, 595.28)), (Paper.LETTER, (792.0, 612.0))])
def test_landscape_paper(demo_path: Path, paper: Paper, size: tuple[float, float]) -> None:
    workspace = Workspace.open(demo_path, OpenMode.READ_ONLY)
    try:
        options = PackOptions(sections=(Section.SUMMARY,), paper=paper, today=DAY)
        pdf = Pdf.of(render_board_pack(workspace, options).pdf)
    finally:
        workspace.close()
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == size
    assert [title for title, _, _ in pdf.outline()] == ["Contents", "Summary"]


def test_the_sections_asked_for_and_nothing_else(demo_path: Path) -> None:
    workspace = Workspace.open(demo_path, OpenMode.READ_ONLY)
    try:
        options = PackOptions(sections=(Section.COVER, Section.RISKS, Section.DECISIONS), today=DAY)
        pdf = Pdf.of(render_board_pack(workspace, options).pdf)
    finally:
        workspace.close()
    assert [title for title, _, _ in pdf.outline()] == ["Cover", "Contents", "Decisions needed", "Risks"]
    assert "Portfolio status" not in pdf.text and "Top ten risks" in pdf.text


def test_the_same_file_and_period_give_the_same_bytes(demo_path: Path, demo_pack: Pdf) -> None:
    workspace = Workspace.open(demo_path, OpenMode.READ_ONLY)
    try:
        again = render_board_pack(workspace, PackOptions(today=DAY)).pdf
    finally:
        workspace.close()
    assert again == demo_pack.data


def test_a_cancelled_export_writes_nothing(demo_path: Path, tmp_path: Path) -> None:
    calls: list[float] = []

    def cancelled() -> bool:
        return len(calls) > 3

    folder = tmp_path / "out"
    folder.mkdir()
    output = folder / "pack.pdf"
    with pytest.raises(ExportCancelledError):
        export_board_pack(demo_path, output, PackOptions(today=DAY), progress=lambda share, _: calls.append(share),
                          cancelled=cancelled)  # fmt: skip
    assert list(folder.iterdir()) == []
    assert calls == sorted(calls)


def test_progress_runs_from_zero_to_one(demo_path: Path, tmp_path: Path) -> None:
    shares: list[float] = []
    export_board_pack(demo_path, tmp_path / "pack.pdf", PackOptions(sections=(Section.SUMMARY,), today=DAY),
                      progress=lambda share, _: shares.append(share))  # fmt: skip
    assert shares[0] == 0 and shares[-1] == 1 and shares == sorted(shares)
    assert PdfReader(BytesIO((tmp_path / "pack.pdf").read_bytes())).pages

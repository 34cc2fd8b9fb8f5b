"""The roadmap's maths: its window, pages of rows that start with their programme, tiles of whole quarters,
and days mapped onto the page."""

from datetime import date

import pytest

from pmo_desktop.reporting.charts.roadmap_layout import (
    RoadmapRow,
    TimeScale,
    Window,
    months_per_tile,
    roadmap_window,
    row_blocks,
    tiles,
)
from pmo_desktop.services.board_pack_period import ReportPeriod


def portfolio(programmes: int, projects: int) -> list[RoadmapRow]:
    rows = []
    for programme in range(programmes):
        rows.append(RoadmapRow(label=f"Programme {programme}", name=""))
        rows += [RoadmapRow(label=f"P{programme}-{project}", name="x", project_id=programme * 100 + project)
                 for project in range(projects)]  # fmt: skip
    return rows


def test_the_window_runs_from_the_quarter_before_to_the_last_finish() -> None:
    period = ReportPeriod(2026, 4, 1)
    short = roadmap_window(period, [RoadmapRow("A", "a", 1, finish=date(2027, 1, 10))])
    assert (short.first, short.months, short.end) == (date(2026, 7, 1), 18, date(2028, 1, 1))
    long = roadmap_window(period, [RoadmapRow("A", "a", 1, finish=date(2028, 11, 3))])
    assert (long.first, long.months) == (date(2026, 7, 1), 30)
    capped = roadmap_window(period, [RoadmapRow("A", "a", 1, finish=date(2035, 1, 1))])
    assert capped.months == 36
    fiscal = roadmap_window(ReportPeriod(2027, 3, 4), [])
    assert fiscal.first == date(2026, 7, 1)


def test_pages_of_rows_start_with_their_programme() -> None:
    rows = portfolio(2, 10)
    blocks = row_blocks(rows, 8)
    assert [len(block) for block in blocks] == [8, 8, 8]
    assert [block[0].label for block in blocks] == ["Programme 0", "Programme 0", "Programme 1"]
    assert [block[0].continued for block in blocks] == [False, True, True]
    assert [row.label for row in blocks[1]][4] == "Programme 1"
    shown = [row.label for block in blocks for row in block if not row.continued]
    assert shown == [row.label for row in rows]
    assert [len(block) for block in row_blocks(portfolio(3, 6), 8)] == [7, 7, 7]


def test_a_band_never_ends_a_page() -> None:
    for per_page in range(2, 12):
        for block in row_blocks(portfolio(5, 3), per_page):
            assert len(block) <= per_page and not block[-1].is_programme


def test_wide_windows_are_tiled_in_even_whole_quarters() -> None:
    assert months_per_tile(560, 30) == 18
    assert months_per_tile(100, 30) == 3
    window = Window(date(2026, 7, 1), 24)
    found = tiles(portfolio(2, 10), window, per_page=15, months_wide=18)
    assert [(tile.first_month, tile.stop_month) for tile in found[:2]] == [(0, 12), (12, 24)]
    assert len(found) == 4 and {tile.columns for tile in found} == {2} and {tile.row_blocks for tile in found} == {2}
    assert [(tile.row_block, tile.column) for tile in found] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert tiles([], window, 15, 18) == []


def test_days_map_onto_the_page() -> None:
    scale = TimeScale(date(2026, 1, 1), date(2026, 1, 11), 100, 50)
    assert scale.x(date(2026, 1, 1)) == 100 and scale.x(date(2026, 1, 11)) == 150
    assert scale.x(date(2026, 1, 3)) == pytest.approx(110)
    assert scale.clamp(date(2025, 1, 1)) == 100 and scale.clamp(date(2027, 1, 1)) == 150
    assert scale.shows(date(2026, 1, 10)) and not scale.shows(date(2026, 1, 11))

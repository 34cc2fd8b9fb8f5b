"""The scene builder without painting: where bars, milestones, ghosts, labels and arrows go, and culling."""

from datetime import date, timedelta

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.gui.views.gantt.arrow_routes import Direction
from pmo_desktop.gui.views.gantt.gantt_scene import (
    BAR_HEIGHT,
    BAR_TOP,
    GHOST_TOP,
    MILESTONE_HALF,
    ChartLink,
    ChartRow,
    Part,
    Shape,
    Viewport,
    build_scene,
)
from pmo_desktop.gui.views.gantt.link_index import LinkIndex
from pmo_desktop.gui.views.gantt.time_scale import TimeScale
from pmo_desktop.services.gantt_queries import GanttLink

ORIGIN = date(2026, 2, 2)
SCALE = TimeScale(ORIGIN, 10.0)
VIEW = Viewport(800, 260, row_height=26, scroll_y=0)


def day(offset: int) -> date:
    return ORIGIN + timedelta(days=offset)


def bar(line: int, first: int, last: int, **extra: object) -> ChartRow:
    return ChartRow(line, 100 + line, Shape.BAR, f"Task {line}", day(first), day(last), task_id=line, **extra)  # type: ignore[arg-type]


def test_a_bar_spans_its_days_with_progress() -> None:
    scene = build_scene([bar(2, 3, 7, progress=40)], [], SCALE, VIEW)
    (item,) = scene.bars
    assert (item.x0, item.x1) == (30.0, 80.0)  # from the start of day 3 to the end of day 7
    assert item.top == 2 * 26 + BAR_TOP and item.bottom == item.top + BAR_HEIGHT
    assert item.progress_x == 50.0
    assert scene.labels[0].text == "Task 2" and scene.labels[0].x > item.x1


def test_scrolling_moves_everything() -> None:
    scrolled = build_scene([bar(2, 3, 7)], [], SCALE.scrolled(20), Viewport(800, 260, 26, scroll_y=13))
    (item,) = scrolled.bars
    assert (item.x0, item.top) == (10.0, 2 * 26 - 13 + BAR_TOP)


def test_a_milestone_is_a_diamond_at_the_end_of_its_day() -> None:
    row = ChartRow(1, 101, Shape.MILESTONE, "Go live", day(4), day(4), task_id=9)
    (milestone,) = build_scene([row], [], SCALE, VIEW).milestones
    assert milestone.cx == 50.0 and milestone.half == MILESTONE_HALF
    assert milestone.cy == 26 + BAR_TOP + BAR_HEIGHT / 2


def test_summaries_projects_and_programmes_are_summary_shapes() -> None:
    rows = [
        ChartRow(0, 1, Shape.PROGRAMME, "Programme", day(0), day(30)),
        ChartRow(1, 2, Shape.PROJECT, "Project", day(0), day(20), colour="#2f9e44"),
        ChartRow(2, 3, Shape.SUMMARY, "Phase", day(2), day(9), task_id=5),
    ]
    scene = build_scene(rows, [], SCALE, VIEW)
    assert [item.shape for item in scene.summaries] == [Shape.PROGRAMME, Shape.PROJECT, Shape.SUMMARY]
    assert scene.summaries[1].colour == "#2f9e44"
    assert [band.kind for band in scene.bands] == ["programme", "project"]


def test_the_baseline_ghost_lies_under_the_bar() -> None:
    scene = build_scene([bar(0, 10, 14, baseline=(day(5), day(9)))], [], SCALE, VIEW)
    (ghost,) = scene.ghosts
    assert (ghost.x0, ghost.x1, ghost.top) == (50.0, 100.0, GHOST_TOP)
    assert ghost.top > scene.bars[0].bottom


def test_culling_keeps_only_rows_in_view() -> None:
    rows = [bar(line, 0, 3) for line in range(100)]
    view = Viewport(800, 130, row_height=26, scroll_y=26 * 40)
    assert view.rows_in_view(100) == range(40, 45)
    scene = build_scene(rows, [], SCALE, view)
    assert sorted(item.task_id for item in scene.bars) == [40, 41, 42, 43, 44]
    off_to_the_right = build_scene([bar(0, 500, 510)], [], SCALE, VIEW)
    assert not off_to_the_right.bars and not off_to_the_right.labels


def test_a_selected_row_gets_a_band() -> None:
    scene = build_scene([bar(3, 0, 2)], [], SCALE, VIEW, frozenset({103}))
    assert [(band.kind, band.top) for band in scene.bands] == [("selected", 78.0)]


def test_conflicts_outline_and_the_owner_gets_a_badge() -> None:
    late = bar(0, 0, 2, conflict="3 working days late for 'Go live' to finish on 27 Feb 2026.")
    pinned = bar(1, 4, 6, conflict="Must finish on 5 Feb.", owns_conflict=True)
    scene = build_scene([late, pinned], [], SCALE, VIEW)
    assert [(item.conflict, item.badge) for item in scene.bars] == [(True, False), (True, True)]


def test_hits_find_the_body_and_the_end_of_a_bar() -> None:
    scene = build_scene(
        [bar(1, 2, 9), ChartRow(3, 9, Shape.MILESTONE, "M", day(4), day(4), task_id=7)], [], SCALE, VIEW
    )
    middle = 26 + BAR_TOP + 4
    assert scene.hit(40, middle) == (1, Part.BODY)
    assert scene.hit(99, middle) == (1, Part.END)
    assert scene.hit(150, middle) is None
    assert scene.hit(50, 3 * 26 + BAR_TOP + BAR_HEIGHT / 2) == (7, Part.BODY)


def test_arrows_join_rows_in_and_across_the_view() -> None:
    first, second = bar(0, 0, 4), bar(1, 5, 9)
    link = ChartLink(1, DependencyType.FS, True, first, second)
    (arrow,) = build_scene([first, second], [link], SCALE, VIEW).arrows
    assert arrow.points[0] == (50.0, BAR_TOP + BAR_HEIGHT / 2) and arrow.head is Direction.DOWN
    assert arrow.critical and scene_arrow_ends_on_bar(arrow.points[-1], second)
    far = bar(60, 5, 9)  # far below the view: the arrow still leaves the first bar
    (long_arrow,) = build_scene([first], [ChartLink(2, DependencyType.FS, False, first, far)], SCALE, VIEW).arrows
    assert long_arrow.points[-1][1] > VIEW.height


def scene_arrow_ends_on_bar(point: tuple[float, float], row: ChartRow) -> bool:
    top = row.row * 26 + BAR_TOP
    return point[1] == top and SCALE.x_of(row.start) <= point[0] <= SCALE.end_of(row.finish)  # type: ignore[arg-type]


def test_the_link_index_finds_links_crossing_the_rows_in_view() -> None:
    links = [
        GanttLink(1, 10, 11, DependencyType.FS, 0, False),  # rows 0 -> 1
        GanttLink(2, 12, 13, DependencyType.FS, 0, False),  # rows 5 -> 90: passes through the view
        GanttLink(3, 14, 15, DependencyType.SS, 0, False),  # rows 95 -> 99
        GanttLink(4, 10, 16, DependencyType.FF, 0, False),  # 16 is not laid out (collapsed): skipped
    ]
    rows = {10: 0, 11: 1, 12: 5, 13: 90, 14: 95, 15: 99}
    index = LinkIndex(links, rows)
    assert len(index) == 3
    assert [link.id for link in index.crossing(40, 50)] == [2]
    assert [link.id for link in index.crossing(0, 2)] == [1]
    assert [link.id for link in index.crossing(96, 100)] == [3]
    assert index.crossing(50, 50) == []

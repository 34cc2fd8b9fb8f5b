"""Arrow routes for each link type: orthogonal, leaving and entering the right sides, heads pointing in."""

from itertools import pairwise

import pytest

from pmo_desktop.domain.enums import DependencyType
from pmo_desktop.gui.views.gantt.arrow_routes import INSET, STUB, Box, Direction, route


def box(x0: float, x1: float, row: int, *, milestone: bool = False) -> Box:
    top = row * 26
    return Box(x0, x1, top + 5, top + 17, top, top + 26, milestone)


def orthogonal(points: tuple[tuple[float, float], ...]) -> bool:
    return all(a[0] == b[0] or a[1] == b[1] for a, b in pairwise(points))


def test_finish_to_start_drops_onto_a_later_successor() -> None:
    source, target = box(0, 50, 0), box(80, 120, 2)
    path = route(DependencyType.FS, source, target)
    assert path.points == ((50, 11), (80 + INSET, 11), (80 + INSET, target.top))
    assert path.head is Direction.DOWN


def test_finish_to_start_rises_into_a_successor_above() -> None:
    path = route(DependencyType.FS, box(0, 50, 3), box(80, 120, 1))
    assert path.points[-1] == (80 + INSET, box(80, 120, 1).bottom) and path.head is Direction.UP


def test_finish_to_start_with_a_lead_goes_round_between_the_rows() -> None:
    source, target = box(0, 100, 0), box(20, 40, 1)  # the successor starts before the end: no drop possible
    path = route(DependencyType.FS, source, target)
    assert path.points == (
        (100, 11),
        (100 + STUB, 11),
        (100 + STUB, 26),
        (20 - STUB, 26),
        (20 - STUB, target.mid),
        (20, target.mid),
    )
    assert path.head is Direction.RIGHT and orthogonal(path.points)


def test_finish_to_start_overlapping_drops_through_the_elbow() -> None:
    source, target = box(0, 60, 0), box(40, 200, 1)  # the elbow (68) lies over the successor's bar
    path = route(DependencyType.FS, source, target)
    assert path.points == ((60, 11), (60 + STUB, 11), (60 + STUB, target.top))


def test_start_to_start_enters_from_the_left() -> None:
    path = route(DependencyType.SS, box(30, 60, 0), box(50, 90, 1))
    assert path.points == ((30, 11), (30 - STUB, 11), (30 - STUB, 37), (50, 37))
    assert path.head is Direction.RIGHT


def test_finish_to_finish_enters_from_the_right() -> None:
    path = route(DependencyType.FF, box(30, 60, 2), box(10, 80, 0))
    assert path.points == ((60, 63), (80 + STUB, 63), (80 + STUB, 11), (80, 11))
    assert path.head is Direction.LEFT


def test_start_to_finish_mirrors_finish_to_start() -> None:
    drop = route(DependencyType.SF, box(100, 150, 0), box(20, 60, 1))
    assert drop.points == ((100, 11), (60 - INSET, 11), (60 - INSET, 31)) and drop.head is Direction.DOWN
    through = route(DependencyType.SF, box(30, 60, 0), box(20, 90, 1))  # the elbow (22) lies over the successor
    assert through.points[-1] == (30 - STUB, 31) and through.head is Direction.DOWN
    around = route(DependencyType.SF, box(30, 60, 0), box(26, 90, 1))
    assert around.points[-1] == (90, around.points[-2][1]) and around.head is Direction.LEFT
    assert orthogonal(around.points)


@pytest.mark.parametrize("kind", list(DependencyType))
def test_every_route_is_orthogonal_and_lands_on_the_successor(kind: DependencyType) -> None:
    cases = (
        (box(0, 40, 0), box(60, 90, 3)),
        (box(50, 90, 4), box(0, 30, 1)),
        (box(10, 100, 0), box(20, 40, 1)),
        (box(0, 40, 0), box(40, 54, 1, milestone=True)),
    )
    for source, target in cases:
        path = route(kind, source, target)
        assert orthogonal(path.points), (kind, path)
        x, y = path.points[-1]
        assert target.x0 <= x <= target.x1 and target.top <= y <= target.bottom, (kind, path)


def test_an_arrow_drops_onto_a_milestone_tip() -> None:
    path = route(DependencyType.FS, box(0, 40, 0), box(53, 67, 1, milestone=True))
    assert path.points[-1] == (60, 31)

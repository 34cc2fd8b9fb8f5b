"""Each dependency type with a positive, zero and negative lag, worked out by hand, and milestones in chains.

Monday 6 January 2025 is day(0); weekends are day(5), day(6) and day(12), day(13).
"""

import pytest

from pmo_desktop.domain.enums import ConstraintType, DependencyType, TaskKind
from tests.core.scheduling.support import dates, day, link, schedule, task

FS, SS, FF, SF = DependencyType.FS, DependencyType.SS, DependencyType.FF, DependencyType.SF


def _after(kind: DependencyType, lag: int, a_starts: int = 0) -> tuple[int, int]:
    """Days (from Monday 6th) on which B (2 days) starts and finishes after A (3 days) through one link."""
    a_fields = (
        {} if not a_starts else {"constraint_type": ConstraintType.START_NO_EARLIER, "constraint_date": day(a_starts)}
    )
    result = schedule([task(1, "A", 3, **a_fields), task(2, "B", 2)], [link(1, 2, kind, lag)])
    start, finish = dates(result, 2)
    return (start - day(0)).days, (finish - day(0)).days


@pytest.mark.parametrize(
    ("lag", "expected"),
    [(0, (3, 4)), (2, (7, 8)), (-1, (2, 3)), (-3, (0, 1))],
)
def test_finish_to_start(lag: int, expected: tuple[int, int]) -> None:
    # A runs Monday to Wednesday; B starts the working day after, shifted by the lag in working days.
    assert _after(FS, lag) == expected


@pytest.mark.parametrize(
    ("lag", "expected"),
    [(0, (2, 3)), (2, (4, 7)), (-1, (1, 2))],
)
def test_start_to_start(lag: int, expected: tuple[int, int]) -> None:
    # A starts on Wednesday 8th (no earlier than); B starts with it, give or take the lag.
    assert _after(SS, lag, a_starts=2) == expected


@pytest.mark.parametrize(
    ("lag", "expected"),
    [(0, (1, 2)), (2, (3, 4)), (-1, (0, 1))],
)
def test_finish_to_finish(lag: int, expected: tuple[int, int]) -> None:
    # A finishes on Wednesday 8th; B finishes with it, give or take the lag.
    assert _after(FF, lag) == expected


@pytest.mark.parametrize(
    ("lag", "expected"),
    [(0, (3, 4)), (1, (4, 7)), (-1, (2, 3))],
)
def test_start_to_finish(lag: int, expected: tuple[int, int]) -> None:
    # A starts on Monday 13th; with no lag B finishes by the end of the working day before (Friday 10th).
    assert _after(SF, lag, a_starts=7) == expected


def test_a_lead_never_starts_work_before_its_project() -> None:
    assert _after(SS, -2) == (0, 1)


def test_a_milestone_shares_the_finish_of_the_work_before_it() -> None:
    tasks = [task(1, "Build", 3), task(2, "Ready", 0, kind=TaskKind.MILESTONE), task(3, "Ship", 1)]
    result = schedule(tasks, [link(1, 2), link(2, 3)])
    assert dates(result, 2) == (day(2), day(2))
    assert dates(result, 3) == (day(3), day(3))
    assert result[2].total_float == 0


def test_start_to_start_after_a_milestone_waits_for_the_end_of_its_day() -> None:
    tasks = [task(1, "Build", 3), task(2, "Ready", 0, kind=TaskKind.MILESTONE), task(3, "Ship", 1)]
    result = schedule(tasks, [link(1, 2), link(2, 3, SS)])
    assert dates(result, 3) == (day(3), day(3))


def test_a_task_of_no_duration_is_a_milestone() -> None:
    result = schedule([task(1, "A", 2), task(2, "Done", 0)], [link(1, 2)])
    assert dates(result, 2) == (day(1), day(1))


def test_a_lag_crosses_the_weekend_in_working_days() -> None:
    result = schedule([task(1, "A", 5), task(2, "B", 1)], [link(1, 2, FS, 1)])
    assert dates(result, 2) == (day(8), day(8))  # Friday 10th + 1 free working day = Tuesday 14th


def test_the_latest_of_several_predecessors_wins() -> None:
    tasks = [task(1, "A", 2), task(2, "B", 4), task(3, "C", 1)]
    result = schedule(tasks, [link(1, 3), link(2, 3)])
    assert dates(result, 3) == (day(4), day(4))
    assert result[1].free_float == 2
    assert result[1].total_float == 2
    assert result.critical_ids == {2, 3}

"""Each constraint by hand: "no earlier than" pushes, "must" pins, "no later than" and "must" feed the late
dates, and a date that cannot be kept gives negative float and a conflict that says why."""

from pmo_desktop.domain.enums import ConstraintType, TaskKind
from tests.core.scheduling.support import dates, day, link, schedule, task

C = ConstraintType


def _constrained(kind: ConstraintType, offset: int) -> dict[str, object]:
    return {"constraint_type": kind, "constraint_date": day(offset)}


def test_as_soon_as_possible_starts_with_the_project() -> None:
    result = schedule([task(1, "A", 2)])
    assert dates(result, 1) == (day(0), day(1))
    assert result[1].total_float == 0
    assert result[1].critical


def test_start_no_earlier_than_pushes_the_start() -> None:
    result = schedule([task(1, "A", 2, **_constrained(C.START_NO_EARLIER, 2)), task(2, "B", 1)])
    assert dates(result, 1) == (day(2), day(3))
    assert result[2].total_float == 3


def test_start_no_earlier_than_a_saturday_means_monday() -> None:
    result = schedule([task(1, "A", 2, **_constrained(C.START_NO_EARLIER, 5))])
    assert dates(result, 1) == (day(7), day(8))


def test_start_no_earlier_than_before_the_project_start_changes_nothing() -> None:
    result = schedule([task(1, "A", 2, **_constrained(C.START_NO_EARLIER, -3))])
    assert dates(result, 1) == (day(0), day(1))


def test_finish_no_earlier_than_pushes_the_finish() -> None:
    result = schedule([task(1, "A", 2, **_constrained(C.FINISH_NO_EARLIER, 4))])
    assert dates(result, 1) == (day(3), day(4))


def test_start_no_later_than_that_cannot_be_met() -> None:
    tasks = [task(1, "A", 3), task(2, "B", 2, **_constrained(C.START_NO_LATER, 1))]
    result = schedule(tasks, [link(1, 2)])
    assert dates(result, 2) == (day(3), day(4))  # it still starts as early as it can
    assert result[2].total_float == -2
    assert result[2].late_start == day(1)
    assert result[2].conflict == "Cannot start by 2025-01-07: the earliest it can start is 2025-01-09."
    assert result[1].total_float == -2
    assert result[1].conflict == "2 working days late for 'B' to start no later than 2025-01-07."
    assert result.critical_ids == {1, 2}


def test_start_no_later_than_that_can_be_met_leaves_float() -> None:
    result = schedule([task(1, "A", 2, **_constrained(C.START_NO_LATER, 3)), task(2, "Long", 10)])
    assert result[1].total_float == 3
    assert result[1].conflict is None


def test_finish_no_later_than_that_cannot_be_met() -> None:
    tasks = [task(1, "A", 3), task(2, "B", 2, **_constrained(C.FINISH_NO_LATER, 3))]
    result = schedule(tasks, [link(1, 2)])
    assert result[2].total_float == -1
    assert result[2].conflict == "Cannot finish by 2025-01-09: the earliest it can finish is 2025-01-10."
    assert result[1].conflict == "1 working day late for 'B' to finish no later than 2025-01-09."


def test_finish_no_later_than_a_sunday_means_friday() -> None:
    result = schedule([task(1, "A", 5, **_constrained(C.FINISH_NO_LATER, 6)), task(2, "Long", 10)])
    assert result[1].late_finish == day(4)
    assert result[1].total_float == 0


def test_must_start_on_pins_the_task() -> None:
    result = schedule([task(1, "A", 2, **_constrained(C.MUST_START_ON, 9)), task(2, "Long", 15)])
    assert dates(result, 1) == (day(9), day(10))
    assert result[1].total_float == 0
    assert result[1].critical


def test_must_start_on_holds_against_its_predecessors() -> None:
    tasks = [task(1, "A", 3), task(2, "B", 2, **_constrained(C.MUST_START_ON, 1))]
    result = schedule(tasks, [link(1, 2)])
    assert dates(result, 2) == (day(1), day(2))
    assert result[2].conflict == "Must start on 2025-01-07, but its predecessors allow 2025-01-09 at the earliest."
    assert result[1].total_float == -2
    assert result[1].conflict == "2 working days late for 'B' to start on 2025-01-07."


def test_must_start_on_a_saturday_means_monday() -> None:
    result = schedule([task(1, "A", 2, **_constrained(C.MUST_START_ON, 12))])
    assert dates(result, 1) == (day(14), day(15))


def test_must_finish_on_pins_the_finish() -> None:
    tasks = [task(1, "A", 3), task(2, "B", 2, **_constrained(C.MUST_FINISH_ON, 2))]
    result = schedule(tasks, [link(1, 2)])
    assert dates(result, 2) == (day(1), day(2))
    assert result[2].conflict == "Must finish on 2025-01-08, but its predecessors allow 2025-01-10 at the earliest."
    assert result[1].conflict == "2 working days late for 'B' to finish on 2025-01-08."


def test_must_finish_on_a_milestone() -> None:
    result = schedule([task(1, "Go", 0, kind=TaskKind.MILESTONE, **_constrained(C.MUST_FINISH_ON, 3))])
    assert dates(result, 1) == (day(3), day(3))


def test_negative_float_names_the_constraint_at_the_end_of_the_chain() -> None:
    tasks = [
        task(1, "Design", 3),
        task(2, "Build", 4),
        task(3, "Launch", 0, kind=TaskKind.MILESTONE, **_constrained(C.FINISH_NO_LATER, 4)),
    ]
    result = schedule(tasks, [link(1, 2), link(2, 3)])
    assert result[3].conflict == "Cannot finish by 2025-01-10: the earliest it can finish is 2025-01-14."
    assert [result[i].total_float for i in (1, 2, 3)] == [-2, -2, -2]
    assert result[1].conflict == "2 working days late for 'Launch' to finish no later than 2025-01-10."


def test_the_critical_path_is_the_chain_of_least_float_when_a_date_is_missed() -> None:
    tasks = [
        task(1, "A", 3),
        task(2, "B", 1, **_constrained(C.FINISH_NO_LATER, 2)),
        task(3, "C", 1),
        task(4, "D", 1, **_constrained(C.FINISH_NO_LATER, 3)),
    ]
    result = schedule(tasks, [link(1, 2), link(3, 4)])
    assert result[2].total_float == -1
    assert result[4].total_float == 2
    assert result.critical_ids == {1, 2}
    assert not result[4].critical

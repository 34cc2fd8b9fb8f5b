"""What changed in a report period: RAG flips, new and closed projects, slipped milestones and risk moves, on a
portfolio built so that each kind of change happens once (and its look-alikes that must not count)."""

from datetime import date, datetime

from pmo_desktop.domain.enums import EntityKind, Rag, RaidKind, Stage, TaskKind
from pmo_desktop.services.board_pack_changes import RiskMoveKind, period_changes
from pmo_desktop.services.board_pack_period import ReportPeriod
from pmo_desktop.services.raid_operations import close_raid_item, create_raid_item, edit_raid_item
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import add

# A quarter long past, so that the records' creation stamps (today) never fall inside it.
PERIOD = ReportPeriod(2025, 4, 1)
AS_OF = date(2025, 11, 20)


def project(workspace: Workspace, code: str, stage: Stage, start: date, finish: date) -> int:
    created = add(workspace, EntityKind.PROJECT, code=code, name=f"Project {code}", stage=stage)
    add(workspace, EntityKind.TASK, project_id=created, name="Work", start=start, finish=finish, duration_days=10)
    return created


def reports(workspace: Workspace, project_id: int, *rags: tuple[date, Rag]) -> None:
    for end, rag in rags:
        add(workspace, EntityKind.STATUS_REPORT, project_id=project_id, period_end=end, overall=rag, comment="Why.")


def build(workspace: Workspace) -> dict[str, int]:
    ids = {
        "flips": project(workspace, "A", Stage.ACTIVE, date(2025, 3, 3), date(2026, 3, 31)),
        "old_flip": project(workspace, "B", Stage.ACTIVE, date(2025, 1, 6), date(2026, 6, 30)),
        "closed_flip": project(workspace, "C", Stage.CLOSED, date(2025, 1, 6), date(2025, 6, 30)),
        "kicked_off": project(workspace, "D", Stage.ACTIVE, date(2025, 10, 13), date(2026, 5, 29)),
        "finished": project(workspace, "F", Stage.CLOSED, date(2025, 4, 7), date(2025, 10, 20)),
        "cancelled_before": project(workspace, "G", Stage.CANCELLED, date(2025, 4, 7), date(2025, 8, 1)),
        "cancelled_new": project(workspace, "H", Stage.CANCELLED, date(2025, 10, 6), date(2025, 12, 1)),
    }
    reports(workspace, ids["flips"], (date(2025, 6, 30), Rag.GREEN), (date(2025, 9, 30), Rag.AMBER))
    reports(workspace, ids["old_flip"], (date(2025, 3, 31), Rag.AMBER), (date(2025, 6, 30), Rag.RED))
    reports(workspace, ids["closed_flip"], (date(2025, 6, 30), Rag.GREEN), (date(2025, 9, 30), Rag.RED))
    late = add(workspace, EntityKind.TASK, project_id=ids["flips"], name="Go-live", kind=TaskKind.MILESTONE,
               start=date(2025, 11, 10), finish=date(2025, 11, 10), duration_days=0)  # fmt: skip
    baseline = add(workspace, EntityKind.BASELINE, name="B1", taken_at=datetime(2025, 6, 1, 9))
    add(workspace, EntityKind.BASELINE_TASK, baseline_id=baseline, task_id=late, start=date(2025, 11, 3),
        finish=date(2025, 11, 3), duration_days=0)  # fmt: skip
    return ids


def risk(workspace: Workspace, title: str, day: date, **values: object) -> int:
    item = {"kind": RaidKind.RISK.value, "title": title, "probability": 2, "impact": 3, **values}
    return create_raid_item(workspace, item, today=day).id


def test_each_kind_of_change_once(workspace: Workspace) -> None:
    build(workspace)
    rising = risk(workspace, "Rising", date(2025, 9, 1))
    edit_raid_item(workspace, rising, {"probability": 4}, today=date(2025, 10, 15))
    risk(workspace, "Raised", date(2025, 10, 20), impact=5)
    ending = risk(workspace, "Ending", date(2025, 8, 1))
    close_raid_item(workspace, ending, "Gone.", today=date(2025, 11, 2))
    risk(workspace, "Upside", date(2025, 10, 21), opportunity=True)
    risk(workspace, "Quiet", date(2025, 8, 1))
    risk(workspace, "Future", date(2025, 11, 25))

    changes = period_changes(workspace, PERIOD, AS_OF)

    assert changes.since == date(2025, 9, 30)
    assert [(flip.code, flip.before, flip.after, flip.worse) for flip in changes.rag_flips] == [
        ("A", Rag.GREEN, Rag.AMBER, True)
    ]
    assert [(change.code, change.on) for change in changes.new_projects] == [("D", date(2025, 10, 13))]
    assert [(change.code, change.on) for change in changes.closed_projects] == [("F", date(2025, 10, 20))]
    assert [(row.project_code, row.name, row.slip_days) for row in changes.slipped] == [("A", "Go-live", 5)]
    moves = [(move.title, move.kind, move.before, move.after) for move in changes.risk_moves]
    assert moves == [
        ("Raised", RiskMoveKind.RAISED, None, 10),
        ("Rising", RiskMoveKind.UP, 6, 12),
        ("Ending", RiskMoveKind.CLOSED, 6, None),
    ]
    assert not changes.empty


def test_a_quiet_period_has_no_changes(workspace: Workspace) -> None:
    build(workspace)
    changes = period_changes(workspace, ReportPeriod(2025, 1, 1), date(2025, 2, 14))
    assert (changes.rag_flips, changes.closed_projects, changes.slipped, changes.risk_moves) == ((), (), (), ())
    assert [change.code for change in changes.new_projects] == ["B", "C"]


def test_an_empty_portfolio_has_no_changes() -> None:
    workspace = Workspace.create(None, "Empty")
    try:
        assert period_changes(workspace, PERIOD, AS_OF).empty
    finally:
        workspace.close()

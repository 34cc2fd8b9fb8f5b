"""A portfolio whose every name is hostile to ReportLab's markup (and to matplotlib's mathtext)."""

from datetime import date, datetime
from pathlib import Path

from pmo_desktop.domain.enums import EntityKind, RaidKind, Stage, TaskKind
from pmo_desktop.services.records import create_record, list_records, update_record
from pmo_desktop.services.workspace import Workspace

DAY = date(2026, 11, 27)
PROJECT = "<b>Bold & <font size=40>"
PROGRAMME = '<a href="http://127.0.0.1:9/x">Click</a> & Co $x^2$'
PERSON = '<img src="http://127.0.0.1:9/pixel.png"/> Eve'
RISK = "Risk <para> unbalanced </font> & <br/>"
DECISION = "Decide <seq id=x/> <u>now</u> &amp; later"
MILESTONE = "Go-live <strike>x</strike> <&>"
COMMENT = "Line one <i>\nLine two </b> & <img src='file:///etc/passwd'/>"
CLASSIFICATION = "<font color=red>SECRET</font> & co"
LONG_WORD = "Unbreakable" * 18
LITERALS = (PROJECT, PROGRAMME, PERSON, RISK, DECISION, MILESTONE)


def build(path: Path) -> Path:
    """Write the hostile portfolio to `path` (saved and closed)."""
    workspace = Workspace.create(path, "<Hostile> & Co")
    try:
        _fill(workspace)
        workspace.save()
    finally:
        workspace.close()
    return path


def _add(workspace: Workspace, entity: EntityKind, /, **values: object) -> int:
    return create_record(workspace, entity, values).id


def _fill(workspace: Workspace) -> None:
    portfolio = create_record(workspace, EntityKind.PROGRAMME, {"name": PROGRAMME}).id
    person = _add(workspace, EntityKind.PERSON, name=PERSON, hours_per_week=10.0)
    project = _add(
        workspace, EntityKind.PROJECT, code="<&>", name=PROJECT, programme_id=portfolio, manager_id=person,
        stage=Stage.ACTIVE, budget_minor=1_000_000,
    )  # fmt: skip
    _add(workspace, EntityKind.PROJECT, code="LONG", name=LONG_WORD, stage=Stage.ACTIVE)
    work = _add(
        workspace, EntityKind.TASK, project_id=project, name="Work & <b>", start=date(2026, 10, 5),
        finish=date(2026, 12, 18), duration_days=55, percent_complete=40,
    )  # fmt: skip
    milestone = _add(
        workspace, EntityKind.TASK, project_id=project, name=MILESTONE, kind=TaskKind.MILESTONE,
        start=date(2026, 12, 18), finish=date(2026, 12, 18), duration_days=0, sort_order=1,
    )  # fmt: skip
    baseline = _add(workspace, EntityKind.BASELINE, name="<B0>", taken_at=datetime(2026, 10, 1, 9))
    for task, start, finish, days in (
        (work, date(2026, 10, 5), date(2026, 12, 11), 50),
        (milestone, date(2026, 12, 11), date(2026, 12, 11), 0),
    ):
        _add(workspace, EntityKind.BASELINE_TASK, baseline_id=baseline, task_id=task, start=start, finish=finish,
             duration_days=days)  # fmt: skip
    _add(workspace, EntityKind.ALLOCATION, person_id=person, project_id=project, start=date(2026, 11, 2),
         finish=date(2027, 1, 29), amount=30.0)  # fmt: skip
    _add(workspace, EntityKind.RAID_ITEM, kind=RaidKind.RISK, number=1, title=RISK, project_id=project,
         owner_id=person, probability=5, impact=4, raised_on=date(2026, 10, 2))  # fmt: skip
    _add(workspace, EntityKind.RAID_ITEM, kind=RaidKind.DECISION, number=1, title=DECISION, description=COMMENT,
         owner_id=person, raised_on=date(2026, 10, 2), needed_by=date(2026, 12, 1))  # fmt: skip
    for end, overall in ((date(2026, 9, 30), "green"), (date(2026, 12, 31), "red")):
        _add(workspace, EntityKind.STATUS_REPORT, project_id=project, period_end=end, overall=overall,
             comment=COMMENT, summary=PROJECT)  # fmt: skip
    _add(workspace, EntityKind.BUDGET_LINE, project_id=project, period_start=date(2026, 10, 1), category="labour",
         planned_minor=600_000, actual_minor=350_000, forecast_minor=700_000)  # fmt: skip
    row = list_records(workspace, EntityKind.PORTFOLIO)[0]
    update_record(workspace, EntityKind.PORTFOLIO, row.id, {"classification": CLASSIFICATION})

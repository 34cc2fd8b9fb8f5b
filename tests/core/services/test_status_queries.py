"""Status reports: which report is the latest on a day, trends against the one before, and the draft of the
next report that starts from the previous one."""

from datetime import date

import pytest

from pmo_desktop.domain.enums import EntityKind, Rag
from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.services.records import create_record, update_record
from pmo_desktop.services.status_queries import (
    RagTrend,
    draft_status_report,
    period_label,
    project_statuses,
    status_history,
    trend_of,
)
from pmo_desktop.services.workspace import Workspace
from tests.core.services.portfolio_demo import add


@pytest.mark.parametrize(
    ("current", "previous", "trend"),
    [
        (Rag.GREEN, Rag.AMBER, RagTrend.BETTER),
        (Rag.AMBER, Rag.RED, RagTrend.BETTER),
        (Rag.RED, Rag.GREEN, RagTrend.WORSE),
        (Rag.AMBER, Rag.AMBER, RagTrend.SAME),
        (Rag.RED, None, RagTrend.NEW),
    ],
)
def test_trend(current: Rag, previous: Rag | None, trend: RagTrend) -> None:
    assert trend_of(current, previous) == trend


def report(workspace: Workspace, project: int, end: date, overall: Rag = Rag.GREEN, **text: str) -> int:
    comment = "" if overall is Rag.GREEN else "Why."
    return add(
        workspace,
        EntityKind.STATUS_REPORT,
        project_id=project,
        period_end=end,
        overall=overall,
        comment=comment,
        period_label=period_label(end, 3),
        **text,
    )


def test_the_latest_report_is_the_one_whose_period_has_begun(workspace: Workspace, plan: dict[str, int]) -> None:
    project = plan["project"]
    report(workspace, project, date(2026, 6, 30))
    report(workspace, project, date(2026, 9, 30), Rag.AMBER)
    report(workspace, project, date(2026, 12, 31), Rag.RED)
    # On 27 November the Q4 report (its period began on 1 October) is the latest: red after amber.
    status = project_statuses(workspace, date(2026, 11, 27))[project]
    assert (status.latest.period_end, status.reading("overall").trend) == (date(2026, 12, 31), RagTrend.WORSE)
    # On 30 September the Q4 period has not begun yet: Q3 is the latest, amber after green.
    status = project_statuses(workspace, date(2026, 9, 30))[project]
    assert (status.latest.overall, status.previous and status.previous.overall) == (Rag.AMBER, Rag.GREEN)
    # Before the first report's quarter there is nothing to show.
    assert project not in project_statuses(workspace, date(2026, 3, 1))
    assert project_statuses(workspace, date(2026, 4, 1))[project].reading("overall").trend == RagTrend.NEW


def test_history_is_newest_first(workspace: Workspace, plan: dict[str, int]) -> None:
    report(workspace, plan["project"], date(2026, 6, 30))
    report(workspace, plan["project"], date(2026, 9, 30))
    assert [entry.period_end for entry in status_history(workspace, plan["project"])] == [
        date(2026, 9, 30),
        date(2026, 6, 30),
    ]


def test_a_new_report_starts_from_the_previous_one(workspace: Workspace, plan: dict[str, int]) -> None:
    project = plan["project"]
    report(workspace, project, date(2026, 6, 30))
    previous = report(workspace, project, date(2026, 9, 30), Rag.AMBER, summary="Slipping.", next_steps="Recover.")
    draft = draft_status_report(workspace, project, date(2026, 11, 27))
    assert (draft.period_end, draft.period_label, draft.previous_id) == (date(2026, 12, 31), "2026-Q4", previous)
    assert draft.rags == (Rag.AMBER, Rag.GREEN, Rag.GREEN, Rag.GREEN, Rag.GREEN)
    assert (draft.comment, draft.summary, draft.next_steps) == ("Why.", "Slipping.", "Recover.")
    values = draft.values()
    assert (values["overall"], values["project_id"]) == ("amber", project)
    create_record(workspace, EntityKind.STATUS_REPORT, values)
    # With this quarter reported, the next draft is for the quarter after.
    assert draft_status_report(workspace, project, date(2026, 11, 27)).period_end == date(2027, 3, 31)


def test_monthly_reports_continue_monthly(workspace: Workspace, plan: dict[str, int]) -> None:
    report(workspace, plan["project"], date(2026, 9, 30))
    report(workspace, plan["project"], date(2026, 10, 31))
    draft = draft_status_report(workspace, plan["project"], date(2026, 11, 3))
    assert (draft.period_end, draft.period_label) == (date(2026, 11, 30), "Nov 2026")


def test_a_first_report_covers_the_fiscal_quarter(workspace: Workspace, plan: dict[str, int]) -> None:
    portfolio = 1
    update_record(workspace, EntityKind.PORTFOLIO, portfolio, {"fiscal_year_start_month": 2})
    draft = draft_status_report(workspace, plan["project"], date(2026, 11, 27))
    # A fiscal year from February has quarters Feb-Apr, May-Jul, Aug-Oct, Nov-Jan.
    assert (draft.period_end, draft.previous_id) == (date(2027, 1, 31), None)
    assert draft.rags == (Rag.GREEN,) * 5


def test_reports_are_refused_with_reasons(workspace: Workspace, plan: dict[str, int]) -> None:
    report(workspace, plan["project"], date(2026, 9, 30))
    with pytest.raises(ValidationError) as duplicate:
        report(workspace, plan["project"], date(2026, 9, 30))
    assert str(duplicate.value) == "'Portal Relaunch' already has a status report for the period ending 30 Sep 2026."
    with pytest.raises(ValidationError) as silent:
        create_record(
            workspace,
            EntityKind.STATUS_REPORT,
            {"project_id": plan["project"], "period_end": date(2026, 12, 31), "cost": "red"},
        )
    assert str(silent.value) == "A status report rated amber or red (cost) needs a comment saying why."

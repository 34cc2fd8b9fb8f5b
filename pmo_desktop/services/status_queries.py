"""Status reports as plain data: each project's latest report, its RAG trends, its history, and a draft of
the next report that starts from the previous one.

A report counts on `as_of` once its period has begun: the period of a report starts the day after the
project's previous report ends (a first report's period is the quarter before its end). So this quarter's
report, written before the quarter is over, is the latest one, and a board pack run for an earlier day
sees the reports of that day. Trends compare each RAG of the latest report with the report before it.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, select

from pmo_desktop.domain.enums import Rag
from pmo_desktop.services.portfolio_settings import fiscal_quarter, read_settings
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import StatusReport

DIMENSIONS = ("overall", "schedule", "cost", "scope", "resource")
"""The five RAGs of a report, in the order they are shown."""

_SEVERITY = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}
_QUARTER_MONTHS = 3
_MAX_CADENCE_MONTHS = 12
_FIRST_PERIOD = timedelta(days=92)


class RagTrend(StrEnum):
    """How a RAG moved since the previous report."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    NEW = "new"


def rag_severity(rag: Rag) -> int:
    """0 for green, 1 for amber, 2 for red: sorts worst last and compares trends."""
    return _SEVERITY[rag]


def trend_of(current: Rag, previous: Rag | None) -> RagTrend:
    if previous is None:
        return RagTrend.NEW
    change = rag_severity(current) - rag_severity(previous)
    return RagTrend.SAME if change == 0 else RagTrend.WORSE if change > 0 else RagTrend.BETTER


@dataclass(frozen=True)
class RagReading:
    """One RAG of the latest report with the same RAG of the report before."""

    rag: Rag
    previous: Rag | None

    @property
    def trend(self) -> RagTrend:
        return trend_of(self.rag, self.previous)


@dataclass(frozen=True)
class StatusReportData:
    """A stored status report."""

    id: int
    project_id: int
    period_end: date
    period_label: str
    overall: Rag
    schedule: Rag
    cost: Rag
    scope: Rag
    resource: Rag
    comment: str
    summary: str
    achievements: str
    next_steps: str

    def rag(self, dimension: str) -> Rag:
        return Rag(getattr(self, dimension))


@dataclass(frozen=True)
class ProjectStatus:
    """A project's latest report on `as_of` and the one before it (None for a first report)."""

    latest: StatusReportData
    previous: StatusReportData | None

    def reading(self, dimension: str) -> RagReading:
        previous = self.previous.rag(dimension) if self.previous is not None else None
        return RagReading(self.latest.rag(dimension), previous)

    @property
    def readings(self) -> tuple[RagReading, ...]:
        """The five readings in `DIMENSIONS` order."""
        return tuple(self.reading(dimension) for dimension in DIMENSIONS)


@dataclass(frozen=True)
class StatusReportDraft:
    """The values a new report of a project starts from: the previous report's, for the next period."""

    project_id: int
    period_end: date
    period_label: str
    rags: tuple[Rag, Rag, Rag, Rag, Rag]
    comment: str = ""
    summary: str = ""
    achievements: str = ""
    next_steps: str = ""
    previous_id: int | None = None

    def values(self) -> dict[str, Any]:
        """The draft as the fields of a status report record."""
        return {
            "project_id": self.project_id,
            "period_end": self.period_end,
            "period_label": self.period_label,
            **{dimension: rag.value for dimension, rag in zip(DIMENSIONS, self.rags, strict=True)},
            "comment": self.comment,
            "summary": self.summary,
            "achievements": self.achievements,
            "next_steps": self.next_steps,
        }


def read_reports(connection: Connection, project_id: int | None = None) -> dict[int, list[StatusReportData]]:
    """Reports by project, oldest first."""
    query = select(
        StatusReport.id,
        StatusReport.project_id,
        StatusReport.period_end,
        StatusReport.period_label,
        *(getattr(StatusReport, dimension) for dimension in DIMENSIONS),
        StatusReport.comment,
        StatusReport.summary,
        StatusReport.achievements,
        StatusReport.next_steps,
    ).order_by(StatusReport.project_id, StatusReport.period_end)
    if project_id is not None:
        query = query.where(StatusReport.project_id == project_id)
    reports: dict[int, list[StatusReportData]] = defaultdict(list)
    for row in connection.execute(query):
        rags = [Rag(value) for value in row[4:9]]
        reports[int(row.project_id)].append(
            StatusReportData(int(row.id), int(row.project_id), *row[2:4], *rags, *row[9:])
        )
    return reports


def read_statuses(connection: Connection, as_of: date) -> dict[int, ProjectStatus]:
    """Each reporting project's status on `as_of`."""
    statuses = {}
    for project_id, reports in read_reports(connection).items():
        counted = _counted(reports, as_of)
        if counted:
            statuses[project_id] = ProjectStatus(counted[-1], counted[-2] if len(counted) > 1 else None)
    return statuses


def _counted(reports: list[StatusReportData], as_of: date) -> list[StatusReportData]:
    """The reports whose period has begun by `as_of` (see the module docstring)."""
    counted = []
    for position, report in enumerate(reports):
        begun_after = reports[position - 1].period_end if position else report.period_end - _FIRST_PERIOD
        if begun_after < as_of:
            counted.append(report)
    return counted


def project_statuses(workspace: Workspace, as_of: date | None = None) -> dict[int, ProjectStatus]:
    with workspace.reading() as connection:
        return read_statuses(connection, as_of or date.today())


def status_history(workspace: Workspace, project_id: int) -> tuple[StatusReportData, ...]:
    """Every report of a project, newest first."""
    with workspace.reading() as connection:
        return tuple(reversed(read_reports(connection, project_id).get(project_id, [])))


def draft_status_report(workspace: Workspace, project_id: int, as_of: date | None = None) -> StatusReportDraft:
    """The next report of a project: the previous report's RAGs and text, for the period after it that
    holds `as_of` (or the first one after it when that period is already reported); green and the fiscal
    quarter of `as_of` for a project's first report."""
    day = as_of or date.today()
    with workspace.reading() as connection:
        reports = read_reports(connection, project_id).get(project_id, [])
        start_month = read_settings(connection).fiscal_year_start_month
    if not reports:
        end = fiscal_quarter(day, start_month)[1]
        return StatusReportDraft(project_id, end, period_label(end, _QUARTER_MONTHS), (Rag.GREEN,) * 5)
    previous = reports[-1]
    cadence = _cadence(reports)
    end = _month_end(previous.period_end, cadence)
    while end < day:
        end = _month_end(end, cadence)
    rags = (previous.overall, previous.schedule, previous.cost, previous.scope, previous.resource)
    return StatusReportDraft(
        project_id,
        end,
        period_label(end, cadence),
        rags,
        previous.comment,
        previous.summary,
        previous.achievements,
        previous.next_steps,
        previous.id,
    )


def period_label(end: date, cadence_months: int) -> str:
    """ "2026-Q4" for a quarter ending on a calendar quarter end, "Nov 2026" for a month, else the day."""
    if cadence_months == _QUARTER_MONTHS and end.month % _QUARTER_MONTHS == 0:
        return f"{end.year}-Q{end.month // _QUARTER_MONTHS}"
    if cadence_months == 1:
        return f"{end:%b %Y}"
    return end.isoformat()


def _cadence(reports: list[StatusReportData]) -> int:
    """Months between the last two reports (a quarter when there is only one)."""
    if len(reports) < 2:
        return _QUARTER_MONTHS
    last, before = reports[-1].period_end, reports[-2].period_end
    months = (last.year - before.year) * 12 + last.month - before.month
    return min(max(months, 1), _MAX_CADENCE_MONTHS)


def _month_end(day: date, months: int) -> date:
    """The last day of the month `months` after the month of `day`."""
    index = day.month - 1 + months + 1
    first_of_following = date(day.year + index // 12, index % 12 + 1, 1)
    return first_of_following - timedelta(days=1)

"""The portfolio overview's keys on the large portfolio: the overview query, the KPI tiles, strategic
alignment, and a status report written and read back into the overview (what a user waits for after OK)."""

import shutil
from datetime import date
from pathlib import Path

from bench.timing import Result, median_seconds
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.services.kpi_queries import portfolio_kpis
from pmo_desktop.services.portfolio_alignment import strategic_alignment
from pmo_desktop.services.portfolio_queries import portfolio_overview
from pmo_desktop.services.records import create_record, delete_record, list_records
from pmo_desktop.services.workspace import Workspace

_AS_OF = date.today()


def measure(large: Path, scratch: Path) -> list[Result]:
    target = scratch / "portfolio.pmo"
    shutil.copyfile(large, target)
    workspace = Workspace.open(target)
    try:
        overview = median_seconds(lambda: portfolio_overview(workspace, _AS_OF), 5)
        kpis = median_seconds(lambda: portfolio_kpis(workspace, _AS_OF), 5)
        alignment = median_seconds(lambda: strategic_alignment(workspace), 5)
        project = list_records(workspace, EntityKind.PROJECT)[0].id
        written: list[int] = []

        def report_and_refresh() -> None:
            values = {"project_id": project, "period_end": date(2099, 12, 31), "summary": "Bench."}
            written.append(create_record(workspace, EntityKind.STATUS_REPORT, values).id)
            portfolio_overview(workspace, _AS_OF)

        def forget() -> None:
            while written:
                delete_record(workspace, EntityKind.STATUS_REPORT, written.pop())

        edit = median_seconds(report_and_refresh, 5, setup=forget)
    finally:
        workspace.close()
    return [
        Result("portfolio_overview_ms", overview * 1000, "ms", 1000),
        Result("portfolio_kpis_ms", kpis * 1000, "ms", 1500),
        Result("strategic_alignment_ms", alignment * 1000, "ms", 200),
        Result("status_report_refresh_ms", edit * 1000, "ms", 1200),
    ]

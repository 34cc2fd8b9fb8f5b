"""A small RAID log built through the services on chosen days, so history, trends and burndown are known."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from pmo_desktop.domain.enums import EntityKind, RaidKind
from pmo_desktop.services.raid_operations import close_raid_item, create_raid_item, edit_raid_item
from pmo_desktop.services.records import create_record
from pmo_desktop.services.workspace import Workspace

TODAY = date(2026, 6, 17)  # a Wednesday


@dataclass(frozen=True)
class Log:
    """Ids of the log `build_log` made."""

    drift: int  # a risk re-scored twice: 6, then 12 on 4 May, residual 6 from 1 June; due 31 July
    spike: int  # a critical risk (25) raised 20 April and closed 20 May
    upside: int  # an opportunity (9) raised 16 March
    issue: int  # an unscored issue on the portfolio
    owner: int


def risk(title: str, **values: Any) -> dict[str, Any]:
    return {"kind": RaidKind.RISK.value, "title": title, **values}


def build_log(workspace: Workspace, plan: dict[str, int]) -> Log:
    owner = plan["person"]
    project = plan["project"]
    drift = create_raid_item(
        workspace,
        risk("Vendor drift", probability=2, impact=3, owner_id=owner, project_id=project, due_on=date(2026, 7, 31)),
        today=date(2026, 4, 6),
    ).id
    edit_raid_item(workspace, drift, {"probability": 4}, today=date(2026, 5, 4))
    edit_raid_item(workspace, drift, {"residual_probability": 2, "response": "reduce"}, today=date(2026, 6, 1))
    spike = create_raid_item(workspace, risk("Data centre fire", probability=5, impact=5), today=date(2026, 4, 20)).id
    close_raid_item(workspace, spike, "Moved to the new site.", today=date(2026, 5, 20))
    upside = create_raid_item(
        workspace, risk("Grant funding", probability=3, impact=3, opportunity=True), today=date(2026, 3, 16)
    ).id
    issue = create_raid_item(
        workspace,
        {"kind": "issue", "title": "Printer down", "severity": 2, "review_on": date(2026, 6, 1)},
        today=date(2026, 5, 1),
    ).id
    return Log(drift, spike, upside, issue, owner)


def add_person(workspace: Workspace, name: str) -> int:
    return create_record(workspace, EntityKind.PERSON, {"name": name}).id

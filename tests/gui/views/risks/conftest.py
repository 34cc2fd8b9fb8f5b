"""A RAID log with one item of every shape, added through the services to the GUI test portfolio."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from pmo_desktop.gui.document import Document
from pmo_desktop.gui.views.risks.risks_view import RisksView
from pmo_desktop.services.raid_operations import close_raid_item, create_raid_item, edit_raid_item
from pmo_desktop.services.workspace import Workspace
from tests.gui.portfolios import Ids

TODAY = date(2026, 6, 17)


@dataclass(frozen=True)
class Log:
    """The portfolio's own risk (R-001, 3x4, review overdue) and what `log` adds."""

    vendor: int  # Portal, Bob, 3x4 = 12 high, no residual, review 16 Feb (overdue)
    fire: int  # portfolio, Alice, 5x5 = 25 critical, residual 2x5 = 10, review 1 Jul
    grant: int  # an opportunity, 3x3
    typo: int  # Warehouse, nobody, 1x2 = 2 low, closed
    printer: int  # I-001: Alice, severity 3, review 1 Jun (overdue)
    region: int  # D-001: Portal, needed by 10 Jul
    budget: int  # portfolio


@pytest.fixture
def log(document: Document, ids: Ids) -> Log:
    return add_log(document.workspace, ids)


def add_log(workspace: Workspace, ids: Ids) -> Log:
    """Add the items of `Log` (dated so that history, trends and reviews are known as of TODAY)."""
    fire = create_raid_item(
        workspace,
        {"kind": "risk", "title": "Data centre fire", "probability": 5, "impact": 5, "owner_id": ids.alice},
        today=date(2026, 4, 1),
    ).id
    edit_raid_item(
        workspace,
        fire,
        {"residual_probability": 2, "response": "reduce", "review_on": date(2026, 7, 1)},
        today=date(2026, 5, 4),
    )
    grant = create_raid_item(
        workspace,
        {"kind": "risk", "title": "Grant funding", "probability": 3, "impact": 3, "opportunity": True},
        today=date(2026, 3, 2),
    ).id
    typo = create_raid_item(
        workspace,
        {"kind": "risk", "title": "Typo in the brochure", "probability": 1, "impact": 2, "project_id": ids.warehouse},
        today=date(2026, 3, 2),
    ).id
    close_raid_item(workspace, typo, "Reprinted.", today=date(2026, 3, 20))
    printer = create_raid_item(
        workspace,
        {"kind": "issue", "title": "Printer down", "severity": 3, "owner_id": ids.alice, "review_on": date(2026, 6, 1)},
        today=date(2026, 5, 1),
    ).id
    region = create_raid_item(
        workspace,
        {"kind": "decision", "title": "Choose the region", "project_id": ids.portal, "needed_by": date(2026, 7, 10)},
        today=date(2026, 5, 1),
    ).id
    budget = create_raid_item(workspace, {"kind": "assumption", "title": "Budget holds"}, today=date(2026, 5, 1)).id
    return Log(ids.risk, fire, grant, typo, printer, region, budget)


@pytest.fixture
def view(qtbot: QtBot, document: Document, log: Log) -> Iterator[RisksView]:
    page = RisksView(document, today=TODAY)
    qtbot.addWidget(page)
    yield page

"""Fixtures of the Gantt tests: the small plan of `plans` and the demo, each opened from a file copy."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pmo_desktop.gui.document import Document
from pmo_desktop.gui.views.gantt.gantt_view import GanttView
from pmo_desktop.services.workspace import Workspace
from tests.gui.portfolio_demo import demo_document, demo_file, demo_master
from tests.gui.views.gantt.plans import MONDAY, Plan, build_plan

__all__ = ["demo_document", "demo_file", "demo_master"]


@pytest.fixture(scope="session")
def plan_master(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Plan]:
    """The plan, written once for the session; each test opens a copy."""
    path = tmp_path_factory.mktemp("gantt-plan") / "plan.pmo"
    return path, build_plan(path)


@pytest.fixture
def plan_file(plan_master: tuple[Path, Plan], tmp_path: Path) -> tuple[Path, Plan]:
    path = tmp_path / "plan.pmo"
    shutil.copyfile(plan_master[0], path)
    return path, plan_master[1]


@pytest.fixture
def plan(plan_file: tuple[Path, Plan]) -> Plan:
    return plan_file[1]


@pytest.fixture
def plan_document(plan_file: tuple[Path, Plan]) -> Iterator[Document]:
    opened = Document(Workspace.open(plan_file[0]))
    yield opened
    opened.close()


@pytest.fixture
def view(qtbot: QtBot, plan_document: Document) -> GanttView:
    """The Gantt of the plan at 1400 x 900, shown, with today on the plan's first Monday."""
    shown = GanttView(plan_document, today=MONDAY)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    shown.show()
    qtbot.waitExposed(shown)
    return shown

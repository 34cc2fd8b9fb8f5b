"""The portfolio view on the demo as a PMO manager uses it: tiles that explain themselves, the overview tree,
editors opened from the menu and the tree, and every view following the edits (and their undo)."""

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import BudgetCategory, EntityKind, Rag
from pmo_desktop.gui import portfolio_actions
from pmo_desktop.gui.commands.record_commands import CreateRecordCommand
from pmo_desktop.gui.dialogs.budget_dialog import BudgetDialog
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.dialogs.project_dialog import ProjectDialog
from pmo_desktop.gui.dialogs.status_report_dialog import StatusReportDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.main_window import MainWindow
from pmo_desktop.gui.models import overview_columns as columns
from pmo_desktop.gui.models.portfolio_roles import RagRole
from pmo_desktop.gui.views.portfolio.portfolio_view import PortfolioView
from pmo_desktop.services.kpi_queries import portfolio_kpis
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace
from tests.gui.portfolio_demo import DAY

Filler = Callable[[FormDialog], None]


class DialogDriver:
    """Stands in for the user at every editor: fills it with the queued filler and presses OK."""

    def __init__(self) -> None:
        self.fillers: list[Filler] = []
        self.shown: list[FormDialog] = []

    def __call__(self, dialog: QDialog) -> int:
        assert isinstance(dialog, FormDialog)
        assert self.fillers, f"unexpected editor: {dialog.windowTitle()}"
        self.shown.append(dialog)
        self.fillers.pop(0)(dialog)
        dialog.accept()
        assert not dialog.error_text, dialog.error_text
        return dialog.result()


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> DialogDriver:
    driving = DialogDriver()
    monkeypatch.setattr(portfolio_actions, "open_dialog", driving)
    return driving


@pytest.fixture
def view(qtbot: QtBot, demo_document: Document) -> Iterator[PortfolioView]:
    page = PortfolioView(demo_document, as_of=DAY)
    qtbot.addWidget(page)
    page.resize(1400, 820)
    page.show()  # a hidden view waits to be shown before it follows edits
    yield page


def project_id(document: Document, code: str) -> int:
    return next(record.id for record in list_records(document.workspace, EntityKind.PROJECT) if record["code"] == code)


def overall(view: PortfolioView, project: int) -> tuple[str, str, str | None]:
    return view.model.index_of_project(project, columns.column_index("overall")).data(RagRole)


def test_header_and_tiles(view: PortfolioView, demo_document: Document) -> None:
    assert view.header.title == "Kestrel Freight Group change portfolio"
    assert view.header.summary.startswith("12 projects  ·  8 active or approved  ·  3 programmes  ·  40 people")
    kpis = portfolio_kpis(demo_document.workspace, DAY)
    for tile in kpis.tiles:
        widget = view.kpis.tiles[tile.key]
        assert widget.toolTip() == tile.explanation
    assert view.kpis.tiles["on_time"].value_text == kpis.tile("on_time").value
    assert view.kpis.tiles["critical_risks"].value_text == "2"
    assert view.kpis.tiles["rag"].property("tone") == "bad"


def test_the_filter_bar_narrows_the_tree(view: PortfolioView) -> None:
    bar = view.overview.filters
    assert bar.count.text() == "12 of 12 projects"
    bar.pick("rag", Rag.RED.value)
    assert bar.count.text() == "4 of 12 projects"
    manager = next(row.manager_id for row in view.model.overview.rows if row.manager_name == "Sarah Whitfield")
    bar.pick("manager_id", manager)
    assert [row.code for row in view.overview.proxy.visible_projects()] == ["WMS"]
    bar.clear()
    bar.search.setText("tracking")
    assert [row.code for row in view.overview.proxy.visible_projects()] == ["TRK"]


def test_the_context_menu_offers_the_project_editors(view: PortfolioView, demo_document: Document) -> None:
    view.overview.select_project(project_id(demo_document, "WMS"))
    menu = QMenu()
    view.actions.fill_context_menu(menu, "project", project_id(demo_document, "WMS"))
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts[:3] == ["&Edit project…", "New status &report…", "&Budget by quarter…"]
    assert all(action.isEnabled() for action in menu.actions())
    assert view.menu.title() == "&Portfolio"


def test_the_managers_quarter(
    view: PortfolioView, demo_document: Document, driver: DialogDriver, tmp_path: Path
) -> None:
    """Write this quarter's report (amber, with a comment), adjust a forecast, link a project to an objective;
    tiles and rows follow; undo takes each back; saved and reopened, the file holds it all."""
    wms = project_id(demo_document, "WMS")
    dcx = project_id(demo_document, "DCX")
    so3 = next(item.id for item in list_records(demo_document.workspace, EntityKind.OBJECTIVE) if item["code"] == "SO3")
    red_before = view.figures.rag.red
    assert overall(view, wms) == ("red", "worse", "amber")

    def report(dialog: FormDialog) -> None:
        assert isinstance(dialog, StatusReportDialog)
        dialog.set_rag("overall", Rag.AMBER)
        dialog.set_rag("schedule", Rag.AMBER)
        dialog.texts["comment"].setPlainText("Recovery plan agreed: go-live moves to February with Corvid's fixes.")

    driver.fillers.append(report)
    view.overview.select_project(wms)
    view.actions.status_report_action.trigger()
    assert overall(view, wms) == ("amber", "better", "red")
    assert view.figures.rag.red == red_before - 1
    assert view.kpis.tiles["rag"].toolTip() == view.figures.tile("rag").explanation

    forecast_column = columns.column_index("forecast")
    forecast_before = view.model.index_of_project(wms, forecast_column).data()

    def budget(dialog: FormDialog) -> None:
        assert isinstance(dialog, BudgetDialog)
        last = dialog.periods[-1]
        dialog.set_amount(last, BudgetCategory.LABOUR, "forecast_minor", "10,000")

    driver.fillers.append(budget)
    view.actions.budget_action.trigger()
    assert view.model.index_of_project(wms, forecast_column).data() != forecast_before

    unaligned_before = len(view.alignment.matrix.alignment.unaligned)

    def link(dialog: FormDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        dialog.set_weight(so3, 100)

    driver.fillers.append(link)
    view.overview.project_activated.emit(dcx)
    assert len(view.alignment.matrix.alignment.unaligned) == unaligned_before - 1
    assert view.model.index_of_project(dcx, columns.column_index("objectives")).data() == "SO3"

    stack = demo_document.undo_stack
    assert [stack.text(index) for index in range(stack.count())] == [
        "Add status report",
        "Edit budget of 'WMS'",
        "Edit project 'DCX'",
    ]
    stack.undo()
    assert view.model.index_of_project(dcx, columns.column_index("objectives")).data() == "none"
    stack.redo()

    demo_document.save()
    assert demo_document.path is not None
    copy = tmp_path / "reopened.pmo"
    shutil.copyfile(demo_document.path, copy)  # the saved file as a colleague would open it
    reopened = Workspace.open(copy)
    try:
        assert portfolio_kpis(reopened, DAY).rag == view.figures.rag
        assert portfolio_kpis(reopened, DAY).on_budget == view.figures.on_budget
    finally:
        reopened.close()


def test_double_click_on_a_programme_opens_its_editor(view: PortfolioView, driver: DialogDriver) -> None:
    programme = view.model.groups[0].programme_id
    assert programme is not None

    def rename(dialog: FormDialog) -> None:
        dialog.name.setText("Customer and Digital")  # type: ignore[attr-defined]

    driver.fillers.append(rename)
    view.overview.programme_activated.emit(programme)
    assert view.model.groups[0].name == "Customer and Digital"


def test_new_project_from_the_menu_lands_in_the_selected_programme(
    view: PortfolioView, demo_document: Document, driver: DialogDriver
) -> None:
    view.overview.select_project(project_id(demo_document, "TRK"))

    def fill(dialog: FormDialog) -> None:
        assert isinstance(dialog, ProjectDialog)
        dialog.code.setText("PRT")
        dialog.name.setText("Partner portal")

    driver.fillers.append(fill)
    view.actions.new_project_action.trigger()
    new = project_id(demo_document, "PRT")
    group = view.model.group_at(view.model.index_of_project(new))
    assert group.name == "Customer & Digital"
    assert view.header.summary.startswith("13 projects")
    demo_document.undo_stack.undo()
    assert view.header.summary.startswith("12 projects")


def test_actions_follow_the_selection(view: PortfolioView, demo_document: Document) -> None:
    view.overview.tree.setCurrentIndex(view.overview.proxy.index(0, 0))  # a programme row
    assert not view.actions.status_report_action.isEnabled()
    assert view.actions.edit_programme_action.isEnabled()
    view.overview.select_project(project_id(demo_document, "CRM"))
    assert view.actions.status_report_action.isEnabled()


def test_a_day_without_reports_shows_no_rag(qtbot: QtBot, demo_document: Document) -> None:
    early = PortfolioView(demo_document, as_of=date(2025, 6, 1))
    qtbot.addWidget(early)
    assert overall(early, project_id(demo_document, "WMS")) is None


def test_the_main_window_shows_the_portfolio_menu_while_a_file_is_open(window: MainWindow, demo_file: Path) -> None:
    def titles() -> list[str]:
        return [action.text() for action in window.menuBar().actions()]

    assert "&Portfolio" not in titles()
    assert window.files.open_path(demo_file)
    assert titles()[:3] == ["&File", "&Edit", "&View"]
    assert titles().index("&View") < titles().index("&Portfolio") < titles().index("&Help")
    assert window.files.close_document()
    assert "&Portfolio" not in titles()


def test_behind_another_tab_the_view_waits_and_catches_up_once_shown(qtbot: QtBot, demo_document: Document) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    page = PortfolioView(demo_document, as_of=DAY)
    elsewhere = QWidget()
    tabs.addTab(page, "Portfolio")
    tabs.addTab(elsewhere, "Gantt")
    tabs.show()
    tabs.setCurrentWidget(elsewhere)
    before, overview = page.figures, page.model.overview
    risk = {"kind": "risk", "title": "Depot fire", "probability": 5, "impact": 5, "raised_on": DAY}
    assert demo_document.run(CreateRecordCommand(demo_document, EntityKind.RAID_ITEM, risk))
    assert page.figures is before  # nobody sees the tiles: nothing was recomputed
    assert page.model.overview is overview
    tabs.setCurrentWidget(page)
    assert len(page.figures.critical_risks) == len(before.critical_risks) + 1
    assert page.figures == portfolio_kpis(demo_document.workspace, DAY)

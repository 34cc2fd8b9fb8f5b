"""The risk view: the matrix filters the table, the pictures follow the filters and the basis, the header counts."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pmo_desktop.domain.enums import RaidKind
from pmo_desktop.gui.models.raid_columns import RaidColumn
from pmo_desktop.gui.models.roles import RecordIdRole
from pmo_desktop.gui.views.risks.risks_view import RisksView
from pmo_desktop.risk import ScoreBasis
from pmo_desktop.services.raid_analysis import register_burndown
from tests.gui.views.risks.conftest import Log


def shown_ids(view: RisksView) -> list[int]:
    return [view.proxy.index(row, 0).data(RecordIdRole) for row in range(view.proxy.rowCount())]


def test_the_view_opens_on_open_items_with_the_matrix_and_top_risks(view: RisksView, log: Log) -> None:
    assert set(shown_ids(view)) == {log.vendor, log.fire, log.grant, log.printer, log.region, log.budget}
    assert view.header.title == "Risk register"
    assert view.header.summary == (
        "2 open risks (0 critical after response)  ·  1 open issue  ·  1 assumption to validate  ·  "
        "1 decision pending  ·  2 reviews overdue  ·  1 closed item"
    )
    matrix = view.matrix.model
    assert (matrix.count(3, 4), matrix.count(2, 5), matrix.matrix.total) == (1, 1, 2)
    assert view.top_risks.ids() == [log.vendor, log.fire]  # residual 12 before residual 10


def test_clicking_a_matrix_cell_filters_the_table_and_clicking_again_clears(view: RisksView, log: Log) -> None:
    view.matrix.click_cell(2, 5)
    assert shown_ids(view) == [log.fire]
    assert view.matrix.model.selected == (2, 5)
    assert not view.matrix._cell_note.isHidden()
    assert view.matrix._cell_note.text() == "Showing 1 at probability 2 × impact 5"
    view.matrix.click_cell(2, 5)
    assert len(shown_ids(view)) == 6
    assert view.matrix.model.selected is None
    view.matrix.click_cell(3, 4)
    view.matrix.click_cell(2, 5)  # another cell replaces the first
    assert shown_ids(view) == [log.fire]
    view.matrix.clear_requested.emit()
    assert len(shown_ids(view)) == 6


def test_the_basis_toggle_moves_the_matrix_the_trends_and_the_burndown(qtbot: QtBot, view: RisksView, log: Log) -> None:
    residual = view.burndown.burndown
    assert residual is not None and residual.basis is ScoreBasis.RESIDUAL
    inherent_button = next(b for b in view.matrix._toggles.buttons() if b.property("basis") == "inherent")
    inherent_button.click()
    qtbot.waitUntil(lambda: not view.burndown_pending)
    assert view.model.basis is ScoreBasis.INHERENT
    assert (view.matrix.model.count(5, 5), view.matrix.model.count(2, 5)) == (1, 0)
    inherent = view.burndown.burndown
    assert inherent is not None and inherent.basis is ScoreBasis.INHERENT
    assert inherent.current is not None and residual.current is not None
    assert inherent.current.threat - residual.current.threat == 25 - 10


def test_the_pictures_follow_the_filters(qtbot: QtBot, view: RisksView, log: Log) -> None:
    view.filters.search.setText("fire")
    assert view.burndown_pending  # redrawn once typing pauses
    qtbot.waitUntil(lambda: not view.burndown_pending)
    assert shown_ids(view) == [log.fire]
    assert view.matrix.model.matrix.total == 1
    assert view.top_risks.ids() == [log.fire]
    burndown = view.burndown.burndown
    assert burndown is not None
    expected = register_burndown(
        view.model.register, [view.model.row_at(view.model.row_of(log.fire) or 0)], ScoreBasis.RESIDUAL
    )
    assert burndown.points == expected.points
    view.filters.clear.click()
    assert len(shown_ids(view)) == 6


def test_the_filter_bar_builds_the_filter(view: RisksView, log: Log) -> None:
    bar = view.filters
    bar.kinds.setCurrentIndex(3)  # Issues
    assert shown_ids(view) == [log.printer]
    bar.kinds.setCurrentIndex(0)
    bar.overdue.setChecked(True)
    assert set(shown_ids(view)) == {log.vendor, log.printer}
    bar.overdue.setChecked(False)
    bar.owner.setCurrentIndex(bar.owner.findText("Alice Moreau"))
    assert set(shown_ids(view)) == {log.fire, log.printer}
    bar.owner.setCurrentIndex(0)
    bar.status.setCurrentIndex(bar.status.findText("Closed"))
    assert shown_ids(view) == [log.typo]
    bar.status.setCurrentIndex(bar.status.findText("Any status"))
    bar.band.setCurrentIndex(bar.band.findText("High"))
    assert set(shown_ids(view)) == {log.vendor, log.fire}
    bar.band.setCurrentIndex(0)
    bar.project.setCurrentIndex(bar.project.findText("Portfolio (no project)"))
    assert set(shown_ids(view)) == {log.fire, log.grant, log.printer, log.budget}
    bar.programme.setCurrentIndex(bar.programme.findText("Customer Experience"))
    assert bar.project.findText("Portfolio (no project)") == -1  # projects follow the programme
    assert set(shown_ids(view)) == {log.vendor, log.region}
    assert bar.filter.kind is None


def test_sorting_by_a_header_click_orders_scores_numerically(qtbot: QtBot, view: RisksView, log: Log) -> None:
    view.table.sortByColumn(RaidColumn.SCORE, Qt.SortOrder.DescendingOrder)
    assert shown_ids(view)[:2] == [log.fire, log.vendor]
    view.table.sortByColumn(RaidColumn.SCORE, Qt.SortOrder.AscendingOrder)
    assert shown_ids(view)[-2:] == [log.vendor, log.fire]


def test_the_burndown_draws_once_shown(qtbot: QtBot, view: RisksView, log: Log) -> None:
    assert view.burndown.canvas is None  # matplotlib waits until the chart is seen
    view.resize(1400, 900)
    view.show()
    qtbot.waitExposed(view)
    canvas = view.burndown.canvas
    assert canvas is not None
    axes = canvas.figure.axes[0]
    actual, projected = axes.get_lines()[:2]
    burndown = view.burndown.burndown
    assert burndown is not None
    assert list(actual.get_ydata()) == [point.threat for point in burndown.points if not point.projected]
    assert projected.get_linestyle() == "--"
    assert burndown.today == date(2026, 6, 17)


def test_the_trend_window_choice_reloads_the_trends(view: RisksView, log: Log) -> None:
    row = view.model.row_of(log.fire)
    assert row is not None
    assert view.model.index(row, RaidColumn.TREND).data() == "→"
    view.trend_window.setCurrentIndex(view.trend_window.findData(91))
    assert view.model.trend_days == 91
    assert view.model.index(row, RaidColumn.TREND).data() == "↓"


def test_a_new_item_takes_the_kind_of_the_tab(view: RisksView, monkeypatch: pytest.MonkeyPatch) -> None:
    kinds: list[RaidKind] = []
    monkeypatch.setattr(view.actions, "create", lambda kind, project_id=None: kinds.append(kind))
    view.filters.kinds.setCurrentIndex(4)
    view.new_button.click()
    assert kinds == [RaidKind.DECISION]

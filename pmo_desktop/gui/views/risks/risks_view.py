"""The risk register: the RAID log as a sortable, filterable table, with the 5x5 matrix, the top risks and the
burndown of open exposure beside and below it.

The matrix, top risks and burndown describe what the filters select (before a matrix cell narrows the table
further), on the basis the matrix toggle chooses; the table's trend arrows follow the same basis. Every edit
goes through `RaidActions`, so each is one undo command.
"""

from datetime import date

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QSplitter, QToolButton, QVBoxLayout, QWidget

from pmo_desktop.domain.enums import RaidKind, RaidStatus
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import count_of, join_parts
from pmo_desktop.gui.models.raid_filter_proxy import NO_PROJECT, RaidFilterProxyModel
from pmo_desktop.gui.models.raid_matrix_model import RaidMatrixModel
from pmo_desktop.gui.models.raid_table_model import RaidTableModel
from pmo_desktop.gui.views.page_header import PageHeader
from pmo_desktop.gui.views.risks.burndown_chart import BurndownChart
from pmo_desktop.gui.views.risks.matrix_panel import RiskMatrixPanel
from pmo_desktop.gui.views.risks.raid_actions import RaidActions
from pmo_desktop.gui.views.risks.raid_filter_bar import RaidFilterBar
from pmo_desktop.gui.views.risks.raid_table_view import RaidTableView
from pmo_desktop.gui.views.risks.top_risks_panel import TOP_COUNT, TopRisksPanel
from pmo_desktop.i18n import tr
from pmo_desktop.risk import RiskBand, ScoreBasis
from pmo_desktop.services.raid_analysis import register_burndown, register_matrix, register_top_risks

_SIDE_WIDTH = 310
_BURNDOWN_DELAY_MS = 150
TREND_WINDOWS = ((14, "Trend: 2 weeks"), (28, "Trend: 4 weeks"), (91, "Trend: 13 weeks"))
_STYLE = """
QWidget#raidFilterBar, QWidget#raidSide, BurndownChart { background: #ffffff; }
QWidget#raidFilterBar { border-bottom: 1px solid #e3e6ea; }
QLabel#panelTitle { font-weight: 600; font-size: 11pt; color: #323f4b; }
QLabel#panelNote { color: #52606d; }
QTableView#riskMatrix { background: transparent; border: none; }
QListWidget#topRisks { border: none; background: #ffffff; }
QListWidget#topRisks::item { padding: 4px 2px; border-bottom: 1px solid #eef0f3; }
"""


class RisksView(QWidget):
    """The register with its filters, matrix, top risks and burndown.

    Signals: none.
    """

    def __init__(self, document: Document, parent: QWidget | None = None, *, today: date | None = None) -> None:
        """`today` pins the day the register is read for (tests); by default it is the real today."""
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self._document = document
        self.header = PageHeader(self)
        self.model = RaidTableModel(document, self, today=today)
        self.proxy = RaidFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.filters = RaidFilterBar(self)
        self.table = RaidTableView(self.proxy, self)
        self.matrix = RiskMatrixPanel(RaidMatrixModel(self), self)
        self.top_risks = TopRisksPanel(self)
        self.burndown = BurndownChart(self)
        self.actions = RaidActions(document, self.model, self)
        # The burndown costs tens of milliseconds at 2,000 items: typing in the search box must not wait for
        # it, so it is redrawn once the filters have been still for a moment.
        self._burndown_timer = QTimer(self)
        self._burndown_timer.setSingleShot(True)
        self._burndown_timer.setInterval(_BURNDOWN_DELAY_MS)
        self._burndown_timer.timeout.connect(self._refresh_burndown)
        self.new_button = self._new_button()
        self.trend_window = self._trend_window()
        self._lay_out()
        self._connect()
        self.filters.set_rows(self.model.register.rows)
        self.proxy.set_filter(self.filters.filter)
        self._refresh_pictures()
        self._refresh_burndown()
        self._refresh_header()

    @property
    def burndown_pending(self) -> bool:
        """True while a change waits for the burndown to be redrawn."""
        return self._burndown_timer.isActive()

    # -- what the user does -----------------------------------------------------------------------------

    def toggle_cell(self, probability: int, impact: int) -> None:
        """Narrow the register to a matrix cell; the same cell again shows everything again."""
        cell = (probability, impact)
        self.set_cell(None if self.proxy.cell == cell else cell)

    def set_cell(self, cell: tuple[int, int] | None) -> None:
        self.proxy.set_cell(cell)
        self.matrix.model.set_selected(cell)
        self.matrix.show_cell(cell, self.proxy.rowCount())

    def new_item(self, kind: RaidKind | None = None) -> int | None:
        """Add an item of `kind` (the kind of the current tab by default), on the filtered project if any."""
        wanted = self.filters.filter
        project = wanted.project_id if wanted.project_id not in (None, NO_PROJECT) else None
        return self.actions.create(kind or wanted.kind or RaidKind.RISK, project)

    def open_selected(self) -> bool:
        item_id = self.table.selected_item_id()
        return item_id is not None and self.actions.edit(item_id)

    # -- building ---------------------------------------------------------------------------------------

    def _new_button(self) -> QToolButton:
        button = QToolButton(self)
        button.setText(tr("New item…"))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.clicked.connect(lambda _checked=False: self.new_item())
        menu = self.actions.menu_for(None, button)
        button.setMenu(menu)
        button.setEnabled(not self._document.read_only)
        return button

    def _trend_window(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tr("How far back the trend arrows compare each score"))
        for days, label in TREND_WINDOWS:
            combo.addItem(tr(label), days)
        combo.setCurrentIndex(next(n for n, (days, _) in enumerate(TREND_WINDOWS) if days == self.model.trend_days))
        combo.currentIndexChanged.connect(lambda _index: self.model.set_trend_days(int(combo.currentData())))
        return combo

    def _lay_out(self) -> None:
        self.filters.tab_row.addWidget(self.trend_window)
        self.filters.tab_row.addWidget(self.new_button)
        side = QWidget(self)
        side.setObjectName("raidSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.matrix)
        side_layout.addWidget(_rule(side))
        side_layout.addWidget(self.top_risks, 1)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(self.burndown)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(left)
        body.addWidget(side)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 0)
        body.setChildrenCollapsible(False)
        side.setMinimumWidth(self.matrix.minimumSizeHint().width())
        # The register gets the width; the side panel starts as narrow as the matrix allows.
        body.setSizes([4 * _SIDE_WIDTH, _SIDE_WIDTH])
        self.body = body
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.filters)
        layout.addWidget(body, 1)

    def _connect(self) -> None:
        self.filters.filter_changed.connect(self.proxy.set_filter)
        self.proxy.selection_changed.connect(self._refresh_pictures)
        self.model.register_changed.connect(self._on_register_changed)
        self.matrix.cell_clicked.connect(self.toggle_cell)
        self.matrix.clear_requested.connect(lambda: self.set_cell(None))
        self.matrix.basis_changed.connect(self.model.set_basis)
        # activated covers a double click and Enter, whichever the platform uses to open an item.
        self.table.activated.connect(self._open_index)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.delete_requested.connect(self._delete_selected)
        self.top_risks.item_chosen.connect(self.table.select_item)
        self.top_risks.item_opened.connect(self.actions.edit)
        self.actions.item_saved.connect(self.table.select_item)
        self.proxy.rowsInserted.connect(self._refresh_cell_note)
        self.proxy.rowsRemoved.connect(self._refresh_cell_note)

    # -- following the register -------------------------------------------------------------------------

    def _on_register_changed(self) -> None:
        self.filters.set_rows(self.model.register.rows)
        self._refresh_header()

    def _refresh_pictures(self) -> None:
        rows = list(self.proxy.selected_rows())
        matrix = register_matrix(rows, self.model.basis)
        self.matrix.model.set_matrix(matrix)
        self.matrix.set_summary(matrix.total)
        self.top_risks.set_rows(register_top_risks(rows, TOP_COUNT))
        self._refresh_cell_note()
        self._burndown_timer.start()

    def _refresh_burndown(self) -> None:
        self._burndown_timer.stop()
        rows = list(self.proxy.selected_rows())
        self.burndown.set_burndown(register_burndown(self.model.register, rows, self.model.basis))

    def _refresh_cell_note(self) -> None:
        self.matrix.show_cell(self.proxy.cell, self.proxy.rowCount())

    def _refresh_header(self) -> None:
        rows = self.model.register.rows
        open_rows = [row for row in rows if row.is_open]
        risks = [row for row in open_rows if row.kind is RaidKind.RISK and not row.opportunity]
        critical = sum(1 for row in risks if (s := row.score_on(ScoreBasis.RESIDUAL)) and s.band is RiskBand.CRITICAL)
        pending = sum(1 for row in open_rows if row.kind is RaidKind.DECISION)
        overdue = sum(1 for row in rows if row.review_overdue)
        closed = sum(1 for row in rows if row.status is RaidStatus.CLOSED)
        parts = [
            tr(
                "{risks} ({critical} critical after response)",
                risks=count_of(len(risks), "open risk", "open risks"),
                critical=critical,
            ),
            count_of(sum(1 for row in open_rows if row.kind is RaidKind.ISSUE), "open issue", "open issues"),
            count_of(
                sum(1 for row in open_rows if row.kind is RaidKind.ASSUMPTION),
                "assumption to validate",
                "assumptions to validate",
            ),
            count_of(pending, "decision pending", "decisions pending"),
            count_of(overdue, "review overdue", "reviews overdue"),
            count_of(closed, "closed item", "closed items"),
        ]
        self.header.set_text(tr("Risk register"), join_parts(parts))

    def _open_index(self, index: QModelIndex) -> None:
        item_id = self.table.item_id_at(index)
        if item_id is not None:
            self.actions.edit(item_id)

    def _delete_selected(self) -> None:
        item_id = self.table.selected_item_id()
        if item_id is not None and not self._document.read_only:
            self.actions.delete(item_id)

    def _show_menu(self, position: QPoint) -> None:
        item_id = self.table.item_id_at(self.table.indexAt(position))
        if item_id is not None:
            self.table.select_item(item_id)
        self.actions.menu_for(item_id, self).exec(self.table.viewport().mapToGlobal(position))


def _rule(parent: QWidget) -> QLabel:
    line = QLabel(parent)
    line.setFixedHeight(1)
    line.setStyleSheet("background: #e3e6ea;")
    return line

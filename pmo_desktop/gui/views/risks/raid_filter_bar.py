"""The register's filters: kind tabs, text search, programme, project, owner, status, band, overdue reviews.

Choices come from the register itself (only programmes, projects and owners that have items), refreshed
whenever it reloads without losing what is selected. Every change emits the whole `RaidFilter`.
"""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QTabBar, QToolButton, QVBoxLayout, QWidget

from pmo_desktop.domain.enums import RaidKind, RaidStatus
from pmo_desktop.gui.models.raid_filter_proxy import NO_OWNER, NO_PROJECT, OPEN_STATUSES, RaidFilter
from pmo_desktop.i18n import tr
from pmo_desktop.risk import RiskBand
from pmo_desktop.services.raid_queries import RegisterRow

KIND_TABS: tuple[tuple[str, RaidKind | None], ...] = (
    ("All", None),
    ("Risks", RaidKind.RISK),
    ("Assumptions", RaidKind.ASSUMPTION),
    ("Issues", RaidKind.ISSUE),
    ("Decisions", RaidKind.DECISION),
)
STATUS_CHOICES: tuple[tuple[str, frozenset[RaidStatus] | None], ...] = (
    ("Open and in progress", OPEN_STATUSES),
    ("Any status", None),
    ("Open", frozenset({RaidStatus.OPEN})),
    ("In progress", frozenset({RaidStatus.IN_PROGRESS})),
    ("Closed", frozenset({RaidStatus.CLOSED})),
)


def _fill(combo: QComboBox, first: str, choices: Iterable[tuple[Any, str]]) -> None:
    """Refill `combo`, keeping the selected value when it is still offered."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, None)
    for value, label in choices:
        combo.addItem(label, value)
    position = next((index for index in range(combo.count()) if combo.itemData(index) == current), 0)
    combo.setCurrentIndex(position)
    combo.blockSignals(False)


class RaidFilterBar(QWidget):
    """Two rows: the kind tabs, then the search box and the filter choices.

    Signals:
        filter_changed(RaidFilter): the user changed a filter; the argument is the whole filter.
    """

    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("raidFilterBar")
        self.kinds = QTabBar(self)
        self.kinds.setDrawBase(False)
        self.kinds.setExpanding(False)
        for label, _kind in KIND_TABS:
            self.kinds.addTab(tr(label))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search id, title, owner…"))
        self.search.setToolTip(tr("Matches the id, title, project, owner and category"))
        self.search.setClearButtonEnabled(True)
        self.programme = self._combo(tr("Programme"))
        self.project = self._combo(tr("Project"))
        self.owner = self._combo(tr("Owner"))
        self.status = self._combo(tr("Status"))
        for label, _statuses in STATUS_CHOICES:
            self.status.addItem(tr(label))
        self.band = self._combo(tr("Band"))
        _fill(self.band, tr("Any band"), [(band.value, band.label) for band in reversed(RiskBand)])
        self.overdue = QCheckBox(tr("Overdue reviews"), self)
        self.clear = QToolButton(self)
        self.clear.setText(tr("Clear filters"))
        self._rows: tuple[RegisterRow, ...] = ()
        self._lay_out()
        self._connect()
        self.set_rows(())

    @property
    def filter(self) -> RaidFilter:
        band = self.band.currentData()
        return RaidFilter(
            kind=KIND_TABS[max(self.kinds.currentIndex(), 0)][1],
            programme_id=self.programme.currentData(),
            project_id=self.project.currentData(),
            owner_id=self.owner.currentData(),
            statuses=STATUS_CHOICES[max(self.status.currentIndex(), 0)][1],
            band=None if band is None else RiskBand(band),
            overdue_only=self.overdue.isChecked(),
            text=self.search.text().strip(),
        )

    def set_rows(self, rows: Iterable[RegisterRow]) -> None:
        """Offer the programmes, projects and owners of `rows`, keeping the current choices."""
        self._rows = tuple(rows)
        programmes = {row.programme_id: row.programme_name for row in self._rows if row.programme_id is not None}
        _fill(self.programme, tr("All programmes"), sorted(programmes.items(), key=lambda item: item[1].casefold()))
        self._fill_projects()
        owners = {row.owner_id: row.owner_name for row in self._rows if row.owner_id is not None}
        choices = sorted(owners.items(), key=lambda item: item[1].casefold())
        _fill(self.owner, tr("Anyone"), [*choices, (NO_OWNER, tr("Nobody (unowned)"))])

    def reset(self) -> None:
        """Back to the register's first view: all kinds, open items, nothing else narrowed."""
        for widget in (self.kinds, self.search, self.programme, self.project, self.owner, self.status, self.band):
            widget.blockSignals(True)
        self.kinds.setCurrentIndex(0)
        self.search.clear()
        for combo in (self.programme, self.project, self.owner, self.status, self.band):
            combo.setCurrentIndex(0)
        for widget in (self.kinds, self.search, self.programme, self.project, self.owner, self.status, self.band):
            widget.blockSignals(False)
        self.overdue.setChecked(False)
        self._emit()

    def _fill_projects(self) -> None:
        programme = self.programme.currentData()
        projects = {
            row.project_id: f"{row.project_code} · {row.project_name}"
            for row in self._rows
            if row.project_id is not None and (programme is None or row.programme_id == programme)
        }
        choices = sorted(projects.items(), key=lambda item: item[1].casefold())
        portfolio = [] if programme is not None else [(NO_PROJECT, tr("Portfolio (no project)"))]
        _fill(self.project, tr("All projects"), [*portfolio, *choices])

    def _combo(self, tooltip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setToolTip(tooltip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _lay_out(self) -> None:
        tabs = QHBoxLayout()
        tabs.setContentsMargins(0, 0, 0, 0)
        tabs.addWidget(self.kinds)
        tabs.addStretch(1)
        self.tab_row = tabs
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(8)
        filters.addWidget(self.search, 3)
        for combo in (self.programme, self.project, self.owner, self.status, self.band):
            filters.addWidget(combo, 2)
        filters.addWidget(self.overdue)
        filters.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(tabs)
        layout.addLayout(filters)

    def _connect(self) -> None:
        self.kinds.currentChanged.connect(self._emit)
        self.search.textChanged.connect(self._emit)
        self.programme.currentIndexChanged.connect(self._on_programme)
        for combo in (self.project, self.owner, self.status, self.band):
            combo.currentIndexChanged.connect(self._emit)
        self.overdue.toggled.connect(self._emit)
        self.clear.clicked.connect(self.reset)

    def _on_programme(self) -> None:
        self._fill_projects()
        self._emit()

    def _emit(self) -> None:
        self.filter_changed.emit(self.filter)

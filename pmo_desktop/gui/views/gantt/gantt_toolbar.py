"""The Gantt's toolbar: filters (programme, project, critical, milestones, slipped, text), the zoom level,
today, and the baseline the ghosts show.

It only says what was chosen (`filter_changed`, `tier_chosen`, ...); the view applies it. `set_choices`
refills the programme, project and baseline lists from a fresh read model, keeping what was chosen.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from pmo_desktop.gui.models.gantt_rows import NO_PROGRAMME, GanttFilter
from pmo_desktop.gui.views.gantt.time_scale import Tier
from pmo_desktop.i18n import tr
from pmo_desktop.services.gantt_queries import GanttData

_STYLE = """
QWidget#ganttToolbar { background: #ffffff; border-bottom: 1px solid #e3e6ea; }
QToolButton#segment, QToolButton#toggle {
    border: 1px solid #c9ced6; background: #ffffff; color: #323f4b; padding: 4px 8px; margin: 0;
}
QToolButton#segment:checked { background: #3b5bdb; border-color: #3b5bdb; color: #ffffff; }
QToolButton#toggle:checked { background: #e7edfd; border-color: #3b5bdb; color: #1c2f8f; }
QToolButton#segment:hover:!checked, QToolButton#toggle:hover:!checked { background: #eef2fb; }
QToolButton#step { border: 1px solid #c9ced6; background: #ffffff; padding: 4px 8px; }
QToolButton#step:hover { background: #eef2fb; }
QLabel#toolbarLabel { color: #52606d; padding-left: 6px; }
"""
_TIERS = ((Tier.DAYS, "Days"), (Tier.WEEKS, "Weeks"), (Tier.MONTHS, "Months"), (Tier.QUARTERS, "Quarters"))


class GanttToolbar(QWidget):
    """Filters and view switches of the Gantt.

    Signals:
        filter_changed(object): the `GanttFilter` to apply.
        tier_chosen(object): a zoom `Tier` was picked.
        today_requested(): scroll to today.
        baseline_chosen(object): the baseline id the ghosts show (None: the latest).
    """

    filter_changed = Signal(object)
    tier_chosen = Signal(object)
    today_requested = Signal()
    baseline_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ganttToolbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 7, 12, 7)
        layout.setSpacing(6)
        self.programme = self._combo(layout, "", 130, tr("Show one programme"))
        self.project = self._combo(layout, "", 170, tr("Show one project"))
        self.critical = self._toggle(layout, tr("Critical"), tr("Only tasks on the critical path"))
        self.milestones = self._toggle(layout, tr("Milestones"), tr("Only milestones"))
        self.slipped = self._toggle(layout, tr("Slipped"), tr("Only tasks finishing later than in the baseline"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search tasks, projects…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        layout.addWidget(self.search)
        layout.addStretch(1)
        self.tiers = self._tier_buttons(layout)
        self.today = QToolButton(self)
        self.today.setObjectName("step")
        self.today.setText(tr("Today"))
        self.today.setToolTip(tr("Scroll to today (Home)"))
        layout.addWidget(self.today)
        self.baseline = self._combo(layout, tr("Baseline"), 140, tr("The baseline the grey bars under the tasks show"))
        self._connect()

    # -- building ---------------------------------------------------------------------------------------

    def _label(self, layout: QHBoxLayout, text: str) -> None:
        label = QLabel(text, self)
        label.setObjectName("toolbarLabel")
        layout.addWidget(label)

    def _combo(self, layout: QHBoxLayout, label: str, width: int, tip: str) -> QComboBox:
        if label:
            self._label(layout, label)
        combo = QComboBox(self)
        combo.setToolTip(tip)
        combo.setMinimumWidth(width)
        combo.setMaximumWidth(width + 60)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        layout.addWidget(combo)
        return combo

    def _toggle(self, layout: QHBoxLayout, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("toggle")
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        layout.addWidget(button)
        return button

    def _tier_buttons(self, layout: QHBoxLayout) -> QButtonGroup:
        group = QButtonGroup(self)
        group.setExclusive(True)
        for position, (_tier, text) in enumerate(_TIERS):
            button = QToolButton(self)
            button.setObjectName("segment")
            button.setText(tr(text))
            button.setCheckable(True)
            button.setToolTip(tr("Ctrl++ and Ctrl+- zoom in and out; Ctrl+wheel zooms around the mouse"))
            group.addButton(button, position)
            layout.addWidget(button)
        layout.addSpacing(6)
        return group

    def _connect(self) -> None:
        self.programme.currentIndexChanged.connect(self._on_programme)
        self.project.currentIndexChanged.connect(self._emit_filter)
        for toggle in (self.critical, self.milestones, self.slipped):
            toggle.toggled.connect(self._emit_filter)
        self.search.textChanged.connect(self._emit_filter)
        self.tiers.idClicked.connect(lambda position: self.tier_chosen.emit(_TIERS[position][0]))
        self.today.clicked.connect(self.today_requested)
        self.baseline.activated.connect(lambda _position: self.baseline_chosen.emit(self.baseline.currentData()))

    # -- state ------------------------------------------------------------------------------------------

    def current_filter(self) -> GanttFilter:
        return GanttFilter(
            programme_id=self.programme.currentData(),
            project_id=self.project.currentData(),
            critical_only=self.critical.isChecked(),
            milestones_only=self.milestones.isChecked(),
            slipped_only=self.slipped.isChecked(),
            text=self.search.text(),
        )

    def show_tier(self, tier: Tier) -> None:
        """Check the button of the zoom level in use (a zoom by wheel lands between levels: the nearest)."""
        position = next(position for position, (each, _text) in enumerate(_TIERS) if each is tier)
        self.tiers.button(position).setChecked(True)

    def set_choices(self, data: GanttData) -> None:
        """Refill the lists from `data`, keeping the chosen entries where they still exist."""
        self._data = data
        self._refill(
            self.programme,
            [(None, tr("All programmes"))]
            + [(p.id, p.name) for p in data.programmes]
            + [(NO_PROGRAMME, tr("No programme"))],
        )
        self._fill_projects()
        latest = next((name for key, name in data.baselines if key == data.baseline_id), None)
        entries: list[tuple[int | None, str]] = [(None, tr("Latest: {name}", name=latest) if latest else tr("None"))]
        self._refill(self.baseline, entries + [(key, name) for key, name in data.baselines])

    def _fill_projects(self) -> None:
        chosen = self.programme.currentData()
        programmes = {programme.id for programme in self._data.programmes}
        projects = [
            (project.id, f"{project.code}  {project.name}")
            for project in self._data.projects
            if chosen is None
            or (project.programme_id if project.programme_id in programmes else NO_PROGRAMME) == chosen
        ]
        self._refill(self.project, [(None, tr("All projects")), *projects])

    def _refill(self, combo: QComboBox, entries: list[tuple[int | None, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for key, text in entries:
            combo.addItem(text, key)
        position = combo.findData(chosen)
        combo.setCurrentIndex(position if position >= 0 and chosen is not None else 0)
        combo.blockSignals(False)

    def _on_programme(self) -> None:
        self._fill_projects()
        self._emit_filter()

    def _emit_filter(self) -> None:
        self.filter_changed.emit(self.current_filter())

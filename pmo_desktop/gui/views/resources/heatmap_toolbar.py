"""The heatmap's toolbar: grouping, weeks or months, percent or hours, tentative load, and the horizon.

Segmented buttons for the switches a planner flips often, a combo box for tentative load, and buttons to
step the horizon a quarter at a time. The toolbar only says what was chosen; the page applies it.
"""

from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from pmo_desktop.gui.models.heatmap_model import HeatmapOptions
from pmo_desktop.gui.models.heatmap_paint import NumberMode, TentativeMode
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_queries import Granularity, Grouping

_STYLE = """
QWidget#heatmapToolbar { background: #ffffff; border-bottom: 1px solid #e3e6ea; }
QToolButton#segment {
    border: 1px solid #c9ced6; background: #ffffff; color: #323f4b; padding: 4px 11px; margin: 0;
}
QToolButton#segment:checked { background: #3b5bdb; border-color: #3b5bdb; color: #ffffff; }
QToolButton#segment:hover:!checked { background: #eef2fb; }
QToolButton#step { border: 1px solid #c9ced6; background: #ffffff; padding: 4px 9px; }
QToolButton#step:hover { background: #eef2fb; }
QLabel#toolbarLabel { color: #52606d; padding-left: 6px; }
"""


class HeatmapToolbar(QWidget):
    """Switches for the heatmap.

    Signals:
        options_chosen(object): a dict of keyword arguments for `HeatmapModel.set_options`.
        horizon_shifted(int): quarters to move the horizon by; 0 goes back to today's quarter.
        copy_requested(): the user asked to copy the selected cells.
    """

    options_chosen = Signal(object)
    horizon_shifted = Signal(int)
    copy_requested = Signal()

    def __init__(self, options: HeatmapOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heatmapToolbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        self.grouping = self._segments(
            layout,
            tr("Group by"),
            [(Grouping.TEAM, tr("Team")), (Grouping.ROLE, tr("Role")), (Grouping.ROLES_ONLY, tr("Roles only"))],
            options.grouping,
            "grouping",
        )
        self.granularity = self._segments(
            layout,
            tr("Scale"),
            [(Granularity.WEEK, tr("Weeks")), (Granularity.MONTH, tr("Months"))],
            options.granularity,
            "granularity",
        )
        self.numbers = self._segments(
            layout,
            tr("Show"),
            [(NumberMode.PERCENT, tr("% of capacity")), (NumberMode.HOURS, tr("Hours"))],
            options.numbers,
            "numbers",
        )
        layout.addWidget(self._label(tr("Tentative")))
        self.tentative = QComboBox(self)
        for mode, label in (
            (TentativeMode.INCLUDE, tr("Included")),
            (TentativeMode.HATCH, tr("Hatched")),
            (TentativeMode.HIDE, tr("Hidden")),
        ):
            self.tentative.addItem(label, mode.value)
        self.tentative.setCurrentIndex(self.tentative.findData(options.tentative.value))
        self.tentative.setToolTip(tr("Count tentative allocations, hatch them over confirmed load, or leave them out."))
        self.tentative.currentIndexChanged.connect(self._on_tentative)
        layout.addWidget(self.tentative)
        layout.addStretch(1)
        self._horizon_buttons(layout)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName("toolbarLabel")
        return label

    def _segments(
        self, layout: QHBoxLayout, title: str, choices: Sequence[tuple[StrEnum, str]], current: StrEnum, option: str
    ) -> QButtonGroup:
        layout.addWidget(self._label(title))
        group = QButtonGroup(self)
        group.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(0)
        for position, (value, text) in enumerate(choices):
            button = QToolButton(self)
            button.setObjectName("segment")
            button.setText(text)
            button.setCheckable(True)
            button.setChecked(value == current)
            button.setProperty("choice", value.value)
            group.addButton(button, position)
            row.addWidget(button)
        kind = type(current)
        group.idClicked.connect(lambda position: self._chosen(option, kind(choices[position][0])))
        layout.addLayout(row)
        layout.addSpacing(8)
        return group

    def _horizon_buttons(self, layout: QHBoxLayout) -> None:
        copy = self._step_button(tr("Copy cells"), tr("Copy the selected cells for a spreadsheet (Ctrl+C)"))
        copy.clicked.connect(self.copy_requested)
        layout.addWidget(copy)
        layout.addSpacing(10)
        for text, tip, quarters in (
            ("◀", tr("Previous quarter"), -1),
            (tr("This quarter"), tr("This quarter and the next three"), 0),
            ("▶", tr("Next quarter"), 1),
        ):
            button = self._step_button(text, tip)
            button.clicked.connect(lambda _checked=False, step=quarters: self.horizon_shifted.emit(step))
            layout.addWidget(button)

    def _step_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("step")
        button.setText(text)
        button.setToolTip(tip)
        return button

    def _chosen(self, option: str, value: Any) -> None:
        self.options_chosen.emit({option: value})

    def _on_tentative(self) -> None:
        self._chosen("tentative", TentativeMode(self.tentative.currentData()))

    def choose(self, option: str, value: StrEnum) -> None:
        """Press the segment of `option` showing `value`, as a click would (for the page and for tests)."""
        group = {"grouping": self.grouping, "granularity": self.granularity, "numbers": self.numbers}[option]
        for button in group.buttons():
            if button.property("choice") == value.value:
                button.click()

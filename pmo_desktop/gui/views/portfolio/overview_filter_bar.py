"""The bar above the overview tree: search text and pickers for programme, stage, RAG, manager and objective.

Each picker's choices come from the current overview, so a manager without projects is never offered; the
bar re-fills them when the overview reloads and keeps what was picked when it is still there.
"""

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from pmo_desktop.domain.enums import Rag, Stage
from pmo_desktop.gui.formatting import enum_words
from pmo_desktop.gui.models.overview_filter_proxy import (
    ANY,
    NO_OBJECTIVE,
    NO_REPORT,
    OverviewFilter,
    OverviewFilterProxy,
)
from pmo_desktop.i18n import tr

_FIELDS = ("programme_id", "stage", "rag", "manager_id", "objective_id")


class OverviewFilterBar(QWidget):
    """Filters of one `OverviewFilterProxy`, and a count of the projects shown.

    Signals: none (it drives the proxy directly).
    """

    def __init__(self, proxy: OverviewFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._proxy = proxy
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search code, name, people, objectives…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.textChanged.connect(lambda text: self._proxy.set_filter(text=text.strip()))
        self.pickers: dict[str, QComboBox] = {}
        self.clear_button = QPushButton(tr("Clear filters"), self)
        self.clear_button.clicked.connect(self.clear)
        self.count = QLabel(self)
        self.count.setObjectName("filterCount")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(self.search)
        for field in _FIELDS:
            picker = QComboBox(self)
            # Long objective titles must not push the other pickers off screen: the popup shows them whole.
            picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            picker.setMinimumContentsLength(12)
            picker.setMaximumWidth(240)
            picker.currentIndexChanged.connect(lambda _position, name=field: self._picked(name))
            self.pickers[field] = picker
            layout.addWidget(picker)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        layout.addWidget(self.count)
        proxy.sourceModel().modelReset.connect(self.refill)
        proxy.sourceModel().dataChanged.connect(self._update_count)
        proxy.rowsInserted.connect(self._update_count)
        proxy.rowsRemoved.connect(self._update_count)
        proxy.modelReset.connect(self._update_count)
        proxy.layoutChanged.connect(self._update_count)
        self.refill()

    def refill(self) -> None:
        """Offer the programmes, managers and objectives of the current overview."""
        overview = self._proxy.overview_model.overview
        rows = list(overview.rows)
        managers = sorted(
            {(row.manager_id, row.manager_name) for row in rows if row.manager_id is not None},
            key=lambda pair: pair[1].casefold(),
        )
        objectives = sorted(
            {(link.objective_id, f"{link.code} {link.title}") for row in rows for link in row.objectives}
        )
        choices: dict[str, list[tuple[Any, str]]] = {
            "programme_id": [(group.programme_id, group.name) for group in overview.groups],
            "stage": [(stage, enum_words(stage)) for stage in Stage],
            "rag": [(rag.value, enum_words(rag)) for rag in (Rag.RED, Rag.AMBER, Rag.GREEN)]
            + [(NO_REPORT, tr("No report"))],
            "manager_id": managers,
            "objective_id": [*objectives, (NO_OBJECTIVE, tr("Serves no objective"))],
        }
        titles = {
            "programme_id": tr("All programmes"),
            "stage": tr("All stages"),
            "rag": tr("Any RAG"),
            "manager_id": tr("All managers"),
            "objective_id": tr("All objectives"),
        }
        for field, picker in self.pickers.items():
            self._fill(picker, titles[field], choices[field], getattr(self._proxy.current_filter, field))
        self._update_count()

    def clear(self) -> None:
        for picker in self.pickers.values():
            with QSignalBlocker(picker):
                picker.setCurrentIndex(0)
        with QSignalBlocker(self.search):
            self.search.clear()
        self._proxy.set_overview_filter(OverviewFilter())
        self._update_count()

    def pick(self, field: str, value: Any) -> None:
        """Choose `value` in the picker of `field` (as a user would)."""
        picker = self.pickers[field]
        for position in range(picker.count()):
            if picker.itemData(position) == value and position > 0:
                picker.setCurrentIndex(position)
                return
        raise ValueError(f"{field} offers no {value!r}")

    def _fill(self, picker: QComboBox, title: str, choices: list[tuple[Any, str]], current: Any) -> None:
        with QSignalBlocker(picker):
            picker.clear()
            picker.addItem(title, ANY)
            for value, label in choices:
                picker.addItem(label, value)
            found = next((p for p in range(1, picker.count()) if picker.itemData(p) == current), 0)
            picker.setCurrentIndex(found)

    def _picked(self, field: str) -> None:
        picker = self.pickers[field]
        value = picker.currentData() if picker.currentIndex() > 0 else ANY
        self._proxy.set_filter(**{field: value})
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        shown = len(self._proxy.visible_projects())
        total = sum(len(group.rows) for group in self._proxy.overview_model.groups)
        self.count.setText(tr("{shown} of {total} projects", shown=shown, total=total))

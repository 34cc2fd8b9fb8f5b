"""The KPI tiles above the overview: one tile per KPI, its value large, its meaning one hover away.

The tiles show what `portfolio_kpis` returns and reload it whenever a kind of record a KPI reads changes.
"""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.catch_up import CatchUp, follow_visibility
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.models.overview_tree_model import FIGURE_KINDS
from pmo_desktop.gui.views.portfolio.overview_delegate import RAG_COLOURS
from pmo_desktop.i18n import tr
from pmo_desktop.services.kpi_queries import PortfolioKpis, portfolio_kpis
from pmo_desktop.services.kpi_tiles import KpiTile

KPI_KINDS = FIGURE_KINDS | {EntityKind.RAID_ITEM, EntityKind.ALLOCATION, EntityKind.TIME_OFF}
"""Kinds a KPI reads: the overview's figures, risks and decisions, and people's load."""


class KpiTileWidget(QFrame):
    """One tile: a caption, the value, a one-line note; the tooltip explains the number.

    Signals: none.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiTile")
        self._title = QLabel(self)
        self._title.setObjectName("kpiTitle")
        self._value = QLabel(self)
        self._value.setObjectName("kpiValue")
        self._value.setTextFormat(Qt.TextFormat.RichText)
        self._note = QLabel(self)
        self._note.setObjectName("kpiNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self._title)
        layout.addWidget(self._value)
        layout.addWidget(self._note)

    @property
    def value_text(self) -> str:
        return self._value.text()

    def show_tile(self, tile: KpiTile, value_html: str, note: str) -> None:
        self._title.setText(tile.title.upper())
        self._value.setText(value_html)
        self._note.setText(note)
        self.setToolTip(tile.explanation)
        self.setProperty("tone", tile.tone.value)
        # A dynamic property only restyles once the style is re-applied to the widget.
        self.style().unpolish(self)
        self.style().polish(self)


class KpiStrip(QWidget):
    """The row of KPI tiles of one document, on `as_of` (default today).

    Signals: none.
    """

    def __init__(self, document: Document, as_of: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._document = document
        self._as_of = as_of
        self.tiles: dict[str, KpiTileWidget] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.setSpacing(10)
        self.kpis = self._load()
        for tile in self.kpis.tiles:
            widget = KpiTileWidget(self)
            self.tiles[tile.key] = widget
            self._layout.addWidget(widget, 1)
        self._show()
        self.catch_up = CatchUp(self.refresh)
        follow_visibility(self, self.catch_up)
        document.changes_applied.connect(self._on_changes_applied)

    def refresh(self) -> None:
        self.kpis = self._load()
        self._show()

    def _load(self) -> PortfolioKpis:
        return portfolio_kpis(self._document.workspace, self._as_of)

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.kinds & KPI_KINDS and not self.catch_up.deferred():
            self.refresh()

    def _show(self) -> None:
        for tile in self.kpis.tiles:
            self.tiles[tile.key].show_tile(tile, self._value_html(tile), self._note(tile))

    def _value_html(self, tile: KpiTile) -> str:
        if tile.key != "rag":
            return tile.value
        counts = self.kpis.rag
        parts = [
            f"<span style='color:{RAG_COLOURS[rag].name()}'>●</span>&nbsp;{count}"
            for rag, count in (("green", counts.green), ("amber", counts.amber), ("red", counts.red))
        ]
        return "&nbsp;&nbsp;".join(parts)

    def _note(self, tile: KpiTile) -> str:
        kpis = self.kpis
        notes = {
            "rag": tr("{better} better · {worse} worse", better=kpis.rag.better, worse=kpis.rag.worse),
            "on_time": tr("{met} of {total} milestones", met=kpis.on_time.met, total=kpis.on_time.total),
            "on_budget": tr("{met} of {total} projects", met=kpis.on_budget.met, total=kpis.on_budget.total),
            "critical_risks": tr("score 20 or more"),
            "over_capacity": tr("in {month}", month=f"{kpis.as_of:%B}"),
            "decisions_due": tr("{count} overdue", count=sum(1 for due in kpis.decisions_due if due.overdue)),
        }
        return notes.get(tile.key, "")

"""Moving an allocation, or part of it, to another person: who takes it, from which week, and how much.

The people offered come with their free hours in the week (or month) the planner clicked, so the one with
room is easy to find; the list is ordered by that. Leaving the date at the allocation's first day moves it
from the start, and leaving the amount whole moves all of it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from pmo_desktop.domain.enums import AllocationUnit
from pmo_desktop.gui.formatting import format_date
from pmo_desktop.gui.models.heatmap_text import hours_text
from pmo_desktop.i18n import tr
from pmo_desktop.services.capacity_cells import CellAllocation

_UNITS = {AllocationUnit.HOURS_PER_WEEK: " h/week", AllocationUnit.PERCENT: " %"}


@dataclass(frozen=True)
class PersonOption:
    """Someone who could take the work, with their free hours in the period the planner looks at."""

    person_id: int
    name: str
    role: str
    free_hours: float


@dataclass(frozen=True)
class MoveChoice:
    """What to move: to whom, from which day (None: from the start), how much (None: all of it)."""

    person_id: int
    start: date | None
    amount: float | None


class MoveAllocationDialog(QDialog):
    """Asks whom to give an allocation (or part of it) to; `choice` holds the answer once accepted.

    Signals: only those of QDialog.
    """

    def __init__(
        self,
        allocation: CellAllocation,
        owner: str,
        people: Sequence[PersonOption],
        from_day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._allocation = allocation
        self._choice: MoveChoice | None = None
        self.setWindowTitle(tr("Move allocation"))
        summary = QLabel(self._summary(owner), self)
        summary.setWordWrap(True)
        self.person = QComboBox(self)
        for option in sorted(people, key=lambda option: (-option.free_hours, option.name.casefold())):
            free = tr("{hours} h free", hours=hours_text(option.free_hours))
            self.person.addItem(f"{option.name} — {option.role or tr('no role')} — {free}", option.person_id)
        self.start = QDateEdit(self)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("d MMM yyyy")
        first, last = allocation.span_start, allocation.span_finish
        self.start.setDateRange(QDate(first.year, first.month, first.day), QDate(last.year, last.month, last.day))
        day = min(max(from_day, first), last)
        self.start.setDate(QDate(day.year, day.month, day.day))
        self.amount = QDoubleSpinBox(self)
        self.amount.setDecimals(1)
        self.amount.setRange(0.5, allocation.amount)
        self.amount.setSingleStep(0.5)
        self.amount.setValue(allocation.amount)
        self.amount.setSuffix(tr(_UNITS[allocation.unit]))
        form = QFormLayout()
        form.addRow(tr("&To"), self.person)
        form.addRow(tr("&From"), self.start)
        form.addRow(tr("&Amount"), self.amount)
        hint = QLabel(tr("Less than the whole amount moves only that much; the rest stays."), self)
        hint.setObjectName("pageSummary")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Move"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.person.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    @property
    def choice(self) -> MoveChoice | None:
        return self._choice

    def accept(self) -> None:
        allocation = self._allocation
        start = self.start.date().toPython()
        assert isinstance(start, date)
        amount = self.amount.value()
        self._choice = MoveChoice(
            int(self.person.currentData()),
            start if start > allocation.span_start else None,
            amount if amount < allocation.amount else None,
        )
        super().accept()

    def _summary(self, owner: str) -> str:
        allocation = self._allocation
        return tr(
            "{project}: {amount}{unit} of {owner}'s time, {start} to {finish}.",
            project=allocation.project,
            amount=hours_text(allocation.amount),
            unit=tr(_UNITS[allocation.unit]),
            owner=owner,
            start=format_date(allocation.span_start),
            finish=format_date(allocation.span_finish),
        )

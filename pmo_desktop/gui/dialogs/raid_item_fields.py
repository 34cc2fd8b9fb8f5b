"""Small bindings between the RAID item form's widgets and stored values: choices, optional dates, score chips.

Each reads and writes the value the service stores (an enum value, an id, a `date` or None), so the dialog
can compare what the user left with what the record held and send only the difference.
"""

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLabel

from pmo_desktop.i18n import tr
from pmo_desktop.risk import RiskScore

Choice = tuple[Any, str]
_UNSET_DATE = "QDateEdit { color: #9aa5b1; }"
_EMPTY_CHIP = "QLabel { border: 1px dashed #b6bec8; border-radius: 4px; color: #52606d; padding: 3px 8px; }"
_CHIP = "QLabel {{ background: {fill}; color: {ink}; border-radius: 4px; font-weight: 600; padding: 3px 8px; }}"


def fill_choices(combo: QComboBox, choices: Iterable[Choice], current: Any) -> None:
    """Offer `choices` (value, label) and select `current` (the first choice when it is not offered)."""
    combo.blockSignals(True)
    combo.clear()
    for value, label in choices:
        combo.addItem(label, value)
    combo.blockSignals(False)
    select_value(combo, current)


def select_value(combo: QComboBox, value: Any) -> None:
    # findData cannot find None (PySide passes it as an invalid QVariant), so search by hand.
    position = next((index for index in range(combo.count()) if combo.itemData(index) == value), 0)
    combo.setCurrentIndex(position)


def chosen(combo: QComboBox) -> Any:
    return combo.currentData()


class OptionalDate:
    """A date that may be unset: a check box beside a date edit; unchecked means None."""

    def __init__(self, check: QCheckBox, edit: QDateEdit) -> None:
        self._check = check
        self._edit = edit
        check.toggled.connect(self._show_state)

    def set_value(self, value: date | None, fallback: date) -> None:
        """Show `value`, or `fallback` greyed out (the date a user most likely wants once they tick it)."""
        shown = value or fallback
        self._edit.setDate(QDate(shown.year, shown.month, shown.day))
        self._check.setChecked(value is not None)
        self._show_state(value is not None)

    def value(self) -> date | None:
        return date_of(self._edit) if self._check.isChecked() else None

    def _show_state(self, is_set: bool) -> None:
        # The app palette draws disabled text like enabled text, so an unset date is greyed explicitly.
        self._edit.setEnabled(is_set)
        self._edit.setStyleSheet("" if is_set else _UNSET_DATE)


def date_of(edit: QDateEdit) -> date:
    picked = edit.date()
    return date(picked.year(), picked.month(), picked.day())


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def show_score(label: QLabel, score: RiskScore | None, empty_text: str) -> None:
    """A chip in the band's colours with the score and band, or a dashed placeholder."""
    if score is None:
        label.setText(empty_text)
        label.setStyleSheet(_EMPTY_CHIP)
        label.setToolTip("")
        return
    band = score.band
    label.setText(tr("{score} · {band}", score=score.score, band=band.label))
    label.setStyleSheet(_CHIP.format(fill=band.colour, ink=band.text_colour))
    label.setToolTip(tr("Probability {p} × impact {i}", p=score.probability, i=score.impact))

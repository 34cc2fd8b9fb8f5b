"""The two rows of the time header, as cells with labels, for the part of the time line in view.

Pure Python: `header_rows` walks the units of each row from the left edge of the viewport to its right edge
(never the whole time line), so its cost follows the width on screen. Labels shorten as cells narrow.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from pmo_desktop.gui.views.gantt.time_scale import Tier, TimeScale
from pmo_desktop.i18n import tr

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("M", "T", "W", "T", "F", "S", "S")


class Unit(Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


UNITS: dict[Tier, tuple[Unit, Unit]] = {
    Tier.DAYS: (Unit.WEEK, Unit.DAY),
    Tier.WEEKS: (Unit.MONTH, Unit.WEEK),
    Tier.MONTHS: (Unit.QUARTER, Unit.MONTH),
    Tier.QUARTERS: (Unit.YEAR, Unit.QUARTER),
}
"""(upper row, lower row) for each zoom level."""


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """One unit of a header row: its span in viewport x, its first day and its label."""

    x0: float
    x1: float
    first: date
    label: str


@dataclass(frozen=True, slots=True)
class HeaderRows:
    upper: tuple[HeaderCell, ...]
    lower: tuple[HeaderCell, ...]
    lower_unit: Unit


def unit_start(day: date, unit: Unit) -> date:
    """The first day of the unit that holds `day` (weeks start on Monday)."""
    if unit is Unit.DAY:
        return day
    if unit is Unit.WEEK:
        return day - timedelta(days=day.weekday())
    if unit is Unit.MONTH:
        return day.replace(day=1)
    if unit is Unit.QUARTER:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def next_start(first: date, unit: Unit) -> date:
    """The first day of the unit after the one starting on `first`."""
    if unit is Unit.DAY:
        return first + timedelta(days=1)
    if unit is Unit.WEEK:
        return first + timedelta(days=7)
    months = {Unit.MONTH: 1, Unit.QUARTER: 3, Unit.YEAR: 12}[unit]
    month = first.month - 1 + months
    return date(first.year + month // 12, month % 12 + 1, 1)


def header_rows(scale: TimeScale, width: float) -> HeaderRows:
    """The cells of both header rows that overlap viewport x in [0, width]."""
    upper, lower = UNITS[scale.tier]
    return HeaderRows(_cells(scale, width, upper, upper=True), _cells(scale, width, lower, upper=False), lower)


def _cells(scale: TimeScale, width: float, unit: Unit, *, upper: bool) -> tuple[HeaderCell, ...]:
    label = _UPPER_LABELS[unit] if upper else _LOWER_LABELS[unit]
    first = unit_start(scale.day_at(0), unit)
    last = scale.day_at(width)
    cells = []
    while first <= last:
        following = next_start(first, unit)
        x0, x1 = scale.x_of(first), scale.x_of(following)
        cells.append(HeaderCell(x0, x1, first, label(first, x1 - x0)))
        first = following
    return tuple(cells)


def _day(first: date, room: float) -> str:
    return f"{tr(_WEEKDAYS[first.weekday()])} {first.day}" if room >= 34 else str(first.day)


def _week_lower(first: date, room: float) -> str:
    return f"{first.day} {tr(_MONTHS[first.month - 1])}" if room >= 48 else str(first.day)


def _week_upper(first: date, room: float) -> str:
    week = first.isocalendar().week
    return tr(
        "Week {week} · {day} {month} {year}",
        week=week,
        day=first.day,
        month=tr(_MONTHS[first.month - 1]),
        year=first.year,
    )


def _month_lower(first: date, room: float) -> str:
    if room >= 64:
        return tr(_MONTH_NAMES[first.month - 1])
    if room >= 26:
        return tr(_MONTHS[first.month - 1])
    return tr(_MONTHS[first.month - 1])[0] if room >= 9 else ""


def _month_upper(first: date, room: float) -> str:
    return f"{tr(_MONTH_NAMES[first.month - 1])} {first.year}"


def _quarter_lower(first: date, room: float) -> str:
    return tr("Q{number}", number=(first.month - 1) // 3 + 1) if room >= 20 else ""


def _quarter_upper(first: date, room: float) -> str:
    return tr("Q{number} {year}", number=(first.month - 1) // 3 + 1, year=first.year)


def _year(first: date, room: float) -> str:
    return str(first.year) if room >= 28 else ""


_Label = Callable[[date, float], str]
_LOWER_LABELS: dict[Unit, _Label] = {
    Unit.DAY: _day,
    Unit.WEEK: _week_lower,
    Unit.MONTH: _month_lower,
    Unit.QUARTER: _quarter_lower,
    Unit.YEAR: _year,
}
_UPPER_LABELS: dict[Unit, _Label] = {
    Unit.DAY: _day,
    Unit.WEEK: _week_upper,
    Unit.MONTH: _month_upper,
    Unit.QUARTER: _quarter_upper,
    Unit.YEAR: _year,
}

"""The quarter a board pack reports on: parsing "2026-Q4", the quarters around it and the day it is read on.

Quarters follow the portfolio's fiscal year (`fiscal_year_start_month`) unless the text asks for calendar
quarters. A fiscal year is named after the calendar year it ends in, as `fiscal_quarter_label` names it:
with a year starting in April, FY2027 runs from April 2026 to March 2027 and its Q3 is October to December
2026. Accepted spellings (case and spaces do not matter):

- `2026-Q4`, `2026 Q4`, `Q4 2026`: quarter 4 of the portfolio's year 2026 (fiscal, or calendar for a
  portfolio whose year starts in January);
- `FY2027-Q3`: the same, saying "fiscal" outright;
- `CY2026-Q4`: calendar quarters whatever the portfolio's fiscal year.

A pack reads the portfolio on its *as-of day*: today while the quarter runs, its last day once it is over.
A quarter that has not begun has nothing to report and is refused.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import month_name, tr
from pmo_desktop.services.validation.common import day

_YEAR_FIRST = re.compile(r"^(?P<basis>FY|CY)?(?P<year>\d{4})Q(?P<quarter>[1-4])$", re.ASCII)
_QUARTER_FIRST = re.compile(r"^Q(?P<quarter>[1-4])(?P<basis>FY|CY)?(?P<year>\d{4})$", re.ASCII)
_ONE_DAY = timedelta(days=1)
_FIRST_YEAR, _LAST_YEAR = 1900, 2999


@dataclass(frozen=True)
class ReportPeriod:
    """Quarter `quarter` (1-4) of the year `year`, in years starting in `start_month` (1 = calendar quarters).

    `year` is the fiscal year's name: the calendar year its last month falls in.
    """

    year: int
    quarter: int
    start_month: int

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4 or not 1 <= self.start_month <= 12:
            raise ValueError("a quarter is 1-4 and a year starts in month 1-12")

    @property
    def fiscal(self) -> bool:
        """True for a fiscal year that does not start in January."""
        return self.start_month != 1

    @property
    def first(self) -> date:
        """The quarter's first day."""
        # The year named Y starts in start_month of Y - 1 unless it starts in January.
        months = (self.start_month - 1) + 3 * (self.quarter - 1)
        start_year = self.year - 1 if self.fiscal else self.year
        return date(start_year + months // 12, months % 12 + 1, 1)

    @property
    def last(self) -> date:
        """The quarter's last day."""
        return self.following().first - _ONE_DAY

    @property
    def label(self) -> str:
        """ "FY2027 Q3" for a fiscal quarter, "2026 Q4" for a calendar one."""
        return f"FY{self.year} Q{self.quarter}" if self.fiscal else f"{self.year} Q{self.quarter}"

    @property
    def code(self) -> str:
        """The text `parse_period` reads back as this quarter for the same portfolio: "FY2027-Q3" or
        "CY2026-Q4" (calendar quarters read back as calendar ones whatever the portfolio's fiscal year)."""
        return f"{'FY' if self.fiscal else 'CY'}{self.year}-Q{self.quarter}"

    @property
    def span_text(self) -> str:
        """ "1 Oct 2026 – 31 Dec 2026"."""
        return f"{day(self.first)} – {day(self.last)}"

    @property
    def basis_text(self) -> str:
        """Which quarters these are, for the pack to say: fiscal (with the year's first month) or calendar."""
        if self.fiscal:
            return tr("fiscal quarters, the year starting in {month}", month=month_name(self.start_month))
        return tr("calendar quarters")

    def following(self) -> "ReportPeriod":
        if self.quarter == 4:
            return ReportPeriod(self.year + 1, 1, self.start_month)
        return ReportPeriod(self.year, self.quarter + 1, self.start_month)

    def previous(self) -> "ReportPeriod":
        if self.quarter == 1:
            return ReportPeriod(self.year - 1, 4, self.start_month)
        return ReportPeriod(self.year, self.quarter - 1, self.start_month)

    def contains(self, when: date) -> bool:
        return self.first <= when <= self.last

    def quarters(self, count: int) -> tuple["ReportPeriod", ...]:
        """This quarter and the `count - 1` after it."""
        found = [self]
        while len(found) < count:
            found.append(found[-1].following())
        return tuple(found)

    def fiscal_year(self) -> tuple["ReportPeriod", ...]:
        """The four quarters of this quarter's year."""
        return ReportPeriod(self.year, 1, self.start_month).quarters(4)


def period_of(when: date, start_month: int) -> ReportPeriod:
    """The quarter holding `when`, in years starting in `start_month`."""
    months_in = (when.month - start_month) % 12
    quarter = months_in // 3 + 1
    # The year is named after the calendar year its last month falls in.
    year_end_month_index = start_month - 1 + 11
    start_year = when.year if when.month >= start_month else when.year - 1
    year = start_year + year_end_month_index // 12
    return ReportPeriod(year, quarter, start_month)


def parse_period(text: str, start_month: int) -> ReportPeriod:
    """The quarter `text` names (see the module docstring); raises `ValidationError` with an example."""
    compact = re.sub(r"[\s\-_/]+", "", text.upper())
    found = _YEAR_FIRST.match(compact) or _QUARTER_FIRST.match(compact)
    if found is None:
        raise ValidationError(
            tr(
                "'{text}' is not a quarter: write it as 2026-Q4 (or FY2027-Q3 for a fiscal, CY2026-Q4 for a "
                "calendar quarter).",
                text=_shown(text),
            )
        )
    year = int(found["year"])
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        raise ValidationError(tr("The year {year} is out of range.", year=year))
    month = 1 if found["basis"] == "CY" else start_month
    return ReportPeriod(year, int(found["quarter"]), month)


def as_of_day(period: ReportPeriod, today: date) -> date:
    """The day a pack for `period` reads the portfolio on: `today` inside the quarter, its last day after it.

    Raises `ValidationError` for a quarter that begins after `today`.
    """
    if period.first > today:
        raise ValidationError(
            tr(
                "{label} has not begun yet (it starts on {start}); choose the current quarter or an earlier one.",
                label=period.label,
                start=day(period.first),
            )
        )
    return min(today, period.last)


def _shown(text: str) -> str:
    """What the user typed, on one line and cut short, for quoting in a message."""
    line = " ".join(text.split())
    return line if len(line) <= 40 else line[:39] + "…"

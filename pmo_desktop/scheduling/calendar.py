"""The working-day calendar: a working week and a set of holidays, and arithmetic on working days.

Working days are numbered by an *index*: consecutive working days get consecutive integers, so adding
working days is an integer addition and the scheduler never loops over dates. Index 0 is the first working
day the calendar ever tabulated; the numbering never changes afterwards, so indices held by a schedule stay
valid while the calendar grows its table to cover dates further out.

The table is built lazily, a whole year at a time, and replaced in one assignment when it grows, so a
reader on another thread sees either the old table or the new one, never half of each.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date

from pmo_desktop.domain.errors import ValidationError
from pmo_desktop.i18n import tr

MONDAY_TO_FRIDAY = 0b0011111  # bit 0 = Monday ... bit 6 = Sunday, as the portfolio stores it
_FULL_WEEK = 0b1111111
_MARGIN_YEARS = 1  # tabulate a year either side of what was asked, so neighbouring dates need no rebuild

HolidaySource = Callable[[int], Iterable[date]]


@dataclass(frozen=True, slots=True)
class _Table:
    """Working days of the years `first_year..last_year` (both included)."""

    first_year: int
    last_year: int
    first_ordinal: int
    dates: list[date]  # the working days in order; position p holds index p - zero
    after: list[int]  # per calendar day from first_ordinal: position of the first working day on or after it
    working: bytes  # per calendar day from first_ordinal: 1 when it is a working day
    zero: int  # position of index 0


class WorkCalendar:
    """A working week (bitmask, bit 0 = Monday) minus holidays: fixed dates plus an optional per-year source."""

    def __init__(
        self,
        working_days: int = MONDAY_TO_FRIDAY,
        holidays: Iterable[date] = (),
        holiday_source: HolidaySource | None = None,
    ) -> None:
        if not 1 <= working_days <= _FULL_WEEK:
            raise ValidationError(tr("The working week needs at least one working day."))
        self._week = working_days
        self._fixed = frozenset(day.toordinal() for day in holidays)
        self._source = holiday_source
        self._by_year: dict[int, frozenset[int]] = {}
        self._table: _Table | None = None
        self._zero_ordinal: int | None = None

    @classmethod
    def for_country(
        cls,
        working_days: int = MONDAY_TO_FRIDAY,
        country: str | None = None,
        subdivision: str | None = None,
        extra_holidays: Iterable[date] = (),
    ) -> "WorkCalendar":
        """The portfolio's calendar: its working week, the public holidays of `country` (ISO code, optional
        `subdivision`) from the `holidays` package, and the holidays entered by hand.

        Public holidays are fetched year by year as the calendar reaches them, so a plan that runs on for
        years still skips the holidays of its last year. An unknown country or subdivision is refused.
        """
        if country is None:
            return cls(working_days, extra_holidays)
        return cls(working_days, extra_holidays, _country_source(country, subdivision))

    @property
    def working_days(self) -> int:
        """The working week as a bitmask, bit 0 = Monday."""
        return self._week

    def is_working_day(self, day: date) -> bool:
        table = self._covering(day.year)
        return bool(table.working[day.toordinal() - table.first_ordinal])

    def index_on_or_after(self, day: date) -> int:
        """The index of `day`, or of the next working day when `day` is not one."""
        table = self._covering(day.year)
        position = table.after[day.toordinal() - table.first_ordinal]
        if position == len(table.dates):  # no working day left in the table's last year
            table = self._covering(table.last_year + 1)
            position = table.after[day.toordinal() - table.first_ordinal]
        return position - table.zero

    def index_on_or_before(self, day: date) -> int:
        """The index of `day`, or of the previous working day when `day` is not one."""
        table = self._covering(day.year)
        offset = day.toordinal() - table.first_ordinal
        position = table.after[offset] - 1 + table.working[offset]
        if position < 0:  # no working day before it in the table's first year
            table = self._covering(table.first_year - 1)
            offset = day.toordinal() - table.first_ordinal
            position = table.after[offset] - 1 + table.working[offset]
        return position - table.zero

    def date_at(self, index: int) -> date:
        """The working day with this index."""
        return self.working_dates(index, index)[0]

    def working_dates(self, first: int, last: int) -> list[date]:
        """The working days with indices `first..last` (both included), in order."""
        table = self._covering_indices(first, last)
        return table.dates[first + table.zero : last + table.zero + 1]

    def add_working_days(self, day: date, days: int) -> date:
        """The working day `days` working days after `day` (before it when negative).

        Zero gives `day` itself when it is a working day, else the next one. From a non-working day, +1 is the
        first working day after it and -1 the last one before it.
        """
        if days > 0:
            return self.date_at(self.index_on_or_before(day) + days)
        return self.date_at(self.index_on_or_after(day) + days)

    def count_working_days(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included: the duration of work spanning them (0 if none)."""
        return max(0, self.index_on_or_before(last) - self.index_on_or_after(first) + 1)

    def _covering(self, year: int) -> _Table:
        year = min(max(year, MINYEAR), MAXYEAR - 1)  # the range `datetime.date` can tabulate
        table = self._table
        if table is None or not table.first_year <= year <= table.last_year:
            first = year if table is None else min(year, table.first_year)
            last = year if table is None else max(year, table.last_year)
            table = self._build(first - _MARGIN_YEARS, last + _MARGIN_YEARS)
        return table

    def _covering_indices(self, first: int, last: int) -> _Table:
        table = self._table or self._covering(date.today().year)
        while first + table.zero < 0 or last + table.zero >= len(table.dates):
            before = table.first_year, table.last_year
            if first + table.zero < 0:
                table = self._covering(table.first_year - self._years_for(-(first + table.zero)))
            else:
                table = self._covering(table.last_year + self._years_for(last + table.zero - len(table.dates) + 1))
            if (table.first_year, table.last_year) == before:  # stopped at the limits of `datetime.date`
                raise ValidationError(
                    tr("Dates cannot go beyond the years {first} to {last}.", first=MINYEAR, last=MAXYEAR - 1)
                )
        return table

    def _years_for(self, missing_days: int) -> int:
        """Whole years that hold roughly `missing_days` more working days (the caller loops if short)."""
        per_year = 52 * self._week.bit_count()
        return missing_days // per_year + 1

    def _build(self, first_year: int, last_year: int) -> _Table:
        first_year, last_year = max(first_year, MINYEAR), min(last_year, MAXYEAR - 1)  # the margin may overshoot
        first_ordinal = date(first_year, 1, 1).toordinal()
        end_ordinal = date(last_year + 1, 1, 1).toordinal()
        closed = self._fixed.union(*(self._holidays_of(year) for year in range(first_year, last_year + 1)))
        dates: list[date] = []
        after: list[int] = []
        working = bytearray(end_ordinal - first_ordinal)
        for offset, ordinal in enumerate(range(first_ordinal, end_ordinal)):
            after.append(len(dates))
            # date.weekday() of an ordinal is (ordinal - 1) % 7: ordinal 1 (0001-01-01) is a Monday.
            if self._week >> ((ordinal - 1) % 7) & 1 and ordinal not in closed:
                working[offset] = 1
                dates.append(date.fromordinal(ordinal))
        if self._zero_ordinal is None and dates:
            self._zero_ordinal = dates[0].toordinal()
        zero = after[self._zero_ordinal - first_ordinal] if self._zero_ordinal is not None else 0
        table = _Table(first_year, last_year, first_ordinal, dates, after, bytes(working), zero)
        self._table = table
        return table

    def _holidays_of(self, year: int) -> frozenset[int]:
        """The holidays dated in `year`, whichever year's list they come from.

        A holiday observed on another day can land in the year before or after (New Year's Day on a Saturday
        observed on 31 December). Taking each year's days from its neighbours' lists too keeps the set of a
        year fixed however far the table reaches, and with it every index handed out.
        """
        if self._source is None:
            return frozenset()
        first, end = date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal()
        listed = self._listed(year - 1) | self._listed(year) | self._listed(year + 1)
        return frozenset(ordinal for ordinal in listed if first <= ordinal < end)

    def _listed(self, year: int) -> frozenset[int]:
        """The source's list for `year`, fetched once."""
        if self._source is None or not MINYEAR <= year <= MAXYEAR:
            return frozenset()
        if year not in self._by_year:
            self._by_year[year] = frozenset(day.toordinal() for day in self._source(year))
        return self._by_year[year]


def _country_source(country: str, subdivision: str | None) -> HolidaySource:
    import holidays  # 50 ms to import: only when a portfolio names a country

    def source(year: int) -> Iterable[date]:
        return holidays.country_holidays(country, subdiv=subdivision, years=year).keys()

    try:
        source(date.today().year)
    except NotImplementedError as error:  # the package's way of saying "unknown country or subdivision"
        raise ValidationError(
            tr("Public holidays are not available for '{place}'.", place=_place(country, subdivision))
        ) from error
    return source


def _place(country: str, subdivision: str | None) -> str:
    return country if subdivision is None else f"{country}-{subdivision}"

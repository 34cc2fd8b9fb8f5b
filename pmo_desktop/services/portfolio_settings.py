"""The portfolio's settings as plain data, and the calendars and fiscal periods derived from them.

Every portfolio query reads the settings once and hands the engines a calendar built here: the working
week, the public holidays of the portfolio's country (from the `holidays` package) and the holidays entered
by hand. Fiscal quarters start in the portfolio's fiscal year start month.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, select

from pmo_desktop import capacity, scheduling
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import Holiday, Portfolio

_MONTHS_PER_QUARTER = 3


@dataclass(frozen=True)
class HandHoliday:
    """A non-working day entered by hand."""

    id: int
    day: date
    name: str


@dataclass(frozen=True)
class PortfolioSettings:
    """The one row of portfolio settings with its hand-entered holidays (by day)."""

    id: int
    name: str
    owner: str
    currency: str
    fiscal_year_start_month: int
    working_days: int
    hours_per_day: float
    holiday_country: str | None
    holiday_subdivision: str | None
    classification: str
    holidays: tuple[HandHoliday, ...]

    @property
    def holiday_days(self) -> frozenset[date]:
        return frozenset(holiday.day for holiday in self.holidays)


def read_settings(connection: Connection) -> PortfolioSettings:
    """The settings inside an open read or transaction (every portfolio file has exactly one row)."""
    row = connection.execute(
        select(
            Portfolio.id,
            Portfolio.name,
            Portfolio.owner,
            Portfolio.currency,
            Portfolio.fiscal_year_start_month,
            Portfolio.working_days,
            Portfolio.hours_per_day,
            Portfolio.holiday_country,
            Portfolio.holiday_subdivision,
            Portfolio.classification,
        ).order_by(Portfolio.id)
    ).one()
    holidays = connection.execute(select(Holiday.id, Holiday.day, Holiday.name).order_by(Holiday.day)).all()
    return PortfolioSettings(
        id=int(row.id),
        name=str(row.name),
        owner=str(row.owner),
        currency=str(row.currency),
        fiscal_year_start_month=int(row.fiscal_year_start_month),
        working_days=int(row.working_days),
        hours_per_day=float(row.hours_per_day),
        holiday_country=row.holiday_country,
        holiday_subdivision=row.holiday_subdivision,
        classification=str(row.classification),
        holidays=tuple(HandHoliday(int(holiday_id), day, str(name)) for holiday_id, day, name in holidays),
    )


def portfolio_settings(workspace: Workspace) -> PortfolioSettings:
    with workspace.reading() as connection:
        return read_settings(connection)


def schedule_calendar(settings: PortfolioSettings) -> scheduling.WorkCalendar:
    """The working-day calendar of the scheduler: working week, country holidays and hand holidays."""
    return scheduling.WorkCalendar.for_country(
        settings.working_days, settings.holiday_country, settings.holiday_subdivision, settings.holiday_days
    )


def public_holidays(settings: PortfolioSettings, years: Iterable[int]) -> frozenset[date]:
    """The public holidays of the portfolio's country in `years` (none without a country)."""
    if not settings.holiday_country:
        return frozenset()
    import holidays  # 50 ms to import: only when a portfolio names a country

    found = holidays.country_holidays(
        settings.holiday_country, subdiv=settings.holiday_subdivision, years=sorted(set(years))
    )
    return frozenset(found.keys())


def capacity_calendar(settings: PortfolioSettings, first: date, last: date) -> capacity.WorkCalendar:
    """The capacity engine's calendar for the days from `first` to `last`."""
    years = range(first.year, last.year + 1)
    closed = public_holidays(settings, years) | settings.holiday_days
    return capacity.WorkCalendar(settings.working_days, frozenset(closed), settings.hours_per_day)


def fiscal_quarter(day: date, start_month: int) -> tuple[date, date]:
    """First and last day of the fiscal quarter holding `day`, for a fiscal year starting in `start_month`."""
    months_in = (day.month - start_month) % 12
    first_month = (start_month - 1 + months_in - months_in % _MONTHS_PER_QUARTER) % 12 + 1
    year = day.year if first_month <= day.month else day.year - 1
    first = date(year, first_month, 1)
    return first, _months_after(first, _MONTHS_PER_QUARTER) - timedelta(days=1)


def fiscal_quarter_label(day: date, start_month: int) -> str:
    """ "FY2026 Q3": the fiscal year is named after the calendar year it ends in (April start: FY2027 ends
    in March 2027); a calendar-year portfolio reads "2026 Q3"."""
    first, _ = fiscal_quarter(day, start_month)
    quarter = ((first.month - start_month) % 12) // _MONTHS_PER_QUARTER + 1
    if start_month == 1:
        return f"{first.year} Q{quarter}"
    fiscal_year = first.year + 1 if first.month >= start_month else first.year
    return f"FY{fiscal_year} Q{quarter}"


def _months_after(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)


def holiday_countries() -> list[tuple[str, str, tuple[str, ...]]]:
    """Countries whose public holidays are known: (ISO code, English name, region codes), by name."""
    import holidays
    from holidays import registry

    supported = holidays.list_supported_countries()
    found = []
    for module, (_class_name, code, *_aliases) in registry.COUNTRIES.items():
        if code in supported:
            found.append((code, module.replace("_", " ").title(), tuple(supported[code])))
    return sorted(found, key=lambda country: country[1])

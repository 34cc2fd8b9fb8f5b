"""Money for the board pack: budget, actual and forecast by programme and quarter, and CPI and SPI by programme.

`finance_by_quarter` sums the budget lines of every project that has any into the quarters shown (by default
the fiscal year of the report period and the next), with what falls before and after them in two more
columns so every row adds up to the project's totals. As in the overview, *actual* counts only lines whose
period has started by the as-of day; *planned* and *forecast* count every line. Money is in minor units.

`programme_performance` adds up the earned-value figures of the overview (see `earned_value`) by programme:
CPI = sum EV / sum AC and SPI = sum EV / sum PV over the projects that have those figures; None where
nothing can be measured. Proposed and cancelled projects are left out: they have no performance to judge.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from pmo_desktop.domain.enums import Stage
from pmo_desktop.i18n import tr
from pmo_desktop.services.board_pack_period import ReportPeriod
from pmo_desktop.services.portfolio_queries import OverviewRow, PortfolioOverview
from pmo_desktop.services.portfolio_settings import read_settings
from pmo_desktop.services.workspace import Workspace
from pmo_desktop.storage.models import BudgetLine, Programme, Project

_NOT_PERFORMING = frozenset({Stage.PROPOSED, Stage.CANCELLED})


@dataclass(frozen=True)
class Amounts:
    """Planned, actual and forecast money (minor units)."""

    planned_minor: int = 0
    actual_minor: int = 0
    forecast_minor: int = 0

    def __add__(self, other: "Amounts") -> "Amounts":
        return Amounts(
            self.planned_minor + other.planned_minor,
            self.actual_minor + other.actual_minor,
            self.forecast_minor + other.forecast_minor,
        )

    @property
    def empty(self) -> bool:
        return not (self.planned_minor or self.actual_minor or self.forecast_minor)


def _sum(amounts: tuple[Amounts, ...]) -> Amounts:
    total = Amounts()
    for amount in amounts:
        total = total + amount
    return total


@dataclass(frozen=True)
class FinanceLine:
    """One project's (or a group's) money: before the quarters shown, in each of them, and after them."""

    key: int | None
    code: str
    name: str
    programme_id: int | None
    programme_name: str
    budget_minor: int
    earlier: Amounts
    quarters: tuple[Amounts, ...]
    later: Amounts
    projects: int = 1

    @property
    def total(self) -> Amounts:
        return _sum((self.earlier, *self.quarters, self.later))

    def __add__(self, other: "FinanceLine") -> "FinanceLine":
        return FinanceLine(
            self.key,
            self.code,
            self.name,
            self.programme_id,
            self.programme_name,
            self.budget_minor + other.budget_minor,
            self.earlier + other.earlier,
            tuple(mine + theirs for mine, theirs in zip(self.quarters, other.quarters, strict=True)),
            self.later + other.later,
            self.projects + other.projects,
        )


@dataclass(frozen=True)
class FinanceReading:
    """Projects with budget lines (by programme name, then code; projects outside a programme last)."""

    as_of: date
    currency: str
    quarters: tuple[ReportPeriod, ...]
    lines: tuple[FinanceLine, ...]

    @property
    def programmes(self) -> tuple[FinanceLine, ...]:
        """One line per programme (key = programme id), in the order of `lines`."""
        groups: dict[int | None, FinanceLine] = {}
        for line in self.lines:
            group = _empty_line(line.programme_id, line.programme_name, len(self.quarters))
            groups[line.programme_id] = groups.get(line.programme_id, group) + line
        return tuple(groups.values())

    @property
    def total(self) -> FinanceLine:
        """The whole portfolio as one line."""
        total = _empty_line(None, tr("Portfolio"), len(self.quarters))
        for line in self.lines:
            total = total + line
        return total


def _empty_line(key: int | None, name: str, quarters: int) -> FinanceLine:
    return FinanceLine(key, "", name, key, name, 0, Amounts(), (Amounts(),) * quarters, Amounts(), projects=0)


def default_quarters(period: ReportPeriod) -> tuple[ReportPeriod, ...]:
    """The quarters of the report period's year and of the next year."""
    return period.fiscal_year()[0].quarters(8)


def finance_by_quarter(
    workspace: Workspace, period: ReportPeriod, as_of: date, quarters: tuple[ReportPeriod, ...] | None = None
) -> FinanceReading:
    """Budget lines summed by project and quarter (see the module docstring)."""
    shown = quarters or default_quarters(period)
    with workspace.reading() as connection:
        currency = read_settings(connection).currency
        projects = connection.execute(
            select(Project.id, Project.code, Project.name, Project.programme_id, Project.budget_minor, Programme.name)
            .outerjoin(Programme, Programme.id == Project.programme_id)
            .order_by(Project.code)
        ).all()
        lines = connection.execute(
            select(
                BudgetLine.project_id,
                BudgetLine.period_start,
                BudgetLine.planned_minor,
                BudgetLine.actual_minor,
                BudgetLine.forecast_minor,
            )
        ).all()
    buckets: dict[int, list[Amounts]] = defaultdict(lambda: [Amounts()] * (len(shown) + 2))
    for project_id, start, planned, actual, forecast in lines:
        column = _column(start, shown)
        counted = Amounts(int(planned), int(actual) if start <= as_of else 0, int(forecast))
        buckets[int(project_id)][column] = buckets[int(project_id)][column] + counted
    found = [
        FinanceLine(
            int(row[0]),
            str(row[1]),
            str(row[2]),
            row[3],
            str(row[5]) if row[5] is not None else tr("No programme"),
            int(row[4]),
            buckets[int(row[0])][0],
            tuple(buckets[int(row[0])][1:-1]),
            buckets[int(row[0])][-1],
        )
        for row in projects
        if int(row[0]) in buckets
    ]
    found.sort(key=lambda line: (line.programme_id is None, line.programme_name.casefold(), line.code))
    return FinanceReading(as_of, currency, shown, tuple(found))


def _column(start: date, quarters: tuple[ReportPeriod, ...]) -> int:
    """0 before the first quarter, 1 + index inside one, len + 1 after the last."""
    if start < quarters[0].first:
        return 0
    for index, quarter in enumerate(quarters):
        if quarter.contains(start):
            return index + 1
    return len(quarters) + 1


@dataclass(frozen=True)
class Performance:
    """Earned-value sums of a programme (or the portfolio): `earned_for_cost_minor` is the EV of the projects
    with actual cost (the CPI's numerator), `earned_for_schedule_minor` the EV of those with planned value."""

    programme_id: int | None
    name: str
    budget_minor: int
    earned_for_cost_minor: int
    actual_cost_minor: int
    earned_for_schedule_minor: int
    planned_value_minor: int
    projects: int

    @property
    def cpi(self) -> float | None:
        return self.earned_for_cost_minor / self.actual_cost_minor if self.actual_cost_minor else None

    @property
    def spi(self) -> float | None:
        return self.earned_for_schedule_minor / self.planned_value_minor if self.planned_value_minor else None


def programme_performance(overview: PortfolioOverview) -> tuple[Performance, ...]:
    """CPI and SPI by programme, in the overview's order, then the portfolio as a whole (key None, last)."""
    found = [_performance(group.programme_id, group.name, group.rows) for group in overview.groups]
    found.append(_performance(None, tr("Portfolio"), tuple(overview.rows)))
    return tuple(found)


def _performance(key: int | None, name: str, rows: tuple[OverviewRow, ...]) -> Performance:
    performing = [row for row in rows if row.stage not in _NOT_PERFORMING]
    values = [row.earned_value for row in performing]
    costed = [value for value in values if value.earned_value_minor is not None and value.actual_cost_minor > 0]
    planned = [value for value in values if value.earned_value_minor is not None and value.planned_value_minor]
    return Performance(
        key,
        name,
        sum(row.budget_minor for row in performing),
        sum(value.earned_value_minor or 0 for value in costed),
        sum(value.actual_cost_minor for value in costed),
        sum(value.earned_value_minor or 0 for value in planned),
        sum(value.planned_value_minor or 0 for value in planned),
        len(performing),
    )

"""Budget lines of the realistic demo: planned, actual and forecast per quarter and category.

Planned money follows the plan (each quarter's share of the project's working days) and adds up to the
project's budget exactly. Actuals exist for elapsed time only: whole past quarters, and the current
quarter up to today. Forecasts equal actuals in the past and carry the project's overrun into the future,
so the few projects with an `overrun` show up as over budget.
"""

import random
from datetime import date, timedelta

from pmo_desktop.demo.plan import ProjectPlan
from pmo_desktop.demo.reports import quarter_start
from pmo_desktop.demo.rows import RowWriter
from pmo_desktop.demo.workdays import workdays
from pmo_desktop.domain.enums import BudgetCategory, EntityKind

# Infrastructure-heavy projects spend more on capex; the rest is mostly people.
_SPLITS = {
    "DCX": (0.45, 0.25, 0.30),
    "RFH": (0.60, 0.10, 0.30),
    "ASP": (0.65, 0.10, 0.25),
}
_DEFAULT_SPLIT = (0.25, 0.15, 0.60)
_CATEGORIES = (BudgetCategory.CAPEX, BudgetCategory.OPEX, BudgetCategory.LABOUR)


def write_budget_lines(writer: RowWriter, rng: random.Random, plans: list[ProjectPlan], as_of: date) -> None:
    for plan in plans:
        planned = _planned(plan)
        for (quarter, category), amount in planned.items():
            actual, forecast = _actual_and_forecast(rng, plan, quarter, amount, as_of)
            writer.add(
                EntityKind.BUDGET_LINE,
                {
                    "project_id": plan.id,
                    "period_start": quarter,
                    "category": category.value,
                    "planned_minor": amount,
                    "actual_minor": actual,
                    "forecast_minor": forecast,
                },
                on=min(quarter, as_of),
            )


def quarters(first: date, last: date) -> list[date]:
    """First days of the calendar quarters from the one holding `first` to the one holding `last`."""
    starts = [quarter_start(first)]
    while starts[-1] < quarter_start(last):
        starts.append(quarter_start(starts[-1] + timedelta(days=100)))
    return starts


def _planned(plan: ProjectPlan) -> dict[tuple[date, BudgetCategory], int]:
    """Planned minor units by (quarter, category), the remainder of rounding put on the largest line."""
    budget = plan.spec.budget * 100
    split = _SPLITS.get(plan.spec.code, _DEFAULT_SPLIT)
    total_days = workdays(plan.start, plan.finish)
    planned = {}
    for quarter in quarters(plan.start, plan.finish):
        end = quarter_start(quarter + timedelta(days=100)) - timedelta(days=1)
        share = workdays(max(quarter, plan.start), min(end, plan.finish)) / total_days
        for category, part in zip(_CATEGORIES, split, strict=True):
            planned[(quarter, category)] = round(budget * share * part / 100) * 100
    largest = max(planned, key=lambda key: planned[key])
    planned[largest] += budget - sum(planned.values())
    return planned


def _actual_and_forecast(
    rng: random.Random, plan: ProjectPlan, quarter: date, planned: int, as_of: date
) -> tuple[int, int]:
    end = quarter_start(quarter + timedelta(days=100)) - timedelta(days=1)
    future = round(planned * plan.spec.overrun)
    if quarter > as_of:
        return 0, future
    elapsed = 1.0 if end < as_of else workdays(quarter, as_of) / workdays(quarter, end)
    actual = round(planned * elapsed * plan.spec.overrun * rng.uniform(0.9, 1.08) / 100) * 100
    return actual, actual if end < as_of else max(actual, future)

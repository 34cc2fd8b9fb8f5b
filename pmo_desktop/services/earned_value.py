"""Progress, slip and earned value of a project, from its facts: pure functions with exact arithmetic.

- *% complete* is duration-weighted over the leaf tasks: sum(duration x %) / sum(duration). A project whose
  leaves are all milestones (no duration) takes their plain mean.
- *Planned %* is the same weighting over the baseline's dates: the share of each baselined leaf's working
  days that fell before `as_of` (work is counted at the start of that day, as percent complete is).
- *Slip* is the forecast finish minus the baseline finish in working days of the portfolio calendar
  (positive = late).
- *Earned value* follows the usual definitions on the project budget (BAC): PV = planned % x BAC,
  EV = % complete x BAC, AC = actuals of the budget lines to date; CV = EV - AC, SV = EV - PV,
  CPI = EV / AC and SPI = EV / PV. The baseline gives PV its time-phasing while both PV and EV use the
  current budget, so SPI compares progress with the plan and not with an older budget. A figure that needs
  a missing input (no tasks, no budget, no baseline, nothing spent) is None, never zero.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from pmo_desktop.scheduling import WorkCalendar
from pmo_desktop.services.portfolio_facts import BaselineSpan, LeafTask, ProjectFacts

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class EarnedValue:
    """The earned-value figures of one project on `as_of`; money in minor units."""

    as_of: date
    budget_minor: int
    percent_complete: float | None
    planned_percent: float | None
    planned_value_minor: int | None
    earned_value_minor: int | None
    actual_cost_minor: int

    @property
    def cost_variance_minor(self) -> int | None:
        """EV - AC: negative when the work done cost more than it was worth."""
        if self.earned_value_minor is None:
            return None
        return self.earned_value_minor - self.actual_cost_minor

    @property
    def schedule_variance_minor(self) -> int | None:
        """EV - PV: negative when less work is done than the baseline planned by now."""
        if self.earned_value_minor is None or self.planned_value_minor is None:
            return None
        return self.earned_value_minor - self.planned_value_minor

    @property
    def cpi(self) -> float | None:
        """Cost performance index EV / AC (below 1 = over cost); None until money is spent."""
        if self.earned_value_minor is None or self.actual_cost_minor == 0:
            return None
        return self.earned_value_minor / self.actual_cost_minor

    @property
    def spi(self) -> float | None:
        """Schedule performance index EV / PV (below 1 = behind); None before planned work starts."""
        if self.earned_value_minor is None or not self.planned_value_minor:
            return None
        return self.earned_value_minor / self.planned_value_minor


def progress_share(leaves: Iterable[LeafTask]) -> Fraction | None:
    """Share of the work done (0 to 1), duration-weighted; None without leaf tasks."""
    leaves = tuple(leaves)
    if not leaves:
        return None
    total = sum(leaf.duration_days for leaf in leaves)
    if total == 0:
        return Fraction(sum(leaf.percent_complete for leaf in leaves), 100 * len(leaves))
    return Fraction(sum(leaf.duration_days * leaf.percent_complete for leaf in leaves), 100 * total)


def planned_share(spans: Iterable[BaselineSpan], calendar: WorkCalendar, as_of: date) -> Fraction | None:
    """Share of the baselined work planned to be done before `as_of` (0 to 1); None without spans."""
    spans = tuple(spans)
    if not spans:
        return None
    total = sum(span.duration_days for span in spans)
    if total == 0:
        return Fraction(sum(1 for span in spans if span.finish < as_of), len(spans))
    return Fraction(sum(_elapsed(span, calendar, as_of) for span in spans), total)


def _elapsed(span: BaselineSpan, calendar: WorkCalendar, as_of: date) -> int:
    if span.duration_days == 0 or as_of <= span.start:
        return 0
    worked = calendar.count_working_days(span.start, min(span.finish, as_of - _ONE_DAY))
    return min(span.duration_days, worked)


def slip_days(forecast_finish: date | None, baseline_finish: date | None, calendar: WorkCalendar) -> int | None:
    """Working days the forecast finish lies after the baseline finish (negative = early)."""
    if forecast_finish is None or baseline_finish is None:
        return None
    return calendar.index_on_or_before(forecast_finish) - calendar.index_on_or_before(baseline_finish)


def earned_value(project: ProjectFacts, calendar: WorkCalendar, as_of: date) -> EarnedValue:
    """The earned-value figures of `project` on `as_of`."""
    budget = project.budget_minor
    done = progress_share(project.leaves)
    planned: Fraction | None = None
    if project.baseline is not None:
        leaf_ids = {leaf.id for leaf in project.leaves}
        spans = [span for task_id, span in project.baseline.spans.items() if task_id in leaf_ids]
        planned = planned_share(spans, calendar, as_of)
    has_budget = budget > 0
    return EarnedValue(
        as_of=as_of,
        budget_minor=budget,
        percent_complete=_percent(done),
        planned_percent=_percent(planned),
        planned_value_minor=round(planned * budget) if planned is not None and has_budget else None,
        earned_value_minor=round(done * budget) if done is not None and has_budget else None,
        actual_cost_minor=project.money.actual_minor,
    )


def _percent(share: Fraction | None) -> float | None:
    return None if share is None else float(share * 100)

"""The KPI tiles: each figure as a short value, a tone, and a sentence that explains where the number comes
from and names the records behind it. The overview's tooltips and the board pack's summary use the same text.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from pmo_desktop.i18n import tr
from pmo_desktop.services.validation.common import day

if TYPE_CHECKING:
    from pmo_desktop.services.kpi_queries import PortfolioKpis, Rate

_NAMED = 6  # records named in an explanation before "and N more"
_GOOD_RATE = 90.0
_FAIR_RATE = 75.0


class Tone(StrEnum):
    """How a tile reads at a glance."""

    GOOD = "good"
    WARNING = "warning"
    BAD = "bad"
    NEUTRAL = "neutral"


@dataclass(frozen=True)
class KpiTile:
    """One KPI as shown: `key` names it for code ("rag", "on_time", "on_budget", "critical_risks",
    "over_capacity", "decisions_due"); `title`, `value` and `explanation` are translated text."""

    key: str
    title: str
    value: str
    explanation: str
    tone: Tone


def build_tiles(kpis: "PortfolioKpis") -> tuple[KpiTile, ...]:
    return (
        _rag_tile(kpis),
        _on_time_tile(kpis),
        _on_budget_tile(kpis),
        _risks_tile(kpis),
        _capacity_tile(kpis),
        _decisions_tile(kpis),
    )


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(names[:_NAMED])
    extra = len(names) - _NAMED
    return tr("{shown} and {count} more", shown=shown, count=extra) if extra > 0 else shown


def _rate_value(rate: "Rate") -> str:
    return "–" if rate.percent is None else f"{rate.percent:.0f} %"


def _rate_tone(rate: "Rate") -> Tone:
    if rate.percent is None:
        return Tone.NEUTRAL
    if rate.percent >= _GOOD_RATE:
        return Tone.GOOD
    return Tone.WARNING if rate.percent >= _FAIR_RATE else Tone.BAD


def _rag_tile(kpis: "PortfolioKpis") -> KpiTile:
    counts = kpis.rag
    explanation = tr(
        "Overall RAG of the latest status report of the {total} projects in delivery (approved, active or on "
        "hold): {green} green, {amber} amber, {red} red, {unreported} without a report. Since their previous "
        "report {better} improved and {worse} worsened.",
        total=counts.total,
        green=counts.green,
        amber=counts.amber,
        red=counts.red,
        unreported=counts.unreported,
        better=counts.better,
        worse=counts.worse,
    )
    tone = Tone.BAD if counts.red else Tone.WARNING if counts.amber else Tone.GOOD
    value = tr("{green} green · {amber} amber · {red} red", green=counts.green, amber=counts.amber, red=counts.red)
    return KpiTile("rag", tr("Projects by RAG"), value, explanation, tone)


def _on_time_tile(kpis: "PortfolioKpis") -> KpiTile:
    rate = kpis.on_time
    period = tr("{start} to {end}", start=day(kpis.period_start), end=day(kpis.period_end))
    if rate.total == 0:
        explanation = tr("No baselined milestone was due from {period}.", period=period)
    else:
        explanation = tr(
            "{met} of {total} milestones due from {period} were met: complete, on or before their baseline date.",
            met=rate.met,
            total=rate.total,
            period=period,
        )
        late = [f"{check.project_code} {check.name}" for check in kpis.milestones if not check.met]
        if late:
            explanation += " " + tr("Missed: {names}.", names=_listing(late))
    return KpiTile("on_time", tr("Milestones on time"), _rate_value(rate), explanation, _rate_tone(rate))


def _on_budget_tile(kpis: "PortfolioKpis") -> KpiTile:
    rate = kpis.on_budget
    explanation = tr(
        "{met} of {total} projects in delivery with budget lines are forecast to finish within their budget.",
        met=rate.met,
        total=rate.total,
    )
    over = [
        f"{check.code} (+{100 * (check.forecast_minor - check.budget_minor) / check.budget_minor:.0f} %)"
        if check.budget_minor
        else check.code
        for check in kpis.budgets
        if not check.within
    ]
    if over:
        explanation += " " + tr("Over budget: {names}.", names=_listing(over))
    return KpiTile("on_budget", tr("Projects on budget"), _rate_value(rate), explanation, _rate_tone(rate))


def _risks_tile(kpis: "PortfolioKpis") -> KpiTile:
    risks = kpis.critical_risks
    explanation = tr(
        "Open risks scoring 20 or more (probability × impact; the residual score where a response is assessed)."
    )
    if risks:
        named = [f"{flag.reference} {flag.title} ({flag.score})" for flag in risks]
        explanation += " " + _listing(named) + "."
    tone = Tone.BAD if risks else Tone.GOOD
    return KpiTile("critical_risks", tr("Open critical risks"), str(len(risks)), explanation, tone)


def _capacity_tile(kpis: "PortfolioKpis") -> KpiTile:
    people = kpis.over_capacity
    month = f"{kpis.as_of:%B %Y}"
    explanation = tr(
        "People whose allocated hours in {month} exceed their capacity (tentative allocations included).",
        month=month,
    )
    if people:
        named = [
            tr("{name} (no capacity)", name=person.name)
            if person.utilisation == float("inf")
            else f"{person.name} ({100 * person.utilisation:.0f} %)"
            for person in people
        ]
        explanation += " " + _listing(named) + "."
    tone = Tone.WARNING if people else Tone.GOOD
    return KpiTile("over_capacity", tr("Over capacity this month"), str(len(people)), explanation, tone)


def _decisions_tile(kpis: "PortfolioKpis") -> KpiTile:
    decisions = kpis.decisions_due
    overdue = sum(1 for decision in decisions if decision.overdue)
    explanation = tr(
        "Open decisions needed within 30 days (by {last}); {overdue} of them overdue.",
        last=day(kpis.decisions_by),
        overdue=overdue,
    )
    if decisions:
        named = [f"{decision.reference} {decision.title} ({day(decision.needed_by)})" for decision in decisions]
        explanation += " " + _listing(named) + "."
    tone = Tone.BAD if overdue else Tone.WARNING if decisions else Tone.GOOD
    return KpiTile("decisions_due", tr("Decisions due in 30 days"), str(len(decisions)), explanation, tone)

"""RAID items, status reports and budget lines of the large benchmark portfolio.

A thousand RAID items (risks with three score readings each), quarterly reports over each project's life up
to today with RAGs that drift one step at a time, and quarterly budget lines per category.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.demo.budget import quarters
from pmo_desktop.demo.large_plan import LargePlan
from pmo_desktop.demo.reports import quarter_label, quarter_start
from pmo_desktop.demo.rows import Row, RowWriter
from pmo_desktop.demo.workdays import day_of
from pmo_desktop.domain.enums import (
    BudgetCategory,
    EntityKind,
    Proximity,
    Rag,
    RaidKind,
    RaidStatus,
    ResponseStrategy,
)

RAID_COUNTS = ((RaidKind.RISK, 500), (RaidKind.ISSUE, 200), (RaidKind.ASSUMPTION, 150), (RaidKind.DECISION, 150))
_HISTORY = 500
_RESPONSES = tuple(ResponseStrategy)[:5]
_RAGS = (Rag.GREEN, Rag.AMBER, Rag.RED)
_SPLIT = ((BudgetCategory.CAPEX, 0.3), (BudgetCategory.OPEX, 0.2), (BudgetCategory.LABOUR, 0.5))


@dataclass(frozen=True)
class _Item:
    kind: RaidKind
    number: int
    project: int | None
    raised: date
    closed: date | None
    score: tuple[int, int] | None


def write_raid(writer: RowWriter, rng: random.Random, plan: LargePlan, as_of: date, people: int) -> None:
    for kind, count in RAID_COUNTS:
        for number in range(1, count + 1):
            project = None if rng.random() < 0.05 else rng.randrange(len(plan.leaves))
            raised = as_of - timedelta(days=rng.randint(14, _HISTORY))
            closed = None
            if rng.random() < 0.25:
                closed = raised + timedelta(days=rng.randint(1, (as_of - raised).days - 1))
            score = (rng.randint(1, 5), rng.randint(1, 5)) if kind is RaidKind.RISK else None
            item = _Item(kind, number, project, raised, closed, score)
            item_id = writer.add(EntityKind.RAID_ITEM, _item_row(rng, item, as_of, people), on=raised)
            if score is not None:
                _write_scores(writer, rng, item_id, (raised, closed or as_of - timedelta(days=1)), score)
            if project is not None and rng.random() < 0.3:
                task = rng.choice(plan.leaves[project])
                writer.add(EntityKind.RAID_TASK_LINK, {"raid_item_id": item_id, "task_id": task.id}, on=raised)


def _item_row(rng: random.Random, item: _Item, as_of: date, people: int) -> Row:
    risk = item.kind is RaidKind.RISK
    status = RaidStatus.CLOSED if item.closed else rng.choice((RaidStatus.OPEN, RaidStatus.IN_PROGRESS))
    return {
        "kind": item.kind.value,
        "number": item.number,
        "project_id": None if item.project is None else item.project + 1,
        "title": f"{item.kind.value.capitalize()} {item.number:04d}",
        "description": "",
        "category": "",
        "owner_id": rng.randint(1, people),
        "probability": item.score[0] if item.score else None,
        "impact": item.score[1] if item.score else None,
        "residual_probability": None,
        "residual_impact": None,
        "opportunity": False,
        "proximity": rng.choice(tuple(Proximity)).value if risk else None,
        "response": rng.choice(_RESPONSES).value if risk else None,
        "actions": "",
        "status": status.value,
        "raised_on": item.raised,
        "review_on": as_of + timedelta(days=rng.randint(-30, 60)),
        "due_on": None,
        "closed_on": item.closed,
        "closure_note": "Closed." if item.closed else "",
        "severity": rng.randint(1, 5) if item.kind is RaidKind.ISSUE else None,
        "resolution": "",
        "validation_on": None,
        "validation_result": "",
        "needed_by": as_of + timedelta(days=rng.randint(-10, 90)) if item.kind is RaidKind.DECISION else None,
        "outcome": "",
        "decided_by_id": None,
        "decided_on": None,
    }


def _write_scores(
    writer: RowWriter, rng: random.Random, item_id: int, period: tuple[date, date], score: tuple[int, int]
) -> None:
    """Three readings: when raised, halfway, and the last one equal to the current scores."""
    (raised, last), (probability, impact) = period, score
    middle = raised + timedelta(days=(last - raised).days // 2)
    readings = (
        (raised, _nudge(rng, probability), _nudge(rng, impact)),
        (middle, _nudge(rng, probability), impact),
        (last, probability, impact),
    )
    for day, day_probability, day_impact in readings:
        writer.add(
            EntityKind.RAID_SCORE,
            {
                "raid_item_id": item_id,
                "recorded_on": day,
                "probability": day_probability,
                "impact": day_impact,
                "residual_probability": None,
                "residual_impact": None,
                "status": RaidStatus.OPEN.value,
            },
            on=day,
        )


def _nudge(rng: random.Random, value: int) -> int:
    return min(5, max(1, value + rng.randint(-1, 1)))


def write_reports_and_budgets(writer: RowWriter, rng: random.Random, plan: LargePlan, as_of: date) -> None:
    for number, leaves in enumerate(plan.leaves):
        start = day_of(leaves[0].span.start)
        finish = day_of(max(leaf.span.finish for leaf in leaves))
        _write_reports(writer, rng, number + 1, (start, finish), as_of)
        _write_budget(writer, rng, number + 1, (start, finish), as_of)


def _write_reports(
    writer: RowWriter, rng: random.Random, project_id: int, life: tuple[date, date], as_of: date
) -> None:
    """One report per quarter end from the project's start to today (or its end), RAG drifting a step at a time."""
    start, finish = life
    level = 0
    for quarter in quarters(start, min(finish, as_of)):
        end = quarter_start(quarter + timedelta(days=100)) - timedelta(days=1)
        if end >= as_of:
            break
        level = min(2, max(0, level + rng.choice((-1, 0, 0, 1))))
        rag = _RAGS[level]
        writer.add(
            EntityKind.STATUS_REPORT,
            {
                "project_id": project_id,
                "period_end": end,
                "period_label": quarter_label(end),
                "overall": rag.value,
                "schedule": rag.value,
                "cost": _RAGS[max(0, level - 1)].value,
                "scope": Rag.GREEN.value,
                "resource": rag.value,
                "comment": "" if rag is Rag.GREEN else "Recovery actions in place.",
                "summary": "Synthetic report.",
                "achievements": "",
                "next_steps": "",
            },
            on=end,
        )


def _write_budget(writer: RowWriter, rng: random.Random, project_id: int, life: tuple[date, date], as_of: date) -> None:
    for quarter in quarters(*life):
        for category, share in _SPLIT:
            planned = round(rng.randint(50, 400) * share) * 100_000
            actual = round(planned * rng.uniform(0.85, 1.2)) if quarter < quarter_start(as_of) else 0
            writer.add(
                EntityKind.BUDGET_LINE,
                {
                    "project_id": project_id,
                    "period_start": quarter,
                    "category": category.value,
                    "planned_minor": planned,
                    "actual_minor": actual,
                    "forecast_minor": max(planned, actual),
                },
            )

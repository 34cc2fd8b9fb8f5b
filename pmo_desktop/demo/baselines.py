"""Baselines of the realistic demo: the plan as approved at the start of the year, and as re-planned after
the WMS supplier's delay.

A baseline holds every task of the projects that were planned when it was taken. Work that slipped after
a baseline sits earlier in it than in today's plan (by the project's `slip`, from its `slip_since` day),
so the Gantt shows baseline bars ahead of the current ones and milestones that moved.
"""

from datetime import date, timedelta

from pmo_desktop.demo.plan import PlanTask, ProjectPlan
from pmo_desktop.demo.plan_rows import slip_start
from pmo_desktop.demo.rows import RowWriter, stamp
from pmo_desktop.demo.workdays import Span, day_of
from pmo_desktop.domain.enums import EntityKind, Stage

# (name, days before today it was taken, note)
BASELINES = (
    ("Q1 approval baseline", 200, "The plan the Portfolio Board approved at the start of the financial year."),
    (
        "Re-plan after supplier delay",
        75,
        "Re-baselined after Corvid Software delivered Stratus WMS release 2 "
        "five weeks late; WMS go-live dates moved by agreement with the steering group.",
    ),
)
_PLANNED_AHEAD = 90
_BUDGET_BEFORE_REPLAN = 0.92


def write_baselines(writer: RowWriter, plans: list[ProjectPlan], as_of: date) -> None:
    for name, days_ago, note in BASELINES:
        taken = as_of - timedelta(days=days_ago)
        baseline_id = writer.add(EntityKind.BASELINE, {"name": name, "taken_at": stamp(taken), "note": note}, on=taken)
        for plan in plans:
            if plan.spec.stage is not Stage.PROPOSED and plan.start <= taken + timedelta(days=_PLANNED_AHEAD):
                _write_project(writer, baseline_id, plan, taken, as_of)


def _write_project(writer: RowWriter, baseline_id: int, plan: ProjectPlan, taken: date, as_of: date) -> None:
    slipped_since = plan.spec.slip > 0 and slip_start(plan, as_of) > taken
    slip = plan.spec.slip if slipped_since else 0
    for task, span in _baseline_spans(plan, slip, slip_start(plan, as_of)).items():
        writer.add(
            EntityKind.BASELINE_TASK,
            {
                "baseline_id": baseline_id,
                "task_id": task.id,
                "start": day_of(span.start),
                "finish": day_of(span.finish),
                "duration_days": span.days,
            },
            on=taken,
        )
    budget = plan.spec.budget * (_BUDGET_BEFORE_REPLAN if slipped_since else 1.0)
    writer.add(
        EntityKind.BASELINE_PROJECT,
        {"baseline_id": baseline_id, "project_id": plan.id, "budget_minor": round(budget / 1000) * 100_000},
        on=taken,
    )


def _baseline_spans(plan: ProjectPlan, slip: int, since: date) -> dict[PlanTask, Span]:
    """Each task's span in the baseline, in plan order: leaves from `since` on moved `slip` days earlier,
    summaries rolled up from them."""
    spans: dict[PlanTask, Span] = {}
    for task in reversed(plan.tasks):
        if task.is_leaf:
            shift = slip if task.start >= since else 0
            spans[task] = Span(task.span.start - shift, task.span.days)
        else:
            start = min(spans[child].start for child in task.children)
            finish = max(spans[child].finish for child in task.children)
            spans[task] = Span(start, finish - start + 1)
    return dict(reversed(spans.items()))

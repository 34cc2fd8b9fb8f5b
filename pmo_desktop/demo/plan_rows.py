"""Task and dependency rows of the realistic demo, from the placed plans.

A few tasks carry constraints and notes the way a planner would leave them: each project's first task
starts no earlier than the day the project was cleared to start, go-live milestones are fixed dates
announced to the business, hypercare is scheduled by hand, and milestones moved by a slip say why.
"""

from datetime import date, timedelta

from pmo_desktop.demo.plan import PlanTask, ProjectPlan
from pmo_desktop.demo.rows import Row, RowWriter
from pmo_desktop.domain.enums import ConstraintType, EntityKind, SchedulingMode, TaskKind

_MANUAL = frozenset({"Hypercare support"})


def slip_start(plan: ProjectPlan, as_of: date) -> date:
    """From this day on, a slipped project's work sits `spec.slip` working days later than first planned."""
    return as_of + timedelta(days=plan.spec.slip_since)


def write_tasks(writer: RowWriter, plans: list[ProjectPlan], tasks: list[PlanTask], as_of: date) -> None:
    """Write `tasks` (already in id order, parents first) and then every link between them."""
    firsts = {plan.leaves()[0].id for plan in plans}
    slipped = {plan.id: plan for plan in plans if plan.spec.slip}
    for task in tasks:
        row = _task_row(task, task.id in firsts)
        plan = slipped.get(task.project_id)
        if plan is not None and task.kind is TaskKind.MILESTONE and task.start >= slip_start(plan, as_of):
            row["notes"] = f"Moved after {plan.spec.vendor} delivered late; compare with the first baseline."
        writer.add(EntityKind.TASK, row)
    for task in tasks:
        for predecessor, kind, lag in task.links:
            writer.add(
                EntityKind.DEPENDENCY,
                {"predecessor_id": predecessor.id, "successor_id": task.id, "type": kind.value, "lag_days": lag},
            )


def _task_row(task: PlanTask, first: bool) -> Row:
    constraint, constraint_date = ConstraintType.ASAP, None
    if first:
        constraint, constraint_date = ConstraintType.START_NO_EARLIER, task.start
    elif task.kind is TaskKind.MILESTONE and task.name.startswith("Go-live"):
        constraint, constraint_date = ConstraintType.MUST_FINISH_ON, task.finish
    manual = task.name in _MANUAL
    return {
        "project_id": task.project_id,
        "parent_id": task.parent.id if task.parent is not None else None,
        "sort_order": task.sort_order,
        "name": task.name,
        "kind": task.kind.value,
        "start": task.start,
        "finish": task.finish,
        "duration_days": task.span.days,
        "scheduling": (SchedulingMode.MANUAL if manual else SchedulingMode.AUTO).value,
        "constraint_type": constraint.value,
        "constraint_date": constraint_date,
        "percent_complete": task.percent,
        "notes": "",
    }

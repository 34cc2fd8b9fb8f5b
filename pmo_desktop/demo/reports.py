"""Status reports of the realistic demo: the last four quarters of each project, told from its plan.

Achievements list the work the plan finished in the quarter and next steps the work it starts or finishes
in the next one, so reports agree with the Gantt. RAGs follow the project's story (`report_text.STORIES`);
every report with an amber or red dimension explains it in the comment.
"""

import random
from datetime import date, timedelta

from pmo_desktop.demo.plan import PlanTask, ProjectPlan
from pmo_desktop.demo.report_text import COMMENTS, DIMENSIONS, MOBILISING, ON_TRACK, STORIES
from pmo_desktop.demo.rows import Row, RowWriter
from pmo_desktop.demo.workdays import index_of
from pmo_desktop.domain.enums import EntityKind, Rag, Stage, TaskKind

QUARTERS_REPORTED = 4
_QUARTER = timedelta(days=92)
_ALWAYS_REPORTING = frozenset({Stage.ACTIVE, Stage.ON_HOLD})


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_ends_before(as_of: date, count: int = QUARTERS_REPORTED) -> list[date]:
    """The last `count` calendar quarter ends strictly before `as_of`, oldest first."""
    ends = [quarter_start(as_of) - timedelta(days=1)]
    while len(ends) < count:
        ends.append(quarter_start(ends[-1]) - timedelta(days=1))
    return ends[::-1]


def quarter_label(end: date) -> str:
    return f"{end.year}-Q{(end.month - 1) // 3 + 1}"


def write_status_reports(writer: RowWriter, rng: random.Random, plans: list[ProjectPlan], as_of: date) -> None:
    for plan in plans:
        ends = [end for end in quarter_ends_before(as_of) if _reported(plan, end)]
        delivering = [end for end in ends if end >= plan.start]
        story = STORIES[plan.spec.story]
        rags = dict(zip(delivering, story[len(story) - len(delivering) :], strict=True))
        for end in ends:
            overall = rags.get(end, Rag.GREEN)
            writer.add(EntityKind.STATUS_REPORT, _report(rng, plan, end, overall), on=end + timedelta(days=5))


def _reported(plan: ProjectPlan, end: date) -> bool:
    """Active and paused projects report every quarter; others from a quarter before their first task
    until the quarter they ended in."""
    if plan.spec.stage is Stage.PROPOSED:
        return False
    if plan.spec.stage in _ALWAYS_REPORTING:
        return True
    return plan.start - _QUARTER <= end < plan.finish + _QUARTER


def _report(rng: random.Random, plan: ProjectPlan, end: date, overall: Rag) -> Row:
    rags = _dimensions(rng, plan.spec.pressure, overall)
    fields = {"vendor": plan.spec.vendor, "system": plan.spec.system}
    comments = [
        rng.choice(COMMENTS[(dimension, rag)]).format(**fields) for dimension, rag in rags.items() if rag != Rag.GREEN
    ]
    return {
        "project_id": plan.id,
        "period_end": end,
        "period_label": quarter_label(end),
        "overall": overall.value,
        **{dimension: rag.value for dimension, rag in rags.items()},
        "comment": " ".join(comments),
        "summary": _summary(rng, plan, end, overall),
        "achievements": _achievements(plan, end),
        "next_steps": _next_steps(plan, end),
    }


def _dimensions(rng: random.Random, pressure: str, overall: Rag) -> dict[str, Rag]:
    """The pressure dimension carries the overall RAG; when that is red, one other dimension turns amber,
    and now and then a green project has one amber dimension it is managing."""
    rags = dict.fromkeys(DIMENSIONS, Rag.GREEN)
    rags[pressure] = overall
    others = [dimension for dimension in DIMENSIONS if dimension != pressure]
    if overall is Rag.RED or rng.random() < 0.15:
        rags[rng.choice(others)] = Rag.AMBER
    return rags


def _summary(rng: random.Random, plan: ProjectPlan, end: date, overall: Rag) -> str:
    if end < plan.start:
        return rng.choice(MOBILISING)
    if end >= plan.finish:
        if plan.spec.stage is Stage.CANCELLED:
            return "Stopped by the Portfolio Board after discovery; closure actions and lessons learned under way."
        return "All deliverables handed over to business as usual; the project is closing."
    phase = next(
        (placed.phase.name for placed in plan.phases if placed.summary.start <= end <= placed.summary.finish),
        None,
    )
    if phase is None:
        return "Paused between phases until the team is free; the restart date is agreed with the steering group."
    done = _progress(plan, end)
    verdict = (
        rng.choice(ON_TRACK)
        if overall is Rag.GREEN
        else (
            "Under pressure; recovery actions are in place."
            if overall is Rag.AMBER
            else "Off track; the steering group is reviewing recovery options."
        )
    )
    return f"{phase}: {done}% of the planned work complete. {verdict}"


def _progress(plan: ProjectPlan, end: date) -> int:
    """Share of the planned working days done by `end`, if work went to plan."""
    today = index_of(end + timedelta(days=1))
    work = [task for task in plan.leaves() if task.kind is TaskKind.TASK]
    done = sum(min(task.span.days, max(0, today - task.span.start)) for task in work)
    return round(100 * done / sum(task.span.days for task in work))


def _achievements(plan: ProjectPlan, end: date) -> str:
    done = [task for task in plan.leaves() if end - _QUARTER < task.finish <= end]
    if done:
        return _listing(done, "Completed", "Milestones reached")
    if plan.start > end - _QUARTER:
        return "Team onboarded, governance and reporting set up, supplier conversations started."
    running = [task.name for task in plan.leaves() if task.start <= end <= task.finish]
    if running:
        return f"Work continued on {'; '.join(running[:3])}."
    return "No delivery work this quarter while the project is paused; documentation kept up to date."


def _next_steps(plan: ProjectPlan, end: date) -> str:
    horizon = end + _QUARTER
    ahead = [task for task in plan.leaves() if end < task.finish <= horizon or end < task.start <= horizon]
    if ahead:
        return _listing(ahead, "Next", "Milestones due")
    later = [task for task in plan.leaves() if task.start > horizon]
    if later:
        return f"Restart with {later[0].name} from {_day(later[0].start)}, once the team is free."
    return "Close the project: final benefits review, lessons learned and archive of project records."


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _listing(tasks: list[PlanTask], work_label: str, milestone_label: str) -> str:
    work = [task.name for task in tasks if task.kind is TaskKind.TASK][:4]
    milestones = [f"{task.name} ({_day(task.finish)})" for task in tasks if task.kind is TaskKind.MILESTONE][:3]
    parts = []
    if work:
        parts.append(f"{work_label}: {'; '.join(work)}.")
    if milestones:
        parts.append(f"{milestone_label}: {'; '.join(milestones)}.")
    return " ".join(parts)

"""The synthetic large portfolio for benchmarks: the volume of a big PMO, with plain generated names.

About 200 projects in 10 programmes, 10,000 tasks, 20,000 dependencies, 500 people, 50,000 allocations
and 1,000 RAID items over three years centred on `as_of`. Built for speed (a second or two): no text
catalogues, one pass per table, and dates that respect every dependency by construction.
"""

import random
from datetime import date, timedelta

from pmo_desktop.demo.catalogue import APP
from pmo_desktop.demo.large_plan import HALF_SPAN, PROJECTS, LargePlan, build_plans
from pmo_desktop.demo.large_records import write_raid, write_reports_and_budgets
from pmo_desktop.demo.large_work import write_allocations, write_time_off
from pmo_desktop.demo.organisation import MONDAY_TO_FRIDAY
from pmo_desktop.demo.rows import DemoData, RowWriter, stamp, stream
from pmo_desktop.demo.workdays import day_of, index_of
from pmo_desktop.domain.enums import EntityKind, Stage, TaskKind

PROGRAMMES = 10
OBJECTIVES = 5
PEOPLE = 500
ROLES = (
    "Project Manager",
    "Business Analyst",
    "Solution Architect",
    "Backend Developer",
    "Frontend Developer",
    "QA Engineer",
    "Data Engineer",
    "UX Designer",
    "Change Manager",
    "DevOps Engineer",
    "Scrum Master",
    "Infrastructure Engineer",
)
TEAMS = 10
_LAST_START = 270  # the last project starts nine months ahead, so plans end within the three years
_FIRST_NAMES = (
    "Alex",
    "Sam",
    "Jordan",
    "Taylor",
    "Morgan",
    "Casey",
    "Jamie",
    "Robin",
    "Charlie",
    "Avery",
    "Riley",
    "Quinn",
    "Rowan",
    "Emerson",
    "Harper",
    "Sasha",
    "Kai",
    "Noor",
    "Ari",
    "Devon",
)
_LAST_NAMES = (
    "Smith",
    "Jones",
    "Patel",
    "Nguyen",
    "Kowalski",
    "Murphy",
    "Okafor",
    "Silva",
    "Müller",
    "Rossi",
    "Khan",
    "Larsen",
    "Dubois",
    "Chen",
    "Novak",
    "Haddad",
    "Ivanova",
    "Garcia",
    "Brown",
    "Sato",
    "Walsh",
    "Costa",
    "Ahmed",
    "Fischer",
    "Evans",
)


def build_large(seed: int = 1, *, as_of: date) -> DemoData:
    """The benchmark portfolio as rows per table, ready to insert in `INSERT_ORDER`."""
    rng = stream(seed, "large")
    first = as_of - timedelta(days=HALF_SPAN)
    writer = RowWriter(seed, first - timedelta(days=30))
    _write_settings(writer, as_of)
    _write_roles_and_teams(writer)
    _write_people(writer, rng, as_of, len(ROLES))
    _write_strategy(writer, rng)
    start = index_of(first)
    spread = index_of(as_of + timedelta(days=_LAST_START)) - start
    plan = build_plans(rng, as_of, [start + spread * number // PROJECTS for number in range(PROJECTS)])
    _write_projects(writer, rng, plan, as_of)
    _write_tasks(writer, plan)
    _write_baseline(writer, rng, plan, as_of)
    write_time_off(writer, stream(seed, "large time off"), as_of, PEOPLE)
    leavers = {
        row["id"]: row["employment_end"]
        for row in writer.data[EntityKind.PERSON]
        if isinstance(row["id"], int) and isinstance(row["employment_end"], date)
    }
    write_allocations(
        writer, stream(seed, "large allocations"), plan, as_of, people=PEOPLE, roles=len(ROLES), leavers=leavers
    )
    write_raid(writer, stream(seed, "large raid"), plan, as_of, PEOPLE)
    write_reports_and_budgets(writer, stream(seed, "large reports"), plan, as_of)
    return writer.data


def _write_settings(writer: RowWriter, as_of: date) -> None:
    writer.add(
        EntityKind.PORTFOLIO,
        {
            "name": "Benchmark portfolio",
            "owner": "Benchmark",
            "currency": "EUR",
            "fiscal_year_start_month": 1,
            "working_days": MONDAY_TO_FRIDAY,
            "hours_per_day": 8.0,
            "holiday_country": "DE",
            "holiday_subdivision": None,
            "classification": "Internal",
            "created_by_app": APP,
            "saved_by_app": APP,
        },
    )
    for number, year in enumerate(range(as_of.year - 1, as_of.year + 2)):
        writer.add(EntityKind.HOLIDAY, {"day": date(year, 12, 24), "name": f"Company day off {number + 1}"})


def _write_roles_and_teams(writer: RowWriter) -> None:
    for number, name in enumerate(ROLES):
        writer.add(
            EntityKind.ROLE,
            {"name": name, "cost_rate_minor": 5_000 + 500 * number, "colour": f"#{(number * 0x2F4A6B) % 0xFFFFFF:06X}"},
        )
    for number in range(TEAMS):
        writer.add(EntityKind.TEAM, {"name": f"Delivery team {number + 1:02d}"})


def _write_people(writer: RowWriter, rng: random.Random, as_of: date, roles: int) -> None:
    for number in range(PEOPLE):
        first = _FIRST_NAMES[number % len(_FIRST_NAMES)]
        last = _LAST_NAMES[(number // len(_FIRST_NAMES) + number) % len(_LAST_NAMES)]
        left = as_of - timedelta(days=rng.randint(30, 400)) if number % 50 == 49 else None
        writer.add(
            EntityKind.PERSON,
            {
                "name": f"{first} {last} {number + 1:03d}",
                "email": f"person{number + 1:03d}@benchmark.example",
                "role_id": number % roles + 1,
                "team_id": number % TEAMS + 1,
                "hours_per_week": 40.0 if number % 7 else 24.0,
                "cost_rate_minor": None,
                "employment_start": as_of - timedelta(days=rng.randint(600, 4000)),
                "employment_end": left,
                "active": left is None,
            },
        )


def _write_strategy(writer: RowWriter, rng: random.Random) -> None:
    for number in range(OBJECTIVES):
        writer.add(
            EntityKind.OBJECTIVE,
            {
                "code": f"OBJ{number + 1}",
                "title": f"Objective {number + 1}",
                "owner_id": number + 1,
                "measure": "Measure",
                "target": "Target",
            },
        )
    for number in range(PROGRAMMES):
        writer.add(
            EntityKind.PROGRAMME,
            {
                "name": f"Programme {number + 1:02d}",
                "description": "",
                "sponsor_id": 10 + number,
                "manager_id": 20 + number,
                "colour": f"#{(number * 0x35A7C3) % 0xFFFFFF:06X}",
                "archived": False,
            },
        )
        writer.add(
            EntityKind.PROGRAMME_OBJECTIVE,
            {"programme_id": number + 1, "objective_id": rng.randint(1, OBJECTIVES)},
        )


def _stage(rng: random.Random, start: date, finish: date, as_of: date) -> Stage:
    if finish < as_of:
        return Stage.CANCELLED if rng.random() < 0.05 else Stage.CLOSED
    if start > as_of:
        return Stage.PROPOSED if rng.random() < 0.4 else Stage.APPROVED
    return Stage.ON_HOLD if rng.random() < 0.05 else Stage.ACTIVE


def _write_projects(writer: RowWriter, rng: random.Random, plan: LargePlan, as_of: date) -> None:
    for number, leaves in enumerate(plan.leaves):
        start = day_of(min(leaf.span.start for leaf in leaves))
        finish = day_of(max(leaf.span.finish for leaf in leaves))
        stage = _stage(rng, start, finish, as_of)
        project_id = writer.add(
            EntityKind.PROJECT,
            {
                "code": f"P{number + 1:04d}",
                "name": f"Project {number + 1:04d}",
                "description": "",
                "programme_id": number % PROGRAMMES + 1,
                "sponsor_id": 10 + number % PROGRAMMES,
                "manager_id": 1 + (number * 12) % PEOPLE,
                "stage": stage.value,
                "priority": rng.randint(1, 5),
                "tentative": stage is Stage.PROPOSED and rng.random() < 0.5,
                "budget_minor": rng.randint(100, 3_000) * 100_000,
                "colour": f"#{(number * 0x1F3D5B) % 0xFFFFFF:06X}",
            },
        )
        if number % 10:
            writer.add(
                EntityKind.PROJECT_OBJECTIVE,
                {"project_id": project_id, "objective_id": number % OBJECTIVES + 1, "weight": rng.randint(20, 100)},
            )


def _write_tasks(writer: RowWriter, plan: LargePlan) -> None:
    for task in plan.tasks:
        writer.add(
            EntityKind.TASK,
            {
                "project_id": task.project + 1,
                "parent_id": None if task.parent is None else task.parent.id,
                "sort_order": task.sort_order,
                "name": task.name,
                "kind": task.kind.value,
                "start": day_of(task.span.start),
                "finish": day_of(task.span.finish),
                "duration_days": task.span.days,
                "scheduling": "auto",
                "constraint_type": "asap",
                "constraint_date": None,
                "percent_complete": task.percent,
                "notes": "",
            },
        )
    for predecessor, successor, kind, lag in plan.links:
        writer.add(
            EntityKind.DEPENDENCY,
            {"predecessor_id": predecessor.id, "successor_id": successor.id, "type": kind.value, "lag_days": lag},
        )


def _write_baseline(writer: RowWriter, rng: random.Random, plan: LargePlan, as_of: date) -> None:
    """One baseline taken three months ago, of projects under way by then; a third of them have slipped
    since, so their work after that day sits earlier in the baseline."""
    taken = as_of - timedelta(days=90)
    baseline_id = writer.add(
        EntityKind.BASELINE, {"name": "Benchmark baseline", "taken_at": stamp(taken), "note": ""}, on=taken
    )
    cutoff = index_of(taken)
    slips = [rng.choice((0, 0, 3, 8, 15)) for _ in plan.leaves]
    for task in plan.tasks:
        first_start = plan.leaves[task.project][0].span.start
        if first_start > cutoff:
            continue
        slip = slips[task.project]
        start = task.span.start - (slip if task.span.start >= cutoff else 0)
        finish = max(start, task.span.finish - (slip if task.span.finish >= cutoff else 0))
        days = 0 if task.kind is TaskKind.MILESTONE else finish - start + 1
        writer.add(
            EntityKind.BASELINE_TASK,
            {
                "baseline_id": baseline_id,
                "task_id": task.id,
                "start": day_of(start),
                "finish": day_of(finish),
                "duration_days": days,
            },
            on=taken,
        )
    for number, leaves in enumerate(plan.leaves):
        if leaves[0].span.start <= cutoff:
            writer.add(
                EntityKind.BASELINE_PROJECT,
                {"baseline_id": baseline_id, "project_id": number + 1, "budget_minor": 100_000 * (number % 30 + 5)},
                on=taken,
            )

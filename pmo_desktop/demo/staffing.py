"""Allocations of the realistic demo: the load the capacity heatmap shows, from six months ago to a year ahead.

Demand comes from the plans: each phase needs some roles for as long as it runs (tied to the phase's
summary task), each build workstream needs its specialists, and each project manager runs their projects
end to end. A balancing pass gives each demand to the person of the role with the most free time, as much of
it as fits in their week; the rest becomes an unfilled role placeholder from this week on (past work nobody
was free for was absorbed or slipped), and so does some of the work more than four months out, which is not
staffed yet. Hotspots and idle people are placed by hand (`names.OVERLOADS`, `names.IDLE_WORK`).
"""

import math
import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from pmo_desktop.demo.names import IDLE_WORK, OVERLOADS, PEOPLE, PersonSpec
from pmo_desktop.demo.phases import STAFFING, WORKSTREAM_SHARES
from pmo_desktop.demo.plan import PlanTask, ProjectPlan
from pmo_desktop.demo.rows import RowWriter
from pmo_desktop.demo.workdays import index_of, workdays
from pmo_desktop.domain.enums import AllocationStatus, AllocationUnit, EntityKind, Stage

WINDOW = (-182, 365)
_UNSTAFFED_AFTER = 120
_PLACEHOLDER_HOURS = 37.5
_SMALLEST_SHARE = 0.2


@dataclass(frozen=True)
class Demand:
    """Work a project needs from one role over [start, finish], optionally following one task. Allocations
    placed by hand reuse it with an empty role."""

    plan: ProjectPlan
    role: str
    share: float
    start: date
    finish: date
    task: PlanTask | None


class LoadBook:
    """Each person's load per week as a share of their week, to balance demand across a role."""

    def __init__(self, first_day: date, last_day: date) -> None:
        self._monday = first_day - timedelta(days=first_day.weekday())
        self._weeks = (last_day - self._monday).days // 7 + 1
        self._load: dict[str, list[float]] = {}

    def add(self, person: str, start: date, finish: date, share: float) -> None:
        load = self._load.setdefault(person, [0.0] * self._weeks)
        for week, days in self._weeks_of(start, finish):
            load[week] += share * days / 5

    def peak(self, person: str, start: date, finish: date) -> float:
        load = self._load.get(person)
        return 0.0 if load is None else max(load[week] for week, _ in self._weeks_of(start, finish))

    def _weeks_of(self, start: date, finish: date) -> list[tuple[int, int]]:
        """(week number, working days of [start, finish] in that week) for every week the span touches."""
        first, last = index_of(start), index_of(finish + timedelta(days=1))
        base = index_of(self._monday)
        return [
            (week, min(last, base + 5 * week + 5) - max(first, base + 5 * week))
            for week in range((first - base) // 5, (last - 1 - base) // 5 + 1)
        ]


class Staffer:
    """Writes every allocation, keeping a load book so the balancing pass can see who has room."""

    def __init__(
        self, writer: RowWriter, rng: random.Random, as_of: date, people: dict[str, int], roles: dict[str, int]
    ) -> None:
        self._writer = writer
        self._rng = rng
        self._as_of = as_of
        self._people = people
        self._roles = roles
        self._window = (as_of + timedelta(days=WINDOW[0]), as_of + timedelta(days=WINDOW[1]))
        self._book = LoadBook(*self._window)
        self._specs = {spec.name: spec for spec in PEOPLE}
        self._reserved = {overload.person for overload in OVERLOADS} | set(IDLE_WORK)

    def staff(self, plans: list[ProjectPlan]) -> None:
        by_code = {plan.spec.code: plan for plan in plans}
        self._overloads(by_code)
        for name, (code, share) in IDLE_WORK.items():
            self._fixed(name, by_code[code], share, by_code[code].start, by_code[code].finish)
        for plan in plans:
            self._leadership(plan)
        for demand in self._demands(plans):
            self._assign(demand)

    def _overloads(self, by_code: dict[str, ProjectPlan]) -> None:
        monday = self._as_of - timedelta(days=self._as_of.weekday())
        for overload in OVERLOADS:
            home = by_code[overload.home]
            self._fixed(overload.person, home, overload.home_share, home.start, home.finish)
            first, last = (monday + timedelta(weeks=week) for week in overload.weeks)
            for code, share in overload.extras:
                # From the Monday of the first week to the Friday before the last one.
                self._fixed(overload.person, by_code[code], share, first, last - timedelta(days=3))

    def _leadership(self, plan: ProjectPlan) -> None:
        """The project manager runs the project throughout; an active project's sponsor gives it a few
        hours a week of steering."""
        share = 0.4 if plan.spec.priority <= 2 else 0.2
        self._fixed(plan.spec.manager, plan, share, plan.start, plan.finish)
        if plan.spec.stage is Stage.ACTIVE:
            self._fixed(plan.spec.sponsor, plan, 3 / 37.5, plan.start, plan.finish)

    def _fixed(self, name: str, plan: ProjectPlan, share: float, start: date, finish: date) -> None:
        span = self._clip(max(start, plan.start), min(finish, plan.finish), self._specs[name])
        if span is not None:
            self._allocate(name, Demand(plan, "", share, span[0], span[1], None))

    def _demands(self, plans: list[ProjectPlan]) -> list[Demand]:
        demands = []
        for plan in plans:
            for placed in plan.phases:
                needs = [(role, share, placed.summary) for role, share in STAFFING[placed.phase.key]]
                for group, parent in placed.groups:
                    if group.role is not None:
                        needs += [(group.role, share, parent) for share in WORKSTREAM_SHARES]
                for role, share, task in needs:
                    span = self._clip(task.start, task.finish, None)
                    if span is not None:
                        demands.append(Demand(plan, role, share, span[0], span[1], task))
        return demands

    def _clip(self, start: date, finish: date, spec: PersonSpec | None) -> tuple[date, date] | None:
        """[start, finish] inside the window (and the person's employment), or None if no working day is left."""
        start, finish = max(start, self._window[0]), min(finish, self._window[1])
        if spec is not None:
            if spec.joined is not None:
                start = max(start, self._as_of + timedelta(days=spec.joined))
            if spec.left is not None:
                finish = min(finish, self._as_of + timedelta(days=spec.left))
        if workdays(start, finish) < 1:
            return None
        return start, finish

    def _assign(self, demand: Demand) -> None:
        """Give the demand to whoever has most room, as much as fits in their week; the rest stays unfilled."""
        spec = demand.plan.spec
        later = demand.start > self._as_of + timedelta(days=_UNSTAFFED_AFTER)
        unstaffed = spec.stage is Stage.PROPOSED or (later and self._rng.random() < 0.4)
        person, room = (None, 0.0) if unstaffed else self._roomiest(demand)
        taken = min(demand.share, room)
        if person is not None and taken >= _SMALLEST_SHARE:
            self._allocate(person, replace(demand, share=taken))
            demand = replace(demand, share=round(demand.share - taken, 2))
        if demand.share >= _SMALLEST_SHARE:
            self._placeholder(demand)

    def _roomiest(self, demand: Demand) -> tuple[str | None, float]:
        """The person of the role with the most free time over the demand, and that free share (tenths)."""
        best, best_room = None, 0.0
        for spec in PEOPLE:
            if spec.role != demand.role or spec.name in self._reserved:
                continue
            if not spec.employed(self._as_of, demand.start, demand.finish):
                continue
            room = math.floor((1.0 - self._book.peak(spec.name, demand.start, demand.finish)) * 10 + 1e-6) / 10
            if room > best_room:
                best, best_room = spec.name, room
        return best, best_room

    def _allocate(self, name: str, demand: Demand) -> None:
        hours = self._specs[name].hours
        if self._rng.random() < 0.55:
            unit, amount = AllocationUnit.PERCENT, float(round(demand.share * 100))
        else:
            unit, amount = AllocationUnit.HOURS_PER_WEEK, round(demand.share * hours * 2) / 2
        self._book.add(name, demand.start, demand.finish, demand.share)
        self._write(demand, person_id=self._people[name], role_id=None, unit=unit, amount=amount, note="")

    def _placeholder(self, demand: Demand) -> None:
        """Unfilled demand from this week on; past work nobody was free for was absorbed or slipped."""
        monday = self._as_of - timedelta(days=self._as_of.weekday())
        if demand.finish < monday:
            return
        demand = replace(demand, start=max(demand.start, monday))
        amount = round(demand.share * _PLACEHOLDER_HOURS * 2) / 2
        self._write(
            demand,
            person_id=None,
            role_id=self._roles[demand.role],
            unit=AllocationUnit.HOURS_PER_WEEK,
            amount=amount,
            note=f"Unfilled: needs a {demand.role}",
        )

    def _write(
        self,
        demand: Demand,
        *,
        person_id: int | None,
        role_id: int | None,
        unit: AllocationUnit,
        amount: float,
        note: str,
    ) -> None:
        self._writer.add(
            EntityKind.ALLOCATION,
            {
                "person_id": person_id,
                "role_id": role_id,
                "project_id": demand.plan.id,
                "task_id": None if demand.task is None else demand.task.id,
                "start": demand.start,
                "finish": demand.finish,
                "unit": unit.value,
                "amount": amount,
                "status": self._status(demand).value,
                "note": note,
            },
        )

    def _status(self, demand: Demand) -> AllocationStatus:
        spec = demand.plan.spec
        if spec.tentative or spec.stage is Stage.PROPOSED:
            return AllocationStatus.TENTATIVE
        far = demand.start > self._as_of + timedelta(days=90)
        return AllocationStatus.TENTATIVE if far and self._rng.random() < 0.3 else AllocationStatus.CONFIRMED

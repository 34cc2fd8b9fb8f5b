"""The realistic demo's RAID log: items with the fields each kind uses, risk score history and task links.

Items are numbered per kind from 1 in the order `raid_text` lists them. Dates are drawn around today so the
register has overdue reviews, decisions needed within the month and closed items with their notes. Each
risk's score history ends on its current scores, so trends and burndown agree with the register.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.demo.names import PEOPLE
from pmo_desktop.demo.plan import ProjectPlan
from pmo_desktop.demo.raid_text import ASSUMPTIONS, DECISIONS, ISSUES, RISKS, RaidText
from pmo_desktop.demo.rows import Row, RowWriter
from pmo_desktop.domain.enums import EntityKind, Proximity, RaidKind, RaidStatus, ResponseStrategy, Stage

_PMO_LEAD = "Sarah Whitfield"
_PORTFOLIO_SPONSOR = "Alistair McBride"
_RESPONSES = (
    (ResponseStrategy.REDUCE, 10),
    (ResponseStrategy.AVOID, 2),
    (ResponseStrategy.TRANSFER, 2),
    (ResponseStrategy.ACCEPT, 3),
    (ResponseStrategy.ESCALATE, 2),
)
_MITIGATING = frozenset({ResponseStrategy.REDUCE, ResponseStrategy.AVOID, ResponseStrategy.TRANSFER})
_ENDED = frozenset({Stage.CLOSED, Stage.CANCELLED})
_EXECUTIVES = frozenset(spec.name for spec in PEOPLE if spec.role is None)
_CLOSURE_NOTES = {
    RaidKind.RISK: "Mitigations complete; the steering group agreed to close the risk.",
    RaidKind.ISSUE: "Resolved and confirmed with the business owner.",
    RaidKind.ASSUMPTION: "Validated; the plan reflects the result.",
    RaidKind.DECISION: "Decision recorded in the steering group minutes.",
}
# Days from today each pending decision is needed by, in turn: most within the month, one already late.
_NEEDED_IN = (9, 23, -4, 16, 38)
_EMPTY_FIELDS: Row = {
    "probability": None,
    "impact": None,
    "residual_probability": None,
    "residual_impact": None,
    "proximity": None,
    "response": None,
    "due_on": None,
    "severity": None,
    "resolution": "",
    "validation_on": None,
    "validation_result": "",
    "needed_by": None,
    "outcome": "",
    "decided_by_id": None,
    "decided_on": None,
}


@dataclass(frozen=True)
class Item:
    """What every kind of item shares, decided before its kind-specific fields."""

    text: RaidText
    plan: ProjectPlan | None
    raised: date
    status: RaidStatus
    closed: date | None


Score = tuple[int, int, int | None, int | None]


class RaidWriter:
    def __init__(
        self, writer: RowWriter, rng: random.Random, as_of: date, people: dict[str, int], plans: list[ProjectPlan]
    ) -> None:
        self._writer = writer
        self._rng = rng
        self._as_of = as_of
        self._people = people
        self._plans = {plan.spec.code: plan for plan in plans}
        self._delivery = [plan for plan in plans if plan.spec.stage is Stage.ACTIVE]
        self._team = [spec.name for spec in PEOPLE if spec.name not in _EXECUTIVES and spec.left is None]
        self._pending = 0

    def write(self) -> None:
        for texts in (RISKS, ISSUES, ASSUMPTIONS, DECISIONS):
            for number, text in enumerate(texts, start=1):
                self._write_item(self._item(text), number)

    def _item(self, text: RaidText) -> Item:
        plan = self._project(text)
        raised = self._raised_on(plan)
        status = self._status(text, plan)
        closed = None
        if status is RaidStatus.CLOSED:
            closed = self._day_between(raised + timedelta(days=3), self._as_of - timedelta(days=1))
        return Item(text, plan, raised, status, closed)

    def _write_item(self, item: Item, number: int) -> None:
        text, plan = item.text, item.plan
        fields = (
            {} if plan is None else {"system": plan.spec.system, "legacy": plan.spec.legacy, "vendor": plan.spec.vendor}
        )
        row: Row = {
            "kind": text.kind.value,
            "number": number,
            "project_id": None if plan is None else plan.id,
            "title": text.title.format(**fields),
            "description": text.description.format(**fields),
            "category": text.category,
            "owner_id": self._people[self._owner(plan)],
            "actions": text.actions.format(**fields),
            "opportunity": text.opportunity is not None,
            "status": item.status.value,
            "raised_on": item.raised,
            "closed_on": item.closed,
            "review_on": None if item.closed else self._review_on(item.raised),
            "closure_note": _CLOSURE_NOTES[text.kind] if item.closed else "",
            **_EMPTY_FIELDS,
        }
        score = self._kind_fields(row, item)
        item_id = self._writer.add(EntityKind.RAID_ITEM, row, on=item.raised)
        if score is not None:
            self._write_history(item_id, item, score)
        if plan is not None and text.kind is not RaidKind.DECISION and self._rng.random() < 0.5:
            self._write_links(item_id, plan, item.raised)

    def _kind_fields(self, row: Row, item: Item) -> Score | None:
        """Fill the fields only this item's kind uses; a risk returns its scores for the history."""
        if item.text.kind is RaidKind.RISK:
            return self._risk(row, item)
        if item.text.kind is RaidKind.ISSUE:
            row["severity"] = self._rng.choice((2, 3, 3, 4, 4, 5))
            row["due_on"] = item.raised + timedelta(days=self._rng.randint(14, 60))
            row["resolution"] = item.text.ending if item.closed else ""
        elif item.text.kind is RaidKind.ASSUMPTION:
            row["validation_on"] = item.closed or item.raised + timedelta(days=self._rng.randint(30, 120))
            row["validation_result"] = item.text.ending if item.closed else ""
        else:
            self._decision(row, item)
        return None

    def _risk(self, row: Row, item: Item) -> Score:
        probability, impact = self._score()
        response = item.text.opportunity or self._weighted(_RESPONSES)
        residual: tuple[int | None, int | None] = (None, None)
        if response in _MITIGATING or item.text.opportunity is not None:
            residual = (max(1, probability - self._rng.randint(1, 2)), max(1, impact - self._rng.randint(0, 1)))
        row.update(
            probability=probability,
            impact=impact,
            residual_probability=residual[0],
            residual_impact=residual[1],
            response=response.value,
            proximity=self._rng.choice(tuple(Proximity)).value,
        )
        if self._rng.random() < 0.5:
            row["due_on"] = item.raised + timedelta(days=self._rng.randint(30, 90))
        return probability, impact, residual[0], residual[1]

    def _decision(self, row: Row, item: Item) -> None:
        """Pending decisions are needed soon (a few already late); decided ones record who and when."""
        if item.closed is None:
            days = _NEEDED_IN[self._pending % len(_NEEDED_IN)] + self._rng.randint(0, 3)
            row["needed_by"] = self._as_of + timedelta(days=days)
            self._pending += 1
            return
        sponsor = _PORTFOLIO_SPONSOR if item.plan is None else item.plan.spec.sponsor
        row.update(
            needed_by=item.closed + timedelta(days=self._rng.randint(0, 10)),
            outcome=item.text.ending,
            decided_by_id=self._people[sponsor],
            decided_on=item.closed,
        )

    def _score(self) -> tuple[int, int]:
        """Probability and impact; about one risk in eight is critical (score 20 or more)."""
        if self._rng.random() < 0.12:
            return self._rng.randint(4, 5), 5
        return self._rng.choice((1, 2, 2, 3, 3, 3, 4, 4)), self._rng.choice((2, 2, 3, 3, 4, 4, 5))

    def _weighted(self, choices: tuple[tuple[ResponseStrategy, int], ...]) -> ResponseStrategy:
        return self._rng.choices([value for value, _ in choices], [weight for _, weight in choices])[0]

    def _project(self, text: RaidText) -> ProjectPlan | None:
        if text.project is None:
            return None
        if text.project == "*":
            return self._rng.choice(self._delivery)
        return self._plans[text.project]

    def _raised_on(self, plan: ProjectPlan | None) -> date:
        latest = self._as_of - timedelta(days=7)
        if plan is None:
            return self._day_between(self._as_of - timedelta(days=240), latest)
        earliest = max(plan.start - timedelta(days=14), self._as_of - timedelta(days=270))
        return self._day_between(min(earliest, latest), min(latest, max(earliest, plan.finish)))

    def _status(self, text: RaidText, plan: ProjectPlan | None) -> RaidStatus:
        if plan is not None and plan.spec.stage in _ENDED:
            return RaidStatus.CLOSED
        if text.kind in (RaidKind.ASSUMPTION, RaidKind.DECISION):
            return RaidStatus.CLOSED if text.ending else self._rng.choice((RaidStatus.OPEN, RaidStatus.IN_PROGRESS))
        roll = self._rng.random()
        if roll < 0.25 and (text.ending or text.kind is RaidKind.RISK):
            return RaidStatus.CLOSED
        return RaidStatus.IN_PROGRESS if roll < 0.5 else RaidStatus.OPEN

    def _owner(self, plan: ProjectPlan | None) -> str:
        if plan is None:
            return _PMO_LEAD
        return plan.spec.manager if self._rng.random() < 0.5 else self._rng.choice(self._team)

    def _review_on(self, raised: date) -> date:
        """Mostly in the next few weeks; about a quarter of reviews are overdue, as in any real register."""
        return max(raised + timedelta(days=7), self._as_of + timedelta(days=self._rng.randint(-25, 35)))

    def _day_between(self, first: date, last: date) -> date:
        return first + timedelta(days=self._rng.randint(0, max(0, (last - first).days)))

    def _write_history(self, item_id: int, item: Item, score: Score) -> None:
        """Three to six readings from the day it was raised, drifting steadily to today's scores."""
        last = item.closed or self._as_of - timedelta(days=1)
        span = (last - item.raised).days
        count = min(self._rng.randint(3, 6), span + 1)
        offsets = [*sorted(self._rng.sample(range(span), count - 1)), span]
        starts = [None if value is None else _clamp(value + self._rng.randint(-2, 2)) for value in score]
        for step, offset in enumerate(offsets):
            values = [
                None if end is None or begin is None else round(begin + (end - begin) * step / (count - 1))
                for begin, end in zip(starts, score, strict=True)
            ]
            status = item.status if step == count - 1 else RaidStatus.OPEN
            self._writer.add(
                EntityKind.RAID_SCORE,
                {
                    "raid_item_id": item_id,
                    "recorded_on": item.raised + timedelta(days=offset),
                    "probability": values[0],
                    "impact": values[1],
                    "residual_probability": values[2],
                    "residual_impact": values[3],
                    "status": status.value,
                },
                on=item.raised + timedelta(days=offset),
            )

    def _write_links(self, item_id: int, plan: ProjectPlan, raised: date) -> None:
        """Link one or two tasks the item bears on, preferring work still ahead when it was raised."""
        leaves = [task for task in plan.leaves() if task.finish >= raised] or plan.leaves()
        for task in self._rng.sample(leaves, min(len(leaves), self._rng.randint(1, 2))):
            self._writer.add(EntityKind.RAID_TASK_LINK, {"raid_item_id": item_id, "task_id": task.id}, on=raised)


def _clamp(value: int) -> int:
    return min(5, max(1, value))

"""What the capacity engine reads: the working calendar, people, their time off and allocations.

Plain frozen records the services layer fills from the portfolio file; the engine never sees a database
row. Dates are whole days, both ends included, as the file stores them. The records trust the file's own
checks (finish on or after start, amounts not negative, an allocation has a person or a role).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pmo_desktop.domain.enums import AllocationUnit, TimeOffKind

MONDAY_TO_FRIDAY = 0b0011111  # bit 0 = Monday ... bit 6 = Sunday, as the portfolio stores its working week
_ALL_WEEKDAYS = 0b1111111

TaskDates = Mapping[int, tuple[date, date]]
"""Scheduled (start, finish) of tasks by id: allocations tied to a task follow these dates."""


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """The portfolio's working week, its non-working days (public and hand-entered holidays) and day length."""

    working_days: int = MONDAY_TO_FRIDAY
    holidays: frozenset[date] = frozenset()
    hours_per_day: float = 8.0

    def __post_init__(self) -> None:
        if not self.working_days & _ALL_WEEKDAYS:
            raise ValueError("a working week needs at least one working day")

    @property
    def days_per_week(self) -> int:
        """Working days in a normal week: a person's weekly hours are spread evenly over them."""
        return (self.working_days & _ALL_WEEKDAYS).bit_count()

    def is_working_day(self, day: date) -> bool:
        return bool(self.working_days >> day.weekday() & 1) and day not in self.holidays


@dataclass(frozen=True, slots=True)
class PersonInput:
    """Someone whose time is planned.

    An inactive person is treated as having left: their capacity stops at `employment_end`, and without
    one they have none, so work still allocated to them shows as over capacity.
    """

    id: int
    name: str
    role_id: int | None
    team_id: int | None
    hours_per_week: float
    employment_start: date | None = None
    employment_end: date | None = None
    active: bool = True


@dataclass(frozen=True, slots=True)
class TimeOffInput:
    """An absence of one person, whole days from `start` to `finish` inclusive."""

    person_id: int
    start: date
    finish: date
    kind: TimeOffKind = TimeOffKind.LEAVE


@dataclass(frozen=True, slots=True)
class AllocationInput:
    """Time of a person, or of an unfilled role when `person_id` is None, given to a project.

    `amount` is hours per normal week or a percentage of the person's weekly hours, depending on `unit`.
    When `task_id` is set and the caller passes that task's scheduled dates, those dates replace
    `start` and `finish`.
    """

    id: int
    person_id: int | None
    role_id: int | None
    project_id: int
    task_id: int | None
    start: date
    finish: date
    unit: AllocationUnit
    amount: float
    tentative: bool = False

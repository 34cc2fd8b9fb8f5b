"""The schedule engine: a working-day calendar, forward and backward passes, float, critical path, loops.

Pure Python on plain inputs; it depends on `pmo_desktop.domain` and `pmo_desktop.i18n` (and on `holidays`
for public holidays). Build a `WorkCalendar`, hand tasks and links to a `ScheduleEngine`, read its
`schedule`, and tell it about each edit to learn which tasks' schedules changed.

The rules, in short (each module says more):
- Durations and lags count working days. A task of d days starting on day s finishes on s + d - 1; a
  milestone sits at the end of its day, so it shares the finish date of the work before it and the work
  after it starts the next working day.
- FS: the successor starts the working day after the predecessor finishes, plus the lag. SS: it starts no
  earlier than the predecessor's start plus the lag. FF: it finishes no earlier than the predecessor's
  finish plus the lag. SF: it finishes no earlier than the end of the working day before the predecessor
  starts, plus the lag (MS Project's reading). A negative lag is a lead.
- "No earlier than" pushes the early dates; "must start/finish on" pins them; "no later than" and "must"
  bind the late dates, and a date out of reach gives negative float and a conflict naming it. A task
  scheduled by hand keeps its dates and still drives its successors.
- No task starts before its project's start (given per project), unless scheduled by hand or pinned.
- A summary spans its tasks; a link on a summary applies to each task under it (so FS or SS from a
  summary waits for the last of its tasks to finish or start). Links may join tasks of different projects.
- Late dates are measured against each project's own finish; the critical path of a project is its chain
  of least total float among the tasks not yet complete (finished work can delay nothing).
"""

from pmo_desktop.scheduling.calendar import MONDAY_TO_FRIDAY, WorkCalendar
from pmo_desktop.scheduling.engine import ScheduleEngine
from pmo_desktop.scheduling.model import LinkInput, Schedule, TaskInput, TaskSchedule

__all__ = [
    "MONDAY_TO_FRIDAY",
    "LinkInput",
    "Schedule",
    "ScheduleEngine",
    "TaskInput",
    "TaskSchedule",
    "WorkCalendar",
]

"""The columns of the Gantt's WBS tree and what each shows of a task, a project and a programme.

Pure functions of the rows (`gantt_rows`); the Qt model only dispatches. Tasks show their own figures;
projects and programmes the span and progress of their tasks, with the span counted in working days.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from pmo_desktop.domain.enums import ConstraintType, SchedulingMode, TaskKind
from pmo_desktop.gui.formatting import enum_words, format_date
from pmo_desktop.i18n import tr
from pmo_desktop.services.gantt_queries import GanttCalendar, GanttTask

NAME, START, FINISH, DURATION, PROGRESS, FLOAT, PEOPLE = range(7)


@dataclass(frozen=True)
class GanttColumn:
    """`header` is untranslated; `numeric` aligns right; `width` is the initial width in pixels."""

    key: str
    header: str
    width: int
    numeric: bool = False


COLUMNS: tuple[GanttColumn, ...] = (
    GanttColumn("name", "Task", 290),
    GanttColumn("start", "Start", 92),
    GanttColumn("finish", "Finish", 92),
    GanttColumn("duration", "Duration", 76, numeric=True),
    GanttColumn("progress", "Complete", 82, numeric=True),
    GanttColumn("float", "Float", 60, numeric=True),
    GanttColumn("people", "People", 180),
)

_CONSTRAINT_WORDS = {
    ConstraintType.START_NO_EARLIER: "Start no earlier than {day}",
    ConstraintType.START_NO_LATER: "Start no later than {day}",
    ConstraintType.FINISH_NO_EARLIER: "Finish no earlier than {day}",
    ConstraintType.FINISH_NO_LATER: "Finish no later than {day}",
    ConstraintType.MUST_START_ON: "Must start on {day}",
    ConstraintType.MUST_FINISH_ON: "Must finish on {day}",
}


_PINNING = frozenset(
    {
        ConstraintType.START_NO_LATER,
        ConstraintType.FINISH_NO_LATER,
        ConstraintType.MUST_START_ON,
        ConstraintType.MUST_FINISH_ON,
    }
)


def owns_conflict(task: GanttTask) -> bool:
    """True when the task's own date is the one it cannot keep (a "must" or "no later than" date, or dates
    set by hand), rather than a task upstream of such a date that is late for it."""
    pinned = task.constraint_type in _PINNING or task.scheduling is SchedulingMode.MANUAL
    return task.conflict is not None and pinned


def days_text(days: int) -> str:
    return tr("{count} d", count=days)


def task_text(column: int, task: GanttTask) -> str:
    """What a task row shows in `column`."""
    return _TASK_TEXT[column](task)


_TASK_TEXT: dict[int, Callable[[GanttTask], str]] = {
    NAME: lambda task: task.name,
    START: lambda task: format_date(task.start),
    FINISH: lambda task: format_date(task.finish),
    DURATION: lambda task: days_text(task.duration_days),
    PROGRESS: lambda task: f"{task.percent_complete} %",
    FLOAT: lambda task: days_text(task.total_float),
    PEOPLE: lambda task: ", ".join(task.people),
}


def span_text(column: int, span: tuple[date, date] | None, progress: int, calendar: GanttCalendar) -> str:
    """What a project or programme row shows in a column other than its name."""
    if span is None:
        return ""
    if column == START:
        return format_date(span[0])
    if column == FINISH:
        return format_date(span[1])
    if column == DURATION:
        return days_text(working_days(calendar, span[0], span[1]))
    if column == PROGRESS:
        return f"{progress} %"
    return ""


def working_days(calendar: GanttCalendar, first: date, last: date) -> int:
    """Working days from `first` to `last`, both included."""
    count, day = 0, first
    while day <= last:
        count += calendar.is_working_day(day)
        day += timedelta(days=1)
    return count


def constraint_text(task: GanttTask) -> str:
    """ "Must finish on 3 Jul 2026", or "" for as soon as possible."""
    words = _CONSTRAINT_WORDS.get(task.constraint_type)
    if words is None or task.constraint_date is None:
        return ""
    return tr(words, day=format_date(task.constraint_date))


def task_tooltip(task: GanttTask) -> str:
    """The task in a few lines: WBS and name, dates, float, constraint, baseline and any conflict."""
    kind = tr("Milestone") if task.kind is TaskKind.MILESTONE else enum_words(task.kind)
    lines = [f"<b>{_escape(task.wbs)}  {_escape(task.name)}</b>"]
    if task.kind is TaskKind.MILESTONE:
        lines.append(tr("{kind} on {day}", kind=kind, day=format_date(task.finish)))
    else:
        lines.append(
            tr(
                "{start} to {finish} ({duration}), {percent} % complete",
                start=format_date(task.start),
                finish=format_date(task.finish),
                duration=days_text(task.duration_days),
                percent=task.percent_complete,
            )
        )
    lines.append(_float_line(task))
    if task.scheduling is SchedulingMode.MANUAL:
        lines.append(tr("Scheduled manually"))
    constraint = constraint_text(task)
    if constraint:
        lines.append(constraint)
    if task.baseline_start is not None and task.baseline_finish is not None:
        lines.append(_baseline_line(task))
    if task.people:
        lines.append(tr("People: {names}", names=_escape(", ".join(task.people))))
    if task.conflict:
        lines.append(f"<span style='color:#c92a2a'>⚠ {_escape(task.conflict)}</span>")
    return "<br>".join(lines)


def _float_line(task: GanttTask) -> str:
    critical = tr("on the critical path") if task.critical else tr("not critical")
    return tr(
        "Total float {total}, free float {free}: {critical}",
        total=days_text(task.total_float),
        free=days_text(task.free_float),
        critical=critical,
    )


def _baseline_line(task: GanttTask) -> str:
    assert task.baseline_start is not None and task.baseline_finish is not None
    slip = (task.finish - task.baseline_finish).days
    moved = tr(", {days} calendar days late", days=slip) if slip > 0 else ""
    return tr(
        "Baseline {start} to {finish}{moved}",
        start=format_date(task.baseline_start),
        finish=format_date(task.baseline_finish),
        moved=moved,
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

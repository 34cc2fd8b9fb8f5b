"""The task dialog: the Designer form `ui/task_dialog.ui` for one task, milestone or summary.

The left column edits what the planner owns (name, kind, scheduling, duration, progress, the dates of a task
scheduled by hand, its constraint, notes); the right column shows what the scheduler made of it (earliest
and latest dates, float, the baseline, the people, its links and any conflict). OK runs one undoable edit of
the changed fields; a refusal stays in the dialog with everything typed.
"""

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from pmo_desktop.domain.enums import ConstraintType, EntityKind, SchedulingMode, TaskKind
from pmo_desktop.gui.commands.base import DocumentCommand
from pmo_desktop.gui.commands.record_commands import UpdateRecordCommand
from pmo_desktop.gui.dialogs.form_dialog import FormDialog
from pmo_desktop.gui.document import Document
from pmo_desktop.gui.formatting import format_date
from pmo_desktop.gui.models.gantt_columns import days_text
from pmo_desktop.gui.models.gantt_rows import GanttTree
from pmo_desktop.i18n import tr
from pmo_desktop.services.gantt_queries import GanttLink
from pmo_desktop.services.records import get_record

CONSTRAINTS = (
    (ConstraintType.ASAP, "As soon as possible"),
    (ConstraintType.START_NO_EARLIER, "Start no earlier than"),
    (ConstraintType.START_NO_LATER, "Start no later than"),
    (ConstraintType.FINISH_NO_EARLIER, "Finish no earlier than"),
    (ConstraintType.FINISH_NO_LATER, "Finish no later than"),
    (ConstraintType.MUST_START_ON, "Must start on"),
    (ConstraintType.MUST_FINISH_ON, "Must finish on"),
)
_CONFLICT_STYLE = (
    "QLabel { background: #fdecea; color: #8a1c14; border: 1px solid #f5c2bd; border-radius: 4px; padding: 8px 10px; }"
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TaskDialog(FormDialog):
    """Edits one task of `tree` (the Gantt's rows, for names and links).

    Signals: only those of QDialog.
    """

    FORM = "task_dialog"

    def __init__(self, document: Document, tree: GanttTree, task_id: int, parent: QWidget | None = None) -> None:
        task = tree.tasks[task_id]
        super().__init__(document, tr("Task: {name}", name=task.name), parent)
        self._task = task
        self._tree = tree
        self._before = dict(get_record(document.workspace, EntityKind.TASK, task_id).values)
        self._find_fields()
        self._fill()
        self._show_schedule()
        self.kind.currentIndexChanged.connect(self._follow_kind)
        self.scheduling.currentIndexChanged.connect(self._follow_scheduling)
        self.constraint.currentIndexChanged.connect(self._follow_constraint)
        self._follow_kind()
        self._follow_scheduling()
        self._follow_constraint()

    def _find_fields(self) -> None:
        self.name = self.field(QLineEdit, "name")
        self.kind = self.field(QComboBox, "kind")
        self.scheduling = self.field(QComboBox, "scheduling")
        self.start = self.field(QDateEdit, "start")
        self.finish = self.field(QDateEdit, "finish")
        self.duration = self.field(QSpinBox, "duration")
        self.progress = self.field(QSpinBox, "progress")
        self.constraint = self.field(QComboBox, "constraint")
        self.constraint_date = self.field(QDateEdit, "constraintDate")
        self.notes = self.field(QPlainTextEdit, "notes")
        self.conflict = self.field(QLabel, "conflict")

    def _fill(self) -> None:
        task, before = self._task, self._before
        self.name.setText(task.name)
        self.field(QLabel, "project").setText(f"{self._tree.project_name(task.project_id)}  ·  WBS {task.wbs}")
        kinds = (
            [(TaskKind.SUMMARY, tr("Summary"))]
            if task.has_children
            else [(TaskKind.TASK, tr("Task")), (TaskKind.MILESTONE, tr("Milestone"))]
        )
        _fill(self.kind, kinds, task.kind)
        modes = [(SchedulingMode.AUTO, tr("Automatic")), (SchedulingMode.MANUAL, tr("By hand"))]
        _fill(self.scheduling, modes, task.scheduling)
        _fill(self.constraint, [(kind, tr(words)) for kind, words in CONSTRAINTS], task.constraint_type)
        self.start.setDate(_qdate(task.start))
        self.finish.setDate(_qdate(task.finish))
        self.duration.setValue(task.duration_days)
        self.progress.setValue(task.percent_complete)
        self.constraint_date.setDate(_qdate(task.constraint_date or task.start))
        self.notes.setPlainText(str(before.get("notes") or ""))

    def _show_schedule(self) -> None:
        task = self._task
        self.field(QLabel, "early").setText(_span(task.early_start, task.early_finish))
        self.field(QLabel, "late").setText(_span(task.late_start, task.late_finish))
        critical = tr("on the critical path") if task.critical else tr("not critical")
        self.field(QLabel, "floats").setText(
            tr(
                "{total} total, {free} free: {critical}",
                total=days_text(task.total_float),
                free=days_text(task.free_float),
                critical=critical,
            )
        )
        baseline = tr("none")
        if task.baseline_start is not None and task.baseline_finish is not None:
            baseline = _span(task.baseline_start, task.baseline_finish)
        self.field(QLabel, "baseline").setText(baseline)
        self.field(QLabel, "people").setText(", ".join(task.people) or tr("nobody allocated"))
        links = self._tree.data.links
        self.field(QLabel, "predecessors").setText(
            self._links_text([link for link in links if link.successor_id == task.id], before=True)
        )
        self.field(QLabel, "successors").setText(
            self._links_text([link for link in links if link.predecessor_id == task.id], before=False)
        )
        self.conflict.setStyleSheet(_CONFLICT_STYLE)
        self.conflict.setText(f"⚠ {task.conflict}" if task.conflict else "")
        self.conflict.setVisible(bool(task.conflict))

    def _links_text(self, links: list[GanttLink], *, before: bool) -> str:
        if not links:
            return tr("none")
        lines = []
        for link in links:
            other = self._tree.tasks.get(link.predecessor_id if before else link.successor_id)
            lag = f" {link.lag_days:+d} d" if link.lag_days else ""
            lines.append(f"{other.name if other else '?'} ({link.type.value}{lag})")
        return "\n".join(lines)

    # -- following the choices --------------------------------------------------------------------------

    def _follow_kind(self) -> None:
        milestone = self.kind.currentData() == TaskKind.MILESTONE
        summary = self.kind.currentData() == TaskKind.SUMMARY
        if milestone:
            self.duration.setValue(0)
        elif self.duration.value() == 0 and not summary:
            self.duration.setValue(1)
        self.duration.setEnabled(not (milestone or summary))
        self._follow_scheduling()

    def _follow_scheduling(self) -> None:
        by_hand = self.scheduling.currentData() == SchedulingMode.MANUAL
        own_dates = by_hand and self.kind.currentData() != TaskKind.SUMMARY
        self.start.setEnabled(own_dates)
        self.finish.setEnabled(own_dates and self.kind.currentData() == TaskKind.TASK)

    def _follow_constraint(self) -> None:
        self.constraint_date.setEnabled(self.constraint.currentData() != ConstraintType.ASAP)

    # -- the edit ---------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The fields as the task record stores them."""
        kind = TaskKind(self.kind.currentData())
        constraint = ConstraintType(self.constraint.currentData())
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "kind": kind.value,
            "scheduling": SchedulingMode(self.scheduling.currentData()).value,
            "percent_complete": self.progress.value(),
            "notes": self.notes.toPlainText(),
            "constraint_type": constraint.value,
            "constraint_date": None if constraint is ConstraintType.ASAP else _date(self.constraint_date.date()),
        }
        if kind is not TaskKind.SUMMARY:
            values["duration_days"] = self.duration.value()
        if self.start.isEnabled():
            values["start"] = _date(self.start.date())
        if self.finish.isEnabled():
            values["finish"] = _date(self.finish.date())
        if kind is TaskKind.MILESTONE:
            values["finish"] = values.get("start", self._task.start)  # a milestone is one day
        return values

    def command(self) -> DocumentCommand | None:
        changed = {key: value for key, value in self.values().items() if self._before.get(key) != value}
        if not changed:
            return None
        text = tr("Edit task '{name}'", name=self._task.name)
        return UpdateRecordCommand(self.document, EntityKind.TASK, self._task.id, changed, text)


def _fill(combo: QComboBox, entries: list[tuple[Any, str]], chosen: Any) -> None:
    for value, text in entries:
        combo.addItem(text, value.value)
    combo.setCurrentIndex(max(0, combo.findData(chosen.value)))


def _span(first: date, last: date) -> str:
    return tr("{first} to {last}", first=format_date(first), last=format_date(last))

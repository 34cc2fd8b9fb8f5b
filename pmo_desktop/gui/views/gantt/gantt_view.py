"""The Gantt view, for now: the task table the chart will sit beside (DESIGN.md section 5 builds the chart).

Task names, dates and progress edit in place through undo commands, as the chart's drags will later.
"""

from pmo_desktop.domain.enums import EntityKind, TaskKind
from pmo_desktop.gui.formatting import count_of, format_date, join_parts
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.views.record_page import RecordPage
from pmo_desktop.i18n import tr


class GanttView(RecordPage):
    """Tasks with project, kind, dates, duration and progress.

    Signals: none.
    """

    KIND = EntityKind.TASK
    COLUMNS = (
        columns.reference("project_id", "Project", EntityKind.PROJECT, optional=False),
        columns.text("name", "Task"),
        columns.choice("kind", "Kind", TaskKind),
        columns.date("start", "Start"),
        columns.date("finish", "Finish"),
        columns.number("duration_days", "Duration", "d"),
        columns.number("percent_complete", "Complete", "%"),
    )
    STRETCH_FIELD = "name"
    SUMMARY_KINDS = frozenset({EntityKind.PROJECT})

    def title(self) -> str:
        return tr("Schedule")

    def summary(self) -> str:
        tasks = [self.model.record_at(row) for row in range(self.model.rowCount())]
        if not tasks:
            return tr("No tasks yet.")
        milestones = sum(1 for task in tasks if task["kind"] == TaskKind.MILESTONE)
        projects = {task["project_id"] for task in tasks}
        first = min(task["start"] for task in tasks)
        last = max(task["finish"] for task in tasks)
        return join_parts(
            [
                count_of(len(tasks) - milestones, "task", "tasks"),
                count_of(milestones, "milestone", "milestones"),
                count_of(len(projects), "project", "projects"),
                tr("{first} to {last}", first=format_date(first), last=format_date(last)),
            ]
        )

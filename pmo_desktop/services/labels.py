"""Names of record kinds and fields as a planner reads them, for messages and column headers."""

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.i18n import tr

_KIND_LABELS = {
    EntityKind.PORTFOLIO: "portfolio",
    EntityKind.HOLIDAY: "holiday",
    EntityKind.OBJECTIVE: "objective",
    EntityKind.PROGRAMME: "programme",
    EntityKind.PROGRAMME_OBJECTIVE: "programme objective",
    EntityKind.PROJECT: "project",
    EntityKind.PROJECT_OBJECTIVE: "project objective",
    EntityKind.TASK: "task",
    EntityKind.DEPENDENCY: "dependency",
    EntityKind.BASELINE: "baseline",
    EntityKind.BASELINE_TASK: "baseline task",
    EntityKind.BASELINE_PROJECT: "baseline project",
    EntityKind.ROLE: "role",
    EntityKind.TEAM: "team",
    EntityKind.PERSON: "person",
    EntityKind.TIME_OFF: "time off",
    EntityKind.ALLOCATION: "allocation",
    EntityKind.RAID_ITEM: "RAID item",
    EntityKind.RAID_SCORE: "RAID score",
    EntityKind.RAID_TASK_LINK: "RAID task link",
    EntityKind.STATUS_REPORT: "status report",
    EntityKind.BUDGET_LINE: "budget line",
}


def kind_label(kind: EntityKind) -> str:
    """`kind` as a lower-case noun for sentences ("task", "RAID item")."""
    return tr(_KIND_LABELS[kind])


def field_label(column: str) -> str:
    """A column name as words ("percent_complete" -> "percent complete", "owner_id" -> "owner")."""
    words = column.removesuffix("_id").removesuffix("_minor").replace("_", " ")
    return tr(words)

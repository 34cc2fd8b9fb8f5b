"""The risk register, for now: the RAID log as a sortable, editable table (the 5x5 matrix comes later)."""

from pmo_desktop.domain.enums import EntityKind, RaidKind, RaidStatus
from pmo_desktop.gui.formatting import count_of, join_parts, raid_reference
from pmo_desktop.gui.models import columns
from pmo_desktop.gui.views.record_page import RecordPage
from pmo_desktop.i18n import tr

_OPEN = frozenset({RaidStatus.OPEN, RaidStatus.IN_PROGRESS})
_NOUNS = {
    RaidKind.RISK: ("risk", "risks"),
    RaidKind.ASSUMPTION: ("assumption", "assumptions"),
    RaidKind.ISSUE: ("issue", "issues"),
    RaidKind.DECISION: ("decision", "decisions"),
}


class RisksView(RecordPage):
    """RAID items with their reference (R-001), title, project, owner, scores, status and review date.

    Signals: none.
    """

    KIND = EntityKind.RAID_ITEM
    COLUMNS = (
        columns.computed("number", "Ref", raid_reference),
        columns.text("title", "Title"),
        columns.reference("project_id", "Project", EntityKind.PROJECT),
        columns.reference("owner_id", "Owner", EntityKind.PERSON),
        columns.number("probability", "Probability"),
        columns.number("impact", "Impact"),
        columns.choice("status", "Status", RaidStatus),
        columns.date("review_on", "Review", optional=True),
    )
    STRETCH_FIELD = "title"

    def title(self) -> str:
        return tr("RAID log")

    def summary(self) -> str:
        items = [self.model.record_at(row) for row in range(self.model.rowCount())]
        if not items:
            return tr("No risks, assumptions, issues or decisions yet.")
        open_items = [item for item in items if item["status"] in _OPEN]
        parts = [count_of(sum(1 for item in open_items if item["kind"] == kind), *_NOUNS[kind]) for kind in RaidKind]
        closed = count_of(len(items) - len(open_items), "closed item", "closed items")
        return join_parts([tr("Open: {items}", items=", ".join(parts)), closed])

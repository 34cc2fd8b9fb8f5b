"""Names of the records that reference columns point at, cached per kind and reloaded when that kind changes."""

from collections.abc import Iterable

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.formatting import record_label
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace

_FEW_UPDATES = 500  # more records edited at once than this: one full read is cheaper


class ReferenceLookup:
    """Labels by id for a few kinds of record; one query per kind on load and on each change of that kind."""

    def __init__(self, workspace: Workspace, kinds: Iterable[EntityKind]) -> None:
        self._workspace = workspace
        self._labels: dict[EntityKind, dict[int, str]] = {kind: {} for kind in kinds}
        self.reload(self.kinds)

    @property
    def kinds(self) -> frozenset[EntityKind]:
        return frozenset(self._labels)

    def reload(self, kinds: Iterable[EntityKind]) -> None:
        for kind in kinds:
            self._labels[kind] = {record.id: record_label(record) for record in list_records(self._workspace, kind)}

    def follow(self, changes: Changes) -> frozenset[EntityKind]:
        """Bring the labels up to date after `changes`; returns the kinds whose labels changed.

        Records edited in place are read again by id: moving a task in a plan of 10,000 re-reads the tasks
        that moved, not every name in the portfolio.
        """
        relabelled = set()
        for kind in changes.kinds & self.kinds:
            updated = changes.updated.get(kind, frozenset())
            if changes.created.get(kind) or changes.deleted.get(kind) or len(updated) > _FEW_UPDATES:
                self.reload([kind])
                relabelled.add(kind)
                continue
            labels = self._labels[kind]
            for record in list_records(self._workspace, kind, ids=updated):
                label = record_label(record)
                if labels.get(record.id) != label:
                    labels[record.id] = label
                    relabelled.add(kind)
        return frozenset(relabelled)

    def label(self, kind: EntityKind, record_id: int | None) -> str:
        if record_id is None:
            return ""
        return self._labels[kind].get(record_id, "")

    def choices(self, kind: EntityKind) -> list[tuple[int, str]]:
        """Every record of `kind` as (id, label), by label: what a picker offers."""
        return sorted(self._labels[kind].items(), key=lambda item: item[1].casefold())

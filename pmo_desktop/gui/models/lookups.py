"""Names of the records that reference columns point at, cached per kind and reloaded when that kind changes."""

from collections.abc import Iterable

from pmo_desktop.domain.enums import EntityKind
from pmo_desktop.gui.formatting import record_label
from pmo_desktop.services.records import list_records
from pmo_desktop.services.workspace import Workspace


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

    def label(self, kind: EntityKind, record_id: int | None) -> str:
        if record_id is None:
            return ""
        return self._labels[kind].get(record_id, "")

    def choices(self, kind: EntityKind) -> list[tuple[int, str]]:
        """Every record of `kind` as (id, label), by label: what a picker offers."""
        return sorted(self._labels[kind].items(), key=lambda item: item[1].casefold())

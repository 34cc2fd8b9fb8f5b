"""The record of what one operation changed, so every view refreshes only what it touches (Anki's OpChanges)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from pmo_desktop.domain.enums import EntityKind

_SCHEDULE_KINDS = frozenset({EntityKind.TASK, EntityKind.DEPENDENCY, EntityKind.HOLIDAY, EntityKind.PORTFOLIO})
_EMPTY: Mapping[EntityKind, frozenset[int]] = MappingProxyType({})


def _freeze(ids: Mapping[EntityKind, Iterable[int]]) -> Mapping[EntityKind, frozenset[int]]:
    return MappingProxyType({kind: frozenset(values) for kind, values in ids.items() if values})


@dataclass(frozen=True)
class Changes:
    """Ids created, updated and deleted by one operation, by kind of record."""

    created: Mapping[EntityKind, frozenset[int]] = field(default_factory=lambda: _EMPTY)
    updated: Mapping[EntityKind, frozenset[int]] = field(default_factory=lambda: _EMPTY)
    deleted: Mapping[EntityKind, frozenset[int]] = field(default_factory=lambda: _EMPTY)

    @classmethod
    def of(
        cls,
        created: Mapping[EntityKind, Iterable[int]] | None = None,
        updated: Mapping[EntityKind, Iterable[int]] | None = None,
        deleted: Mapping[EntityKind, Iterable[int]] | None = None,
    ) -> "Changes":
        """Build a record from plain mappings of iterables."""
        return cls(_freeze(created or {}), _freeze(updated or {}), _freeze(deleted or {}))

    @property
    def kinds(self) -> frozenset[EntityKind]:
        """Every kind of record this change touched."""
        return frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)

    @property
    def is_empty(self) -> bool:
        return not self.kinds

    @property
    def affects_schedule(self) -> bool:
        """True when tasks, dependencies or the calendar changed, so the scheduler must rerun."""
        return bool(self.kinds & _SCHEDULE_KINDS)

    def touches(self, *kinds: EntityKind) -> bool:
        """True when any of `kinds` was created, updated or deleted."""
        return bool(self.kinds.intersection(kinds))

    def ids(self, kind: EntityKind) -> frozenset[int]:
        """Every id of `kind` this change touched, whatever happened to it."""
        empty: frozenset[int] = frozenset()
        return self.created.get(kind, empty) | self.updated.get(kind, empty) | self.deleted.get(kind, empty)

    def merge(self, other: "Changes") -> "Changes":
        """The union of two records, for compound commands."""

        def union(
            a: Mapping[EntityKind, frozenset[int]], b: Mapping[EntityKind, frozenset[int]]
        ) -> dict[EntityKind, frozenset[int]]:
            return {kind: a.get(kind, frozenset()) | b.get(kind, frozenset()) for kind in set(a) | set(b)}

        return Changes.of(
            union(self.created, other.created),
            union(self.updated, other.updated),
            union(self.deleted, other.deleted),
        )

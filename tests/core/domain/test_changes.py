"""The record of what changed: what views ask of it."""

from pmo_desktop.domain.changes import Changes
from pmo_desktop.domain.enums import EntityKind


def test_empty_changes_touch_nothing() -> None:
    changes = Changes()
    assert changes.is_empty and not changes.affects_schedule and changes.kinds == frozenset()


def test_kinds_ids_and_schedule_flag() -> None:
    changes = Changes.of(created={EntityKind.TASK: [3]}, updated={EntityKind.PERSON: [1, 2]}, deleted={})
    assert changes.kinds == {EntityKind.TASK, EntityKind.PERSON}
    assert changes.touches(EntityKind.PERSON) and not changes.touches(EntityKind.RAID_ITEM)
    assert changes.ids(EntityKind.PERSON) == {1, 2}
    assert changes.affects_schedule
    assert not Changes.of(updated={EntityKind.PERSON: [1]}).affects_schedule


def test_empty_id_lists_are_dropped() -> None:
    assert Changes.of(updated={EntityKind.TASK: []}).is_empty


def test_merge_unites_each_part() -> None:
    first = Changes.of(created={EntityKind.TASK: [1]}, updated={EntityKind.PROJECT: [5]})
    second = Changes.of(updated={EntityKind.PROJECT: [6]}, deleted={EntityKind.DEPENDENCY: [9]})
    merged = first.merge(second)
    assert merged.created == {EntityKind.TASK: {1}}
    assert merged.updated == {EntityKind.PROJECT: {5, 6}}
    assert merged.deleted == {EntityKind.DEPENDENCY: {9}}

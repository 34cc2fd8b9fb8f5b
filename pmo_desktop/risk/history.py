"""The score history of RAID items, indexed for "what was the score on that day" questions.

An entry holds from its `recorded_on` until the next entry of the same item. Several entries on one day
keep the order they were given in, and the last of them is the day's score (the final edit of that day).
"""

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from pmo_desktop.risk.items import ScorePoint


class ScoreHistory:
    """Score entries grouped by item and sorted by day; lookups are a binary search."""

    def __init__(self, points: Iterable[ScorePoint]) -> None:
        grouped: defaultdict[int, list[ScorePoint]] = defaultdict(list)
        for point in points:
            grouped[point.item_id].append(point)
        # sorted() is stable, so same-day entries stay in the order they were given.
        self._points = {item: tuple(sorted(rows, key=lambda p: p.recorded_on)) for item, rows in grouped.items()}
        self._days = {item: [p.recorded_on for p in rows] for item, rows in self._points.items()}

    def points(self, item_id: int) -> tuple[ScorePoint, ...]:
        """Every entry of the item, oldest first; empty when it has none."""
        return self._points.get(item_id, ())

    def at(self, item_id: int, day: date) -> ScorePoint | None:
        """The entry valid on `day`: the last one recorded on or before it; None before the first."""
        index = bisect_right(self._days.get(item_id, []), day)
        return self._points[item_id][index - 1] if index else None

    def first_after(self, item_id: int, day: date) -> ScorePoint | None:
        """The earliest entry recorded strictly after `day`, if any."""
        index = bisect_right(self._days.get(item_id, []), day)
        points = self.points(item_id)
        return points[index] if index < len(points) else None

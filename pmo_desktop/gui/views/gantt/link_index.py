"""Which dependencies cross a band of rows, found without walking every link on every repaint.

The rows each link spans (from its predecessor's row to its successor's) sit in two numpy arrays, rebuilt
when the rows are laid out again (expand, collapse, filter, reload); a repaint asks for the links whose span
meets the rows in view, which also finds a long arrow passing through the view with both ends outside it.
"""

from collections.abc import Mapping, Sequence

import numpy as np

from pmo_desktop.services.gantt_queries import GanttLink


class LinkIndex:
    """The links whose two tasks are both laid out, by the rows they span."""

    def __init__(self, links: Sequence[GanttLink], row_of_task: Mapping[int, int]) -> None:
        placed = [
            (link, row_of_task[link.predecessor_id], row_of_task[link.successor_id])
            for link in links
            if link.predecessor_id in row_of_task and link.successor_id in row_of_task
        ]
        self._links = [link for link, _first, _second in placed]
        self._low = np.fromiter((min(a, b) for _link, a, b in placed), dtype=np.int64, count=len(placed))
        self._high = np.fromiter((max(a, b) for _link, a, b in placed), dtype=np.int64, count=len(placed))

    def __len__(self) -> int:
        return len(self._links)

    def crossing(self, first: int, last: int) -> list[GanttLink]:
        """The links spanning any row in [first, last)."""
        if not self._links or last <= first:
            return []
        hits = np.flatnonzero((self._low < last) & (self._high >= first))
        return [self._links[position] for position in hits.tolist()]

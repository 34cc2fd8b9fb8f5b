"""Following edits only while a view is on screen, and catching up once when it shows again.

A view hidden behind another tab need not recompute what nobody sees. On a portfolio of 10,000 tasks the
overview's KPIs take a third of a second: recomputed after every drag in the Gantt, they would make each
drag feel stuck. So a model or widget holds a `CatchUp`: while it follows, edits are handled as they come;
while it does not, the first edit is only noted, and one refresh runs when following resumes.
`follow_visibility` drives it from a widget's show and hide events.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class CatchUp:
    """Whether edits are followed now, and whether one came while they were not."""

    def __init__(self, refresh: Callable[[], None]) -> None:
        self._refresh = refresh
        self._following = True
        self._behind = False

    @property
    def following(self) -> bool:
        return self._following

    def set_following(self, following: bool) -> None:
        """Follow edits again (refreshing once if one came meanwhile), or stop following them."""
        self._following = following
        if following and self._behind:
            self._behind = False
            self._refresh()

    def deferred(self) -> bool:
        """True when an edit that just came must wait: the caller skips its work, and it is caught up later."""
        if not self._following:
            self._behind = True
        return not self._following


class _VisibilityFilter(QObject):
    """Calls `follow(True)` when the watched widget is shown and `follow(False)` when it is hidden."""

    def __init__(self, widget: QWidget, follow: Callable[[bool], None]) -> None:
        super().__init__(widget)
        self._follow = follow
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._follow(True)
        elif event.type() == QEvent.Type.Hide:
            self._follow(False)
        return False


def follow_visibility(widget: QWidget, *catch_ups: CatchUp) -> None:
    """Have each of `catch_ups` follow edits exactly while `widget` is visible (starting now)."""

    def follow(shown: bool) -> None:
        for catch_up in catch_ups:
            catch_up.set_following(shown)

    _VisibilityFilter(widget, follow)
    follow(widget.isVisible())

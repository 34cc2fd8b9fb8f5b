"""The View menu: one checkable action per view of the workspace, on Ctrl+1 to Ctrl+4."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from pmo_desktop.gui.views.workspace_views import VIEW_TITLES
from pmo_desktop.i18n import tr


class ViewActions(QObject):
    """Exclusive actions that switch the workspace view.

    Signals:
        view_chosen(int): the user picked the view with this index.
    """

    view_chosen = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        group = QActionGroup(self)
        group.setExclusive(True)
        self.actions: list[QAction] = []
        for index, title in enumerate(VIEW_TITLES):
            action = QAction(tr(title), group)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, chosen=index: self.view_chosen.emit(chosen))
            self.actions.append(action)

    def set_current(self, index: int) -> None:
        if 0 <= index < len(self.actions):
            self.actions[index].setChecked(True)

    def set_enabled(self, enabled: bool) -> None:
        for action in self.actions:
            action.setEnabled(enabled)

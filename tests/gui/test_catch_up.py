"""CatchUp and follow_visibility: edits are followed while a widget is shown, and caught up once on showing."""

from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from pmo_desktop.gui.catch_up import CatchUp, follow_visibility


class Refreshes:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def test_while_following_nothing_waits() -> None:
    refreshes = Refreshes()
    catch_up = CatchUp(refreshes)
    assert not catch_up.deferred()
    catch_up.set_following(True)
    assert refreshes.count == 0


def test_edits_while_not_following_cost_one_refresh_when_following_resumes() -> None:
    refreshes = Refreshes()
    catch_up = CatchUp(refreshes)
    catch_up.set_following(False)
    assert catch_up.deferred()
    assert catch_up.deferred()
    assert refreshes.count == 0
    catch_up.set_following(True)
    assert refreshes.count == 1
    catch_up.set_following(False)
    catch_up.set_following(True)
    assert refreshes.count == 1  # nothing came meanwhile


def test_a_widget_on_a_hidden_tab_follows_from_the_moment_it_shows(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    front, back = QWidget(), QWidget()
    tabs.addTab(front, "Front")
    tabs.addTab(back, "Back")
    refreshes = Refreshes()
    catch_up = CatchUp(refreshes)
    follow_visibility(back, catch_up)
    assert not catch_up.following  # never shown yet
    tabs.show()
    assert not catch_up.following
    assert catch_up.deferred()
    tabs.setCurrentWidget(back)
    assert catch_up.following
    assert refreshes.count == 1
    tabs.setCurrentWidget(front)
    assert not catch_up.following
    assert refreshes.count == 1

"""The most recently opened portfolios (at most eight), kept in QSettings, and the File > Open Recent menu."""

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu, QWidget

from pmo_desktop.i18n import tr

MAX_RECENT = 8
_KEY = "files/recent"


class RecentFiles(QObject):
    """The list of recent files, newest first.

    Signals:
        changed(): the list changed.
    """

    changed = Signal()

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings

    def paths(self) -> list[Path]:
        # type=list: an INI file hands back a one-element list as a plain string.
        stored = self._settings.value(_KEY, [], type=list)
        return [Path(str(entry)) for entry in stored if entry] if isinstance(stored, list) else []

    def add(self, path: Path) -> None:
        path = path.resolve()
        self._store([path, *(known for known in self.paths() if known != path)])

    def remove(self, path: Path) -> None:
        path = path.resolve()
        self._store([known for known in self.paths() if known != path])

    def clear(self) -> None:
        self._store([])

    def most_recent_existing(self) -> Path | None:
        return next((path for path in self.paths() if path.is_file()), None)

    def _store(self, paths: list[Path]) -> None:
        self._settings.setValue(_KEY, [str(path) for path in paths[:MAX_RECENT]])
        self.changed.emit()


class RecentFilesMenu(QMenu):
    """File > Open Recent: one entry per recent file (numbered for the keyboard), then Clear Menu.

    Signals:
        open_requested(object): the user picked a file; the argument is its Path.
    """

    open_requested = Signal(object)

    def __init__(self, recent: RecentFiles, parent: QWidget | None = None) -> None:
        super().__init__(tr("Open &Recent"), parent)
        self._recent = recent
        recent.changed.connect(self._rebuild)
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear()
        paths = self._recent.paths()
        for number, path in enumerate(paths, start=1):
            action = self.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, chosen=path: self.open_requested.emit(chosen))
        if paths:
            self.addSeparator()
        clear = self.addAction(tr("Clear Menu"))
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._recent.clear)
        self.setEnabled(bool(paths))

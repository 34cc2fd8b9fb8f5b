"""Writing a board pack off the UI thread, from a snapshot of the open portfolio.

The document's workspace belongs to the UI thread and keeps changing while the user works, so the export
never reads it: the dialog takes a snapshot first (`services.snapshots`, milliseconds, on the UI thread),
which holds the unsaved edits too, and the export opens that copy read-only on a thread of its own, writes
the PDF and deletes the snapshot, whatever happens. Cancelling is cooperative: the export checks a flag
between steps and stops with nothing written.

`BoardPackWorker` stays on the UI thread and re-emits what the `_Runner` on the export thread reports, so
whoever listens (a dialog, a lambda, a test) is called on the UI thread, where widgets may be touched.
"""

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from pmo_desktop.domain.errors import PmoError
from pmo_desktop.i18n import tr
from pmo_desktop.reporting.options import PackOptions
from pmo_desktop.services.snapshots import Snapshot


@dataclass(frozen=True)
class BoardPackJob:
    """What to export: a snapshot of the portfolio (discarded once the export ends), where to, and how."""

    snapshot: Snapshot
    output: Path
    options: PackOptions


class _Runner(QObject):
    """Runs the export on the export thread; its signals cross to the worker on the UI thread.

    Signals:
        progress(int, str), succeeded(object), failed(str), cancelled(): as `BoardPackWorker`'s.
    """

    progress = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, job: BoardPackJob, stop: threading.Event) -> None:
        super().__init__()
        self._job = job
        self._stop = stop
        self._last: tuple[int, str] = (-1, "")

    @Slot()
    def run(self) -> None:
        from pmo_desktop.reporting.export import ExportCancelledError, export_board_pack

        job = self._job
        try:
            result = export_board_pack(
                job.snapshot.path, job.output, job.options, progress=self._report, cancelled=self._stop.is_set
            )
        except ExportCancelledError:
            self.cancelled.emit()
        except PmoError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug: say so in one line rather than lose the thread silently
            self.failed.emit(
                tr("The board pack could not be written: {error}", error=f"{type(error).__name__}: {error}")
            )
        else:
            self.succeeded.emit(result)
        finally:
            job.snapshot.discard()
            QThread.currentThread().quit()

    def _report(self, share: float, text: str) -> None:
        """Pass progress on when the percent or the words change (the export reports far more often)."""
        update = (min(100, max(0, round(100 * share))), text)
        if update != self._last:
            self._last = update
            self.progress.emit(*update)


class BoardPackWorker(QObject):
    """One export on a thread of its own; `start` launches it, `cancel` asks it to stop. Lives on the UI thread.

    Signals:
        progress(int, str): percent done (0-100) and what is being done, in words.
        succeeded(object): the export finished; the argument is the `PackResult`.
        failed(str): the export failed; the argument is one sentence for the user.
        cancelled(): the export stopped at the user's request; nothing was written.
        done(): emitted last, whatever the outcome, once the export thread has stopped.
    """

    progress = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, job: BoardPackJob, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self._stop = threading.Event()
        self._thread: QThread | None = None
        self._runner: _Runner | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> None:
        thread = QThread(self)
        runner = _Runner(self.job, self._stop)
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        # Bound slots of this UI-thread object: Qt queues each call onto the UI thread, in order.
        runner.progress.connect(self._on_progress)
        runner.succeeded.connect(self._on_succeeded)
        runner.failed.connect(self._on_failed)
        runner.cancelled.connect(self._on_cancelled)
        thread.finished.connect(runner.deleteLater)
        thread.finished.connect(self._on_finished)
        self._thread, self._runner = thread, runner  # the runner has no parent: this reference keeps it alive
        thread.start()

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the export thread has stopped (for closing the app mid-export)."""
        return self._thread is None or self._thread.wait(milliseconds)

    @Slot(int, str)
    def _on_progress(self, percent: int, text: str) -> None:
        self.progress.emit(percent, text)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self.succeeded.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self.cancelled.emit()

    @Slot()
    def _on_finished(self) -> None:
        self.done.emit()

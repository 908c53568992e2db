"""Long work (import, export, suggestion runs) off the UI thread, with a progress dialog and cancel."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Worker(QObject):
    progressed = Signal(int, int, str)
    done = Signal(object, object)  # result, error

    def __init__(self, job: Callable):
        super().__init__()
        self.job = job
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            result = self.job(lambda i, n, what: self.progressed.emit(i, n, str(what)), lambda: self.cancelled)
        except Exception as e:  # reported to the user in the finished callback
            self.done.emit(None, e)
        else:
            self.done.emit(result, None)


class BackgroundJob(QObject):
    """Runs `job(progress, cancelled)` in a thread; `finished(result, error)` is called on the UI thread.
    A job with a title shows its progress and can be cancelled; one without runs quietly, or reports its
    progress to `progress(i, n, what)` on the UI thread (a status-bar widget, which cancels with `cancel`)."""

    def __init__(self, parent: QWidget, title: str, job: Callable, finished: Callable[[object, object], None],
                 progress: Callable[[int, int, str], None] | None = None):
        super().__init__(parent)
        self.title = title
        self.finished = finished
        self.on_progress = progress
        self.stopped = False
        self.dialog = None
        if title:
            self.dialog = QProgressDialog(title, parent.tr("Cancel"), 0, 0, parent)
            self.dialog.setObjectName("progressDialog")
            self.dialog.setWindowTitle(title)
            self.dialog.setMinimumDuration(300)
            self.dialog.canceled.connect(self._cancel)
        self.thread = QThread(self)
        self.worker = _Worker(job)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        # Slots of this object, which lives on the UI thread: the signals arrive queued.
        self.worker.progressed.connect(self._progress)
        self.worker.done.connect(self._done)
        self.thread.start()

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    @Slot(int, int, str)
    def _progress(self, i: int, n: int, what: str) -> None:
        if self.on_progress is not None and not self.stopped:
            self.on_progress(i, n, what)
        if self.dialog is None:
            return
        self.dialog.setMaximum(n)
        self.dialog.setValue(i)
        self.dialog.setLabelText(f"{self.title}\n{what}")

    @Slot()
    def _cancel(self) -> None:
        self.worker.cancelled = True

    def cancel(self) -> None:
        """Ask the job to stop (it says so when it has, through `finished`)."""
        self.worker.cancelled = True

    def stop(self) -> None:
        """Ask the job to stop as a cancel would, and wait until it has (the window is closing)."""
        self.stopped = True
        self.worker.cancelled = True
        self.thread.quit()
        self.thread.wait()
        if self.dialog is not None:
            self.dialog.reset()

    @Slot(object, object)
    def _done(self, result, error) -> None:
        if self.stopped:  # the window that asked for the result is closing
            return
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.reset()
            self.dialog.close()
        self.thread.quit()
        self.thread.wait()
        self.worker.deleteLater()
        self.finished(result, error)

"""Status-bar widgets that own their timers (qutebrowser's way), and the watch on other programs' writes."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from annotator.gui.actions import tr
from annotator.store.project import Project


class DocumentClock(QLabel):
    """Time on the open document: what earlier sessions recorded plus this visit, ticking every second."""

    def __init__(self):
        super().__init__(objectName="documentTime")
        self._before = 0.0
        self._since = time.monotonic()
        self._timer = QTimer(self, interval=1000, timeout=self._show)
        self._timer.start()

    def start(self, recorded: float) -> None:
        """A document was opened that has `recorded` seconds from earlier visits."""
        self._before = recorded
        self._since = time.monotonic()
        self._show()

    def lap(self) -> float:
        """Seconds since the document was opened or the last lap (what to record now)."""
        now = time.monotonic()
        seconds, self._since, self._before = now - self._since, now, self._before + now - self._since
        return seconds

    def stop(self) -> None:
        self._timer.stop()

    def _show(self) -> None:
        seconds = int(self._before + time.monotonic() - self._since)
        self.setText(tr("On this document: %d:%02d") % (seconds // 60, seconds % 60))


class ProjectWatcher(QObject):
    """Looks every two seconds whether another program (annotator import in a shell) wrote to the project."""

    changed = Signal()

    def __init__(self, project: Project, parent: QObject):
        super().__init__(parent)
        self.project = project
        self._seen = project.data_version()
        self._timer = QTimer(self, interval=2000, timeout=self.look)
        self._timer.start()

    def look(self) -> bool:
        """Emit `changed` if another connection committed since the last look; True if so."""
        version = self.project.data_version()
        if version == self._seen:
            return False
        self._seen = version
        self.project.refresh()
        self.changed.emit()
        return True

    def stop(self) -> None:
        self._timer.stop()

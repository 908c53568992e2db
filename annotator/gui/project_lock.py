"""Knowing that a project is already open in another window or program (QLockFile beside the project)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(f".{project_path.name}.lock")


class ProjectLock:
    """Held while a window works on the project. Not exclusive: SQLite lets both write safely; the lock only
    lets the second window say that the project is open elsewhere. A lock left by a crash is taken over."""

    def __init__(self, project_path: Path):
        self._lock = QLockFile(str(lock_path(Path(project_path))))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone

    def acquire(self) -> str | None:
        """Take the lock; if another window or program holds it, say where (else None)."""
        if self._lock.tryLock(0):
            return None
        if self._lock.error() != QLockFile.LockFailedError:
            return None  # the folder is read-only or odd: nothing to say about other windows
        info = self._lock.getLockInfo()  # (pid, host, app), or nothing where the lock file cannot be read
        if not isinstance(info, tuple) or len(info) != 3:
            return QCoreApplication.translate("ProjectLock", "another window")
        pid, host, app = info
        return QCoreApplication.translate("ProjectLock", "another window (%s, process %d on %s)") % (
            app or "annotator", pid, host)

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()  # removes only the lock file this object made

"""Rolling backups of a project: one copy each time the app opens it, the last five kept, in the user's
data folder (backups/); a backup is restored into the live project (Project.restore)."""
from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store.locations import data_dir, data_dir_path
from annotator.store.project import Project

KEEP = 5
SUFFIX = ".annot"


def _folder_name(project_path: Path) -> str:
    """One folder per project file, named after it and a short hash of its full path."""
    project_path = Path(project_path).resolve()
    tag = hashlib.sha1(os.fsencode(project_path)).hexdigest()[:8]
    return f"{project_path.stem}-{tag}"


def backups_root() -> Path:
    """Where every project's backups live (not created by asking)."""
    return data_dir_path() / "backups"


def backup_folder(project_path: Path) -> Path:
    folder = data_dir() / "backups" / _folder_name(project_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ProjectError(f"{folder}: cannot keep backups here: {e.strerror or e}") from e
    return folder


def make_backup(project_path: Path, keep: int = KEEP) -> Path:
    """Copy the project with SQLite's backup API (consistent even while it is open), keep the newest `keep`."""
    folder = backup_folder(project_path)
    target = folder / f"{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}{SUFFIX}"
    try:
        source = sqlite3.connect(f"file:{Path(project_path).resolve()}?mode=ro", uri=True)
        dest = sqlite3.connect(str(target))
        with dest:
            source.backup(dest)
        source.close()
        dest.close()
    except sqlite3.Error as e:
        target.unlink(missing_ok=True)  # the copy this function began
        raise ProjectError(f"{project_path}: cannot make a backup: {e}") from e
    for old in list_backups(project_path)[keep:]:
        old.unlink(missing_ok=True)  # backups this module made
    return target


def list_backups(project_path: Path) -> list[Path]:
    """Backups of the project, newest first."""
    return sorted(backup_folder(project_path).glob(f"*{SUFFIX}"), reverse=True)


def restore_backup(project: Project, backup: Path) -> None:
    """Put `backup` in place of the open project (every program that has it open sees the restored state);
    the state it replaces is backed up first."""
    make_backup(project.path, keep=KEEP + 1)
    project.restore(backup)

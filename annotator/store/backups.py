"""Rolling backups of a project: one copy each time the app opens it, the last five kept, in the user's
data folder (backups/); a backup can be restored over the project."""
from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store.locations import data_dir

KEEP = 5


def backup_folder(project_path: Path) -> Path:
    """One folder per project file, named after it and a short hash of its full path."""
    project_path = Path(project_path).resolve()
    tag = hashlib.sha1(str(project_path).encode("utf-8")).hexdigest()[:8]
    folder = data_dir() / "backups" / f"{project_path.stem}-{tag}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_backup(project_path: Path, keep: int = KEEP) -> Path:
    """Copy the project with SQLite's backup API (consistent even while it is open), keep the newest `keep`."""
    folder = backup_folder(project_path)
    target = folder / f"{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.annot"
    try:
        source = sqlite3.connect(f"file:{Path(project_path).resolve()}?mode=ro", uri=True)
        dest = sqlite3.connect(str(target))
        with dest:
            source.backup(dest)
        source.close()
        dest.close()
    except sqlite3.Error as e:
        target.unlink(missing_ok=True)
        raise ProjectError(f"{project_path}: cannot make a backup: {e}") from e
    for old in list_backups(project_path)[keep:]:
        old.unlink(missing_ok=True)
    return target


def list_backups(project_path: Path) -> list[Path]:
    """Backups of the project, newest first."""
    return sorted(backup_folder(project_path).glob("*.annot"), reverse=True)


def restore_backup(backup: Path, project_path: Path) -> None:
    """Put `backup` in place of the project (closed by the caller); the state replaced is backed up first."""
    project_path = Path(project_path)
    if project_path.exists():
        make_backup(project_path, keep=KEEP + 1)
    for suffix in ("-wal", "-shm"):
        Path(f"{project_path}{suffix}").unlink(missing_ok=True)
    tmp = project_path.with_name(project_path.name + ".restoring")
    shutil.copyfile(backup, tmp)
    tmp.replace(project_path)

"""Rolling backups of a project: a copy when the app opens it and it changed since the last copy, the newest
five kept within a bounded total size, in the user's data folder (backups/); a backup is restored into the
live project (Project.restore)."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store.locations import data_dir, data_dir_path
from annotator.store.project import Project

KEEP = 5
MAX_TOTAL_BYTES = 2 * 10**9  # older backups go first once the folder holds more (the newest always stays)
SUFFIX = ".annot"
STATE = "state.json"  # the project file's state at the newest backup: no copy while it has not changed


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


def _file_state(project_path: Path) -> list:
    """What changes when anything is written to the project (its file and its write-ahead log)."""
    out = []
    for path in (Path(project_path), Path(f"{project_path}-wal")):
        st = path.stat() if path.exists() else None
        out += [st.st_size, st.st_mtime_ns] if st and st.st_size else [0, 0]  # an empty log holds nothing
    return out


def _recorded_state(state_file: Path) -> list | None:
    """The project's state at the newest backup; None when unknown (no record, or one that cannot be read)."""
    try:
        return json.loads(state_file.read_text())
    except (OSError, ValueError):
        return None


def make_backup(project_path: Path, keep: int = KEEP, force: bool = False) -> Path | None:
    """Copy the project with SQLite's backup API (consistent even while it is open), unless it has not
    changed since the newest backup (None then, unless `force`); keep the newest `keep` within
    MAX_TOTAL_BYTES. The copy is written under a temporary name and renamed when whole."""
    folder = backup_folder(project_path)
    state_file = folder / STATE
    state = _file_state(project_path)
    newest = list_backups(project_path)[:1]
    if not force and newest and _recorded_state(state_file) == state:
        return None
    target = folder / f"{datetime.now().strftime('%Y%m%d-%H%M%S-%f')}{SUFFIX}"
    partial = target.with_suffix(".part")
    try:
        source = sqlite3.connect(f"file:{Path(project_path).resolve()}?mode=ro", uri=True)
        dest = sqlite3.connect(str(partial))
        with dest:
            source.backup(dest)
        source.close()
        dest.close()
        os.replace(partial, target)
        state_file.write_text(json.dumps(state))
    except (sqlite3.Error, OSError) as e:
        partial.unlink(missing_ok=True)  # the copy this function began
        raise ProjectError(f"{project_path}: cannot make a backup: {e}") from e
    total = 0
    for n, old in enumerate(list_backups(project_path)):
        total += old.stat().st_size
        if n and (n >= keep or total > MAX_TOTAL_BYTES):
            old.unlink(missing_ok=True)  # backups this module made
    return target


def list_backups(project_path: Path) -> list[Path]:
    """Backups of the project, newest first."""
    return sorted(backup_folder(project_path).glob(f"*{SUFFIX}"), reverse=True)


def restore_backup(project: Project, backup: Path) -> None:
    """Put `backup` in place of the open project (every program that has it open sees the restored state);
    the state it replaces is backed up first."""
    make_backup(project.path, keep=KEEP + 1, force=True)
    project.restore(backup)

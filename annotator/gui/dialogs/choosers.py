"""Asking for a path: a project to make or open, reports to import, a backup to restore (None: cancelled)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from annotator.gui.actions import tr
from annotator.store.backups import list_backups
from annotator.store.locations import PROJECT_SUFFIX


def ask_new_project(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, tr("New project"), str(Path.home() / f"project{PROJECT_SUFFIX}"),
                                          tr("Annotation projects (*.annot)"))
    if not path:
        return None
    return path if path.endswith(PROJECT_SUFFIX) else path + PROJECT_SUFFIX


def ask_project(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, tr("Open project"), str(Path.home()),
                                          tr("Annotation projects (*.annot);;All files (*)"))
    return path or None


def ask_report_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, tr("Import reports"), "",
                                            tr("Reports (*.txt *.html *.htm *.docx);;All files (*)"))
    return files


def ask_projects_to_merge(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, tr("Merge projects"), str(Path.home()),
                                            tr("Annotation projects (*.annot);;All files (*)"))
    return files


def ask_report_folder(parent: QWidget) -> str | None:
    return QFileDialog.getExistingDirectory(parent, tr("Import a folder of reports")) or None


def ask_backup(parent, project_path: Path) -> Path | None:
    """The backup to restore, newest first; says so in the status bar when there is none."""
    backups = list_backups(project_path)
    if not backups:
        parent.say(tr("No backups of this project yet."), 4000)
        return None
    names = [b.stem for b in backups]
    name, ok = QInputDialog.getItem(parent, tr("Restore a backup"), tr(
        "Backups are made each time the project is opened; the current state is backed up before a "
        "restore. Restore:"), names, 0, False)
    return backups[names.index(name)] if ok else None

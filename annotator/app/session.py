"""Opening a project: the one way the window and every command do it."""
from __future__ import annotations

import getpass
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.paths import shown
from annotator.store.backups import backup_folder, make_backup
from annotator.store.locations import default_project_path
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings
from annotator.suggest.documents import suggest_document, suggester_for


@dataclass
class Session:
    """An open project, and what opening it could not do (a backup) for the caller to say."""

    project: Project
    backup_error: str | None = None

    def close(self) -> None:
        self.project.close()

    def __enter__(self) -> "Session":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_session(path: str | Path | None = None, *, backup: bool = False, create: bool = True) -> Session:
    """Open `path`, or the user's default project, which is filled with the demo reports when new.

    backup: first copy the project to the rolling backups (the window does; a failure is reported in
    `backup_error`, not raised). create: False for read-only commands, which never make a project file.
    """
    target = Path(path) if path is not None else default_project_path()
    if not create and not target.exists():
        raise ProjectError(f"{shown(target)}: no project here" + (
            "" if path is not None else " yet (start the app, or give --db PATH)"))
    backup_error = None
    if backup and target.exists():
        try:
            backup_folder(target)  # at once: whether backups can be kept at all
        except AnnotatorError as e:
            backup_error = str(e)
        else:  # the copy itself (0.4 s for 100,000 documents) while the window opens
            threading.Thread(target=_backup_quietly, args=(target,), name="backup").start()
    project = Project.open(target)
    settings = ProjectSettings(project)
    if path is None and project.document_count() == 0 and not settings.seeded:
        from annotator.ingest.importer import import_seeds  # the import code, on the first start only
        results = import_seeds(project)
        if settings.suggestions:  # so the list shows what each demo report holds before it is opened
            suggester = suggester_for(project)
            for r in results:
                suggest_document(project, r.document_id, suggester)
        settings.seeded = True
    return Session(project, backup_error)


def _backup_quietly(path: Path) -> None:
    try:
        make_backup(path)
    except AnnotatorError as e:  # the window has no one to tell by then: the terminal and the next start
        print(f"annotator: {e}", file=sys.stderr)


def default_annotator() -> str:
    """Who is annotating, until they say otherwise: ANNOTATOR_NAME, else the system user's name."""
    return os.environ.get("ANNOTATOR_NAME") or getpass.getuser() or "annotator"

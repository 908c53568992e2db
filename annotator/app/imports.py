"""Importing files into a project and, if asked, suggesting spans in what was imported."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from annotator.ingest.importer import FileResult, Progress, import_paths
from annotator.ingest.repair import RepairOptions
from annotator.store.project import Project
from annotator.suggest.documents import suggest_document, suggester_for

TASK_KINDS = ("labelstudio", "jsonl")  # annotated files bring their own spans: nothing to suggest


def import_files(project: Project, paths: Iterable[str | Path], options: RepairOptions = RepairOptions(), *,
                 suggest: bool = False, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> tuple[list[FileResult], int]:
    """Import files and folders (each refused file said in its result), then suggest spans in the new
    documents when asked; returns the results and how many suggestions were added."""
    stop = cancelled or (lambda: False)
    results = import_paths(project, paths, options, progress, stop)
    added = 0
    if suggest:
        suggester = suggester_for(project)
        for r in results:
            if stop():
                break
            if r.status == "imported" and r.document_id is not None and r.report.get("kind") not in TASK_KINDS:
                added += len(suggest_document(project, r.document_id, suggester))
    return results, added

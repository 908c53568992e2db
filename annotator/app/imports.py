"""Importing files into a project and, if asked, suggesting spans in what was imported; what an import added."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.ingest.importer import FileResult, Progress, import_paths
from annotator.ingest.options import RepairOptions
from annotator.ingest.tasks import TASK_KINDS
from annotator.store.project import Project
from annotator.suggest.documents import suggest_document, suggester_for


def import_files(project: Project, paths: Iterable[str | Path], options: RepairOptions = RepairOptions(), *,
                 suggest: bool = False, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, annotator: str = "") -> tuple[list[FileResult], int]:
    """Import files and folders (each refused file said in its result), then suggest spans in the new
    documents when asked; returns the results and how many suggestions were added. What annotated files
    change on documents already in the project is one step `annotator` can undo."""
    stop = cancelled or (lambda: False)
    results = import_paths(project, paths, options, progress, stop, annotator)
    added = 0
    if suggest:
        suggester = suggester_for(project)
        for r in results:
            if stop():
                break
            if r.status == "imported" and r.document_id is not None and r.report.get("kind") not in TASK_KINDS:
                added += len(suggest_document(project, r.document_id, suggester))
    return results, added


@dataclass(frozen=True)
class Totals:
    """What an import did, counted in documents (an annotated file holds many) and spans."""

    documents: int  # new documents
    spans: int  # the spans annotated files brought with their new documents
    updated: int  # documents already in the project whose spans an annotated file changed
    duplicates: int  # documents already in the project, left as they were
    failed: int  # files refused


def totals(results: list[FileResult]) -> Totals:
    documents = spans = updated = duplicates = failed = 0
    for r in results:
        if r.status == "failed":
            failed += 1
        elif r.report.get("kind") in TASK_KINDS:
            documents += r.report["documents"]
            spans += r.report["spans"]
            updated += r.report["updated"]
            duplicates += r.report["unchanged"]
        elif r.status == "imported":
            documents += 1
        else:
            duplicates += 1
    return Totals(documents, spans, updated, duplicates, failed)

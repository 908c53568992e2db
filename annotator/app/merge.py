"""Merging other annotators' project files into this one, for agreement (the window can call it too).

Documents are matched by content hash; a new one comes with its text, raw text, offset map and metadata.
Spans keep their annotator, state and origin; a label the project lacks is added (without a hotkey that is
taken). Merging the same file again changes nothing. The other file is only read.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import STATES
from annotator.core.paths import shown
from annotator.store.project import Project


@dataclass
class MergeResult:
    path: Path
    error: str | None = None  # the file could not be merged (nothing of it was)
    documents_added: int = 0
    documents_matched: int = 0
    spans_added: int = 0
    spans_left_out: int = 0  # over a span of their label by the same annotator here
    statuses_raised: int = 0
    labels_added: int = 0

    def line(self) -> str:
        if self.error:
            return f"failed    {self.error}"
        left = f", {self.spans_left_out} span(s) left out (over the same annotator's span of the label)" \
            if self.spans_left_out else ""
        return (f"merged    {shown(self.path)}: {self.documents_added} document(s) added, "
                f"{self.documents_matched} matched, {self.spans_added} span(s) added{left}, "
                f"{self.statuses_raised} status(es) raised, {self.labels_added} label(s) added")


def merge_projects(project: Project, paths: list[Path],
                   progress: Callable[[int, int, MergeResult], None] | None = None) -> list[MergeResult]:
    """Merge each file into `project` in short transactions; a file that cannot be read is reported in its
    result and the others go on."""
    results = []
    for n, path in enumerate(paths, 1):
        result = MergeResult(Path(path))
        try:
            with Project.open_read_only(path) as other:
                _merge_one(project, other, result)
        except AnnotatorError as e:
            result.error = str(e) if shown(path) in str(e) else f"{shown(path)}: {e}"
        results.append(result)
        if progress is not None:
            progress(n, len(paths), result)
    return results


def _merge_one(project: Project, other: Project, result: MergeResult) -> None:
    taken = {l.hotkey for l in project.labels()}
    for label in other.labels():
        if label.name not in project.label_names():
            project.add_label(replace(label, hotkey=None if label.hotkey in taken else label.hotkey))
            result.labels_added += 1
    source = other.path.name
    with project.batches() as batches:
        for other_id in other.document_ids():
            doc = other.document(other_id)
            spans = other.spans(other_id, STATES)
            with batches.item():
                doc_id = project.document_id_by_hash(doc.content_hash)
                if doc_id is None:
                    doc_id = project.add_document(replace(doc, id=None))
                    result.documents_added += 1
                else:
                    result.documents_matched += 1
                added, left_out, raised = project.merge_spans(doc_id, spans, doc.status, source)
            result.spans_added += added
            result.spans_left_out += left_out
            result.statuses_raised += raised

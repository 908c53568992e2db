"""Choosing what an export holds: which documents, which spans, whose."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from annotator.core.errors import AnnotatorError, SpanError
from annotator.core.model import Document, Relation, Span
from annotator.core.spans import check_span
from annotator.store.project import Project


@dataclass(frozen=True)
class Selection:
    documents: str = "done"  # "done" or "all"
    spans: str = "accepted"  # "accepted" or "all" (adds pending suggestions)
    annotator: str | None = None
    # Of the documents chosen by status, only those this holds (an export of the curator: adjudicated ones).
    include: Callable[[int], bool] | None = field(default=None, compare=False)
    # Called with (documents read, documents chosen) as the export goes; `cancelled` stops it, leaving no file.
    progress: Callable[[int, int], None] | None = field(default=None, compare=False)
    cancelled: Callable[[], bool] | None = field(default=None, compare=False)


def selected(project: Project, sel: Selection = Selection()) -> Iterator[tuple[Document, list[Span]]]:
    """Each chosen document with its chosen spans, every span checked against the text."""
    states = ("accepted",) if sel.spans == "accepted" else ("accepted", "pending")
    labels = set(project.label_names())
    ids = [i for i in project.document_ids(status=None if sel.documents == "all" else "done")
           if sel.include is None or sel.include(i)]
    for n, doc_id in enumerate(ids, 1):
        if sel.cancelled is not None and sel.cancelled():
            raise AnnotatorError("export cancelled; nothing was written")
        if sel.progress is not None:
            sel.progress(n, len(ids))
        doc = project.document(doc_id)
        spans = [s for s in project.spans(doc_id, states)
                 if sel.annotator is None or s.annotator == sel.annotator or s.state == "pending"]
        for s in spans:
            try:
                check_span(doc.text, s.start, s.end, s.text)
                if s.label not in labels:
                    raise SpanError(f"unknown label {s.label!r}")
            except SpanError as e:
                raise SpanError(f"document {doc.id} ({doc.name}), span {s.id}: {e}") from e
        yield doc, spans


def selected_relations(project: Project, doc: Document, spans: list[Span],
                       sel: Selection = Selection()) -> list[tuple[Relation, int, int]]:
    """The document's relations an export holds, each with the indexes of its head and tail in `spans`: those
    whose two spans are exported, in the states the selection takes (pending with `--spans all`, as spans),
    of the selection's annotator (or pending)."""
    states = ("accepted",) if sel.spans == "accepted" else ("accepted", "pending")
    where = {s.id: i for i, s in enumerate(spans)}
    return [(r, where[r.head_id], where[r.tail_id]) for r in project.relations(doc.id, states)
            if r.head_id in where and r.tail_id in where
            and (sel.annotator is None or r.annotator == sel.annotator or r.state == "pending")]

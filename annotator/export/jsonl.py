"""JSONL, one document a line: our own records, and Prodigy tasks.

jsonl: {"text", "spans": [{"start", "end", "label", "text", "state", "origin", "annotator", "score"?}], "meta"};
the import reads it back. prodigy: as Prodigy's spans_manual writes them (../shared/FORMATS.md §2.5).
`meta.source` never names the folders of the file a document was imported from: it is the file name, or
the source (来源) a report's header named, which import keeps under the same key.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.paths import file_name
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected
from annotator.store.project import Project


def document_meta(doc: Document) -> dict:
    """What a record says of its document: name, source file name, status, and the metadata import found."""
    return {"name": doc.name, "source": file_name(doc.source_path), "status": doc.status, **doc.meta}


def document_record(doc: Document, spans: list[Span], raw_offsets: bool = False) -> dict:
    text, spans = (doc.original, doc.raw_spans(spans)) if raw_offsets else (doc.text, spans)
    return {
        "text": text,
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text, "state": s.state,
                   "origin": s.origin, "annotator": s.annotator,
                   **({"score": s.score} if s.score is not None else {})} for s in spans],
        "meta": document_meta(doc),
    }


def prodigy_task(doc: Document, spans: list[Span]) -> dict:
    """A Prodigy task: one token per character (token i is text[i]), spans with inclusive `token_end`.

    `answer` is "accept" only for a document marked done whose spans are all decided; otherwise "ignore"
    (Prodigy keeps the task and trains on none of it), and each pending suggestion says "state": "pending".
    """
    decided = doc.status == "done" and all(s.state == "accepted" for s in spans)
    return {
        "text": doc.text,
        "tokens": [{"text": ch, "start": i, "end": i + 1, "id": i, "ws": False} for i, ch in enumerate(doc.text)],
        "spans": [{"start": s.start, "end": s.end, "token_start": s.start, "token_end": s.end - 1,
                   "label": s.label, "text": s.text,
                   **({"state": "pending", **({"score": s.score} if s.score is not None else {})}
                      if s.state == "pending" else {})} for s in spans],
        "answer": "accept" if decided else "ignore",
        "_view_id": "spans_manual",  # spans may overlap (a COMMITMENT holds entities)
        "meta": {"doc_id": doc.id, **document_meta(doc)},
    }


def _write(project: Project, out: Path, sel: Selection, format_name: str,
           record: Callable[[Document, list[Span]], dict]) -> dict:
    out = absolute(out)
    count = spans = 0
    target = ExportTarget(project, format_name, out)
    with target.writing() as stage, open(stage(out), "w", encoding="utf-8", newline="\n") as f:
        for doc, doc_spans in selected(project, sel):
            f.write(json.dumps(record(doc, doc_spans), ensure_ascii=False, allow_nan=False) + "\n")
            count += 1
            spans += len(doc_spans)
    return {"documents": count, "spans": spans, "path": str(out)}


def export_jsonl(project: Project, out: Path, sel: Selection = Selection(), raw_offsets: bool = False) -> dict:
    return _write(project, out, sel, "jsonl", lambda doc, spans: document_record(doc, spans, raw_offsets))


def export_prodigy(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    return _write(project, out, sel, "prodigy", prodigy_task)

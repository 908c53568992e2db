"""JSONL: one document a line, {"text", "spans": [{"start", "end", "label"}], "meta"} (spaCy/Prodigy shape)."""
from __future__ import annotations

import json
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected
from annotator.store.project import Project


def document_record(doc: Document, spans: list[Span], raw_offsets: bool = False) -> dict:
    text, spans = (doc.original, doc.raw_spans(spans)) if raw_offsets else (doc.text, spans)
    return {
        "text": text,
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text, "state": s.state,
                   "origin": s.origin, "annotator": s.annotator,
                   **({"score": s.score} if s.score is not None else {})} for s in spans],
        "meta": {"name": doc.name, "source": doc.source_path, "status": doc.status, **doc.meta},
    }


def export_jsonl(project: Project, out: Path, sel: Selection = Selection(), raw_offsets: bool = False) -> dict:
    out = absolute(out)
    count = spans = 0
    target = ExportTarget(project, "jsonl", out)
    with target.writing() as stage, open(stage(out), "w", encoding="utf-8") as f:
        for doc, doc_spans in selected(project, sel):
            f.write(json.dumps(document_record(doc, doc_spans, raw_offsets), ensure_ascii=False,
                               allow_nan=False) + "\n")
            count += 1
            spans += len(doc_spans)
    return {"documents": count, "spans": spans, "path": str(out)}

"""JSONL, one document a line: our own records, and Prodigy tasks.

jsonl: {"text", "spans": [{"start", "end", "label", "text", "state", "origin", "annotator", "score"?}],
"relations": [{"head", "tail" (indexes into "spans"), "type", "state", "origin", "annotator", "score"?}], "meta"};
the import reads it back. prodigy: as Prodigy's spans_manual writes them (../shared/FORMATS.md §2.5), with
Prodigy's `relations` (rel.manual): `head` and `child` are the token index of each span's last token (the
spaCy relation-extraction tutorial maps them back through `token_end`).
`meta.source` never names the folders of the file a document was imported from: it is the file name, or
the source (来源) a report's header named, which import keeps under the same key.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import Document, Relation, Span
from annotator.core.paths import file_name
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected, selected_relations
from annotator.store.project import Project


def document_meta(doc: Document) -> dict:
    """What a record says of its document: name, source file name, status, and the metadata import found."""
    return {"name": doc.name, "source": file_name(doc.source_path), "status": doc.status, **doc.meta}


Related = list[tuple[Relation, int, int]]  # a document's exported relations, with their ends' indexes in its spans


def _decision(item: Relation | Span) -> dict:
    return {"state": item.state, "origin": item.origin, "annotator": item.annotator,
            **({"score": item.score} if item.score is not None else {})}


def document_record(doc: Document, spans: list[Span], relations: Related = (), raw_offsets: bool = False) -> dict:
    text, spans = (doc.original, doc.raw_spans(spans)) if raw_offsets else (doc.text, spans)
    return {
        "text": text,
        "spans": [{"start": s.start, "end": s.end, "label": s.label, "text": s.text, "state": s.state,
                   "origin": s.origin, "annotator": s.annotator,
                   **({"score": s.score} if s.score is not None else {})} for s in spans],
        "relations": [{"head": head, "tail": tail, "type": r.type, **_decision(r)} for r, head, tail in relations],
        "meta": document_meta(doc),
    }


def _prodigy_span(s: Span) -> dict:
    return {"start": s.start, "end": s.end, "token_start": s.start, "token_end": s.end - 1, "label": s.label}


def prodigy_task(doc: Document, spans: list[Span], relations: Related = ()) -> dict:
    """A Prodigy task: one token per character (token i is text[i]), spans with inclusive `token_end`.

    `answer` is "accept" only for a document marked done whose spans are all decided; otherwise "ignore"
    (Prodigy keeps the task and trains on none of it), and each pending suggestion says "state": "pending".
    """
    decided = doc.status == "done" and all(x.state == "accepted" for x in [*spans, *(r for r, _, _ in relations)])
    return {
        "text": doc.text,
        "tokens": [{"text": ch, "start": i, "end": i + 1, "id": i, "ws": False} for i, ch in enumerate(doc.text)],
        "spans": [{**_prodigy_span(s), "text": s.text,
                   **({"state": "pending", **({"score": s.score} if s.score is not None else {})}
                      if s.state == "pending" else {})} for s in spans],
        "relations": [{"head": spans[head].end - 1, "child": spans[tail].end - 1, "label": r.type,
                       "head_span": _prodigy_span(spans[head]), "child_span": _prodigy_span(spans[tail]),
                       **({"state": "pending", **({"score": r.score} if r.score is not None else {})}
                          if r.state == "pending" else {})} for r, head, tail in relations],
        "answer": "accept" if decided else "ignore",
        "_view_id": "spans_manual",  # spans may overlap (a COMMITMENT holds entities)
        "meta": {"doc_id": doc.id, **document_meta(doc)},
    }


def _write(project: Project, out: Path, sel: Selection, format_name: str,
           record: Callable[[Document, list[Span], Related], dict]) -> dict:
    out = absolute(out)
    count = spans = relations = 0
    target = ExportTarget(project, format_name, out)
    with target.writing() as stage, open(stage(out), "w", encoding="utf-8", newline="\n") as f:
        for doc, doc_spans in selected(project, sel):
            related = selected_relations(project, doc, doc_spans, sel)
            f.write(json.dumps(record(doc, doc_spans, related), ensure_ascii=False, allow_nan=False) + "\n")
            count += 1
            spans += len(doc_spans)
            relations += len(related)
    return {"documents": count, "spans": spans, "relations": relations, "path": str(out)}


def export_jsonl(project: Project, out: Path, sel: Selection = Selection(), raw_offsets: bool = False) -> dict:
    return _write(project, out, sel, "jsonl",
                  lambda doc, spans, related: document_record(doc, spans, related, raw_offsets))


def export_prodigy(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    return _write(project, out, sel, "prodigy", prodigy_task)

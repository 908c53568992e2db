"""Label Studio: a JSON task list (annotations and predictions) and the labeling config beside it.

Field by field as ../shared/FORMATS.md §1 describes, checked against Label
Studio 1.23 and label-studio-sdk 2.1. Label Studio takes `completed_by` only as
one of its own users, so annotations leave it out (the importing user gets them)
and carry our annotator's name in a one-line TextArea of the config, which Label
Studio keeps with the annotation and writes to both its JSON and JSON_MIN exports.
A repaired document's raw text goes in the task data with the map back to it. Relations are results of type
`relation` between region ids (`s123`), in the annotation or prediction that holds both regions (Label Studio
looks for a relation's ends there), with their own annotator and state under RELATION_OWNER where those differ;
a relation between spans of two annotators, or a suggestion and a decided span, has no such place and is
left out (counted). Their types are the config's <Relations>.
"""
from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import quoteattr

from annotator import __version__
from annotator.core.labelstudio import ANNOTATED_BY, FROM_NAME, RELATION_OWNER, TO_NAME, region_id
from annotator.core.model import Document, Label, Relation, RelationType, Span
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected, selected_relations
from annotator.store.project import Project

MODEL_VERSION = f"pairing-annotator-{__version__}"


def labeling_config(labels: list[Label], relation_types: list[RelationType] = ()) -> str:
    """The <View> config for Text + Labels, one <Label> per project label with its colour and hotkey, a
    <Relation> per relation type, and the TextArea that names each annotation's annotator."""
    kinds = "".join(f"    <Relation value={quoteattr(t.name)} background={quoteattr(t.color)}/>\n"
                    for t in relation_types)
    relations = f"  <Relations>\n{kinds}  </Relations>\n" if kinds else ""
    items = "\n".join(
        f"    <Label value={quoteattr(l.name)} background={quoteattr(l.color)}"
        + (f" hotkey={quoteattr(l.hotkey)}" if l.hotkey else "") + "/>" for l in labels)
    return (f'<View>\n  <Labels name="{FROM_NAME}" toName="{TO_NAME}" choice="single" showInline="true">\n'
            f'{items}\n  </Labels>\n{relations}  <Text name="{TO_NAME}" value="$text" granularity="symbol"/>\n'
            f'  <TextArea name="{ANNOTATED_BY}" toName="{TO_NAME}" maxSubmissions="1" rows="1" '
            f'placeholder="annotator"/>\n</View>\n')


def config_path(out: Path) -> Path:
    return out.with_name(out.stem + ".config.xml")


def _region(span: Span) -> dict:
    item = {"id": region_id(span.id), "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "origin": "prediction" if span.origin == "suggested" else "manual",
            "value": {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}}
    if span.score is not None:
        item["score"] = span.score
    return item


def _relation(relation: Relation, head: Span, tail: Span) -> dict:
    item = {"from_id": region_id(head.id), "to_id": region_id(tail.id), "type": "relation", "direction": "right",
            "labels": [relation.type], "origin": "prediction" if relation.origin == "suggested" else "manual"}
    return {**item, "score": relation.score} if relation.score is not None else item


def _annotated_by(name: str) -> list[dict]:
    """The result item naming an annotation's annotator (none for spans without one)."""
    return [{"id": "by", "from_name": ANNOTATED_BY, "to_name": TO_NAME, "type": "textarea",
             "value": {"text": [name]}}] if name else []


def _raw(doc: Document) -> dict:
    """The raw text and the map from the text to it, where repair changed the text (and the map fits)."""
    if doc.original == doc.text or doc.offset_map is None or len(doc.offset_map) != len(doc.text):
        return {}
    return {"raw_text": doc.original, "offset_map": doc.offset_map.runs()}


def _container(span: Span) -> str | None:
    """Where a span's region is: its annotator's annotation, or None, the prediction (a pending span)."""
    return None if span.state == "pending" else span.annotator


def placeable(spans: list[Span], head: int, tail: int) -> bool:
    """Whether Label Studio can hold a relation between these two spans: both in one annotation or prediction."""
    return _container(spans[head]) == _container(spans[tail])


def task(doc: Document, spans: list[Span], relations: list[tuple[Relation, int, int]] = (),
         raw_offsets: bool = False) -> dict:
    text, spans = (doc.original, doc.raw_spans(spans)) if raw_offsets else (doc.text, spans)
    by_annotator: dict[str, list[dict]] = {}
    predicted: list[dict] = []
    for s in spans:
        region = _region(s)
        if s.state == "pending":
            predicted.append(region)
        else:
            by_annotator.setdefault(s.annotator, []).append(region)
    for r, head, tail in relations:
        where = _container(spans[head])
        if where != _container(spans[tail]):
            continue  # no annotation holds both ends: see placeable()
        item = _relation(r, spans[head], spans[tail])
        if (r.state == "pending") != (where is None) or (where is not None and r.annotator != where):
            item[RELATION_OWNER] = {"annotator": r.annotator, "state": r.state}
        (predicted if where is None else by_annotator.setdefault(where, [])).append(item)
    out = {"id": doc.id, "data": {"text": text, "doc_id": doc.id, "name": doc.name,
                                  "meta": {**doc.meta, "status": doc.status}, **({} if raw_offsets else _raw(doc))}}
    out["annotations"] = [{"lead_time": round(doc.time_spent, 3), "was_cancelled": False, "ground_truth": False,
                           "result": result + _annotated_by(a)} for a, result in sorted(by_annotator.items())]
    if predicted:
        scores = [r["score"] for r in predicted if "score" in r]
        out["predictions"] = [{"model_version": MODEL_VERSION,
                               "score": round(sum(scores) / len(scores), 4) if scores else 0.5,
                               "result": predicted}]
    return out


def export_labelstudio(project: Project, out: Path, sel: Selection = Selection(), raw_offsets: bool = False) -> dict:
    out = absolute(out)
    target = ExportTarget(project, "labelstudio", out, sidecars=(config_path(out),))
    chosen = list(selected(project, sel))
    related = [selected_relations(project, doc, doc_spans, sel) for doc, doc_spans in chosen]
    tasks = [task(doc, doc_spans, rel, raw_offsets) for (doc, doc_spans), rel in zip(chosen, related)]
    spans = sum(len(doc_spans) for _, doc_spans in chosen)
    with target.writing() as stage:
        stage(config_path(out)).write_text(labeling_config(project.labels(), project.relation_types()),
                                           encoding="utf-8")
        # no indent: the C encoder
        stage(out).write_text(json.dumps(tasks, ensure_ascii=False, allow_nan=False), encoding="utf-8")
    placed = sum(placeable(doc_spans, h, t) for (_, doc_spans), rel in zip(chosen, related) for _, h, t in rel)
    left = sum(map(len, related)) - placed
    warnings = [f"{left} relation(s) between spans of two annotators (or a suggestion and a decided span) left "
                "out: Label Studio keeps a relation inside one annotation"] if left else []
    return {"documents": len(tasks), "spans": spans, "relations": placed, "path": str(out), "warnings": warnings}

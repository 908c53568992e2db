"""Reading our exports back as the real tools do, for the format tests."""
from annotator.export.bio import entity_layer
from annotator.export.select import Selection, selected


def read_back(path, scheme):
    """(characters, [(start, end, label)]) over the file's characters, via spaCy's BILUO tools."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_spans, iob_to_biluo
    from spacy.vocab import Vocab
    chars, tags = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line:
            ch, tag = line.split("\t")
            chars.append(ch)
            tags.append(tag)
    if scheme == "bio":
        tags = iob_to_biluo(tags)
    else:
        tags = [t.replace("E-", "L-").replace("S-", "U-") for t in tags]
    doc = Doc(Vocab(), words=chars, spaces=[False] * len(chars))
    return "".join(chars), [(s.start_char, s.end_char, s.label_) for s in biluo_tags_to_spans(doc, tags)]


def expected(project):
    """The entity layer of every document, over its non-whitespace characters, end to end."""
    entity = {l.name for l in project.labels() if l.kind == "entity"}
    chars, spans = "", []
    for doc, doc_spans in selected(project, Selection()):
        index, pos = {}, len(chars)
        for i, ch in enumerate(doc.text):
            if not ch.isspace():
                index[i] = pos
                pos += 1
        kept, _ = entity_layer([s for s in doc_spans if s.label in entity])
        spans += [(index[s.start], index[s.end - 1] + 1, s.label) for s in kept]
        chars += "".join(ch for ch in doc.text if not ch.isspace())
    return chars, spans


def without_ids(tasks):
    """Label Studio tasks with the ids a new project renumbers taken out."""
    for t in tasks:
        t.pop("id")
        t["data"].pop("doc_id")
        t["data"]["meta"].pop("source", None)
        for kind in ("annotations", "predictions"):
            for a in t.get(kind, []):
                for r in a["result"]:
                    r.pop("id")
    return tasks


def label_studio_export(tasks, completed_by=1):
    """Our tasks as Label Studio 1.23 exports them once imported (FORMATS.md §1.3): its own ids and fields,
    every annotation `completed_by` the importing user (an id, or {id, email, ...} in some export modes),
    region ids and results kept, predictions in full (a snapshot)."""
    out, annotation_id = [], 0
    for n, t in enumerate(tasks, 1):
        annotations = []
        for a in t.get("annotations", []):
            annotation_id += 1
            stamp = f"2026-11-21T19:08:{annotation_id:02}.000000Z"
            annotations.append({"id": annotation_id, "completed_by": completed_by, "result": a["result"],
                                "was_cancelled": False, "ground_truth": True, "created_at": stamp,
                                "updated_at": stamp, "draft_created_at": None, "lead_time": a.get("lead_time"),
                                "prediction": {}, "result_count": len(a["result"]), "import_id": None,
                                "last_action": "imported", "task": n, "project": 1, "updated_by": 1,
                                "parent_prediction": None, "parent_annotation": None, "last_created_by": None})
        predictions = [{"id": n * 10 + i, "result": p["result"], "model_version": p["model_version"],
                        "created_ago": "0 minutes", "score": p["score"], "cluster": None, "neighbors": None,
                        "mislabeling": 0.0, "task": n, "project": 1}
                       for i, p in enumerate(t.get("predictions", []))]
        out.append({"id": n, "data": t["data"], "annotations": annotations, "predictions": predictions,
                    "drafts": [], "meta": {}, "inner_id": n, "total_annotations": len(annotations),
                    "cancelled_annotations": 0, "total_predictions": len(predictions), "project": 1,
                    "updated_by": 1, "comment_count": 0, "unresolved_comment_count": 0})
    return out


def json_min(config, export, out_dir):
    """Label Studio's JSON_MIN export of `export` (a JSON export file), made as the server makes it: with
    label-studio-sdk's converter. Returns the records."""
    import json

    from label_studio_sdk.converter import Converter
    Converter(config=str(config), project_dir=None, download_resources=False).convert(
        str(export), str(out_dir), "JSON_MIN", is_dir=False)
    return json.loads((out_dir / "result.json").read_text(encoding="utf-8"))

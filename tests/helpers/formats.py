"""Reading our exports back as the real tools do, for the format tests."""
from collections import Counter

from annotator.export.bio import PLACEHOLDERS, notes_path
from annotator.export.select import Selection, selected


def character(column):
    """The character a BIO file's first column stands for, as its notes describe: itself, or a placeholder."""
    if len(column) == 1:
        return column
    named = {p: ch for ch, p in PLACEHOLDERS.items()}
    if column in named:
        return named[column]
    assert column.startswith("<U+") and column.endswith(">"), column
    return chr(int(column[3:-1], 16))


def read_bio(path, scheme="bio"):
    """Each document of a BIO / BIOES file, as a reader takes it: [(document id, its characters (one a line),
    [the spans of each tag column as (start, end, label)])], the tags read with spaCy's BILUO tools."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_spans, iob_to_biluo
    from spacy.vocab import Vocab
    raw = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-\t"):
            raw.append((int(line.split("\t")[1]), []))
        elif line:
            raw[-1][1].append(line.split("\t"))
    out = []
    for doc_id, rows in raw:
        assert len({len(row) for row in rows}) == 1, f"document {doc_id}: lines of different widths"
        chars = [character(row[0]) for row in rows]
        doc = Doc(Vocab(), words=chars, spaces=[False] * len(chars))
        columns = []
        for tags in zip(*(row[1:] for row in rows)):
            tags = iob_to_biluo(list(tags)) if scheme == "bio" else \
                [t.replace("E-", "L-").replace("S-", "U-") for t in tags]
            columns.append([(s.start_char, s.end_char, s.label_) for s in biluo_tags_to_spans(doc, tags)])
        out.append((doc_id, chars, columns))
    return out


def read_notes(path):
    """The spans a BIO export's notes list as left out: {document id: Counter of (start, end, label)}."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            doc_id, _, label, start, end, _, _ = line.split("\t")
            out.setdefault(int(doc_id), Counter())[(int(start), int(end), label)] += 1
    return out


def bio_read_back(path, scheme="bio"):
    """{document id: (its characters, Counter of the spans in its tag columns and in the notes)}, in file order."""
    notes = read_notes(notes_path(path))
    return {doc_id: (chars, Counter(s for c in columns for s in c) + notes.get(doc_id, Counter()))
            for doc_id, chars, columns in read_bio(path, scheme)}


def chosen_spans(project, sel=Selection()):
    """{document id: (its text, Counter of its selected spans as (start, end, label))}, in export order."""
    return {doc.id: (doc.text, Counter((s.start, s.end, s.label) for s in spans))
            for doc, spans in selected(project, sel)}


def without_ids(tasks):
    """Label Studio tasks with the ids a new project renumbers taken out; a relation names its regions by
    their place in the task."""
    for t in tasks:
        t.pop("id")
        t["data"].pop("doc_id")
        t["data"]["meta"].pop("source", None)
        results = [r for kind in ("annotations", "predictions") for a in t.get(kind, []) for r in a["result"]]
        place = {r["id"]: n for n, r in enumerate(results) if "id" in r}
        for r in results:
            r.pop("id", None)
            if r["type"] == "relation":
                r["from_id"], r["to_id"] = place[r["from_id"]], place[r["to_id"]]
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

"""Relations through every export and back: JSONL and Label Studio round trips keep them exactly, the Label
Studio import brings them to new and existing documents, Prodigy and spaCy carry them, the pairing ledger."""
import csv
import json

import pytest

from annotator.app.labelling import Labelling
from annotator.export.jsonl import export_jsonl, export_prodigy
from annotator.export.labelstudio import export_labelstudio
from annotator.export.pairs import export_pairs, summary_path
from annotator.export.select import Selection
from annotator.ingest.importer import import_paths
from annotator.store.project import Project
from tests.helpers.formats import label_studio_export, without_ids

ALL = Selection(documents="all", spans="all")


def _described(project):
    """Every relation of the project by its spans' places and labels, with its type, state, annotator, origin."""
    out = set()
    for doc in project.document_ids():
        spans = {s.id: s for s in project.spans(doc)}
        name = project.document(doc).name
        for r in project.relations(doc):
            h, t = spans[r.head_id], spans[r.tail_id]
            out.add((name, (h.start, h.end, h.label), r.type, (t.start, t.end, t.label), r.state, r.annotator,
                     r.origin, r.score))
    return out


@pytest.fixture
def related(gold_project):
    """The gold project with suggested relations on every document, half of them accepted by li, and a
    manual one of wang."""
    work = Labelling(gold_project, "li")
    made = [r for doc in gold_project.document_ids() for r in work.suggest_relations(doc)]
    assert len({r.type for r in made}) == 3, made
    for r in made[::2]:
        work.decide_relations([r.id], "accepted")
    doc = gold_project.document_ids()[-1]  # astral: 西安市 and the pending 赵敏
    person, region = sorted(gold_project.spans(doc), key=lambda s: s.label)
    gold_project.add_relation(person.id, region.id, "LEADS", annotator="wang")
    return gold_project


def test_jsonl_round_trip_keeps_relations(related, tmp_path):
    first = tmp_path / "first.jsonl"
    assert export_jsonl(related, first, ALL)["relations"] == len(_described(related))
    records = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines()]
    rel = next(r for rec in records for r in rec["relations"])
    assert set(rel) >= {"head", "tail", "type", "state", "origin", "annotator"}
    with Project.open(tmp_path / "new.annot") as new:
        (result,) = import_paths(new, [first])
        assert result.status == "imported", result.message
        assert _described(new) == _described(related)
        second = tmp_path / "second.jsonl"
        export_jsonl(new, second, ALL)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_labelstudio_round_trip_keeps_relations(related, tmp_path):
    """Every relation Label Studio can hold (both ends in one annotation or the prediction) comes back exactly;
    wang's LEADS from a pending PERSON to li's REGION cannot, and the export says so."""
    first = tmp_path / "first.json"
    summary = export_labelstudio(related, first, ALL)
    assert summary["warnings"] == ["1 relation(s) between spans of two annotators (or a suggestion and a decided "
                                   "span) left out: Label Studio keeps a relation inside one annotation"]
    config = (tmp_path / "first.config.xml").read_text(encoding="utf-8")
    assert '<Relations>' in config and '<Relation value="SUPPORTS"' in config
    tasks = json.loads(first.read_text(encoding="utf-8"))
    item = next(r for t in tasks for a in t["annotations"] for r in a["result"] if r["type"] == "relation")
    assert item["direction"] == "right" and item["from_id"].startswith("s") and item["labels"]
    sdk = pytest.importorskip("label_studio_sdk.label_interface")  # Label Studio's own reading of the file
    interface = sdk.LabelInterface(config)
    for t in tasks:
        for a in t["annotations"]:
            assert interface._validate_object_logic(a) == [], a
    with Project.open(tmp_path / "new.annot") as new:
        (result,) = import_paths(new, [first])
        assert result.status == "imported", result.message
        assert _described(new) == {r for r in _described(related) if r[5] != "wang"}
        second = tmp_path / "second.json"
        export_labelstudio(new, second, ALL)
    assert without_ids(json.loads(first.read_text(encoding="utf-8"))) == without_ids(
        json.loads(second.read_text(encoding="utf-8")))


def test_labelstudio_snapshot_brings_relations_to_documents_the_project_has(related, tmp_path):
    out = tmp_path / "ls.json"
    export_labelstudio(related, out, ALL)
    before = {r for r in _described(related) if r[5] != "wang"}  # all but the one Label Studio cannot hold
    for doc in related.document_ids():
        for r in related.relations(doc):
            related.delete_relation(r.id)
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(json.dumps(label_studio_export(json.loads(out.read_text(encoding="utf-8")))),
                        encoding="utf-8")
    (result,) = import_paths(related, [snapshot], annotator="li")
    assert result.status == "imported", result.message
    assert {d[:7] for d in _described(related)} == {d[:7] for d in before}


def test_only_accepted_relations_without_spans_all(related, tmp_path):
    out = tmp_path / "a.jsonl"
    export_jsonl(related, out, Selection(documents="all"))
    states = {r["state"] for line in out.read_text(encoding="utf-8").splitlines()
              for r in json.loads(line)["relations"]}
    assert states == {"accepted"}


def test_prodigy_relations(related, tmp_path):
    out = tmp_path / "p.jsonl"
    export_prodigy(related, out, ALL)
    rels = [(task, r) for line in out.read_text(encoding="utf-8").splitlines()
            for task in [json.loads(line)] for r in task["relations"]]
    assert rels
    for task, r in rels:
        assert r["head"] == r["head_span"]["token_end"] and r["child"] == r["child_span"]["token_end"]
        assert any({k: s[k] for k in r["head_span"]} == r["head_span"] for s in task["spans"])
        assert r["label"] in {"SUPPORTS", "FUNDS", "LEADS"}


def test_spacy_docbin_carries_relations_as_the_rel_tutorial_reads_them(related, tmp_path):
    spacy = pytest.importorskip("spacy")  # a test dependency: the app writes DocBins without it
    from spacy.tokens import Doc, DocBin

    from annotator.export.spacy_docbin import export_spacy

    summary = export_spacy(related, tmp_path / "out", ALL)
    assert summary["relations"] > 0
    if not Doc.has_extension("rel"):
        Doc.set_extension("rel", default={})
    nlp = spacy.blank("zh")
    docs = [d for name in ("train", "dev") for d in DocBin().from_disk(tmp_path / "out" / f"{name}.spacy").get_docs(
        nlp.vocab)]
    found = 0
    for d in docs:
        starts = {s.start: s for s in [*d.ents, *d.spans["sc"]]}
        for (head, tail), types in d._.rel.items():
            assert head in starts and tail in starts and set(types.values()) == {1.0}
            found += len(types)
    assert found == summary["relations"]
    assert "doc._.rel" in (tmp_path / "out" / "README.md").read_text(encoding="utf-8")


def test_the_pairing_ledger(tmp_path):
    text = "上海市对口支援云南省。上海市向云南省投入资金2000万元、500万元。上海市对口支援云南省，又向云南省投入资金二百万元。"
    import hashlib

    from annotator.core.model import Document
    with Project.open(tmp_path / "p.annot") as p:
        doc = p.add_document(Document(name="a.txt", text=text, raw_text=text, meta={"date": "2023-05-01"},
                                      content_hash=hashlib.sha256(text.encode()).hexdigest()))
        work = Labelling(p, "li")
        for string, label in (("上海市", "REGION"), ("云南省", "REGION"), ("2000万元", "AMOUNT"),
                              ("500万元", "AMOUNT"), ("二百万元", "AMOUNT")):
            start = -1
            while (start := text.find(string, start + 1)) >= 0:
                p.add_span(doc, start, start + len(string), label)
        work.accept_all_relations(doc) if work.suggest_relations(doc) else None
        p.set_status(doc, "done")
        out = tmp_path / "ledger.csv"
        summary = export_pairs(p, out, Selection())
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["aiding", "aided", "amounts", "document", "date", "sentence"]
    assert rows[1] == ["上海市", "云南省", "2000万元;500万元;二百万元", "a.txt", "2023-05-01", "上海市对口支援云南省。"]
    assert len(rows) == 3 and summary["relations"] == 2
    pairs = list(csv.DictReader(summary_path(out).read_text(encoding="utf-8-sig").splitlines()))
    assert pairs == [{"aiding": "上海市", "aided": "云南省", "documents": "1", "relations": "2",
                      "totals": "2500万元", "not_summed": "二百万元"}]

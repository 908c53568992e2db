"""Prodigy tasks read as Prodigy and spaCy read them; no export names the folders a document was imported from."""
import hashlib
import json
import zlib
from collections import Counter

import pytest

from annotator.core.model import Document
from annotator.export.formats import FORMATS
from annotator.export.jsonl import export_prodigy
from annotator.export.select import Selection
from tests.helpers.formats import chosen_spans

spacy = pytest.importorskip("spacy")

EVERYTHING = Selection(documents="all", spans="all")


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("zh")


def read_tasks(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def check_task(task, nlp):
    """What spans_manual and spaCy rely on: the tokens tile the text, and each span is its tokens' characters
    (token_end inclusive), also where spacy.blank("zh") tokenizes the text itself."""
    from spacy.tokens import Doc
    text, tokens = task["text"], task["tokens"]
    assert all(list(t) == ["text", "start", "end", "id", "ws"] for t in tokens)
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    assert all(text[t["start"]:t["end"]] == t["text"] for t in tokens)
    doc = Doc(nlp.vocab, words=[t["text"] for t in tokens], spaces=[t["ws"] for t in tokens])
    assert doc.text == text
    own = nlp.make_doc(text)
    group = []
    for s in task["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert (tokens[s["token_start"]]["start"], tokens[s["token_end"]]["end"]) == (s["start"], s["end"])
        span = doc[s["token_start"]:s["token_end"] + 1]
        assert (span.start_char, span.end_char, span.text) == (s["start"], s["end"], s["text"])
        assert own.char_span(s["start"], s["end"], label=s["label"]) is not None
        group.append(doc.char_span(s["start"], s["end"], label=s["label"]))
    doc.spans["sc"] = group  # overlaps allowed, as in spans_manual


def test_prodigy_tasks_hold_the_accepted_spans_of_done_documents(gold_project, tmp_path, nlp):
    out = tmp_path / "tasks.jsonl"
    summary = export_prodigy(gold_project, out, Selection())
    tasks = read_tasks(out)
    want = chosen_spans(gold_project)
    assert [t["meta"]["doc_id"] for t in tasks] == list(want)
    for t in tasks:
        check_task(t, nlp)
        assert Counter((s["start"], s["end"], s["label"]) for s in t["spans"]) == want[t["meta"]["doc_id"]][1]
        assert t["answer"] == "accept" and t["_view_id"] == "spans_manual"
        assert not any("state" in s for s in t["spans"])
        assert t["meta"]["status"] == "done" and t["meta"]["name"]
    assert summary["spans"] == sum(len(t["spans"]) for t in tasks) > 200
    assert any(a["end"] > b["start"] and b["end"] > a["start"]
               for t in tasks for a in t["spans"] for b in t["spans"] if a is not b)  # a COMMITMENT holds entities
    astral = tasks[-1]
    assert astral["spans"] == [{"start": 7, "end": 10, "token_start": 7, "token_end": 9, "label": "REGION",
                                "text": "西安市"}]  # after 𠮷 and 😀: code points; the pending PERSON is left out
    assert astral["tokens"][1] == {"text": "赵", "start": 1, "end": 2, "id": 1, "ws": False}


def test_pending_suggestions_are_marked_and_their_document_is_not_accepted(gold_project, tmp_path, nlp):
    text = "广东省将在三年内投入二十亿元改善农村道路。"
    todo = gold_project.add_document(Document(name="todo.txt", text=text, raw_text=text,
                                              content_hash=hashlib.sha256(text.encode()).hexdigest()))
    gold_project.add_span(todo, 0, 3, "REGION", annotator="li")
    out = tmp_path / "tasks.jsonl"
    export_prodigy(gold_project, out, EVERYTHING)
    tasks = {t["meta"]["name"]: t for t in read_tasks(out)}
    for t in tasks.values():
        check_task(t, nlp)
    astral = tasks["astral.txt"]
    assert astral["answer"] == "ignore"
    assert [s for s in astral["spans"] if s["label"] == "PERSON"] == [
        {"start": 1, "end": 3, "token_start": 1, "token_end": 2, "label": "PERSON", "text": "赵敏",
         "state": "pending", "score": 0.9}]
    assert tasks["todo.txt"]["answer"] == "ignore"  # not marked done: its spans may not be all there is
    assert {t["answer"] for name, t in tasks.items() if name not in ("astral.txt", "todo.txt")} == {"accept"}


@pytest.mark.parametrize("name", list(FORMATS))
def test_no_export_names_the_folders_of_a_source_file(gold_project, tmp_path, name):
    for n, source in enumerate(("/home/alice/私人/reports/上海.txt", "C:\\Users\\alice\\私人\\西安.txt")):
        text = f"上海市浦东新区捐赠{n + 2}百万元。"
        doc = gold_project.add_document(Document(name=f"{n}.txt", text=text, raw_text=text, source_path=source,
                                                 content_hash=hashlib.sha256(text.encode()).hexdigest()))
        gold_project.add_span(doc, 0, 7, "REGION", annotator="li")
        gold_project.set_status(doc, "done")
    out = tmp_path / "out" / f"export{FORMATS[name].suffix}"
    FORMATS[name].export(gold_project, out, EVERYTHING)
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert written
    for path in written:
        data = path.read_bytes()
        data = zlib.decompress(data) if path.suffix == ".spacy" else data
        assert "alice".encode() not in data and "私人".encode() not in data, path.name
    if name in ("jsonl", "prodigy"):
        sources = {r["meta"]["name"]: r["meta"]["source"] for r in read_tasks(out)}
        assert (sources["0.txt"], sources["1.txt"]) == ("上海.txt", "西安.txt")

"""Adjudication: what two annotators agree on goes to the curator at once; each disagreement is decided."""
import hashlib

import pytest

from annotator.app.adjudication import BOTH, NEITHER, Adjudication, next_undecided
from annotator.app.agreement import project_agreement
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document
from annotator.store import events

TEXT = "西安市和宜川县签署协议投入资金三百万元用于教育"
A = [(0, 3, "REGION"), (4, 7, "REGION"), (15, 19, "AMOUNT"), (7, 11, "COMMITMENT"), (11, 13, "PERSON")]
B = [(0, 3, "REGION"), (13, 19, "AMOUNT"), (7, 23, "COMMITMENT"), (12, 15, "PERSON")]


def two_annotators(project, a=A, b=B):
    """A document A and B annotated as above (B also rejected a suggestion, which counts for nothing)."""
    doc = project.add_document(Document(name="d", text=TEXT, raw_text=TEXT,
                                        content_hash=hashlib.sha256(TEXT.encode()).hexdigest()))
    for who, spans in (("A", a), ("B", b)):
        for start, end, label in spans:
            project.add_span(doc, start, end, label, annotator=who)
    return doc


def curator_spans(project, doc, state="accepted"):
    return sorted((s.start, s.end, s.label) for s in project.spans(doc, (state,)) if s.annotator == "curator")


def test_the_disagreements_in_order_with_who_marked_what(fresh_project):
    doc = two_annotators(fresh_project)
    state = Adjudication(fresh_project).state(doc)
    assert state.annotators == ["A", "B"] and state.agreed == [(0, 3, "REGION")]
    assert [(d.label, d.start, d.end) for d in state.disagreements] == [
        ("REGION", 4, 7), ("COMMITMENT", 7, 23), ("PERSON", 11, 15), ("AMOUNT", 13, 19)]
    region = state.disagreements[0]
    assert [s.text for s in region.marks["A"]] == ["宜川县"] and region.marks["B"] == ()
    assert state.progress() == (0, 4) and not state.done()


def test_adjudicating_every_disagreement_gives_the_expected_curator_spans(fresh_project):
    p = fresh_project
    doc = two_annotators(p)
    adj = Adjudication(p)
    assert [s.text for s in adj.start(doc)] == ["西安市"]
    assert adj.start(doc) == []  # nothing more to give
    choices = {"REGION": "A", "COMMITMENT": NEITHER, "PERSON": BOTH, "AMOUNT": "B"}
    d = next_undecided(adj.state(doc))
    while d is not None:
        adj.decide(d, choices[d.label])
        d = next_undecided(adj.state(doc), d)
    assert curator_spans(p, doc) == [(0, 3, "REGION"), (4, 7, "REGION"), (12, 15, "PERSON"), (13, 19, "AMOUNT")]
    assert curator_spans(p, doc, "rejected") == [(7, 11, "COMMITMENT"), (7, 23, "COMMITMENT"), (11, 13, "PERSON"),
                                                 (15, 19, "AMOUNT")]
    state = adj.state(doc)
    assert state.progress() == (4, 4) and state.done()
    assert [e["annotator"] for e in p.events(doc) if e["action"] == events.ADJUDICATE] == ["curator"] * 5
    assert project_agreement(p).annotators == ["A", "B"]  # the curator is compared only when named


def test_a_decision_is_undone_and_can_be_changed(fresh_project):
    p = fresh_project
    doc = two_annotators(p)
    adj = Adjudication(p)
    adj.start(doc)
    amount = adj.state(doc).disagreements[-1]
    adj.decide(amount, "A")
    assert (15, 19, "AMOUNT") in curator_spans(p, doc)
    adj.decide(amount, "B")  # a second thought replaces the first
    assert [s for s in curator_spans(p, doc) if s[2] == "AMOUNT"] == [(13, 19, "AMOUNT")]
    adj.undo()
    assert [s for s in curator_spans(p, doc) if s[2] == "AMOUNT"] == [(15, 19, "AMOUNT")]
    adj.undo()
    assert curator_spans(p, doc) == [(0, 3, "REGION")] and adj.state(doc).progress() == (0, 4)
    assert p.redo("curator") is not None and adj.state(doc).progress() == (1, 4)


def test_one_annotator_is_not_adjudicated_and_a_bad_choice_is_refused(fresh_project):
    p = fresh_project
    doc = two_annotators(p, b=[])
    adj = Adjudication(p)
    with pytest.raises(AnnotatorError, match="two or more"):
        adj.start(doc)
    assert not adj.state(doc).done()
    other = p.add_document(Document(name="e", text=TEXT + "。", raw_text=TEXT + "。", content_hash="e"))
    p.add_span(other, 0, 3, "REGION", annotator="A")
    p.add_span(other, 0, 2, "REGION", annotator="B")
    with pytest.raises(AnnotatorError, match="choose one of A, B"):
        adj.decide(adj.state(other).disagreements[0], "C")


def test_the_curator_export_holds_adjudicated_documents_and_counts_the_rest(tmp_path, capsys):
    import json

    from annotator.cli import main
    from annotator.store.project import Project

    path = tmp_path / "team.annot"
    with Project.open(path) as p:
        doc = two_annotators(p)
        other = p.add_document(Document(name="e", text=TEXT + "。", raw_text=TEXT + "。", content_hash="e"))
        p.add_span(other, 0, 3, "REGION", annotator="A")
        p.add_span(other, 0, 2, "REGION", annotator="B")
        for d in (doc, other):
            p.set_status(d, "done")
        adj = Adjudication(p)
        adj.start(doc)
        for d, choice in zip(adj.state(doc).disagreements, ("A", NEITHER, BOTH, "B")):
            adj.decide(d, choice)
    out = tmp_path / "curator.jsonl"
    assert main(["export", "--db", str(path), "--format", "jsonl", "--out", str(out), "--annotator", "curator"]) == 0
    printed = capsys.readouterr().out
    assert "exported 1 documents, 4 spans" in printed
    assert "left out: 1 document(s) not yet adjudicated" in printed
    [record] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((s["start"], s["end"], s["label"]) for s in record["spans"]) == [
        (0, 3, "REGION"), (4, 7, "REGION"), (12, 15, "PERSON"), (13, 19, "AMOUNT")]
    with Project.open(tmp_path / "new.annot") as p:  # nothing adjudicated yet: nothing to export, and why
        p.set_status(two_annotators(p), "done")
    assert main(["export", "--db", str(tmp_path / "new.annot"), "--format", "jsonl", "--out", str(out),
                 "--annotator", "curator"]) == 1
    assert "none of the 1 chosen document(s) is adjudicated yet" in capsys.readouterr().err

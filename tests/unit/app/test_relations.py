"""Relations as the window will make and review them (annotator.app.labelling)."""
import hashlib

import pytest

from annotator.app.labelling import Labelling, PendingSuggestions
from annotator.core.errors import RelationError
from annotator.core.model import Document
from annotator.store.project import Project

TEXT = "上海市对口支援云南省。上海市向云南省投入资金2000万元。"
OTHER = "今年上海市和云南省的干部座谈。"


def add_doc(p, text):
    return p.add_document(Document(name=text[:4], text=text, raw_text=text,
                                   content_hash=hashlib.sha256(text.encode()).hexdigest()))


def mark(p, doc, string, label, nth=1):
    text = p.text(doc)
    start = -1
    for _ in range(nth):
        start = text.index(string, start + 1)
    return p.add_span(doc, start, start + len(string), label).id


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.annot") as p:
        yield p


def test_relate_list_with_sentence_and_remove(project):
    work = Labelling(project, "li")
    doc = add_doc(project, TEXT)
    sh, yn = mark(project, doc, "上海市", "REGION"), mark(project, doc, "云南省", "REGION")
    money = mark(project, doc, "2000万元", "AMOUNT")
    yn2 = mark(project, doc, "云南省", "REGION", 2)
    supports = work.relate(sh, yn, "SUPPORTS")
    work.relate(money, yn2, "FUNDS")
    assert project.status(doc) == "in_progress"
    rows = work.relation_rows(doc)
    assert [(r.head.text, r.relation.type, r.tail.text, r.sentence_text) for r in rows] == [
        ("上海市", "SUPPORTS", "云南省", "上海市对口支援云南省。"),
        ("2000万元", "FUNDS", "云南省", "上海市向云南省投入资金2000万元。")]
    with pytest.raises(RelationError, match="LEADS goes from PERSON"):
        work.relate(sh, yn, "LEADS")
    work.remove_relation(supports.id)
    assert len(work.relation_rows(doc)) == 1
    work.undo()
    assert len(work.relation_rows(doc)) == 2


def test_suggested_relations_are_reviewed_and_block_done_until_decided(project):
    work = Labelling(project, "li")
    doc = add_doc(project, TEXT)
    for string, label in (("上海市", "REGION"), ("云南省", "REGION"), ("2000万元", "AMOUNT")):
        mark(project, doc, string, label)
    mark(project, doc, "上海市", "REGION", 2)
    mark(project, doc, "云南省", "REGION", 2)
    made = work.suggest_relations(doc)
    assert {(r.type, r.state) for r in made} == {("SUPPORTS", "pending"), ("FUNDS", "pending")}
    assert work.suggest_relations(doc) == []  # not made twice
    with pytest.raises(PendingSuggestions, match="2 undecided"):
        work.mark_done(doc)
    funds = next(r for r in made if r.type == "FUNDS")
    [rejected] = work.decide_relations([funds.id], "rejected")
    assert rejected.state == "rejected" and work.suggest_relations(doc) == []  # a rejection stays
    supports = next(r for r in made if r.type == "SUPPORTS")
    # relating exactly a suggestion accepts it
    assert work.relate(supports.head_id, supports.tail_id, "SUPPORTS").state == "accepted"
    work.mark_done(doc)
    # learned: the accepted pair is suggested where the two regions meet again
    other = add_doc(project, OTHER)
    mark(project, other, "上海市", "REGION")
    mark(project, other, "云南省", "REGION")
    [learned] = work.suggest_relations(other)
    assert (learned.type, learned.score) == ("SUPPORTS", 0.75)
    assert [r.relation.id for r in work.accept_all_relations(other) and work.relation_rows(other)] == [learned.id]
    assert work.relation_rows(other)[0].relation.state == "accepted"


def test_a_rejected_span_takes_its_relations_out_of_the_list(project):
    work = Labelling(project, "li")
    doc = add_doc(project, TEXT)
    sh, yn = mark(project, doc, "上海市", "REGION"), mark(project, doc, "云南省", "REGION")
    work.relate(sh, yn, "SUPPORTS")
    project.update_span(yn, state="rejected")
    assert work.relation_rows(doc) == []

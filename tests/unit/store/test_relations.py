"""Relations between spans: storage, checks, the delete cascade, undo and redo across a restart."""
import hashlib

import pytest

from annotator.core.errors import RelationError
from annotator.core.model import Document, RelationType
from annotator.store import schema
from annotator.store.project import Project
from tests.helpers.data import UNDO_TO_5

TEXT = "上海市对口支援云南省，投入资金2000万元。"


def add_doc(project, text=TEXT, name="a.txt"):
    return project.add_document(Document(name=name, text=text, raw_text=text,
                                         content_hash=hashlib.sha256(text.encode()).hexdigest()))


def spans(project, doc_id, text=TEXT):
    return [project.add_span(doc_id, text.index(t), text.index(t) + len(t), label).id
            for t, label in (("上海市", "REGION"), ("云南省", "REGION"), ("2000万元", "AMOUNT"))]


def test_default_relation_types():
    with Project.open(None) as p:
        kinds = {t.name: t for t in p.relation_types()}
        assert [(t.name, t.display_zh, t.hotkey) for t in p.relation_types()] == [
            ("SUPPORTS", "支援", "s"), ("FUNDS", "投入", "f"), ("LEADS", "率队/负责", "l")]
        assert kinds["FUNDS"].heads == ("AMOUNT",) and kinds["FUNDS"].tails == ("REGION", "COMMITMENT")
        assert kinds["LEADS"].allows("PERSON", "REGION")


def test_relation_types_are_editable_and_follow_a_label_rename():
    with Project.open(None) as p:
        p.add_relation_type(RelationType("HOSTS", "接待", "Hosts", "#123456", ("REGION",), ("PERSON",), "h"))
        with pytest.raises(RelationError, match="hotkey h"):
            p.add_relation_type(RelationType("X", "x", "x", "#123456", ("REGION",), ("REGION",), "h"))
        with pytest.raises(RelationError, match="labels of the project"):
            p.update_relation_type("HOSTS", tails=("NOPE",))
        p.update_relation_type("HOSTS", name="RECEIVES", color="#654321")
        p.update_label("REGION", name="PLACE")
        kinds = {t.name: t for t in p.relation_types()}
        assert kinds["RECEIVES"].heads == ("PLACE",) and kinds["SUPPORTS"].tails == ("PLACE",)
        p.delete_relation_type("RECEIVES")
        assert "RECEIVES" not in {t.name for t in p.relation_types()}


def test_add_checks_document_and_labels():
    with Project.open(None) as p:
        doc = add_doc(p)
        other = add_doc(p, "北京市帮扶和田地区。", "b.txt")
        sh, yn, money = spans(p, doc)
        far = p.add_span(other, 0, 3, "REGION").id
        r = p.add_relation(sh, yn, "SUPPORTS", annotator="li")
        assert (r.document_id, r.head_id, r.tail_id, r.annotator, r.state) == (doc, sh, yn, "li", "accepted")
        assert p.relations(doc) == [r]
        with pytest.raises(RelationError, match="different documents"):
            p.add_relation(sh, far, "SUPPORTS")
        with pytest.raises(RelationError, match="SUPPORTS goes from REGION to REGION, not from AMOUNT"):
            p.add_relation(money, yn, "SUPPORTS")
        with pytest.raises(RelationError, match="already"):
            p.add_relation(sh, yn, "SUPPORTS")
        with pytest.raises(RelationError, match="no relation type"):
            p.add_relation(sh, yn, "HELPS")
        assert p.add_relation(money, yn, "FUNDS").type == "FUNDS"


def test_relabel_accept_reject_and_delete_are_undoable():
    with Project.open(None) as p:
        doc = add_doc(p)
        sh, yn, money = spans(p, doc)


        r = p.add_relation(yn, sh, "SUPPORTS", origin="suggested", state="pending", score=0.8)
        [accepted] = p.update_relations([r.id], state="accepted", annotator="li")
        assert (accepted.state, accepted.annotator) == ("accepted", "li")
        p.undo("li")
        assert p.relation(r.id).state == "pending"
        p.redo("li")
        assert p.relation(r.id).state == "accepted"
        p.delete_relation(r.id, "li")
        assert [x.id for x in p.relations(doc)] != [r.id]
        p.undo("li")
        assert p.relation(r.id) == accepted


def test_deleting_a_span_removes_its_relations_and_undo_brings_them_back(tmp_path):
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        doc = add_doc(p)
        sh, yn, money = spans(p, doc)
        supports = p.add_relation(sh, yn, "SUPPORTS", annotator="li")
        funds = p.add_relation(money, yn, "FUNDS", annotator="li")
        p.delete_span(yn, "li")
        assert p.relations(doc) == []
        assert p.db.execute("SELECT count(*) FROM relations").fetchone()[0] == 0
    with Project.open(path) as p:  # a restart: undo reads the log
        change = p.undo("li")
        assert {r.id for r in change.relations} == {supports.id, funds.id}
        assert p.relations(doc) == [supports, funds] or p.relations(doc) == [funds, supports]
        assert p.redo("li") is not None
        assert p.relations(doc) == []
        p.undo("li")
    with Project.open(path) as p:
        assert sorted(r.id for r in p.relations(doc)) == sorted([supports.id, funds.id])
        p.undo("li")  # the FUNDS relation added
        p.undo("li")  # the SUPPORTS relation added
        assert p.relations(doc) == []
        p.redo("li")
        assert [r.id for r in p.relations(doc)] == [supports.id]


def test_migration_4_adds_relations_to_an_older_project(tmp_path):
    path = tmp_path / "v3.annot"
    with Project.open(path) as p:
        doc = add_doc(p)
        for statement in (*UNDO_TO_5, "DROP TABLE sync_conflicts", "DROP TABLE sync_state", "DROP TABLE relations",
                          "DROP TABLE relation_types", "PRAGMA user_version = 3"):
            p.db.execute(statement)
    with Project.open(path) as p:
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        sh, yn, _ = spans(p, doc)
        assert p.add_relation(sh, yn, "SUPPORTS").id

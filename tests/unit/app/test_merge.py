"""Merging other annotators' project files: matched by content, idempotent, the other file only read."""
import hashlib

from annotator.app.merge import merge_projects
from annotator.cli import main
from annotator.core.model import Document
from annotator.store.project import Project

TEXT = "西安市和宜川县签署协议投入资金三百万元用于教育"


def make(path, who, docs):
    """docs: [(hash, status, [(start, end, label, state)])]"""
    with Project.open(path) as p:
        for h, status, spans in docs:
            d = p.add_document(Document(name=h, text=TEXT, raw_text=" " + TEXT, content_hash=h,
                                        meta={"source": who}, status=status))
            for start, end, label, state in spans:
                p.add_span(d, start, end, label, annotator=who, state=state, origin="manual")
    return path


def snapshot(path):
    with Project.open(path) as p:
        docs = [(d.content_hash, d.status, d.raw_text, d.meta) for d in map(p.document, p.document_ids())]
        spans = sorted((p.document(s.document_id).content_hash, s.start, s.end, s.label, s.annotator, s.state)
                       for d in p.document_ids() for s in p.spans(d, ("accepted", "pending", "rejected")))
    return docs, spans


def test_merge_adds_documents_and_spans_once(tmp_path):
    a = make(tmp_path / "a.annot", "A", [("h1", "in_progress", [(0, 3, "REGION", "accepted")])])
    b = make(tmp_path / "b.annot", "B", [("h1", "done", [(0, 3, "REGION", "accepted"), (4, 7, "REGION", "rejected")]),
                                         ("h2", "todo", [(15, 19, "AMOUNT", "pending")])])
    before_b = hashlib.sha256(b.read_bytes()).hexdigest()
    with Project.open(a) as p:
        [r] = merge_projects(p, [b])
    assert (r.error, r.documents_added, r.documents_matched, r.spans_added, r.statuses_raised) == (None, 1, 1, 3, 1)
    docs, spans = snapshot(a)
    assert docs == [("h1", "done", " " + TEXT, {"source": "A"}), ("h2", "todo", " " + TEXT, {"source": "B"})]
    assert spans == [("h1", 0, 3, "REGION", "A", "accepted"), ("h1", 0, 3, "REGION", "B", "accepted"),
                     ("h1", 4, 7, "REGION", "B", "rejected"), ("h2", 15, 19, "AMOUNT", "B", "pending")]
    with Project.open(a) as p:
        [again] = merge_projects(p, [b])
        events = len(list(p.events()))
    assert (again.documents_added, again.spans_added, again.statuses_raised) == (0, 0, 0)
    assert snapshot(a) == (docs, spans)
    with Project.open(a) as p:
        assert len(list(p.events())) == events  # nothing logged either: nothing changed
    assert hashlib.sha256(b.read_bytes()).hexdigest() == before_b


def test_a_span_over_the_same_annotators_span_is_left_out(tmp_path):
    a = make(tmp_path / "a.annot", "A", [("h1", "todo", [(0, 3, "REGION", "accepted")])])
    b = make(tmp_path / "b.annot", "A", [("h1", "todo", [(1, 4, "REGION", "accepted")])])
    with Project.open(a) as p:
        [r] = merge_projects(p, [b])
    assert (r.spans_added, r.spans_left_out) == (0, 1)
    assert "1 span(s) left out" in r.line()


def test_bad_files_get_one_line_each_and_the_rest_is_merged(tmp_path, capsys):
    a = make(tmp_path / "a.annot", "A", [("h1", "todo", [])])
    b = make(tmp_path / "b.annot", "B", [("h1", "todo", [(0, 3, "REGION", "accepted")])])
    text = tmp_path / "notes.txt"
    text.write_text("not a project", encoding="utf-8")
    code = main(["merge", "--db", str(a), str(tmp_path / "gone.annot"), str(text), str(b)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [f"annotator: {tmp_path / 'gone.annot'}: no such file",
                                f"annotator: {text}: not a project file (not an SQLite database)"]
    assert "[3/3] merged" in out and "1 span(s) added" in out and out.strip().endswith("1 merged, 2 failed")
    assert text.read_text(encoding="utf-8") == "not a project"
    assert not (tmp_path / "gone.annot").exists()

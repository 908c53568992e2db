"""The labelling rules the window and the command line share (annotator.app.labelling)."""
import pytest

from annotator.app.labelling import Labelling, PendingSuggestions
from annotator.cli import main
from annotator.core.model import Span
from annotator.ingest.importer import import_seeds
from annotator.store.project import Project

TEXT = "奉贤区对口支援保靖县，奉贤区投入资金二百万元。"


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "p.annot") as p:
        import_seeds(p)
        yield p


def _suggest(p: Project, doc: int, *spans: tuple[int, int, str, float]) -> list[Span]:
    text = p.text(doc)
    return p.add_spans(doc, [Span(s, e, label, text[s:e], origin="suggested", state="pending", score=score)
                             for s, e, label, score in spans], action="suggest")


def test_a_first_opening_suggests_and_a_second_does_not(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[0]
    added = work.open(doc)
    assert added and all(s.state == "pending" for s in added)
    assert work.open(doc) == []


def test_nothing_is_suggested_when_suggestions_are_off(project):
    from annotator.store.settings import ProjectSettings
    ProjectSettings(project).suggestions = False
    assert Labelling(project, "ann").open(project.document_ids()[0]) == []


def test_the_first_edit_starts_a_document_and_occurrences_are_suggested(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[1]
    text = project.text(doc)
    word = "保靖县" if "保靖县" in text else text[:2]
    start = text.index(word)
    written = work.label(doc, start, start + len(word), "REGION")
    assert written[0].state == "accepted" and written[0].annotator == "ann"
    assert project.status(doc) == "in_progress"
    assert all(s.state == "pending" and s.text == word for s in written[1:])
    assert len(written) - 1 == text.count(word) - 1


def test_done_is_refused_while_suggestions_are_undecided(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[0]
    _suggest(project, doc, (0, 2, "PERSON", 0.9), (5, 8, "REGION", 0.4))
    with pytest.raises(PendingSuggestions, match="2 undecided suggestion"):
        work.mark_done(doc)
    assert project.status(doc) == "todo"
    decided = work.mark_done(doc, pending="reject")
    assert [s.state for s in decided] == ["rejected", "rejected"]
    assert project.status(doc) == "done" and project.spans(doc, states=("pending",)) == []


def test_accepting_the_rest_when_marking_done(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[0]
    _suggest(project, doc, (0, 2, "PERSON", 0.9))
    assert [s.state for s in work.mark_done(doc, pending="accept")] == ["accepted"]
    assert project.spans(doc)[0].annotator == "ann"


def test_next_unfinished_and_next_suggestion(project):
    work = Labelling(project, "ann")
    ids = project.document_ids()
    project.set_status(ids[1], "done")
    assert work.next_unfinished(ids, ids[0]) == ids[2]
    assert work.next_unfinished(ids, ids[-1]) == ids[0]
    spans = _suggest(project, ids[0], (0, 2, "PERSON", 0.9), (5, 8, "REGION", 0.4), (10, 12, "AMOUNT", 0.5))
    assert work.next_suggestion(spans, spans[1]) == spans[2]
    assert work.next_suggestion(spans, spans[2]) == spans[0]  # round to the first
    assert work.next_suggestion(spans[:1], spans[0]) is None


def test_review_by_label_and_score_is_one_undoable_step_per_document(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[0]
    _suggest(project, doc, (0, 2, "PERSON", 0.9), (5, 8, "REGION", 0.4), (10, 12, "REGION", 0.8))
    assert work.review("accepted", [doc], label="REGION", min_score=0.5) == 1
    states = {(s.start, s.label): s.state for s in project.spans(doc)}
    assert states == {(0, "PERSON"): "pending", (5, "REGION"): "pending", (10, "REGION"): "accepted"}
    work.undo()
    assert all(s.state == "pending" for s in project.spans(doc))


def test_the_command_line_accepts_rejects_and_marks_done_by_the_same_rules(project, capsys):
    doc = project.document_ids()[0]
    _suggest(project, doc, (0, 2, "PERSON", 0.9), (5, 8, "REGION", 0.4))
    db = str(project.path)
    assert main(["status", str(doc), "--done", "--db", db]) == 1
    assert "2 undecided suggestion(s)" in capsys.readouterr().err
    assert main(["accept", "--document", str(doc), "--min-score", "0.5", "--annotator", "li", "--db", db]) == 0
    assert "1 suggestion(s) accepted" in capsys.readouterr().out
    assert main(["status", str(doc), "--done", "--reject-pending", "--db", db]) == 0
    assert "1 suggestion(s) rejected first" in capsys.readouterr().out
    assert project.status(doc) == "done"
    by_state = {s.state: s.annotator for s in project.spans(doc, states=("accepted", "rejected"))}
    assert by_state["accepted"] == "li"
    assert main(["documents", "--status", "done", "--db", db]) == 0
    assert capsys.readouterr().out.split()[:2] == [str(doc), "done"]


def test_a_document_without_a_map_exports_raw_offsets_without_a_traceback(fresh_project, tmp_path, capsys):
    """A task file's document has no offset map: its raw text is its text."""
    import json
    from annotator.export.jsonl import export_jsonl
    from annotator.export.select import Selection
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"data": {"text": TEXT}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 3, "text": "奉贤区", "labels": ["REGION"]}}]}]}],
        ensure_ascii=False), encoding="utf-8")
    from annotator.ingest.importer import import_paths
    import_paths(fresh_project, [path])
    export_jsonl(fresh_project, tmp_path / "o.jsonl", Selection(documents="all"), raw_offsets=True)
    record = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))
    assert record["spans"][0]["text"] == "奉贤区" == record["text"][0:3]


def test_labelling_exactly_a_suggestion_accepts_it_under_that_label(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[0]
    same, other = _suggest(project, doc, (0, 2, "PERSON", 0.9), (5, 8, "REGION", 0.4))
    (accepted,) = work.label(doc, 0, 2, "PERSON")
    assert (accepted.id, accepted.state, accepted.origin, accepted.annotator) == (same.id, "accepted", "suggested",
                                                                                  "ann")
    (relabelled,) = work.label(doc, 5, 8, "AMOUNT")
    assert (relabelled.id, relabelled.label, relabelled.state) == (other.id, "AMOUNT", "accepted")
    assert (relabelled.origin, relabelled.score, relabelled.annotator) == ("manual", None, "ann")


def test_a_new_span_over_a_suggestion_of_its_label_replaces_it_in_one_undoable_step(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[0]
    (suggestion,) = _suggest(project, doc, (2, 6, "REGION", 0.5))
    written = work.label(doc, 3, 8, "REGION")
    new, rejected = written[0], written[1]
    assert (new.start, new.end, new.state, new.origin) == (3, 8, "accepted", "manual")
    assert (rejected.id, rejected.state) == (suggestion.id, "rejected")
    assert [(s.start, s.state) for s in project.spans(doc, states=("accepted", "pending", "rejected"))
            if s.label == "REGION" and s.start < 10] == [(2, "rejected"), (3, "accepted")]
    work.undo()  # one step: the suggestion is back, the new span gone
    assert [(s.start, s.end, s.state) for s in project.spans(doc) if s.start < 10] == [(2, 6, "pending")]
    work.redo()
    assert [(s.start, s.end, s.state) for s in project.spans(doc) if s.start < 10] == [(3, 8, "accepted")]


def test_a_new_span_over_an_accepted_span_of_its_label_is_still_refused(project):
    from annotator.core.errors import SpanError
    work = Labelling(project, "ann")
    doc = project.document_ids()[0]
    work.label(doc, 0, 4, "REGION")
    with pytest.raises(SpanError, match="overlaps"):
        work.label(doc, 2, 6, "REGION")


def test_the_demo_project_lists_suggestions_before_a_report_is_opened():
    from annotator.app.session import open_session
    with open_session() as session:
        p = session.project
        rows = p.document_rows(p.document_ids())
        assert all(r.pending > 0 for r in rows.values())
        assert all(r.status == "todo" for r in rows.values())


def test_the_suggester_learns_decisions_in_place_and_suggests_them_next(project):
    work = Labelling(project, "ann")
    doc = project.document_ids()[1]
    built = work.suggester()
    text = project.text(doc)
    word = next(text[i:i + 3] for i in range(len(text) - 3)
                if all("\u4e00" <= c <= "\u9fff" for c in text[i:i + 3]) and not built.suggest(text[i:i + 3]))
    at = text.index(word)
    work.label(doc, at, at + 3, "AMOUNT")  # a string the rules do not know, labelled once
    assert work.suggester() is built  # taught in place, not built again from the whole project
    assert ("AMOUNT", word) in {(s.label, s.text) for s in built.suggest(f"……{word}……")}
    work.decide(work.label(doc, *_free(project, doc), "PERSON")[0].id, "rejected")
    assert work.suggester() is built


def _free(project: Project, doc: int) -> tuple[int, int]:
    """Two characters of the document that no span covers."""
    text = project.text(doc)
    return next((i, i + 2) for i in range(len(text) - 2)
                if text[i:i + 2].strip() and "\n" not in text[i:i + 2] and not project.spans_in(doc, i, i + 2))

"""What an annotated file changes on a document the project has: the rules of ingest.corrections, on plain spans."""
from annotator.core.model import Span
from annotator.ingest.corrections import merge, said

TEXT = "赵敏😀宣布向西安市捐款二百万元。"


def span(start, end, label, sid=None, annotator="li", state="accepted"):
    return Span(start, end, label, TEXT[start:end], id=sid, document_id=1, annotator=annotator, state=state)


CURRENT = [span(0, 2, "PERSON", 1, "wang"), span(6, 9, "REGION", 2), span(11, 15, "AMOUNT", 3),
           span(3, 5, "COMMITMENT", 4, "", "pending"), span(10, 12, "AMOUNT", 5, "", "pending")]


def test_a_kept_region_id_moves_its_span_others_are_matched_by_place():
    change = merge(1, CURRENT, [span(6, 8, "REGION", 2), span(11, 15, "AMOUNT")], ["li"])
    assert [(s.id, s.text) for s in change.before] == [(2, "西安市")]
    assert [(s.id, s.text) for s in change.after] == [(2, "西安")]
    assert said(change.counts) == "1 moved or relabelled"


def test_spans_gone_from_an_annotation_are_removed_and_other_annotators_left_alone():
    change = merge(1, CURRENT, [span(6, 9, "REGION")], ["li"])
    assert [s.id for s in change.before] == [3] and change.after == []
    assert merge(1, CURRENT, [], ["zhao"]).counts == {}


def test_a_new_span_accepts_the_suggestion_it_matches_and_rejects_those_it_overlaps():
    incoming = [span(6, 9, "REGION", 2), span(11, 15, "AMOUNT", 3), span(3, 5, "COMMITMENT"),
                span(0, 2, "PERSON", 1, "wang"), span(12, 14, "AMOUNT", annotator="wang"),
                span(1, 3, "PERSON", annotator="zhao")]
    change = merge(1, CURRENT, incoming, ["li", "wang", "zhao"])
    assert [(s.id, s.state, s.annotator) for s in change.after if s.id] == [(4, "accepted", "li")]
    assert said(change.counts) == "1 suggestion(s) accepted, 2 left out (over another annotator's span of the label)"
    change = merge(1, CURRENT, [span(0, 2, "PERSON", 1, "wang"), span(9, 11, "AMOUNT", annotator="wang")], ["wang"])
    assert [(s.id, s.state) for s in change.after] == [(5, "rejected"), (None, "accepted")]
    assert said(change.counts) == "1 span(s) added, 1 suggestion(s) rejected"

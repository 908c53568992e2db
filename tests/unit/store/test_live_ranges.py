"""The ranges a project keeps per open document (for overlap checks without reading every span) stay equal
to what the file holds, whatever an annotator does."""
import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Span
from annotator.core.spans import may_not_overlap, owner
from annotator.store.project import Project

TEXT = "奉贤区对口支援保靖县投入资金二百万元" * 4
LABELS = ("REGION", "AMOUNT")
step = st.tuples(st.sampled_from(["add", "suggest", "reject", "accept", "relabel", "resize", "delete", "replace",
                                  "undo", "redo"]),
                 st.integers(0, len(TEXT) - 6), st.integers(1, 5), st.sampled_from(LABELS), st.integers(0, 50),
                 st.sampled_from(["a", "b"]))


def _fresh(project: Project, doc: int) -> dict:
    rows = project.spans(doc)
    out: dict[str, list] = {}
    for s in rows:
        out.setdefault(s.label, []).append((s.start, s.end))
    return {k: sorted(v) for k, v in out.items()}


def _kept(project: Project, doc: int) -> dict:
    out: dict[str, list] = {}
    for (label, _), r in project.live_ranges(doc).ranges.items():
        out.setdefault(label, []).extend(zip(r.starts, r.ends))
    return {k: sorted(v) for k, v in out.items() if v}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(step, max_size=40))
def test_the_kept_ranges_equal_the_file(steps):
    with Project.open(None) as p:
        doc = p.add_document(Document(name="d", text=TEXT, raw_text=TEXT,
                                      content_hash=hashlib.sha256(TEXT.encode()).hexdigest()))
        p.live_ranges(doc)  # kept from the start
        for op, start, length, label, pick, who in steps:
            end = start + length
            spans = p.spans(doc, states=("accepted", "pending", "rejected"))
            chosen = spans[pick % len(spans)] if spans else None
            try:
                if op == "add":
                    p.add_span(doc, start, end, label, annotator=who)
                elif op == "suggest":
                    p.add_spans(doc, [Span(start, end, label, TEXT[start:end], origin="suggested", state="pending")])
                elif op == "replace":
                    p.replace_pending(doc, start, end, label, who)
                elif op == "undo":
                    p.undo(who)
                elif op == "redo":
                    p.redo(who)
                elif chosen is None:
                    continue
                elif op in ("reject", "accept"):
                    p.update_span(chosen.id, state=op + "ed" if op == "reject" else "accepted", annotator=who)
                elif op == "relabel":
                    p.update_span(chosen.id, label=label, annotator=who)
                elif op == "resize":
                    p.update_span(chosen.id, start=chosen.start, end=min(len(TEXT), chosen.end + 1),
                                  annotator=who)
                else:
                    p.delete_span(chosen.id, who)
            except AnnotatorError:
                pass  # refused (an overlap): nothing changed
            assert _kept(p, doc) == _fresh(p, doc)
        live = p.spans(doc)
        assert not [(x, y) for x in live for y in live if x.id < y.id and x.label == y.label and x.start < y.end
                    and y.start < x.end and may_not_overlap(owner(x.annotator, x.state), owner(y.annotator, y.state))]


def test_an_undo_that_would_overlap_what_was_labelled_since_is_refused():
    """Found by the test above: b rejects a's span, a labels the same words again, b undoes the reject."""
    from annotator.core.errors import SpanError
    with Project.open(None) as p:
        doc = p.add_document(Document(name="d", text=TEXT, raw_text=TEXT, content_hash="x"))
        first = p.add_span(doc, 0, 3, "REGION", annotator="a")
        p.update_span(first.id, state="rejected", annotator="b")
        again = p.add_span(doc, 0, 3, "REGION", annotator="a")
        try:
            p.undo("b")
        except SpanError as e:
            assert "labelled since" in str(e)
        else:
            raise AssertionError("the undo was not refused")
        assert [(s.id, s.state) for s in p.spans(doc, states=("accepted", "rejected"))] == [
            (first.id, "rejected"), (again.id, "accepted")]
        p.delete_span(again.id, "a")
        assert p.undo("b") is not None and p.span(first.id).state == "accepted"  # once nothing is in the way

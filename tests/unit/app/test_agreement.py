"""Agreement figures: hand-worked cases, the reference alpha, the CLI's JSON."""
import json
import random

import pytest

from annotator.app.agreement import DocumentSpans, compare, compare_spans, project_agreement
from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.model import Document
from annotator.store.project import Project

TEXT = "西安市和宜川县签署协议投入资金三百万元用于教育"  # 23 characters


def doc(doc_id, **spans):
    return DocumentSpans(doc_id, f"d{doc_id}", len(TEXT), {who: {"REGION": s} for who, s in spans.items()})


def test_identical_annotations_agree_fully():
    r = compare([doc(1, A=[(0, 3), (4, 7)], B=[(0, 3), (4, 7)])], ["A", "B"], ["REGION"])
    assert r.label_figures("REGION") == {"exact_f1": 1.0, "overlap_f1": 1.0, "alpha": 1.0}


def test_disjoint_annotations_give_zero():
    r = compare([doc(1, A=[(0, 3)], B=[(4, 7)])], ["A", "B"], ["REGION"])
    f = r.label_figures("REGION")
    assert f["exact_f1"] == 0 and f["overlap_f1"] == 0
    # 23 characters, 6 differ, 6 of 46 values are 1: alpha = 1 - 45 * 6 / (40 * 6)
    assert f["alpha"] == pytest.approx(1 - 45 * 6 / (40 * 6))


def test_a_shifted_span_matches_by_overlap_only():
    c = compare_spans([(0, 3), (4, 7)], [(0, 3), (5, 7)], len(TEXT))
    assert (c.a, c.b, c.exact, c.overlap_a, c.overlap_b, c.differing) == (2, 2, 1, 2, 2, 1)
    assert c.exact_f1() == 0.5 and c.overlap_f1() == 1.0


def test_one_sided_label_has_f1_zero_and_no_spans_no_figures():
    c = compare_spans([(0, 3)], [], len(TEXT))
    assert c.exact_f1() == 0 and c.overlap_f1() == 0
    assert compare_spans([], [], len(TEXT)).figures() == {"exact_f1": None, "overlap_f1": None, "alpha": None}


def test_a_document_one_annotator_missed_is_said_and_pairs_use_shared_documents():
    docs = [doc(1, A=[(0, 3)], B=[(0, 3)], C=[(0, 3)]), doc(2, A=[(0, 3)], B=[(4, 7)]), doc(3, A=[(0, 3)])]
    r = compare(docs, ["A", "B", "C"], ["REGION"])
    out = r.to_json()
    assert out["documents"] == 2 and out["single_annotator_documents"] == 1
    assert out["missing"] == [{"id": 2, "name": "d2", "missing": ["C"]}]
    assert r.pair_documents == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1}
    assert [d["id"] for d in out["by_document"]] == [2, 1]  # the disagreement first
    assert out["labels"]["REGION"]["exact_f1"] == pytest.approx((0.5 + 1 + 1) / 3)  # mean over the pairs


def runs(values):
    """Spans covering the 1s of a 0/1 character sequence."""
    out, start = [], None
    for i, v in enumerate([*values, 0]):
        if v and start is None:
            start = i
        elif not v and start is not None:
            out.append((start, i))
            start = None
    return out


@pytest.mark.parametrize("seed", range(8))
def test_alpha_equals_the_krippendorff_package(seed):
    krippendorff = pytest.importorskip("krippendorff")  # a test dependency: absent where only the app is
    np = pytest.importorskip("numpy")  # krippendorff's
    rng = random.Random(seed)
    n_docs, labels = rng.randint(1, 4), ["REGION", "PERSON"]
    seqs = {who: {label: [] for label in labels} for who in "AB"}
    docs = []
    for d in range(n_docs):
        length = rng.randint(5, 60)
        spans = {}
        for who in "AB":
            spans[who] = {}
            for label in labels:
                density = rng.random()
                values = [int(rng.random() < density * 0.5) for _ in range(length)]
                seqs[who][label] += values
                spans[who][label] = runs(values)
        docs.append(DocumentSpans(d, str(d), length, spans))
    r = compare(docs, ["A", "B"], labels)
    for label in labels:
        data = np.array([seqs["A"][label], seqs["B"][label]])
        if len(set(data.flatten())) > 1:
            expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
            assert r.label_figures(label)["alpha"] == pytest.approx(expected)
    both = np.array([sum((seqs[w][label] for label in labels), []) for w in "AB"])
    if len(set(both.flatten())) > 1:
        expected = krippendorff.alpha(reliability_data=both, level_of_measurement="nominal")
        assert r.overall()["alpha"] == pytest.approx(expected)


def annotated(path, who, spans):
    """A project file of one annotator: three documents of TEXT, their spans {document: [(start, end, label,
    state)]}."""
    with Project.open(path) as p:
        ids = [p.add_document(Document(name=f"r{i}", text=TEXT, content_hash=f"h{i}")) for i in range(3)]
        for i, marks in spans.items():
            for start, end, label, state in marks:
                p.add_span(ids[i], start, end, label, annotator=who, state=state)
    return path


@pytest.fixture
def two_annotators(tmp_path):
    """A's project with B's merged in: B marks the same REGION in the first document, a longer one in the
    second (and rejects an AMOUNT there), nothing in the third."""
    a = annotated(tmp_path / "a.annot", "A", {0: [(0, 3, "REGION", "accepted")],
                                              1: [(4, 7, "REGION", "accepted"), (15, 20, "AMOUNT", "accepted")]})
    b = annotated(tmp_path / "b.annot", "B", {0: [(0, 3, "REGION", "accepted")],
                                              1: [(4, 8, "REGION", "accepted"), (15, 20, "AMOUNT", "rejected")]})
    assert main(["merge", "--db", str(a), str(b)]) == 0
    return a


def test_project_agreement_counts_accepted_spans_of_annotated_documents(two_annotators):
    with Project.open(two_annotators) as p:
        r = project_agreement(p)
        assert r.annotators == ["A", "B"] and len(r.documents) == 2
        assert r.spans["REGION"] == {"A": 2, "B": 2} and r.spans["AMOUNT"] == {"A": 1, "B": 0}
        with pytest.raises(AnnotatorError, match="no accepted or rejected span of Z"):
            project_agreement(p, ["A", "Z"])
        with pytest.raises(AnnotatorError, match="no label NOPE"):
            project_agreement(p, labels=["NOPE"])


def test_cli_json_has_the_documented_shape(two_annotators, capsys):
    assert main(["agreement", "--db", str(two_annotators), "--format", "json", "--labels", "REGION,AMOUNT"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"annotators", "documents", "labels", "overall", "pairs", "by_document", "missing"}
    assert out["annotators"] == ["A", "B"] and out["documents"] == 2
    assert list(out["labels"]) == ["REGION", "AMOUNT"]
    assert set(out["labels"]["REGION"]) >= {"exact_f1", "overlap_f1", "alpha", "spans"}
    assert out["labels"]["REGION"]["spans"] == {"A": 2, "B": 2}
    assert (out["labels"]["REGION"]["exact_f1"], out["labels"]["REGION"]["overlap_f1"]) == (0.5, 1.0)
    assert out["labels"]["AMOUNT"]["exact_f1"] == 0
    assert set(out["overall"]) >= {"exact_f1", "overlap_f1", "alpha"}
    assert out["pairs"][0]["annotators"] == ["A", "B"]


def test_cli_table_names_the_figures_and_counts(two_annotators, capsys):
    assert main(["agreement", "--db", str(two_annotators)]) == 0
    out = capsys.readouterr().out
    assert "annotators: A, B; documents: 2" in out
    assert "REGION" in out and "1/2+2" in out

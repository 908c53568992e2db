"""Character BIO / BIOES exports read back as their notes describe them: each document's text, character by
character, and every span, from the tag columns or from the list of spans left out."""
import hashlib
from collections import Counter

import pytest

from annotator.core.model import Document, Label
from annotator.export.bio import export_bio, export_bio_layers, export_bioes, notes_path, split_path
from annotator.export.select import Selection
from tests.helpers.formats import bio_read_back, character, chosen_spans, read_bio

spacy = pytest.importorskip("spacy")

SPACED = "上海市 浦东新区\t捐赠\u3000二百万元\r\n西安市承诺投入五千万元。\n\n尾声 "
EXPORTS = [("bio", export_bio), ("bioes", export_bioes), ("bio", export_bio_layers)]


@pytest.fixture
def project(gold_project):
    """The seeds and the astral document, plus one with every kind of whitespace, spans across it and
    overlaps that need three entity layers and two clause layers."""
    p = gold_project
    p.add_label(Label("GOAL", "目标", "Goal", "#95DE64", kind="clause"))
    doc = p.add_document(Document(name="spaced.txt", text=SPACED, raw_text=SPACED,
                                  content_hash=hashlib.sha256(SPACED.encode()).hexdigest()))
    for start, end, label in ((0, 8, "REGION"), (0, 3, "PERSON"), (4, 8, "AMOUNT"), (2, 4, "AMOUNT"),
                              (12, 16, "AMOUNT"), (27, 28, "PERSON"), (9, 21, "COMMITMENT"), (18, 27, "GOAL")):
        p.add_span(doc, start, end, label, annotator="li")
    p.set_status(doc, "done")
    return p


@pytest.mark.parametrize("scheme, export", EXPORTS, ids=["bio", "bioes", "bio-layers"])
def test_each_document_is_its_text_a_line_a_character_and_every_span_is_kept_or_listed(
        project, tmp_path, scheme, export):
    out = tmp_path / "train.bio"
    summary = export(project, out, Selection())
    got = bio_read_back(out, scheme)
    want = chosen_spans(project)
    assert list(got) == list(want) and len(want) == 7
    for doc_id, (chars, spans) in got.items():
        text, doc_spans = want[doc_id]
        assert len(chars) == len(text)
        assert "".join(chars) == text
        assert spans == doc_spans, doc_id
    assert summary["spans"] == sum(len(c) for _, _, columns in read_bio(out, scheme) for c in columns) > 200


@pytest.mark.parametrize("scheme, export", EXPORTS[:2], ids=["bio", "bioes"])
def test_one_layer_lists_overlapping_entities_and_clauses_in_the_notes(project, tmp_path, scheme, export):
    out = tmp_path / "train.bio"
    summary = export(project, out, Selection())
    notes = notes_path(out).read_text(encoding="utf-8")
    assert "columns: character, entity." in notes
    left_out = [line.split("\t") for line in notes.splitlines() if not line.startswith("#")]
    assert summary["left_out"] == len(left_out)
    assert {r[2] for r in left_out if r[6].startswith("clause label")} == {"COMMITMENT", "GOAL"}
    assert ["spaced.txt", "AMOUNT", "2", "4", "市<sp>"] in [r[1:6] for r in left_out]
    text = out.read_text(encoding="utf-8")
    assert "西\tB-REGION" in text  # the span after 𠮷 and 😀
    assert ("万\tS-PERSON" if scheme == "bioes" else "万\tB-PERSON") in text


def test_bio_layers_rebuilds_every_span_of_every_layer(project, tmp_path):
    out = tmp_path / "train.bio"
    summary = export_bio_layers(project, out, Selection())
    kinds = {l.name: l.kind for l in project.labels()}
    notes = notes_path(out).read_text(encoding="utf-8")
    header = "columns: character, entity, clause, entity-2, entity-3, clause-2."
    assert header in notes and all(line.startswith("#") for line in notes.splitlines())
    columns = header[:-1].split(", ")[1:]
    want = chosen_spans(project)
    for doc_id, _, found in read_bio(out):
        assert len(found) == 5
        assert Counter(s for column in found for s in column) == want[doc_id][1]
        for name, spans in zip(columns, found):
            assert {kinds[label] for _, _, label in spans} <= {name.split("-")[0]}
    assert summary["spans"] == sum(sum(c.values()) for _, c in want.values()) and summary["left_out"] == 0 and summary["warnings"] == []


def test_lines_blank_lines_and_placeholders_are_what_the_notes_say(project, tmp_path):
    out = tmp_path / "train.bio"
    export_bio_layers(project, out, Selection())
    lines = out.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("-DOCSTART-\t")]
    assert [lines[i] for i in starts] == [f"-DOCSTART-\t{doc_id}\tO" for doc_id in chosen_spans(project)]
    assert starts[0] == 0 and all(lines[i + 1] == "" for i in starts) and all(lines[i - 1] == "" for i in starts[1:])
    assert all(line == "" or line.startswith("-DOCSTART-\t") or len(line.split("\t")) == 6 for line in lines)
    firsts = [line.split("\t")[0] for line in lines[starts[-1]:]]  # the spaced document
    assert [f for f in firsts if f.startswith("<")] == ["<sp>", "<tab>", "<U+3000>", "<cr>", "<nl>", "<nl>", "<nl>",
                                                        "<sp>"]
    cr = firsts.index("<cr>")
    assert firsts[cr:cr + 3] == ["<cr>", "<nl>", "西"]  # no sentence ends inside the COMMITMENT across the break
    stop = firsts.index("。")
    assert firsts[stop:stop + 7] == ["。", "", "<nl>", "", "<nl>", "", "尾"]  # after 。 and after a line break


def test_spacy_convert_reads_the_entities(project, tmp_path):
    from spacy.training.converters import conll_ner_to_docs
    out = tmp_path / "train.bio"
    export_bio(project, out, Selection())
    docs = conll_ner_to_docs(out.read_text(encoding="utf-8"), n_sents=1, no_print=True)
    got = Counter((e.label_, "".join(character(w) for w in e.text.split(" "))) for d in docs for e in d.ents)
    want = Counter((label, "".join(chars[start:end])) for _, chars, (column,) in read_bio(out)
                   for start, end, label in column)
    assert got == want and sum(got.values()) > 200


def test_the_split_names_each_document_once_as_the_spacy_export_does(project, tmp_path):
    from spacy.tokens import DocBin

    from annotator.export.spacy_docbin import export_spacy
    export_bio(project, tmp_path / "a.bio", Selection())
    export_bio_layers(project, tmp_path / "b.bio", Selection())
    rows = [line.split("\t") for line in split_path(tmp_path / "a.bio").read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["document_id", "split", "document"]
    assert [int(r[0]) for r in rows[1:]] == list(chosen_spans(project))
    assert {r[1] for r in rows[1:]} == {"train", "dev"}
    assert split_path(tmp_path / "b.bio").read_text(encoding="utf-8") == \
        split_path(tmp_path / "a.bio").read_text(encoding="utf-8")
    export_spacy(project, tmp_path / "spacy", Selection())
    nlp = spacy.blank("zh")
    dev = {d.user_data["meta"]["id"] for d in DocBin().from_disk(tmp_path / "spacy" / "dev.spacy").get_docs(nlp.vocab)}
    assert {int(r[0]) for r in rows[1:] if r[1] == "dev"} == dev

"""Character BIO / BIOES export, read back with spaCy's tag converters."""
import pytest

from annotator.export.bio import entity_layer, export_bio, export_bioes, notes_path
from annotator.export.select import Selection, selected

spacy = pytest.importorskip("spacy")


def read_back(path, scheme):
    """(characters, [(start, end, label)]) over the file's characters, via spaCy's BILUO tools."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_spans, iob_to_biluo
    from spacy.vocab import Vocab
    chars, tags = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line:
            ch, tag = line.split("\t")
            chars.append(ch)
            tags.append(tag)
    if scheme == "bio":
        tags = iob_to_biluo(tags)
    else:
        tags = [t.replace("E-", "L-").replace("S-", "U-") for t in tags]
    doc = Doc(Vocab(), words=chars, spaces=[False] * len(chars))
    return "".join(chars), [(s.start_char, s.end_char, s.label_) for s in biluo_tags_to_spans(doc, tags)]


def expected(project):
    """The entity layer of every document, over its non-whitespace characters, end to end."""
    entity = {l.name for l in project.labels() if l.kind == "entity"}
    chars, spans = "", []
    for doc, doc_spans in selected(project, Selection()):
        index, pos = {}, len(chars)
        for i, ch in enumerate(doc.text):
            if not ch.isspace():
                index[i] = pos
                pos += 1
        kept, _ = entity_layer([s for s in doc_spans if s.label in entity])
        spans += [(index[s.start], index[s.end - 1] + 1, s.label) for s in kept]
        chars += "".join(ch for ch in doc.text if not ch.isspace())
    return chars, spans


@pytest.mark.parametrize("scheme, export", [("bio", export_bio), ("bioes", export_bioes)])
def test_bio_reads_back_to_the_same_entities(gold_project, tmp_path, scheme, export):
    out = tmp_path / f"train.{scheme}"
    summary = export(gold_project, out, Selection())
    got = read_back(out, scheme)
    assert got == expected(gold_project)
    assert summary["spans"] == len(got[1]) > 200
    notes = notes_path(out).read_text(encoding="utf-8")
    assert "COMMITMENT" in notes and "clause label" in notes
    assert "西\tB-REGION" in out.read_text(encoding="utf-8")  # the span after 𠮷 and 😀


def test_sentences_are_split_and_tags_are_tab_separated(gold_project, tmp_path):
    out = tmp_path / "train.bio"
    export_bio(gold_project, out, Selection())
    lines = out.read_text(encoding="utf-8").split("\n")
    assert "。\tO" in lines and lines[lines.index("。\tO") + 1] == ""
    assert all(line == "" or len(line.split("\t")) == 2 for line in lines)

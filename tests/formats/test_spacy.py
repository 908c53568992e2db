"""spaCy export, read back with the real spaCy."""
import pytest

from annotator.export.select import Selection
from annotator.export.spacy_docbin import export_spacy

spacy = pytest.importorskip("spacy")


def test_docbins_load_with_ents_spans_and_metadata(gold_project, tmp_path):
    from spacy.tokens import DocBin
    out = tmp_path / "spacy"
    summary = export_spacy(gold_project, out, Selection())
    assert {p.name for p in out.iterdir()} == {"train.spacy", "dev.spacy", "config.cfg", "README.md"}
    nlp = spacy.blank("zh")
    docs = [d for name in ("train", "dev") for d in DocBin().from_disk(out / f"{name}.spacy").get_docs(nlp.vocab)]
    assert len(docs) == 6 and summary["documents"] == 6
    astral = next(d for d in docs if d.user_data["meta"]["name"] == "astral.txt")
    assert [(e.start_char, e.end_char, e.label_) for e in astral.ents] == [(7, 10, "REGION")]
    seed = next(d for d in docs if d.user_data["meta"]["name"].startswith("002"))
    assert {e.label_ for e in seed.ents} == {"REGION", "AMOUNT", "PERSON"}
    assert {s.label_ for s in seed.spans["sc"]} == {"COMMITMENT"}  # clause labels only: entities are not repeated
    config = spacy.util.load_config(out / "config.cfg")
    assert config["nlp"]["pipeline"] == ["tok2vec", "ner", "span_finder", "spancat"]
    longest = max(len(s) for d in docs for s in d.spans["sc"])
    assert longest <= config["components"]["span_finder"]["max_length"]
    assert summary["warnings"] == ["5 training documents: `spacy debug data` refuses fewer than 100 (`spacy train` "
                                   "runs); export more documents or mark more done before checking with it"]
    assert "refuses fewer than 100" in (out / "README.md").read_text(encoding="utf-8")


def test_spans_are_written_as_they_are_and_what_cannot_be_is_listed(tmp_path):
    """58% stays 58% (no trimming of punctuation); of two overlapping entities the longer is kept, the other
    listed in the summary and the README."""
    from spacy.tokens import DocBin
    from annotator.store.project import Project
    from tests.helpers.data import add_text
    project = Project.open(tmp_path / "p.annot")
    text = "贫困发生率降至58%。浙江省杭州市援建。"
    doc = add_text(project, text)
    for start, end, label in [(7, 10, "AMOUNT"), (11, 17, "REGION"), (14, 17, "PERSON")]:
        project.add_span(doc, start, end, label, annotator="li")
    project.set_status(doc, "done")
    summary = export_spacy(project, tmp_path / "out", Selection())
    docs = [d for name in ("train", "dev") for d in
            DocBin().from_disk(tmp_path / "out" / f"{name}.spacy").get_docs(spacy.blank("zh").vocab)]
    assert [(e.text, e.label_) for e in docs[0].ents] == [("58%", "AMOUNT"), ("浙江省杭州市", "REGION")]
    assert summary["spans"] == 2
    assert summary["warnings"][0].startswith("1 span(s) could not be written as they are")
    assert "杭州市\toverlaps a longer entity" in (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    project.close()


def test_our_docbin_is_what_spacy_writes_for_the_same_documents(gold_project, tmp_path):
    """The export writes DocBins without spaCy; spaCy must tokenize, hash and read them as its own."""
    from spacy import attrs
    from spacy.strings import StringStore
    from spacy.symbols import IDS
    from spacy.tokens import Doc, DocBin
    from annotator.export import docbin
    assert (docbin.ORTH, docbin.ENT_IOB, docbin.ENT_TYPE) == (attrs.ORTH, attrs.ENT_IOB, attrs.ENT_TYPE)
    nlp = spacy.blank("zh")
    assert docbin._symbols() == IDS
    words = ("PERSON", "X", "_", "REGION", "北")
    assert [docbin.string_hash(w) for w in words] == [StringStore().add(w) for w in words]
    for text in ["", " 北京  市\n\n上海\t", "𠮷赵敏😀 宣布。\u3000x  ", "ab c", "abcdefghi"]:
        ours = docbin.Tokens.of(text)
        assert [(w, sp) for w, sp in zip(ours.words, ours.spaces)] == [(t.text, bool(t.whitespace_))
                                                                      for t in nlp.make_doc(text)]
        assert [docbin.string_hash(w) for w in ours.words] == [StringStore().add(w) for w in ours.words]
    out = tmp_path / "spacy"
    export_spacy(gold_project, out, Selection())
    theirs = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    ours = [d for name in ("train", "dev") for d in DocBin().from_disk(out / f"{name}.spacy").get_docs(nlp.vocab)]
    for d in ours:  # spaCy's own DocBin of the same documents, built by spaCy from text and offsets
        again = Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
        again.ents = [again.char_span(e.start_char, e.end_char, e.label_) for e in d.ents]
        again.spans["sc"] = [again.char_span(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]]
        again.user_data.update(d.user_data)
        theirs.add(again)
    fresh = spacy.blank("zh")
    describe = lambda d: (d.text, [(e.start_char, e.end_char, e.label_) for e in d.ents],
                          [(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]], d.user_data)
    assert [describe(d) for d in ours] == [describe(d) for d in DocBin().from_bytes(theirs.to_bytes()).get_docs(
        fresh.vocab)]
    assert sum(len(d.ents) for d in ours) > 100 and sum(len(d.spans["sc"]) for d in ours) > 20

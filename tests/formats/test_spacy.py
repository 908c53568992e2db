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
    assert {s.label_ for s in seed.spans["sc"]} == {"REGION", "AMOUNT", "PERSON", "COMMITMENT"}
    assert all(e.label_ != "COMMITMENT" for e in seed.ents)
    config = spacy.util.load_config(out / "config.cfg")
    longest = max(len(s) for d in docs for s in d.spans["sc"])
    assert config["components"]["spancat"]["suggester"]["max_size"] == longest


def test_our_fast_docbin_and_char_words_give_what_spacy_gives(gold_project, tmp_path):
    """The export builds Docs and DocBins its own faster way; spaCy's way must read back the same."""
    from spacy.tokens import Doc, DocBin
    from annotator.export.spacy_docbin import DOC_ATTRS, _doc_bin_class, _msgpack_plugins_looked_up_once, char_words
    nlp = spacy.blank("zh")
    for text in ["", " 北京  市\n\n上海\t", "𠮷赵敏😀 宣布。\u3000x  ", "ab c"]:
        ours, theirs = Doc(nlp.vocab, *char_words(text)), nlp.make_doc(text)
        assert [(t.text, t.whitespace_) for t in ours] == [(t.text, t.whitespace_) for t in theirs]
    out = tmp_path / "spacy"
    export_spacy(gold_project, out, Selection())
    docs = [d for name in ("train", "dev") for d in DocBin().from_disk(out / f"{name}.spacy").get_docs(nlp.vocab)]
    fast, plain = _doc_bin_class()(attrs=DOC_ATTRS, store_user_data=True), DocBin(attrs=DOC_ATTRS, store_user_data=True)
    with _msgpack_plugins_looked_up_once():
        for d in docs:
            fast.add(d)
    for d in docs:
        plain.add(d)
    assert fast.strings <= plain.strings  # spaCy's also holds the norms, tags and lemmas it does not store
    fresh = spacy.blank("zh")
    a = list(DocBin().from_bytes(fast.to_bytes()).get_docs(fresh.vocab))
    b = list(DocBin().from_bytes(plain.to_bytes()).get_docs(fresh.vocab))
    describe = lambda d: (d.text, [(e.start_char, e.end_char, e.label_) for e in d.ents],
                          [(s.start_char, s.end_char, s.label_) for s in d.spans["sc"]], d.user_data)
    assert [describe(d) for d in a] == [describe(d) for d in b]

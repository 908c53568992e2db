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

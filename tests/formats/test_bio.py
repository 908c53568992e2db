"""Character BIO / BIOES export, read back with spaCy's tag converters."""
import pytest

from annotator.export.bio import export_bio, export_bioes, notes_path
from annotator.export.select import Selection
from tests.helpers.formats import expected, read_back

spacy = pytest.importorskip("spacy")


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

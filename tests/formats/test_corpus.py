"""Every format on a corpus of 136 documents, read by the real tools: spaCy's debug data and a training epoch,
label-studio-sdk's validator and converter."""
import json
import subprocess
import sys

import pytest

from annotator.export.labelstudio import config_path, export_labelstudio
from annotator.export.select import Selection
from annotator.export.spacy_docbin import export_spacy
from tests.helpers.data import data_path
from tests.helpers.formats import bio_read_back, chosen_spans, without_ids

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def spacy_folder(corpus_project, tmp_path_factory):
    out = tmp_path_factory.mktemp("spacy") / "corpus"
    export_spacy(corpus_project, out, Selection())
    return out


def test_the_split_is_stratified_by_document(spacy_folder):
    from spacy.tokens import DocBin
    nlp = spacy.blank("zh")
    docs = {name: list(DocBin().from_disk(spacy_folder / f"{name}.spacy").get_docs(nlp.vocab))
            for name in ("train", "dev")}
    assert len(docs["train"]) + len(docs["dev"]) == 136
    assert 0.15 <= len(docs["dev"]) / 136 <= 0.25
    assert not {d.text for d in docs["train"]} & {d.text for d in docs["dev"]}
    dev_labels = {s.label_ for d in docs["dev"] for s in [*d.ents, *d.spans["sc"]]}
    assert dev_labels == {"REGION", "AMOUNT", "PERSON", "COMMITMENT"}


@pytest.mark.slow
def test_spacy_debug_data_passes_and_the_config_trains_a_model_that_finds_entities(spacy_folder, tmp_path):
    """The exported config as the README says to run it, for 200 steps: the model loads and finds entities."""
    from spacy.tokens import DocBin
    from spacy.training import Example
    debug = subprocess.run([sys.executable, "-m", "spacy", "debug", "data", "config.cfg"],
                           cwd=spacy_folder, capture_output=True, text=True)
    assert debug.returncode == 0, debug.stdout[-3000:] + debug.stderr[-3000:]
    assert "checks passed" in debug.stdout
    train = subprocess.run([sys.executable, "-m", "spacy", "train", "config.cfg", "--output", str(tmp_path / "model"),
                            "--training.max_steps", "200"], cwd=spacy_folder, capture_output=True, text=True)
    assert train.returncode == 0, train.stdout[-3000:] + train.stderr[-3000:]
    nlp = spacy.load(tmp_path / "model" / "model-best")
    assert nlp.pipe_names == ["tok2vec", "ner", "span_finder", "spancat"]
    dev = list(DocBin().from_disk(spacy_folder / "dev.spacy").get_docs(nlp.vocab))
    scores = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in dev])
    assert scores["ents_f"] > 0.5, scores
    assert "sc" in nlp(dev[0].text).spans
    # The model back in the app: `annotator suggest --model` adds its predictions as pending suggestions.
    from annotator.cli import main
    from annotator.store.project import Project
    from tests.helpers.data import add_text
    with Project.open(tmp_path / "p.annot") as project:
        doc = add_text(project, dev[0].text)
    assert main(["suggest", "--project", "--model", str(tmp_path / "model" / "model-best"),
                 "--db", str(tmp_path / "p.annot")]) == 0
    with Project.open(tmp_path / "p.annot") as project:
        suggested = project.spans(doc)
    predicted = nlp(dev[0].text)
    assert suggested and {s.state for s in suggested} == {"pending"}
    assert {(s.start, s.end, s.label) for s in suggested} == {
        (s.start_char, s.end_char, s.label_) for s in [*predicted.ents, *predicted.spans["sc"]]}


def test_label_studio_validates_and_converts_the_corpus(corpus_project, tmp_path):
    pytest.importorskip("label_studio_sdk")
    from label_studio_sdk.converter import Converter
    from label_studio_sdk.label_interface import LabelInterface
    out = tmp_path / "tasks.json"
    export_labelstudio(corpus_project, out, Selection(spans="all"))
    interface = LabelInterface(config_path(out).read_text(encoding="utf-8"))
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert len(tasks) == 136
    for t in tasks:
        for a in t["annotations"]:
            assert interface.validate_prediction({**a, "model_version": "x"}, return_errors=True) == []
    validator = data_path("validate_ls_json.py")
    run = subprocess.run([sys.executable, str(validator), str(config_path(out)), str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0 and run.stdout.strip().endswith("OK"), run.stdout[-2000:]
    converter = Converter(config=str(config_path(out)), project_dir=None, download_resources=False)
    converter.convert(str(out), str(tmp_path / "min"), "JSON_MIN", is_dir=False)
    records = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert {r["id"] for r in records} == {t["id"] for t in tasks}


@pytest.mark.parametrize("name", ["bio", "bio-layers"])
def test_bio_reads_back_to_the_same_text_and_spans_on_the_corpus(corpus_project, tmp_path, name):
    from annotator.export.formats import FORMATS
    out = tmp_path / "corpus.bio"
    FORMATS[name].export(corpus_project, out, Selection())
    want = chosen_spans(corpus_project)
    got = bio_read_back(out)
    assert list(got) == list(want)
    assert all(("".join(chars), spans) == want[doc_id] for doc_id, (chars, spans) in got.items())


def test_round_trips_are_exact_on_the_corpus(corpus_project, tmp_path):
    from annotator.export.jsonl import export_jsonl
    from annotator.ingest.importer import import_paths
    from annotator.store.project import Project
    everything = Selection(documents="all", spans="all")
    export_labelstudio(corpus_project, tmp_path / "a.json", everything)
    export_jsonl(corpus_project, tmp_path / "a.jsonl", everything)
    for name, export in (("a.json", export_labelstudio), ("a.jsonl", export_jsonl)):
        with Project.open(tmp_path / f"{name}.annot") as new:
            (result,) = import_paths(new, [tmp_path / name])
            assert result.status == "imported" and new.document_count() == 136, result.message
            export(new, tmp_path / f"b-{name}", everything)
    a, b = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("a.json", "b-a.json"))
    assert without_ids(a) == without_ids(b)
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == (tmp_path / "b-a.jsonl").read_text(encoding="utf-8")

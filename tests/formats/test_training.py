"""A model in the loop: `annotator train` on a generated corpus, its evaluation against the rules, and the
suggestions that follow it label by label."""
import json

import pytest

from annotator.app.training import CombinedSuggester, with_model
from annotator.core.model import Span
from annotator.store.project import Project

spacy = pytest.importorskip("spacy")


class Fixed:
    """A suggester that always finds the same spans."""

    def __init__(self, spans):
        self.spans = spans

    def suggest(self, text):
        return self.spans


def test_combined_suggestions_take_each_label_from_its_chosen_source():
    rules = Fixed([Span(0, 2, "REGION", "上海"), Span(3, 5, "PERSON", "王明")])
    model = Fixed([Span(0, 3, "REGION", "上海市"), Span(3, 5, "PERSON", "王明")])
    combined = CombinedSuggester(rules, model, {"REGION"})
    assert [(s.text, s.label) for s in combined.suggest("")] == [("上海市", "REGION"), ("王明", "PERSON")]


def test_without_a_trained_model_suggestions_are_the_rules(tmp_path):
    with Project.open(tmp_path / "p.annot") as project:
        rules = Fixed([])
        assert with_model(project, rules) is rules


@pytest.mark.slow
def test_train_evaluates_against_the_rules_and_suggestions_follow_the_choice(tmp_path):
    from annotator.app.labelling import Labelling
    from annotator.cli import main
    from tests.formats.conftest import _fill_gold, gold_corpus
    from tests.helpers.data import add_text
    path = tmp_path / "p.annot"
    with Project.open(path) as project:
        _fill_gold(project)
        gold_corpus(project)
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["train", "--db", str(path), "--out", str(tmp_path / "taken"), "--steps", "20"]) == 1
    assert main(["train", "--db", str(path), "--out", str(tmp_path / "m"), "--steps", "200"]) == 0
    evaluation = json.loads((tmp_path / "m" / "evaluation.json").read_text(encoding="utf-8"))
    assert evaluation["documents"] > 20
    for label, e in evaluation["labels"].items():
        assert e["use"] == ("model" if e["model"]["f1"] > e["rules"]["f1"] else "rules"), label
        assert 0 <= e["model"]["f1"] <= 1 and e["rules"]["wanted"] == e["model"]["wanted"] > 0
    with Project.open(path) as project:
        project.set_setting("suggestions", "on")
        # say the model won REGION, whatever this short training gave: suggestions must follow the choice
        saved = json.loads(project.setting("model"))
        project.set_setting("model", json.dumps({**saved, "use": {**saved["use"], "REGION": "model"}}))
        text = "上海市对口支援云南省，记者王小明报道。"
        doc = add_text(project, text, "new.txt")
        made = Labelling(project, "li").open(doc)
        model = spacy.load(saved["path"])
        wanted = {(e.start_char, e.end_char) for e in model(text).ents if e.label_ == "REGION"}
        assert {(s.start, s.end) for s in made if s.label == "REGION"} == wanted
        assert all(s.state == "pending" for s in made)

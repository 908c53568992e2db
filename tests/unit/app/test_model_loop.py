"""The model loop without spaCy: when a training is due by itself, what it resets, and the need score
(rules and model disagreeing) with fake suggesters, stored and ordered by the store."""
import json

import pytest

from annotator.app import training
from annotator.app.labelling import Labelling
from annotator.app.need import disagreement, rank_by_need, score_need, top_by_need
from annotator.app.training import done_since_training, retrain_due, retrain_is_due, train_and_rank
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings
from tests.helpers.data import add_text

EVALUATION = {"documents": 3, "labels": {"REGION": {"model": {"f1": 0.9}, "rules": {"f1": 0.5}, "use": "model"}}}


class Finds:
    """A suggester that finds every occurrence of some strings, each as a label."""

    def __init__(self, words: dict[str, str]):
        self.words = words
        self.seen = 0

    def suggest(self, text):
        self.seen += 1
        spans = []
        for word, label in self.words.items():
            start = text.find(word)
            while start >= 0:
                spans.append(Span(start, start + len(word), label, word))
                start = text.find(word, start + 1)
        return sorted(spans, key=lambda s: (s.start, s.end))


def span(start, end, label="REGION"):
    return Span(start, end, label, "x" * (end - start))


# -- the retrain decision ----------------------------------------------------

@pytest.mark.parametrize("done, trained, every, due", [
    (9, 0, 10, False), (10, 0, 10, True), (11, 0, 10, True),  # counts from the last training
    (24, 20, 5, False), (25, 20, 5, True),
    (500, 0, 0, False),  # 0: off, however many are done
    (3, 5, 1, False),  # documents reopened since: never due below the count at the training
])
def test_a_retrain_is_due_after_every_n_documents_done_since_the_last_training(done, trained, every, due):
    assert retrain_due(done, trained, every) is due


def fake_train(calls):
    def train(project, out, steps=600, progress=None, cancelled=None):
        calls.append(out)
        if progress is not None:
            progress(1, 2, "step 1 of 2")
        return json.loads(json.dumps(EVALUATION))
    return train


def test_the_project_counts_done_documents_and_a_training_starts_the_count_again(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(training, "train", fake_train(calls))
    with Project.open(tmp_path / "p.annot") as project:
        docs = [add_text(project, f"第{i}篇报告：上海市对口支援。", f"{i}.txt") for i in range(6)]
        labelling = Labelling(project, "li")
        assert ProjectSettings(project).retrain_after == 0  # off unless set
        for d in docs[:3]:
            labelling.mark_done(d)
        assert not retrain_is_due(project)
        ProjectSettings(project).retrain_after = 2
        assert retrain_is_due(project) and done_since_training(project) == 3
        evaluation = train_and_rank(project, tmp_path / "m")
        assert calls == [tmp_path / "m"] and evaluation["labels"] == EVALUATION["labels"]
        assert evaluation["need"] is None  # the fake saved no model: nothing to score with
        assert ProjectSettings(project).trained_done == 3 and not retrain_is_due(project)
        labelling.mark_done(docs[3])
        assert not retrain_is_due(project) and done_since_training(project) == 1
        labelling.mark_done(docs[4])
        assert retrain_is_due(project)
        ProjectSettings(project).retrain_after = 0
        assert not retrain_is_due(project)


def test_a_failed_or_cancelled_training_leaves_the_count(tmp_path, monkeypatch):
    def cancelled(*args, **kwargs):
        raise AnnotatorError("training cancelled; the model was not changed")
    monkeypatch.setattr(training, "train", cancelled)
    with Project.open(tmp_path / "p.annot") as project:
        doc = add_text(project, "上海市", "a.txt")
        Labelling(project, "li").mark_done(doc)
        ProjectSettings(project).retrain_after = 1
        with pytest.raises(AnnotatorError):
            train_and_rank(project, tmp_path / "m")
        assert retrain_is_due(project) and ProjectSettings(project).trained_done == 0


def test_the_cli_train_starts_the_count_again(tmp_path, monkeypatch, capsys):
    from annotator.cli import main
    monkeypatch.setattr(training, "train", fake_train([]))
    path = tmp_path / "p.annot"
    with Project.open(path) as project:
        for i in range(2):
            Labelling(project, "li").mark_done(add_text(project, f"上海市{i}", f"{i}.txt"))
        ProjectSettings(project).retrain_after = 2
        assert retrain_is_due(project)
    assert main(["train", "--db", str(path), "--out", str(tmp_path / "m")]) == 0
    assert "REGION" in capsys.readouterr().out
    with Project.open(path) as project:
        assert not retrain_is_due(project) and ProjectSettings(project).trained_done == 2


# -- the need score ----------------------------------------------------------

def test_disagreement_counts_spans_only_one_side_suggests_per_thousand_characters():
    text = "x" * 500
    rules = [span(0, 2), span(5, 7), span(10, 12, "PERSON")]
    model = [span(0, 2), span(5, 8), span(20, 22, "AMOUNT")]
    # (5,7) and (5,8) differ: both count; PERSON and AMOUNT each one side only
    assert disagreement(text, rules, model) == 1000 * 4 / 500
    assert disagreement(text, rules, model, {"REGION"}) == 1000 * 2 / 500  # only the model's labels
    assert disagreement(text, rules, rules) == 0
    assert disagreement("", rules, model) == 0
    assert disagreement(text, [], []) == 0


def test_need_is_scored_for_unfinished_documents_and_orders_the_list(tmp_path):
    rules = Finds({"上海": "REGION"})
    model = Finds({"上海": "REGION", "北京": "REGION", "王明": "PERSON"})
    with Project.open(tmp_path / "p.annot") as p:
        calm = add_text(p, "上海" + "。" * 98, "a-calm.txt")  # both agree: 0
        some = add_text(p, "北京" + "。" * 98, "b-some.txt")  # one span apart in 100 characters: 10
        most = add_text(p, "北京王明" + "。" * 96, "c-most.txt")  # two apart in 100: 20 (PERSON counts)
        done = add_text(p, "北京北京北京", "d-done.txt")
        late = add_text(p, "北京" * 10, "e-late.txt")
        p.set_status(done, "done")
        p.set_status(some, "in_progress")
        report = score_need(p, rules, model, {"REGION", "PERSON"}, batch=2)
        assert report.as_dict() == {"scored": 4, "of": 4, "cancelled": False}
        assert p.need(done) is None and p.need(calm) == 0 and p.need(some) == 10 and p.need(most) == 20
        assert p.need(late) == 500
        assert p.document_ids(order="need") == [late, most, some, calm, done]
        assert p.document_ids(order="need", descending=True) == [done, calm, some, most, late]
        assert p.document_ids(order="need", status="todo") == [late, most, calm]
        assert p.document_ids(order="need", contains="北京") == [late, most, some, done]
        assert top_by_need(p, 2) == [(late, 500), (most, 20)]
        Labelling(p, "li").mark_done(late)  # its need is met: it goes with the unscored, by name
        assert p.need(late) is None and p.document_ids(order="need") == [most, some, calm, done, late]
        assert [r.need for r in p.document_rows([most, late]).values()] == [20, None]


def test_documents_without_a_score_come_last_by_name_and_ties_by_id(tmp_path):
    with Project.open(tmp_path / "p.annot") as p:
        b, a, c, d = (add_text(p, f"文本{i}", name) for i, name in enumerate(("b.txt", "a.txt", "c.txt", "d.txt")))
        assert p.document_ids(order="need") == [a, b, c, d]  # no scores yet: by name
        p.set_need({d: 1.0, c: 1.0})
        assert p.document_ids(order="need") == [c, d, a, b]


def test_scoring_stops_between_batches_when_cancelled_and_keeps_what_it_scored(tmp_path):
    rules, model = Finds({}), Finds({"报告": "REGION"})
    with Project.open(tmp_path / "p.annot") as p:
        docs = [add_text(p, f"报告{i}", f"{i:02}.txt") for i in range(10)]
        p.set_need({docs[-1]: 99.0})  # an older model's score: replaced
        steps = []
        report = score_need(p, rules, model, None, lambda i, n, what: steps.append((i, n)),
                            lambda: len(steps) >= 2, batch=3)
        assert report.as_dict() == {"scored": 6, "of": 10, "cancelled": True} and steps == [(3, 10), (6, 10)]
        assert [p.need(d) for d in docs] == [round(1000 / 3, 3)] * 6 + [None] * 4  # stored to 3 places
        assert p.document_ids(order="need")[:6] == docs[:6]


def test_without_a_usable_model_nothing_is_scored(tmp_path):
    with Project.open(tmp_path / "p.annot") as p:
        add_text(p, "上海市", "a.txt")
        assert rank_by_need(p) is None
        p.set_setting(training.MODEL_SETTING, json.dumps({"path": str(tmp_path / "gone"), "use": {}}))
        assert rank_by_need(p) is None


def test_with_a_saved_model_the_project_rules_and_that_model_score(tmp_path, monkeypatch):
    (tmp_path / "model").mkdir()
    monkeypatch.setattr(training, "_model", lambda path: Finds({"北京": "REGION", "王明": "PERSON"}))
    with Project.open(tmp_path / "p.annot") as p:
        doc = add_text(p, "北京王明" + "。" * 96, "a.txt")
        p.set_setting(training.MODEL_SETTING, json.dumps({"path": str(tmp_path / "model"),
                                                          "use": {"REGION": "model"}}))
        report = rank_by_need(p)
        assert report is not None and report.scored == 1
        # PERSON was not evaluated (not in "use"): only REGION counts; the rules find 北京 too
        assert p.need(doc) == 0


def test_a_removed_document_takes_its_score_with_it(tmp_path):
    with Project.open(tmp_path / "p.annot") as p:
        doc = add_text(p, "上海", "a.txt")
        p.set_need({doc: 3.0})
        p.remove_documents([doc])
        assert p.db.execute("SELECT count(*) FROM document_need").fetchone()[0] == 0


def test_an_older_project_file_gains_the_need_table(tmp_path):
    from annotator.store import schema
    from tests.helpers.data import UNDO_TO_8
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        doc = add_text(p, "上海", "a.txt")
        for statement in (*UNDO_TO_8, "PRAGMA user_version = 8"):
            p.db.execute(statement)
    with Project.open(path) as p:
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert p.document_ids(order="need") == [doc]
        p.set_need({doc: 2.5})
        assert p.need(doc) == 2.5


def test_cli_lists_documents_by_need(tmp_path, capsys):
    from annotator.cli import main
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        low, high, none = (add_text(p, f"文本{i}", name) for i, name in enumerate(("low.txt", "high.txt", "a.txt")))
        p.set_need({low: 1.5, high: 12.25})
    assert main(["documents", "--db", str(path), "--by-need", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].split()[0] == str(high) and "12.25" in lines[0]
    assert lines[1].split()[0] == str(low) and "1.50" in lines[1]

"""A model in the loop: train a spaCy model from the done documents, evaluate it against the rules per label
on the held-out documents, and let suggestions use, per label, whichever did better.

Training runs `python -m spacy train` in a process of its own on the spaCy export (its config and split),
so the window and the command line stay free and a cancel stops it at once. spaCy is needed where this
runs (`pip install 'pairing-annotator[train]'`); the desktop bundle does not carry it.
"""
from __future__ import annotations

import functools
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.export.select import Selection, selected
from annotator.export.spacy_docbin import export_spacy
from annotator.export.split import split
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings

MODEL_SETTING = "model"  # the trained model's folder and, per label, who suggests it (JSON)
STEP_LINE = re.compile(r"^\s*\d+\s+(\d+)\s")  # spaCy's console logger: epoch, step, losses, scores
DEFAULT_STEPS = 600


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of exact spans, with the counts behind them."""
    found: int
    wanted: int
    right: int

    @property
    def f1(self) -> float:
        return 2 * self.right / (self.found + self.wanted) if self.found + self.wanted else 0.0

    def as_dict(self) -> dict:
        p = self.right / self.found if self.found else 0.0
        r = self.right / self.wanted if self.wanted else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(self.f1, 3), "found": self.found,
                "wanted": self.wanted, "right": self.right}


def scores(predicted: list[tuple[int, int, str]], gold: list[tuple[int, int, str]], label: str) -> Scores:
    p = {s for s in predicted if s[2] == label}
    g = {s for s in gold if s[2] == label}
    return Scores(len(p), len(g), len(p & g))


def _spacy_available() -> None:
    if importlib.util.find_spec("spacy") is None:
        raise AnnotatorError("training needs spaCy, which this installation lacks "
                             "(pip install 'pairing-annotator[train]')")


def train(project: Project, out: Path, steps: int = DEFAULT_STEPS,
          progress: Callable[[int, int, str], None] | None = None,
          cancelled: Callable[[], bool] | None = None) -> dict:
    """Train on the project's done documents into `out` (model/, evaluation.json), evaluate per label on the
    held-out documents against the rules, and remember per label which to suggest with. Returns the
    evaluation."""
    _spacy_available()
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / "evaluation.json").exists():
        raise AnnotatorError(f"{out}: holds files of something else than an earlier training; choose another folder")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        export_spacy(project, data, Selection())
        _run_training(data, out / "model", steps, progress, cancelled)
    evaluation = evaluate(project, out / "model" / "model-best")
    (out / "evaluation.json").write_text(json.dumps(evaluation, ensure_ascii=False, indent=2), encoding="utf-8")
    project.set_setting(MODEL_SETTING, json.dumps({"path": str((out / "model" / "model-best").resolve()),
                                                   "use": {k: v["use"] for k, v in evaluation["labels"].items()}}))
    return evaluation


def retrain_due(done: int, trained_done: int, every: int) -> bool:
    """Whether a training is due by itself: retraining is on (`every` > 0) and at least `every` documents
    were marked done since the last training began (`done` now, `trained_done` then)."""
    return every > 0 and done - trained_done >= every


def done_since_training(project: Project) -> int:
    """Documents marked done since the last training began (never below 0: some may have been reopened)."""
    return max(0, project.status_counts()["done"] - ProjectSettings(project).trained_done)


def retrain_is_due(project: Project) -> bool:
    """`retrain_due` with the project's count of done documents and its settings."""
    settings = ProjectSettings(project)
    return retrain_due(project.status_counts()["done"], settings.trained_done, settings.retrain_after)


def train_and_rank(project: Project, out: Path, steps: int = DEFAULT_STEPS,
                   progress: Callable[[int, int, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None, rank: bool = True) -> dict:
    """The model loop's one step, which the window (by hand or by itself) and `annotator train` run: train
    (`train`), start the retrain count again from the documents done when this training began, then, if
    `rank`, score the unfinished documents by need with the new model (annotator.app.need; a cancel there
    keeps the model and the scores made so far). Returns the evaluation, with "need" (a NeedReport as a
    dict, or None when no model could score)."""
    from annotator.app.need import rank_by_need

    done = project.status_counts()["done"]
    evaluation = train(project, out, steps, progress, cancelled)
    ProjectSettings(project).trained_done = done
    report = rank_by_need(project, progress, cancelled) if rank else None
    return {**evaluation, "need": report.as_dict() if report is not None else None}


def _run_training(data: Path, model: Path, steps: int, progress, cancelled) -> None:
    """`spacy train` on the exported folder, in its own process; its step lines drive `progress`."""
    command = [sys.executable, "-m", "spacy", "train", str(data / "config.cfg"), "--output", str(model),
               "--paths.train", str(data / "train.spacy"), "--paths.dev", str(data / "dev.spacy"),
               "--training.max_steps", str(steps)]
    tail: list[str] = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1) as run:
        for line in run.stdout:
            tail = (tail + [line.rstrip()])[-20:]
            if cancelled is not None and cancelled():
                run.kill()
                raise AnnotatorError("training cancelled; the model was not changed")
            step = STEP_LINE.match(line)
            if step and progress is not None:
                progress(int(step[1]), steps, f"step {step[1]} of {steps}")
    if run.returncode != 0:
        raise AnnotatorError("spacy train failed: " + " | ".join(t for t in tail if t)[-600:])


def evaluate(project: Project, model_path: Path) -> dict:
    """Per label, the model's and the rules' exact-span scores on the held-out (dev) documents."""
    from annotator.suggest.model import ModelSuggester
    from annotator.suggest.suggester import Suggester

    chosen = list(selected(project, Selection()))
    _, dev = split({d.id: frozenset(s.label for s in spans) for d, spans in chosen})
    model, rules = ModelSuggester(model_path), Suggester()
    labels = project.label_names()
    totals = {who: {label: [0, 0, 0] for label in labels} for who in ("model", "rules")}
    for doc, spans in chosen:
        if doc.id not in dev:
            continue
        gold = [(s.start, s.end, s.label) for s in spans]
        for who, suggester in (("model", model), ("rules", rules)):
            found = [(s.start, s.end, s.label) for s in suggester.suggest(doc.text)]
            for label in labels:
                sc = scores(found, gold, label)
                totals[who][label] = [a + b for a, b in zip(totals[who][label], (sc.found, sc.wanted, sc.right))]
    out = {"documents": len(dev), "labels": {}}
    for label in labels:
        m, r = Scores(*totals["model"][label]), Scores(*totals["rules"][label])
        if not m.wanted:
            continue
        out["labels"][label] = {"model": m.as_dict(), "rules": r.as_dict(), "use": "model" if m.f1 > r.f1 else "rules"}
    return out


class CombinedSuggester:
    """The rules, with the labels the evaluation gave to the model taken from the model instead."""

    def __init__(self, rules, model, model_labels: set[str]):
        self.rules, self.model, self.model_labels = rules, model, model_labels

    def suggest(self, text: str) -> list[Span]:
        spans = [s for s in self.rules.suggest(text) if s.label not in self.model_labels]
        spans += [s for s in self.model.suggest(text) if s.label in self.model_labels]
        return sorted(spans, key=lambda s: (s.start, s.end))

    def learn(self, label: str, text: str, state: str) -> None:
        self.rules.learn(label, text, state)

    def copy(self) -> "CombinedSuggester":
        return CombinedSuggester(self.rules.copy(), self.model, self.model_labels)


@functools.cache
def _model(path: Path):
    from annotator.suggest.model import ModelSuggester
    return ModelSuggester(path)


def with_model(project: Project, rules):
    """`rules`, or rules and the project's trained model together where the evaluation preferred the model
    for some labels (and spaCy is installed here to run it)."""
    saved = project.setting(MODEL_SETTING)
    if not saved:
        return rules
    chosen = json.loads(saved)
    labels = {label for label, who in chosen["use"].items() if who == "model"}
    path = Path(chosen["path"])
    if not labels or not path.is_dir():
        return rules
    try:
        return CombinedSuggester(rules, _model(path), labels)
    except AnnotatorError:  # no spaCy here, or the model is gone: the rules alone
        return rules

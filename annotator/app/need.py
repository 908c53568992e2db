"""Next document by need: after a training, how much the rules and the trained model disagree on each
unfinished document, so the annotator's time goes where a label teaches most.

The score of a document (`disagreement`) is

    need = 1000 * |R △ M| / len(text)

where R and M are the sets of (label, start, end) the rules and the model suggest for its text, both taken
only over the labels the model was evaluated on (its `use` choices: a label the model never learnt is not
a disagreement), and △ is the symmetric difference: spans one of them suggests and the other does not. So
it counts disagreeing spans per 1,000 characters; a span both find with other edges counts twice (one
each side). An empty text scores 0.

The scores are computed off the UI thread, in batches (one transaction each, so the window's writes never
wait long), for the unfinished documents only (to do, in progress), and stop between batches when
cancelled; the store keeps them in `document_need` (m009), which drops a document's score once it is done.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.store.project import Project

BATCH = 64  # documents per batch: the model runs them together, and one transaction stores their scores
PHASE = "need"  # how the progress messages of scoring begin (a training's own are "step ...")


@dataclass(frozen=True)
class NeedReport:
    """What a scoring pass did: `scored` of the `of` unfinished documents (fewer when cancelled)."""

    scored: int
    of: int
    cancelled: bool = False

    def as_dict(self) -> dict:
        return {"scored": self.scored, "of": self.of, "cancelled": self.cancelled}


def _keys(spans: list[Span], labels: set[str] | None) -> set[tuple[str, int, int]]:
    return {(s.label, s.start, s.end) for s in spans if labels is None or s.label in labels}


def disagreement(text: str, rules_spans: list[Span], model_spans: list[Span],
                 labels: set[str] | None = None) -> float:
    """1000 * |R △ M| / len(text): the spans (label, start, end) only one of rules and model suggests, per
    1,000 characters, over `labels` (None: every label); 0 for an empty text."""
    if not text:
        return 0.0
    return 1000 * len(_keys(rules_spans, labels) ^ _keys(model_spans, labels)) / len(text)


def _suggest_all(suggester, texts: list[str]) -> list[list[Span]]:
    """Each text's suggestions; a suggester that can run a batch at once (spaCy's pipe) does."""
    many = getattr(suggester, "suggest_many", None)
    return many(texts) if many is not None else [suggester.suggest(t) for t in texts]


def score_need(project: Project, rules, model, labels: set[str] | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, batch: int = BATCH) -> NeedReport:
    """Score every unfinished document with `rules` and `model` (anything with `.suggest(text) -> spans`),
    replacing the scores an earlier model left. Stops between batches when `cancelled()`: the documents
    scored so far keep their scores, the others have none (they come after them in the "need" order)."""
    ids = project.unfinished_ids()
    project.clear_need()
    done = 0
    for i in range(0, len(ids), batch):
        if cancelled is not None and cancelled():
            return NeedReport(done, len(ids), cancelled=True)
        texts = project.texts_of(ids[i:i + batch])
        chosen = list(texts)
        by_rules = _suggest_all(rules, [texts[d] for d in chosen])
        by_model = _suggest_all(model, [texts[d] for d in chosen])
        project.set_need({d: round(disagreement(texts[d], r, m, labels), 3)
                          for d, r, m in zip(chosen, by_rules, by_model)})
        done += len(chosen)
        if progress is not None:
            progress(done, len(ids), f"{PHASE}: {done} of {len(ids)} unfinished documents")
    return NeedReport(done, len(ids))


def rank_by_need(project: Project, progress: Callable[[int, int, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> NeedReport | None:
    """Score the unfinished documents with the project's rules and its trained model (the one the last
    training saved); None when there is no model, or it cannot run here (no spaCy)."""
    from annotator.app.training import MODEL_SETTING, _model
    from annotator.suggest.documents import suggester_for

    saved = project.setting(MODEL_SETTING)
    if not saved:
        return None
    chosen = json.loads(saved)
    path = Path(chosen["path"])
    if not path.is_dir():
        return None
    try:
        model = _model(path)
    except AnnotatorError:
        return None
    return score_need(project, suggester_for(project), model, set(chosen.get("use", {})) or None, progress,
                      cancelled)


def top_by_need(project: Project, count: int) -> list[tuple[int, float]]:
    """The `count` unfinished documents with the highest need, with their scores."""
    return project.top_need(count)

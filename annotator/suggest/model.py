"""Suggestions from a trained spaCy model (the spaCy export's config, trained): entities from doc.ents,
clause labels from doc.spans["sc"], each a pending suggestion like the rules' own."""
from __future__ import annotations

from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import Span

SPANS_KEY = "sc"  # as annotator.export.spacy_config writes it
NER_SCORE = 0.8  # ner gives no per-entity score


class ModelSuggester:
    """Suggest spans for a text with the spaCy pipeline in `path` (`model/model-best` after spacy train)."""

    def __init__(self, path: Path):
        try:
            import spacy
        except ImportError as e:
            raise InputError(f"{path}: using a model needs spaCy, which this installation lacks "
                             "(pip install 'pairing-annotator[train]')") from e
        try:
            self.nlp = spacy.load(path)
        except (OSError, ValueError) as e:
            raise InputError(f"{path}: not a spaCy model this program can load ({str(e).splitlines()[0]})") from e
        self.name = f"spacy:{Path(path).name}"

    def suggest(self, text: str) -> list[Span]:
        return self._spans(self.nlp(text), text)

    def suggest_many(self, texts: list[str], batch_size: int = 32) -> list[list[Span]]:
        """Each text's suggestions, the texts run through the pipeline together (spaCy's pipe)."""
        return [self._spans(doc, text) for doc, text in zip(self.nlp.pipe(texts, batch_size=batch_size), texts)]

    def _spans(self, doc, text: str) -> list[Span]:
        found = [(e.start_char, e.end_char, e.label_, NER_SCORE) for e in doc.ents]
        group = doc.spans.get(SPANS_KEY)
        if group is not None:
            scores = group.attrs.get("scores")
            for i, s in enumerate(group):
                score = float(scores[i].max()) if scores is not None and len(scores) > i else NER_SCORE
                found.append((s.start_char, s.end_char, s.label_, round(score, 4)))
        return [Span(start=s, end=e, label=label, text=text[s:e], origin="suggested", state="pending", score=score)
                for s, e, label, score in sorted(found) if text[s:e].strip() == text[s:e] and e > s]

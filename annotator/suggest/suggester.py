"""The suggester: every rule, plus what the annotator taught it, resolved into non-overlapping pending spans."""
from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from annotator.core.model import Span
from annotator.suggest.amount import find_amounts
from annotator.suggest.commitment import find_commitments
from annotator.suggest.lexicon import alternation
from annotator.suggest.person import find_people
from annotator.suggest.region import find_regions
from annotator.suggest.overlaps import Candidate, take_non_overlapping

ENTITY_RULES = ("REGION", "AMOUNT", "PERSON")
LEARNED_SCORE = 0.75
REJECTIONS_TO_FORGET = 2


@dataclass
class Memory:
    """What the annotators of a project taught: strings accepted as a label, and strings rejected."""

    accepted: dict[str, set[str]] = field(default_factory=dict)  # label -> strings
    rejected: Counter = field(default_factory=Counter)  # (label, text) -> times rejected

    def learn(self, label: str, text: str, state: str, count: int = 1) -> None:
        if state == "accepted":
            self.accepted.setdefault(label, set()).add(text)
        elif state == "rejected":
            self.rejected[(label, text)] += count

    def refused(self, label: str, text: str) -> bool:
        return self.rejected[(label, text)] >= REJECTIONS_TO_FORGET


class Suggester:
    """Suggest spans for a text. Deterministic and offline; data loads on first use."""

    def __init__(self, memory: Memory | None = None, clause_labels: tuple[str, ...] = ("COMMITMENT",)):
        self.memory = memory or Memory()
        self.clause_labels = clause_labels
        self._learned: dict[str, re.Pattern] = {}

    def suggest(self, text: str) -> list[Span]:
        entities = find_regions(text) + find_amounts(text) + find_people(text) + self._learned_spans(text)
        entities = [c for c in entities if not self.memory.refused(c[2], text[c[0]:c[1]])]
        chosen = take_non_overlapping([c for c in entities if c[2] in ENTITY_RULES])
        for label in {c[2] for c in entities} - set(ENTITY_RULES):
            chosen += take_non_overlapping([c for c in entities if c[2] == label])
        clauses = [c for c in find_commitments(text) if not self.memory.refused(c[2], text[c[0]:c[1]])]
        chosen += clauses
        return [Span(start=s, end=e, label=label, text=text[s:e], origin="suggested", state="pending",
                     score=score) for s, e, label, score in sorted(chosen)]

    def copy(self) -> "Suggester":
        """The same suggester with its own memory (for another thread, while this one keeps learning)."""
        return Suggester(copy.deepcopy(self.memory), self.clause_labels)

    def learn(self, label: str, text: str, state: str) -> None:
        """An annotator accepted or rejected `text` as `label`: what is suggested from now on follows."""
        self.memory.learn(label, text, state)
        self._learned.pop(label, None)

    def _learned_spans(self, text: str) -> list[Candidate]:
        out: list[Candidate] = []
        for label, strings in self.memory.accepted.items():
            if label in self.clause_labels or not strings:
                continue
            pattern = self._learned.get(label)
            if pattern is None:
                pattern = self._learned[label] = re.compile(alternation(strings))
            out.extend((m.start(), m.end(), label, LEARNED_SCORE) for m in pattern.finditer(text))
        return out

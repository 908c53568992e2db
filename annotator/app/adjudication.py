"""Adjudication: a curator settles a document that two or more people annotated.

The curator is an annotator of its own (named by the project setting `curator`), so its decisions are spans
like anyone's: undoable (one step each), in the event log, exported with `--annotator curator`.

- The annotators of a document: those who decided something there (an accepted or rejected span), the curator
  aside. Their accepted spans are compared.
- Agreed: a span every annotator marked with the same start, end and label. `start` gives them all to the
  curator at once.
- A disagreement: the other spans of one label that overlap one another (transitively), in text order, with
  what each annotator marked there (maybe nothing).
- A decision writes the curator's version of a disagreement: one annotator's spans, both (everyone's spans;
  where two overlap, the longer is kept, as the curator's spans of a label may not overlap), or neither. The
  versions not chosen are written as the curator's rejected spans, so that a disagreement is decided once the
  curator holds any span in it, "neither" included.
"""
from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.model import STATES, Span
from annotator.core.spans import one_layer
from annotator.store import events
from annotator.store.events import Change
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings

BOTH = "both"
NEITHER = "neither"


@dataclass(frozen=True)
class Disagreement:
    """Overlapping spans of one label the annotators do not all mark alike: [start, end) covers them all;
    `marks` holds every annotator of the document with their spans here (maybe none)."""

    document_id: int
    label: str
    start: int
    end: int
    marks: dict[str, tuple[Span, ...]]

    def chosen(self, choice: str) -> list[Span]:
        """The spans a choice keeps: an annotator's, BOTH (everyone's, one layer), or NEITHER."""
        if choice == NEITHER:
            return []
        if choice == BOTH:
            return one_layer(list(_distinct(s for spans in self.marks.values() for s in spans).values()))[0]
        if choice not in self.marks:
            raise AnnotatorError(f"choose one of {', '.join(self.marks)}, {BOTH} or {NEITHER}")
        return list(self.marks[choice])


def _distinct(spans) -> dict[tuple[int, int], Span]:
    """The spans by place, one of each (same label throughout)."""
    out: dict[tuple[int, int], Span] = {}
    for s in spans:
        out.setdefault((s.start, s.end), s)
    return out


@dataclass(frozen=True)
class State:
    """A document as adjudication sees it: its annotators, what they agree on, where they differ, and the
    curator's spans so far (any state)."""

    annotators: list[str]
    agreed: list[tuple[int, int, str]]
    disagreements: list[Disagreement]
    curator: list[Span]

    def decided(self, d: Disagreement) -> bool:
        return any(s.label == d.label and s.start < d.end and d.start < s.end for s in self.curator)

    def progress(self) -> tuple[int, int]:
        """(decided, total) disagreements."""
        return sum(map(self.decided, self.disagreements)), len(self.disagreements)

    def done(self) -> bool:
        """Adjudicated: annotated by two or more, every agreed span the curator's, every disagreement decided."""
        held = {(s.start, s.end, s.label) for s in self.curator if s.state == "accepted"}
        return len(self.annotators) >= 2 and held >= set(self.agreed) and all(map(self.decided, self.disagreements))


class Adjudication:
    """The curator's work on a project's documents; each write is one undoable step of the curator."""

    def __init__(self, project: Project):
        self.project = project
        self.curator = ProjectSettings(project).curator

    def state(self, doc_id: int) -> State:
        spans = self.project.spans(doc_id, STATES)
        annotators = sorted({s.annotator for s in spans if s.state != "pending" and s.annotator != self.curator})
        marked = [s for s in spans if s.state == "accepted" and s.annotator in annotators]
        who: dict[tuple[int, int, str], set[str]] = {}
        for s in marked:
            who.setdefault((s.start, s.end, s.label), set()).add(s.annotator)
        agreed = [k for k, names in who.items() if len(names) == len(annotators)] if len(annotators) >= 2 else []
        settled = set(agreed)
        rest = sorted((s for s in marked if (s.start, s.end, s.label) not in settled),
                      key=lambda s: (s.label, s.start, s.end))
        groups: list[list[Span]] = []
        for s in rest:
            if groups and groups[-1][0].label == s.label and s.start < max(g.end for g in groups[-1]):
                groups[-1].append(s)
            else:
                groups.append([s])
        disagreements = sorted((Disagreement(doc_id, g[0].label, g[0].start, max(s.end for s in g),
                                             {a: tuple(s for s in g if s.annotator == a) for a in annotators})
                                for g in groups), key=lambda d: (d.start, d.end, d.label))
        return State(annotators, sorted(agreed), disagreements, [s for s in spans if s.annotator == self.curator])

    def start(self, doc_id: int) -> list[Span]:
        """Give the curator every span all the annotators agree on (those it lacks), as one step; returns them.
        Refused for a document fewer than two people annotated."""
        state = self.state(doc_id)
        if len(state.annotators) < 2:
            raise AnnotatorError(f"document {doc_id} was annotated by {len(state.annotators)} annotator(s); "
                                 "adjudication needs two or more (merge their projects first)")
        held = {(s.start, s.end, s.label) for s in state.curator if s.state == "accepted"}
        text = self.project.text(doc_id)
        new = [self._span(doc_id, text, start, end, label, "accepted")
               for start, end, label in state.agreed if (start, end, label) not in held]
        return self.project.change_spans([], new, self.curator, events.ADJUDICATE) if new else []

    def decide(self, d: Disagreement, choice: str) -> list[Span]:
        """Write the curator's version of a disagreement (replacing an earlier decision), one step: the chosen
        spans accepted, the other versions rejected. Returns what was written."""
        kept = d.chosen(choice)
        text = self.project.text(d.document_id)
        places = {(s.start, s.end) for s in kept}
        others = [s for place, s in _distinct(s for spans in d.marks.values() for s in spans).items()
                  if place not in places]
        after = [self._span(d.document_id, text, s.start, s.end, d.label, state)
                 for spans, state in ((kept, "accepted"), (others, "rejected")) for s in spans]
        before = [s for s in self.state(d.document_id).curator
                  if s.label == d.label and s.start < d.end and d.start < s.end]
        return self.project.change_spans(before, after, self.curator, events.ADJUDICATE)

    def undo(self) -> Change | None:
        """Take back the curator's last step."""
        return self.project.undo(self.curator)

    def _span(self, doc_id: int, text: str, start: int, end: int, label: str, state: str) -> Span:
        return Span(start, end, label, text[start:end], document_id=doc_id, annotator=self.curator, state=state)


def next_undecided(state: State, after: Disagreement | None = None) -> Disagreement | None:
    """The first undecided disagreement after `after` (in text order, round to the start)."""
    order = state.disagreements
    i = order.index(after) + 1 if after in order else 0
    return next((d for d in order[i:] + order[:i] if not state.decided(d)), None)

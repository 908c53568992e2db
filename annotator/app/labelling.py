"""What an annotator does to a project's documents, with the rules the window and the command line share:
suggestions on a first opening, the first edit starting a document, accepting and rejecting suggestions,
marking a document done (never with undecided suggestions), the next document and the next suggestion."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.model import Relation, Span
from annotator.core.text import sentences_around
from annotator.store import events
from annotator.store.events import Change
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings
from annotator.suggest.documents import (suggest_document, suggest_document_relations, suggest_occurrences,
                                         suggester_for)

PENDING_CHOICES = ("refuse", "accept", "reject")  # what marking a document done does with its suggestions
INLINE_CHARS = 20_000  # a first opening up to this long is suggested at once (under 50 ms); longer, aside


class PendingSuggestions(AnnotatorError):
    """A document would be marked done while it still has undecided suggestions."""

    def __init__(self, doc_id: int, count: int):
        super().__init__(f"document {doc_id} still has {count} undecided suggestion(s): accept or reject them "
                         "first (or mark it done accepting or rejecting the rest)")
        self.doc_id = doc_id
        self.count = count


@dataclass(frozen=True)
class RelationRow:
    """A relation as the relation panel lists it: its two spans and the sentence holding them
    (`sentence` its bounds, code points, end exclusive)."""

    relation: Relation
    head: Span
    tail: Span
    sentence: tuple[int, int]
    sentence_text: str


def suggestions_due(project: Project, doc_id: int) -> bool:
    """Whether a document opened now gets its first suggestions: suggestions on, none made, no span yet."""
    return ProjectSettings(project).suggestions and not project.has_event(doc_id, events.SUGGEST) \
        and not project.has_spans(doc_id)


def first_suggestions(project: Project, doc_id: int, suggester) -> list[Span]:
    """The first suggestions of a long document, made aside (on the caller's own connection); none if they
    were made meanwhile. Spots an annotator labelled in the meantime are left alone."""
    return suggest_document(project, doc_id, suggester) if not project.has_event(doc_id, events.SUGGEST) else []


class Labelling:
    """One annotator's work on a project. Each method commits before it returns, and returns the spans
    it wrote, so that a view redraws just those."""

    def __init__(self, project: Project, annotator: str):
        self.project = project
        self.annotator = annotator
        self._suggester = None

    @property
    def suggestions_on(self) -> bool:
        return ProjectSettings(self.project).suggestions

    def suggester(self):
        """The project's suggester, built once and again after spans changed (what it learns from)."""
        if self._suggester is None:
            from annotator.app.training import with_model  # the export and spaCy side, only once needed
            self._suggester = with_model(self.project, suggester_for(self.project))
        return self._suggester

    # -- documents -------------------------------------------------------

    def open(self, doc_id: int) -> list[Span] | None:
        """A document is opened: on its first opening it gets suggestions (when they are on). Returns those
        made; None when the document is too long to wait for them: `first_suggestions` makes them on
        another connection (another thread) while the text is already shown."""
        if not suggestions_due(self.project, doc_id):
            return []
        if len(self.project.text(doc_id)) > INLINE_CHARS:
            return None
        return suggest_document(self.project, doc_id, self.suggester())

    def mark_done(self, doc_id: int, pending: str = "refuse") -> list[Span]:
        """Mark a document done. Its undecided suggestions are refused (PendingSuggestions), or first
        accepted or rejected, as `pending` says; returns the spans that were decided."""
        if pending not in PENDING_CHOICES:
            raise AnnotatorError(f"pending suggestions: use one of {', '.join(PENDING_CHOICES)}")
        waiting = [s.id for s in self.project.spans(doc_id, states=("pending",))]
        waiting_relations = [r.id for r in self.project.relations(doc_id, states=("pending",))]
        decided: list[Span] = []
        if (waiting or waiting_relations) and pending == "refuse":
            raise PendingSuggestions(doc_id, len(waiting) + len(waiting_relations))
        state = "accepted" if pending == "accept" else "rejected"
        if waiting:
            decided = self.project.update_spans(waiting, state=state, annotator=self.annotator)
            self._learn(decided)
        if waiting_relations:  # after the spans: a relation on a rejected span is no longer listed
            self.project.update_relations([r.id for r in self.project.relations(doc_id, states=("pending",))],
                                          state=state, annotator=self.annotator)
        self.project.set_status(doc_id, "done", self.annotator)
        return decided

    def set_status(self, doc_id: int, status: str, pending: str = "refuse") -> list[Span]:
        """Set a document's status; done goes through `mark_done` and its rule on suggestions."""
        if status == "done":
            return self.mark_done(doc_id, pending)
        self.project.set_status(doc_id, status, self.annotator)
        return []

    def next_unfinished(self, order: list[int], current: int | None) -> int | None:
        """The next document after `current`, in `order` and round to the start, that is not done."""
        start = order.index(current) + 1 if current in order else 0
        return next((d for d in order[start:] + order[:start] if self.project.status(d) != "done"), None)

    @staticmethod
    def next_suggestion(spans: list[Span], after: Span | None) -> Span | None:
        """The suggestion to select after `after` was decided: the next one on, else the first."""
        pending = [s for s in spans if s.state == "pending" and (after is None or s.id != after.id)]
        following = [s for s in pending if after is None or s.start >= after.start]
        return (following or pending or [None])[0]

    # -- spans -----------------------------------------------------------

    def label(self, doc_id: int, start: int, end: int, label: str, occurrences: bool = True) -> list[Span]:
        """Label [start, end). Exactly a suggestion: it is accepted (under `label`). Over suggestions of the
        same label: the new span replaces them (they are rejected), in one undoable step. Then, unless the
        caller does it later (`occurrences` False: `suggest_occurrences`), the string is suggested where
        else it occurs. Returns the span first, then the others it changed or suggested."""
        near = self.project.spans_in(doc_id, start, end)
        exact = next((s for s in near if s.state == "pending" and (s.start, s.end) == (start, end)), None)
        if exact is not None:
            return [self.decide(exact.id, "accepted") if exact.label == label else self.relabel(exact.id, label)]
        if any(s.state == "pending" and s.label == label for s in near):
            written = self.project.replace_pending(doc_id, start, end, label, self.annotator)
        else:
            written = [self.project.add_span(doc_id, start, end, label, annotator=self.annotator)]
        self._edited(doc_id, written)
        return [*written, *(self.suggest_occurrences(written[0]) if occurrences else [])]

    def suggest_occurrences(self, span: Span) -> list[Span]:
        """Suggest a newly labelled string where else it occurs in its document (when suggestions are on and
        the span is still as it was labelled: it may have been undone or changed since)."""
        now = self.project.spans_by_id([span.id], ("accepted",))
        if not self.suggestions_on or [(s.start, s.end, s.label) for s in now] != [(span.start, span.end, span.label)]:
            return []
        return suggest_occurrences(self.project, span)

    def relabel(self, span_id: int, label: str) -> Span:
        """The annotator gives a span another label: it becomes theirs, accepted, no longer a suggestion."""
        return self._edit(self.project.update_span(span_id, label=label, state="accepted", origin="manual",
                                                   score=None, annotator=self.annotator))

    def resize(self, span_id: int, start: int, end: int) -> Span:
        """Move a span's edges (one undoable step); it becomes the annotator's, accepted."""
        return self._edit(self.project.update_span(span_id, start=start, end=end, state="accepted",
                                                   annotator=self.annotator))

    def decide(self, span_id: int, state: str) -> Span:
        """Accept or reject a suggestion."""
        return self._edit(self.project.update_span(span_id, state=state, annotator=self.annotator), learn=True)

    def accept_all(self, doc_id: int) -> list[Span]:
        """Accept every suggestion of the document, as one undoable step."""
        waiting = [s.id for s in self.project.spans(doc_id, states=("pending",))]
        spans = self.project.update_spans(waiting, state="accepted", annotator=self.annotator) if waiting else []
        if spans:
            self._edited(doc_id, spans)
        return spans

    def delete(self, span_id: int) -> Span:
        return self._edit(self.project.delete_span(span_id, self.annotator))

    def review(self, state: str, doc_ids: Iterable[int] | None = None, label: str | None = None,
               min_score: float | None = None) -> int:
        """Accept or reject pending suggestions in bulk (the command line's accept and reject): those of
        `doc_ids` (else every document), of `label`, scored at least `min_score`. One undoable step per
        document; returns how many were decided."""
        decided = 0
        for doc_id in (list(doc_ids) if doc_ids is not None else self.project.document_ids()):
            chosen = [s.id for s in self.project.spans(doc_id, states=("pending",))
                      if (label is None or s.label == label)
                      and (min_score is None or (s.score is not None and s.score >= min_score))]
            if chosen:
                spans = self.project.update_spans(chosen, state=state, annotator=self.annotator)
                decided += len(spans)
                self._edited(doc_id, spans)
        return decided

    # -- relations -------------------------------------------------------

    def relate(self, head_id: int, tail_id: int, type_name: str) -> Relation:
        """Join two spans of a document (R, the other span, the type's hotkey): a pending suggestion of the
        same relation is accepted, any other relation is added; one undoable step. RelationError (one line)
        if the spans are of two documents or the type does not allow their labels."""
        same = next((r for r in self.project.relations(self.project.span(head_id).document_id, ("pending",))
                     if (r.head_id, r.tail_id, r.type) == (head_id, tail_id, type_name)), None)
        if same is not None:
            return self.decide_relations([same.id], "accepted")[0]
        relation = self.project.add_relation(head_id, tail_id, type_name, annotator=self.annotator)
        self._edited(relation.document_id, [])
        return relation

    def relabel_relation(self, relation_id: int, type_name: str) -> Relation:
        """Give a relation another type: it becomes the annotator's, accepted."""
        [relation] = self.project.update_relations([relation_id], type=type_name, state="accepted", origin="manual",
                                                   score=None, annotator=self.annotator)
        self._edited(relation.document_id, [])
        return relation

    def decide_relations(self, relation_ids: list[int], state: str) -> list[Relation]:
        """Accept or reject suggested relations of one document (Enter / X on the selected one), one step."""
        relations = self.project.update_relations(relation_ids, state=state, annotator=self.annotator)
        if relations:
            self._edited(relations[0].document_id, [])
        return relations

    def accept_all_relations(self, doc_id: int) -> list[Relation]:
        """Accept every suggested relation of the document, as one undoable step."""
        return self.decide_relations([r.id for r in self.project.relations(doc_id, ("pending",))], "accepted")

    def remove_relation(self, relation_id: int) -> Relation:
        relation = self.project.delete_relation(relation_id, self.annotator)
        self._edited(relation.document_id, [])
        return relation

    def suggest_relations(self, doc_id: int) -> list[Relation]:
        """Suggested (pending) relations between the document's spans: the rules and the learned pairs."""
        return suggest_document_relations(self.project, doc_id)

    def relation_rows(self, doc_id: int, states: Iterable[str] = ("accepted", "pending"),
                      spans: dict[int, Span] | None = None) -> list[RelationRow]:
        """The document's relations in text order (of the head, then the tail), each with its spans and the
        sentence (or sentences) holding them. `spans`: the document's live spans by id if the caller has them."""
        text = self.project.text(doc_id)
        if spans is None:
            spans = {s.id: s for s in self.project.spans(doc_id)}
        rows = []
        for r in self.project.relations(doc_id, states):
            head, tail = spans[r.head_id], spans[r.tail_id]
            start, end = sentences_around(text, min(head.start, tail.start), max(head.end, tail.end))
            rows.append(RelationRow(r, head, tail, (start, end), text[start:end]))
        return sorted(rows, key=lambda row: (row.head.start, row.tail.start, row.relation.type))

    def undo(self) -> Change | None:
        change = self.project.undo(self.annotator)
        self._suggester = None
        return change

    def redo(self) -> Change | None:
        change = self.project.redo(self.annotator)
        self._suggester = None
        return change

    def forget_suggester(self) -> None:
        """Build the suggester again when next needed (a model was trained)."""
        self._suggester = None

    def _edit(self, span: Span, learn: bool = False) -> Span:
        self._edited(span.document_id, [span] if learn else None)
        return span

    def _edited(self, doc_id: int, learned: list[Span] | None = None) -> None:
        """The first edit of a document starts it (todo -> in progress, not an undoable step). What the
        suggester learns from follows: the `learned` decisions are taught to it in place; any other change
        (a relabel, a resize, a deletion) has it built again from the project when next needed."""
        if self.project.status(doc_id) == "todo":
            self.project.set_status(doc_id, "in_progress", self.annotator, undoable=False)
        if learned is None:
            self._suggester = None
        else:
            self._learn(learned)

    def _learn(self, spans: list[Span]) -> None:
        if self._suggester is not None:
            for s in spans:
                self._suggester.learn(s.label, s.text, s.state)

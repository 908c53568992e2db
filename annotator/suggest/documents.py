"""Suggestions in a project: pending spans for a document or the whole project, learned from its spans."""
from __future__ import annotations

from collections.abc import Callable

from annotator.core.model import Relation, Span
from annotator.core.spans import owner
from annotator.store import events
from annotator.store.project import Project
from annotator.suggest.relations import suggest_relations
from annotator.suggest.suggester import LEARNED_SCORE, Memory, Suggester


def memory_of(project: Project) -> Memory:
    memory = Memory()
    for label, text, state, count in project.span_texts():
        memory.learn(label, text, state, count)
    return memory


def suggester_for(project: Project) -> Suggester:
    clause = tuple(l.name for l in project.labels() if l.kind == "clause")
    return Suggester(memory_of(project), clause_labels=clause)


def suggest_document(project: Project, doc_id: int, suggester=None) -> list[Span]:
    """Add suggestions to a document where it has no span of the same label and the spot was not rejected,
    then relations between its spans; returns the spans added."""
    suggester = suggester or suggester_for(project)
    added = project.add_spans(doc_id, _new(project, doc_id, suggester.suggest(project.text(doc_id))),
                              action=events.SUGGEST, skip_clashes=True)
    suggest_document_relations(project, doc_id)
    return added


def _new(project: Project, doc_id: int, spans: list[Span]) -> list[Span]:
    """The suggestions that touch no span of their label and no spot rejected for it."""
    labels = set(project.label_names())
    rejected = project.rejected_spots(doc_id)
    live = project.live_ranges(doc_id).copy()  # a copy: the new ones go in too
    new = []
    for s in spans:
        if s.label in labels and (s.start, s.end, s.label) not in rejected \
                and not live.overlaps(s.label, s.start, s.end, owner(s.annotator, s.state)):
            live.add(s)
            new.append(s)
    return new


def suggest_project(project: Project, progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, suggester=None) -> int:
    """Suggestions for every document not done (by the rules, or `suggester`: anything with a
    `suggest(text) -> list[Span]`, a trained model); returns how many spans were added."""
    suggester = suggester or suggester_for(project)
    ids = [i for i in project.document_ids() if project.status(i) != "done"]
    added = 0
    for n, doc_id in enumerate(ids, 1):
        if cancelled and cancelled():
            break
        added += len(suggest_document(project, doc_id, suggester))
        if progress:
            progress(n, len(ids))
    return added


def suggest_occurrences(project: Project, span: Span) -> list[Span]:
    """After an annotator labels a string, suggest its other occurrences in the same document."""
    if any(l.name == span.label and l.kind == "clause" for l in project.labels()):
        return []
    text = project.text(span.document_id)
    spots = []
    i = text.find(span.text)
    while i >= 0:
        spots.append(Span(start=i, end=i + len(span.text), label=span.label, text=span.text,
                          origin="suggested", state="pending", score=LEARNED_SCORE))
        i = text.find(span.text, i + len(span.text))
    new = _new(project, span.document_id, spots)
    return project.add_spans(span.document_id, new, action=events.SUGGEST, skip_clashes=True) if new else []


def learned_pairs(project: Project) -> set[tuple[str, str]]:
    """(aiding, aided) region strings accepted as SUPPORTS somewhere in the project, and never rejected."""
    said = {(state, head, tail) for kind, head, tail, state in project.relation_texts() if kind == "SUPPORTS"}
    return {(h, t) for state, h, t in said if state == "accepted" and ("rejected", h, t) not in said}


def suggest_document_relations(project: Project, doc_id: int) -> list[Relation]:
    """Pending relations between the document's spans (accepted and pending) where the rules or a learned pair
    find them, of the project's relation types that allow their labels; none made where one was decided."""
    spans = project.spans(doc_id)
    labels = {s.id: s.label for s in spans}
    types = {t.name: t for t in project.relation_types()}
    found = [r for r in suggest_relations(project.text(doc_id), spans, learned_pairs(project))
             if r.type in types and types[r.type].allows(labels[r.head_id], labels[r.tail_id])]
    return project.add_relations(found, action=events.SUGGEST_RELATIONS) if found else []

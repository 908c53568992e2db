"""spaCy training data: train.spacy and dev.spacy (DocBins as spacy.blank("zh") tokenizes, written without
spaCy by docbin.py), a config.cfg sized from the data and a README (spacy_config.py).

Entity labels go in doc.ents (one layer: of overlapping entities the longest is kept, the others listed);
clause labels go in doc.spans["sc"], entities not repeated there. No span is trimmed or widened: one that
cannot be written as it is, is listed in the README and the summary. Relations go where spaCy's
relation-extraction tutorial (projects/tutorials/rel_component) reads them, `doc._.rel`:
{(head's first token, tail's first token): {TYPE: 1.0}}, kept in user_data under the extension's key.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.spans import one_layer
from annotator.export.docbin import DocBin, Tokens
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected, selected_relations
from annotator.export.split import split
from annotator.export.spacy_config import MIN_TRAIN_DOCS, SPANS_KEY, Corpus, config_text, readme_text, too_few_line
from annotator.store.project import Project

REL_KEY = ("._.", "rel", None, None)  # where doc._.rel lives in user_data, once Doc.set_extension("rel", default={})

@dataclass
class Filled:
    """What went into the DocBins, and what could not."""
    spans: int = 0
    relations: int = 0
    longest_clause: int = 0
    characters: int = 0
    left_out: list[str] = field(default_factory=list)  # "document<TAB>label<TAB>start<TAB>end<TAB>text<TAB>why"

    def leave_out(self, doc: Document, s: Span, why: str) -> None:
        self.left_out.append(f"{doc.name}\t{s.label}\t{s.start}\t{s.end}\t{s.text}\t{why}")


def _fill(project: Project, sel: Selection, clause_labels: set[str], dev_ids: set[int],
          bins: dict[str, DocBin]) -> Filled:
    """Add each chosen document to its DocBin: entities to doc.ents (one layer), clause labels to doc.spans,
    the relations between its spans to doc._.rel. One document at a time: nothing of the corpus is kept.

    A span is written as it is or not at all: one that does not fall on token edges (it starts or ends
    inside a whitespace run) or that overlaps a longer entity is listed in the result, never altered.
    """
    filled = Filled()
    for doc, spans in selected(project, sel):
        tokens = Tokens.of(doc.text)
        kept, overlapping = one_layer([s for s in spans if s.label not in clause_labels])
        for s in overlapping:
            filled.leave_out(doc, s, "overlaps a longer entity (doc.ents holds one layer)")
        ents, clauses = [], []
        first_token: dict[int, int] = {}  # span id -> its first token, for the spans written
        for s in sorted(kept + [s for s in spans if s.label in clause_labels], key=lambda s: (s.start, s.end)):
            edges = tokens.span(s.start, s.end)
            if edges is None:
                filled.leave_out(doc, s, "does not start and end on token edges (whitespace)")
                continue
            if s.label in clause_labels:
                clauses.append((s.start, s.end, s.label))
                filled.longest_clause = max(filled.longest_clause, edges[1] - edges[0])
            elif tokens.is_space(edges[0]) or tokens.is_space(edges[1] - 1):
                filled.leave_out(doc, s, "begins or ends with whitespace, which spaCy's ner cannot learn")
                continue
            else:
                ents.append((s.start, s.end, s.label))
            first_token[s.id] = edges[0]
            filled.spans += 1
        rels: dict[tuple[int, int], dict[str, float]] = {}
        for r, head, tail in selected_relations(project, doc, spans, sel):
            if spans[head].id in first_token and spans[tail].id in first_token:
                rels.setdefault((first_token[spans[head].id], first_token[spans[tail].id]), {})[r.type] = 1.0
                filled.relations += 1
        bins["dev" if doc.id in dev_ids else "train"].add(
            tokens, ents, {SPANS_KEY: clauses}, {"meta": {"id": doc.id, "name": doc.name, **doc.meta}, REL_KEY: rels})
        filled.characters += len(doc.text)
    return filled


FILES = ("train.spacy", "dev.spacy", "config.cfg", "README.md")  # what the export folder holds


def export_spacy(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    """Write the training folder `out`."""
    out = absolute(out)
    target = ExportTarget(project, "spacy", out, names=FILES)
    labels = project.labels()
    clause_labels = {l.name for l in labels if l.kind == "clause"}
    # A first reading for the split (stratified by each document's labels), then one writing the documents.
    label_sets = {d.id: frozenset(s.label for s in spans) for d, spans in selected(project, replace(sel, progress=None))}
    train_ids, dev_ids = split(label_sets)
    used = set().union(*label_sets.values())
    bins = {name: DocBin() for name in ("train", "dev")}
    try:
        filled = _fill(project, sel, clause_labels, dev_ids, bins)
        corpus = Corpus(train=len(train_ids), dev=len(dev_ids),
                        entity_labels=tuple(l.name for l in labels if l.name in used and l.name not in clause_labels),
                        clause_labels=tuple(l.name for l in labels if l.name in used and l.name in clause_labels),
                        longest_clause=filled.longest_clause, characters=filled.characters)
        with target.writing() as stage:
            for name, docbin in bins.items():
                with open(stage(out / f"{name}.spacy"), "wb") as f:
                    docbin.write(f)
            stage(out / "config.cfg").write_text(config_text(corpus), encoding="utf-8")
            stage(out / "README.md").write_text(readme_text(corpus, filled.left_out), encoding="utf-8")
    finally:
        for docbin in bins.values():
            docbin.close()
    warnings = [f"{len(filled.left_out)} span(s) could not be written as they are: listed in {out / 'README.md'}"
                ] if filled.left_out else []
    if corpus.train < MIN_TRAIN_DOCS:
        warnings.append(too_few_line(corpus.train))
    return {"documents": len(label_sets), "spans": filled.spans, "relations": filled.relations, "path": str(out),
            "warnings": warnings}

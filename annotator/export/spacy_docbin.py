"""spaCy training data: train.spacy and dev.spacy (DocBin on spacy.blank("zh")), a ready config.cfg, a README.

Entity labels go in doc.ents (one layer: of overlapping entities the longest is kept, the others listed);
clause labels go in doc.spans["sc"], entities not repeated there. No span is trimmed or widened: one that
cannot be written as it is, is listed in the README and the summary. spacy_config.py sizes the config.
Relations go where spaCy's relation-extraction tutorial (projects/tutorials/rel_component) reads them,
`doc._.rel`: {(head's first token, tail's first token): {TYPE: 1.0}}, kept in user_data under the extension's key.
"""
from __future__ import annotations

import re
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.spans import one_layer
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected, selected_relations
from annotator.export.split import split
from annotator.export.spacy_config import MIN_TRAIN_DOCS, SPANS_KEY, Corpus, config_text, readme_text, too_few_line
from annotator.store.project import Project

WHITESPACE_RUN = re.compile(r"(\s+)")
# What training reads of a token; spaCy's default stores every attribute, four times the data to write.
DOC_ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE")
REL_KEY = ("._.", "rel", None, None)  # where doc._.rel lives in user_data, once Doc.set_extension("rel", default={})
@contextmanager
def _msgpack_plugins_looked_up_once():
    """srsly looks up its msgpack plug-ins (installed packages' entry points and the whole function registry)
    on every call, three calls a document: a third of the export's time. They cannot change during an
    export, so they are looked up once and the answer kept until the export ends."""
    from srsly.msgpack import msgpack_decoders, msgpack_encoders

    registries = (msgpack_encoders, msgpack_decoders)
    for r in registries:
        found = r.get_all()
        r.get_all = lambda found=found: found
    try:
        yield
    finally:
        for r in registries:
            del r.get_all  # the class's method again


def _doc_bin_class():
    """DocBin with a faster `add` for our documents, which carry text, entities and span groups only.

    spaCy's DocBin.add (3.8, spacy/tokens/_serialize.py) adds nine strings per token in a Python loop,
    most of the export's time. This `add` stores the same arrays and collects the same strings from the
    unique attribute values of the document; tests load both kinds of DocBin and compare them.
    `to_bytes` compresses faster.
    """
    import numpy
    import srsly
    from spacy.attrs import ENT_TYPE, ORTH, SPACY
    from spacy.tokens import DocBin

    class TrainingDocBin(DocBin):
        def add(self, doc) -> None:
            if any(t.tag or t.lemma or t.dep or t.morph or t.ent_kb_id or t.ent_id for t in doc[:1]):
                return super().add(doc)  # not a document of ours: spaCy's own way
            array = doc.to_array(self.attrs)
            self.tokens.append(array.reshape((array.shape[0], 1)) if len(array.shape) == 1 else array)
            spaces = doc.to_array(SPACY)
            self.spaces.append(numpy.asarray(spaces.reshape((spaces.shape[0], 1)), dtype=bool))
            self.flags.append({"has_unknown_spaces": doc.has_unknown_spaces})
            strings = doc.vocab.strings
            hashes = numpy.unique(array[:, [self.attrs.index(a) for a in (ORTH, ENT_TYPE) if a in self.attrs]])
            self.strings.update(strings[int(h)] for h in hashes if h)
            self.strings.update(("", str(doc[0].morph) if len(doc) else ""))
            self.cats.append(doc.cats)
            if self.store_user_data:
                self.user_data.append(srsly.msgpack_dumps(doc.user_data))
            self.span_groups.append(doc.spans.to_bytes())
            self.strings.update(span.label_ for group in doc.spans.values() for span in group)

        def to_bytes(self) -> bytes:
            """As DocBin.to_bytes, compressed at zlib level 1 instead of 6: the same format, written in a
            fifth of the time, for files a little larger."""
            lengths = [len(tokens) for tokens in self.tokens]
            tokens = numpy.vstack(self.tokens) if self.tokens else numpy.asarray([])
            spaces = numpy.vstack(self.spaces) if self.spaces else numpy.asarray([])
            msg = {"version": self.version, "attrs": self.attrs, "tokens": tokens.tobytes("C"),
                   "spaces": spaces.tobytes("C"), "lengths": numpy.asarray(lengths, dtype="int32").tobytes("C"),
                   "strings": sorted(self.strings), "cats": self.cats, "flags": self.flags,
                   "span_groups": self.span_groups}
            if self.store_user_data:
                msg["user_data"] = self.user_data
            return zlib.compress(srsly.msgpack_dumps(msg), 1)

    return TrainingDocBin


def char_words(text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces spacy.blank("zh") (character segmenter) makes of `text`, in linear time.

    Every non-space character is a word; one " " after a word is its trailing space; any other whitespace
    run is a word of its own. spaCy's own way (util.get_words_and_spaces) slices the rest of the text for
    every character, which is quadratic: minutes for a 200,000-character report. A test checks both agree.
    """
    words: list[str] = []
    spaces: list[bool] = []
    for i, part in enumerate(WHITESPACE_RUN.split(text)):
        if i % 2 == 0:  # characters
            words.extend(part)
            spaces.extend([False] * len(part))
            continue
        if part[0] == " " and words:
            spaces[-1] = True
            part = part[1:]
        if part:
            words.append(part)
            spaces.append(False)
    return words, spaces


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


def _fill(nlp, chosen, related: dict, clause_labels: set[str], dev_ids: set[int], bins: dict) -> Filled:
    """Add each document to its DocBin: entities to doc.ents (one layer), clause labels to doc.spans, the
    relations (`related`: by document id) between spans written to doc._.rel.

    A span is written as it is or not at all: one that does not fall on token edges (it starts or ends
    inside a whitespace run) or that overlaps a longer entity is listed in the result, never altered.
    """
    from spacy.tokens import Doc

    filled = Filled()
    for doc, spans in chosen:
        sdoc = Doc(nlp.vocab, *char_words(doc.text))
        kept, overlapping = one_layer([s for s in spans if s.label not in clause_labels])
        for s in overlapping:
            filled.leave_out(doc, s, "overlaps a longer entity (doc.ents holds one layer)")
        ents, clauses = [], []
        first_token: dict[int, int] = {}  # span id -> its first token, for the spans written
        for s in sorted(kept + [s for s in spans if s.label in clause_labels], key=lambda s: (s.start, s.end)):
            span = sdoc.char_span(s.start, s.end, label=s.label)
            if span is None:
                filled.leave_out(doc, s, "does not start and end on token edges (whitespace)")
                continue
            if s.label in clause_labels:
                clauses.append(span)
                filled.longest_clause = max(filled.longest_clause, len(span))
            elif span[0].is_space or span[-1].is_space:
                filled.leave_out(doc, s, "begins or ends with whitespace, which spaCy's ner cannot learn")
                continue
            else:
                ents.append(span)
            first_token[s.id] = span.start
            filled.spans += 1
        sdoc.ents = ents
        sdoc.spans[SPANS_KEY] = clauses
        sdoc.user_data["meta"] = {"id": doc.id, "name": doc.name, **doc.meta}
        rels: dict[tuple[int, int], dict[str, float]] = {}
        for r, head, tail in related[doc.id]:
            if spans[head].id in first_token and spans[tail].id in first_token:
                rels.setdefault((first_token[spans[head].id], first_token[spans[tail].id]), {})[r.type] = 1.0
                filled.relations += 1
        sdoc.user_data[REL_KEY] = rels
        bins["dev" if doc.id in dev_ids else "train"].add(sdoc)
        filled.characters += len(doc.text)
    return filled


FILES = ("train.spacy", "dev.spacy", "config.cfg", "README.md")  # what the export folder holds


def export_spacy(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    """Write the training folder `out`."""
    import spacy

    out = absolute(out)
    target = ExportTarget(project, "spacy", out, names=FILES)
    nlp = spacy.blank("zh")
    labels = project.labels()
    clause_labels = {l.name for l in labels if l.kind == "clause"}
    chosen = list(selected(project, sel))
    related = {doc.id: selected_relations(project, doc, spans, sel) for doc, spans in chosen}
    train_ids, dev_ids = split({d.id: frozenset(s.label for s in spans) for d, spans in chosen})
    doc_bin = _doc_bin_class()
    bins = {name: doc_bin(attrs=DOC_ATTRS, store_user_data=True) for name in ("train", "dev")}
    with _msgpack_plugins_looked_up_once():
        filled = _fill(nlp, chosen, related, clause_labels, dev_ids, bins)
    used = {s.label for _, spans in chosen for s in spans}
    corpus = Corpus(train=len(train_ids), dev=len(dev_ids),
                    entity_labels=tuple(l.name for l in labels if l.name in used and l.name not in clause_labels),
                    clause_labels=tuple(l.name for l in labels if l.name in used and l.name in clause_labels),
                    longest_clause=filled.longest_clause, characters=filled.characters)
    with target.writing() as stage:
        for name, docbin in bins.items():
            docbin.to_disk(stage(out / f"{name}.spacy"))
        stage(out / "config.cfg").write_text(config_text(corpus), encoding="utf-8")
        stage(out / "README.md").write_text(readme_text(corpus, filled.left_out), encoding="utf-8")
    warnings = [f"{len(filled.left_out)} span(s) could not be written as they are: listed in {out / 'README.md'}"
                ] if filled.left_out else []
    if corpus.train < MIN_TRAIN_DOCS:
        warnings.append(too_few_line(corpus))
    return {"documents": len(chosen), "spans": filled.spans, "relations": filled.relations, "path": str(out),
            "warnings": warnings}

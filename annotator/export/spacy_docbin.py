"""spaCy training data: train.spacy and dev.spacy (DocBin on spacy.blank("zh")), a ready config.cfg, a README.

Entity labels go in doc.ents (non-overlapping: nested same-layer spans are
filtered, the longest kept); every span, clause labels and overlaps included,
goes in doc.spans["sc"]. The spancat suggester is sized from the longest span.
"""
from __future__ import annotations

import random
import re
import zlib
from contextlib import contextmanager
from pathlib import Path

from annotator.core.spans import trim
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected
from annotator.store.project import Project

WHITESPACE_RUN = re.compile(r"(\s+)")
# What training reads of a token; spaCy's default stores every attribute, four times the data to write.
DOC_ATTRS = ("ORTH", "ENT_IOB", "ENT_TYPE")
DEV_SHARE = 0.2
SPLIT_SEED = 13
README = """# spaCy training data

Made by the pairing-assistance annotator. `train.spacy` and `dev.spacy` are DocBins
built on `spacy.blank("zh")` (character segmenter). Entity labels ({entities}) are in
`doc.ents`; every span, clause labels ({clauses}) and overlaps included, is in
`doc.spans["sc"]`. Document metadata is in `doc.user_data["meta"]`.

Train:

    python -m spacy train config.cfg --output model --paths.train train.spacy --paths.dev dev.spacy

Check first:

    python -m spacy debug data config.cfg --paths.train train.spacy --paths.dev dev.spacy

{train} training and {dev} dev documents; the longest span is {longest} characters.
"""


def split(docs: dict[int, frozenset[str]]) -> tuple[set[int], set[int]]:
    """A seeded split by document, stratified by the set of labels each document holds: (train ids, dev ids).

    Documents are lined up stratum by stratum (shuffled within each) and every fifth goes to dev,
    so each kind of document is in dev in its share, and a small stratum is not left out.
    """
    rng = random.Random(SPLIT_SEED)
    strata: dict[frozenset[str], list[int]] = {}
    for doc_id in sorted(docs):
        strata.setdefault(docs[doc_id], []).append(doc_id)
    line: list[int] = []
    for key in sorted(strata, key=sorted):
        ids = strata[key]
        rng.shuffle(ids)
        line.extend(ids)
    every = round(1 / DEV_SHARE)
    dev = {doc_id for i, doc_id in enumerate(line) if i % every == every - 1} if len(line) > 1 else set()
    if not dev and len(line) > 1:
        dev.add(line[-1])
    return set(docs) - dev, dev


def training_config(longest: int, entity_labels: bool, span_labels: bool):
    from spacy.cli.init_config import init_config

    pipeline = (["ner"] if entity_labels else []) + (["spancat"] if span_labels else [])
    config = init_config(lang="zh", pipeline=pipeline or ["ner"], optimize="efficiency")
    if "spancat" in pipeline:
        config["components"]["spancat"]["suggester"] = {
            "@misc": "spacy.ngram_range_suggester.v1", "min_size": 1, "max_size": max(longest, 3)}
    config["paths"]["train"] = "train.spacy"
    config["paths"]["dev"] = "dev.spacy"
    return config


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


def _fill(nlp, chosen, kinds: dict[str, str], dev_ids: set[int], bins: dict) -> tuple[int, int]:
    """Add each document to its DocBin; returns (longest span in tokens, spans written)."""
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    longest = n_spans = 0
    for doc, spans in chosen:
        sdoc = Doc(nlp.vocab, *char_words(doc.text))
        ents, group = [], []
        for s in spans:
            start, end = trim(doc.text, s.start, s.end) if kinds.get(s.label) == "entity" else (s.start, s.end)
            span = sdoc.char_span(start, end, label=s.label, alignment_mode="expand")
            if span is None:
                continue
            group.append(span)
            if kinds.get(s.label) == "entity":
                ents.append(span)
            longest = max(longest, len(span))
            n_spans += 1
        sdoc.ents = filter_spans(ents)
        sdoc.spans["sc"] = group
        sdoc.user_data["meta"] = {"id": doc.id, "name": doc.name, **doc.meta}
        bins["dev" if doc.id in dev_ids else "train"].add(sdoc)
    return longest, n_spans


FILES = ("train.spacy", "dev.spacy", "config.cfg", "README.md")  # what the export folder holds


def export_spacy(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    """Write the training folder `out`."""
    import spacy

    out = absolute(out)
    target = ExportTarget(project, "spacy", out, names=FILES)
    nlp = spacy.blank("zh")
    kinds = {l.name: l.kind for l in project.labels()}
    chosen = list(selected(project, sel))
    train_ids, dev_ids = split({d.id: frozenset(s.label for s in spans) for d, spans in chosen})
    doc_bin = _doc_bin_class()
    bins = {name: doc_bin(attrs=DOC_ATTRS, store_user_data=True) for name in ("train", "dev")}
    with _msgpack_plugins_looked_up_once():
        longest, n_spans = _fill(nlp, chosen, kinds, dev_ids, bins)
    has_entities = any(k == "entity" for k in kinds.values())
    has_clauses = any(k == "clause" for k in kinds.values())
    with target.writing() as stage:
        for name, docbin in bins.items():
            docbin.to_disk(stage(out / f"{name}.spacy"))
        training_config(longest, has_entities, has_clauses).to_disk(stage(out / "config.cfg"))
        stage(out / "README.md").write_text(README.format(
            entities=", ".join(k for k, v in kinds.items() if v == "entity"),
            clauses=", ".join(k for k, v in kinds.items() if v == "clause"),
            train=len(train_ids), dev=len(dev_ids), longest=longest), encoding="utf-8")
    return {"documents": len(chosen), "spans": n_spans, "path": str(out)}

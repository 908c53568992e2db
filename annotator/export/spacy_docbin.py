"""spaCy training data: train.spacy and dev.spacy (DocBin on spacy.blank("zh")), a ready config.cfg, a README.

Entity labels go in doc.ents (non-overlapping: nested same-layer spans are
filtered, the longest kept); every span, clause labels and overlaps included,
goes in doc.spans["sc"]. The spancat suggester is sized from the longest span.
"""
from __future__ import annotations

import random
from pathlib import Path

from annotator.core.spans import trim
from annotator.export.atomic import atomic_path
from annotator.export.select import Selection, selected
from annotator.store.project import Project

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


def export_spacy(project: Project, out: Path, sel: Selection = Selection(), raw_offsets: bool = False) -> dict:
    """Write the training folder `out`; raw offsets do not apply (a DocBin carries its own text)."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    nlp = spacy.blank("zh")
    kinds = {l.name: l.kind for l in project.labels()}
    chosen = list(selected(project, sel))
    train_ids, dev_ids = split({d.id: frozenset(s.label for s in spans) for d, spans in chosen})
    bins = {"train": DocBin(store_user_data=True), "dev": DocBin(store_user_data=True)}
    longest = n_spans = 0
    for doc, spans in chosen:
        sdoc = nlp.make_doc(doc.text)
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
    has_entities = any(k == "entity" for k in kinds.values())
    has_clauses = any(k == "clause" for k in kinds.values())
    with atomic_path(Path(out), folder=True) as tmp:
        tmp.mkdir(parents=True, exist_ok=True)
        for name, docbin in bins.items():
            docbin.to_disk(tmp / f"{name}.spacy")
        training_config(longest, has_entities, has_clauses).to_disk(tmp / "config.cfg")
        (tmp / "README.md").write_text(README.format(
            entities=", ".join(k for k, v in kinds.items() if v == "entity"),
            clauses=", ".join(k for k, v in kinds.items() if v == "clause"),
            train=len(train_ids), dev=len(dev_ids), longest=longest), encoding="utf-8")
    return {"documents": len(chosen), "spans": n_spans, "path": str(out)}

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


def split(doc_ids: list[int]) -> tuple[set[int], set[int]]:
    """A seeded split by document: (train ids, dev ids)."""
    ids = sorted(doc_ids)
    random.Random(SPLIT_SEED).shuffle(ids)
    n_dev = max(1, round(len(ids) * DEV_SHARE)) if len(ids) > 1 else 0
    return set(ids[n_dev:]), set(ids[:n_dev])


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
    train_ids, dev_ids = split([d.id for d, _ in chosen])
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

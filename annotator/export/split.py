"""The train/dev split every training export shares, so a BIO file and a spaCy folder split alike."""
from __future__ import annotations

import random

DEV_SHARE = 0.2
SPLIT_SEED = 13


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

"""Seeded synthetic corpora built from the seed reports (no network, nothing committed)."""
from __future__ import annotations

import random

from annotator.core.resources import seed_files


def seed_texts() -> list[str]:
    return [f.read_text(encoding="utf-8") for f in seed_files()]


def report_corpus(min_chars: int, seed: int = 7) -> list[str]:
    """Raw reports made by shuffling the seeds' lines, until the corpus holds `min_chars` characters."""
    rng = random.Random(seed)
    seeds = [t.splitlines() for t in seed_texts()]
    out, total = [], 0
    while total < min_chars:
        lines = list(rng.choice(seeds))
        rng.shuffle(lines)
        text = "\n".join(lines[: rng.randint(5, len(lines))])
        out.append(text)
        total += len(text)
    return out

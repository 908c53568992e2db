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


def annotated_project(path, documents: int, seed: int = 11):
    """A project file of `documents` reports made from the seeds, every suggestion accepted and the
    documents marked done; built once and kept at `path` (a cache, never committed)."""
    import hashlib
    from dataclasses import replace
    from pathlib import Path

    from annotator.core.model import Document
    from annotator.ingest.repair import repair
    from annotator.store.project import Project
    from annotator.suggest import Suggester

    path = Path(path)
    if path.exists():
        project = Project.open(path)
        if project.document_count() == documents:
            return project
        project.close()
        path.unlink()
    project = Project.open(path)
    suggester = Suggester()
    rng = random.Random(seed)
    lines = [line for t in seed_texts() for line in repair(t).text.splitlines() if len(line) > 20]
    with project.batches() as batch:
        made = 0
        while made < documents:
            text = "\n".join(rng.sample(lines, rng.randint(4, 9))) + "\n"
            digest = hashlib.sha256(text.encode()).hexdigest()
            if project.document_id_by_hash(digest) is not None:
                continue
            spans = [replace(s, state="accepted", annotator="bench") for s in suggester.suggest(text)]
            with batch.item():
                doc = project.add_document(Document(name=f"bench-{made:06}.txt", text=text, raw_text=text,
                                                    content_hash=digest, status="done"))
                project.add_spans(doc, spans)
            made += 1
    return project

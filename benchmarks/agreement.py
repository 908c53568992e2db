"""`annotator agreement` end to end (a new process, the JSON printed) on 10,000 documents x 3 annotators
(1,000 with --quick): each annotator's spans are a seeded variation of one set (some dropped, moved or added).

Run: .venv/bin/python benchmarks/agreement.py [--quick]
The project is built once and cached in benchmarks/.cache/.
"""
from __future__ import annotations

import hashlib
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import report_corpus  # noqa: E402
from table import cache_dir, print_rows, row  # noqa: E402

from annotator.core.model import Document, Span  # noqa: E402
from annotator.store.project import Project  # noqa: E402

ANNOTATORS = ("wang", "li", "zhang")
LABELS = ("REGION", "AMOUNT", "PERSON", "COMMITMENT")


def variation(rng: random.Random, spans: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, str]]:
    """One annotator's version: a tenth of the spans dropped, a tenth moved by a character, a few added."""
    out = []
    for start, end, label in spans:
        roll = rng.random()
        if roll < 0.1:
            continue
        if roll < 0.2:
            end = min(length, end + 1)
        out.append((start, end, label))
    if rng.random() < 0.3:
        start = rng.randrange(length - 1)
        out.append((start, start + 1, rng.choice(LABELS)))
    return out


def build(path: Path, documents: int, seed: int = 5) -> Path:
    """Documents of seed lines with three annotators' spans, written through the merge's store call."""
    if path.exists():
        return path
    rng = random.Random(seed)
    texts = report_corpus(documents * 600, seed)[:documents]
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    with Project.open(partial) as p, p.batches(seconds=1.0) as batches:
        for i, body in enumerate(texts):
            text = f"报告{i}\n{body}"
            with batches.item():
                doc_id = p.add_document(Document(name=f"r{i}", text=text, content_hash=hashlib.sha256(
                    text.encode()).hexdigest(), status="done"))
                gold, at = [], 0
                while at < len(text) - 12:  # a span every 40 characters or so, labels taking turns
                    at += rng.randint(10, 70)
                    if at + 10 < len(text):
                        gold.append((at, at + rng.randint(2, 10), rng.choice(LABELS)))
                for who in ANNOTATORS:
                    spans = [Span(s, e, label, text[s:e], annotator=who)
                             for s, e, label in _one_layer(variation(rng, gold, len(text)))]
                    p.merge_spans(doc_id, spans, "done", "benchmark")
    partial.rename(path)
    return path


def _one_layer(spans):
    """No two spans of a label overlapping (the store refuses them for one annotator)."""
    kept, ends = [], {}
    for s, e, label in sorted(spans):
        if s >= ends.get(label, 0):
            kept.append((s, e, label))
            ends[label] = e
    return kept


def main(quick: bool = False) -> list[dict]:
    documents = 1_000 if quick else 10_000
    path = build(cache_dir() / f"agreement-{documents}.annot", documents)
    with Project.open(path) as p:
        spans = p.db.execute("SELECT count(*) FROM spans").fetchone()[0]
        chars = p.db.execute("SELECT sum(length(text)) FROM documents").fetchone()[0]
    times = []
    for _ in range(1 if quick else 3):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "annotator", "agreement", "--db", str(path), "--format", "json"],
                       check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    print(f"project: {documents:,} documents, {chars:,} characters, {spans:,} spans of {len(ANNOTATORS)} annotators")
    rows = [row(f"annotator agreement ({documents:,} documents x {len(ANNOTATORS)}), s", times, "< 10 s")]
    print_rows(rows)
    return rows


if __name__ == "__main__":
    main("--quick" in sys.argv)

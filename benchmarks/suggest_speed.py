"""Suggestions: quality on the seeds (tests/data/gold/score.py) and speed, against jieba.cut alone.

Run: .venv/bin/python benchmarks/suggest_speed.py [--quick]
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import report_corpus  # noqa: E402
from table import print_rows, row  # noqa: E402

from annotator.core.resources import seed_files  # noqa: E402
from annotator.ingest.read import parse_report  # noqa: E402
from annotator.ingest.repair import repair  # noqa: E402
from annotator.suggest import Suggester  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
GOLD = DATA / "gold"  # the seeds' reference annotations
HELD_OUT = [DATA / "unseen" / "test", DATA / "unseen" / "test2"]  # reports the rules were not tuned on


def seed_scores(suggester: Suggester) -> str:
    """The scorer's table for our suggestions on the five seeds."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for seed in seed_files():
            text = repair(parse_report(seed.name, seed.read_bytes()).text).text
            spans = [{"start": s.start, "end": s.end, "label": s.label} for s in suggester.suggest(text)]
            f.write(json.dumps({"file": seed.name, "text": text, "spans": spans}, ensure_ascii=False) + "\n")
    return subprocess.run([sys.executable, str(GOLD / "score.py"), str(GOLD / "seeds"), f.name],
                          capture_output=True, text=True, check=True).stdout


def unseen_scores(folder: Path) -> str:
    """The scorer's table for `annotator suggest` on a folder of held-out reports."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        subprocess.run([sys.executable, "-m", "annotator", "suggest", *map(str, sorted(folder.glob("*.txt")))],
                       stdout=f, check=True, cwd=DATA.parents[1])
    return subprocess.run([sys.executable, str(GOLD / "score.py"), str(folder), f.name],
                          capture_output=True, text=True, check=True).stdout


def parse_table(table: str) -> dict[str, tuple[float, float, float]]:
    return {line.split()[0]: tuple(map(float, line.split()[1:4])) for line in table.splitlines()
            if line.split() and line.split()[0] in ("REGION", "AMOUNT", "PERSON", "COMMITMENT")}


UNSEEN_TARGETS = {"REGION": 0.95, "PERSON": 0.95, "AMOUNT": 0.97, "COMMITMENT": 0.80}  # issue 18


def main(quick: bool = False) -> list[tuple]:
    import jieba

    suggester = Suggester()
    table = seed_scores(suggester)
    print(table)
    scores = parse_table(table)
    unseen = {}
    for folder in HELD_OUT:
        unseen_table = unseen_scores(folder)
        print(folder.name, unseen_table)
        unseen[folder] = parse_table(unseen_table)
    corpus = [repair(t).text for t in report_corpus(200_000 if quick else 2_000_000)]
    chars = sum(map(len, corpus))
    report = "\n".join(corpus)[:3000]
    jieba.initialize()
    suggester.suggest(report)  # data loaded once, as in the app

    latencies = []
    for _ in range(20 if quick else 200):
        t0 = time.perf_counter()
        suggester.suggest(report)
        latencies.append((time.perf_counter() - t0) * 1000)
    runs = 1 if quick else 3
    ours, theirs = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in corpus:
            suggester.suggest(t)
        ours.append(chars / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for t in corpus:
            list(jieba.cut(t))
        theirs.append(chars / (time.perf_counter() - t0))
    latencies.sort()
    rows = [
        row(f"suggest one {len(report):,}-char report, ms", latencies, "< 20"),
        row("  same, 95th percentile, ms", [latencies[int(len(latencies) * 0.95) - 1]]),
        row("suggest a corpus, chars/s", ours, ">= 1 x jieba",
            ratio=statistics.median(ours) / statistics.median(theirs)),
        row("jieba.cut alone, chars/s (baseline)", theirs),
    ]
    for label, (p, r, f1) in scores.items():
        rows.append(row(f"seed F1 {label}", [f1], ">= 0.60" if label == "COMMITMENT" else ">= 0.90"))
    for folder, table in unseen.items():
        for label, (p, r, f1) in table.items():
            rows += [row(f"{folder.name} ({len(list(folder.glob('*.txt')))} reports) F1 {label}", [f1],
                         f">= {UNSEEN_TARGETS[label]:.2f}"),
                     row(f"  precision {label}, recall {r:.3f}", [p], "> 0.92" if label != "COMMITMENT" else "-")]
    print(f"corpus: {len(corpus)} reports, {chars:,} characters; {runs} run(s)")
    print_rows(rows)
    return rows


if __name__ == "__main__":
    main("--quick" in sys.argv)

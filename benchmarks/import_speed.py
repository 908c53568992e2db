"""Import throughput: reading, repair and t2s on one core, against OpenCC alone on the same text; and
`annotator import` of a folder of reports end to end into a new project, against bare SQLite inserts of
the same texts.

Run: .venv/bin/python benchmarks/import_speed.py [--quick]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import report_corpus  # noqa: E402
from table import print_rows, row  # noqa: E402

from annotator.ingest.encoding import decode  # noqa: E402
from annotator.ingest.repair import repair  # noqa: E402
from annotator.ingest.t2s import to_simplified  # noqa: E402


def measure(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main(quick: bool = False) -> list[tuple]:
    import opencc

    corpus = report_corpus(300_000 if quick else 3_200_000)
    blobs = [t.encode("utf-8") for t in corpus]
    chars = sum(map(len, corpus))
    runs = 2 if quick else 5
    repair("預熱")  # load tables once, as an import of many files does
    reference = opencc.OpenCC("t2s")
    rows = [
        ("import: decode + repair + t2s", lambda: [repair(decode(b).text) for b in blobs], 500_000),
        ("t2s alone (our tables)", lambda: [to_simplified(t) for t in corpus], None),
        ("OpenCC t2s alone (baseline)", lambda: [reference.convert(t) for t in corpus[: max(1, len(corpus) // 4)]],
         None),
    ]
    out = []
    for name, fn, target in rows:
        n = chars if "baseline" not in name else sum(map(len, corpus[: max(1, len(corpus) // 4)]))
        out.append(row(f"{name}, chars/s", [n / t for t in measure(fn, runs)], f">= {target:,}" if target else "-"))
    out[0]["ratio"] = out[0]["median"] / out[2]["median"]  # against OpenCC alone
    out += cli_rows(report_corpus(1_500_000 if quick else 15_000_000, seed=3))
    print(f"corpus: {len(corpus)} reports, {chars:,} characters ({sum(map(len, blobs)) / 1e6:.1f} MB), {runs} runs")
    print_rows(out)
    return out


def cli_rows(reports: list[str]) -> list[dict]:
    """`annotator import FOLDER --db NEW` in a process of its own, and the floor: the same texts inserted
    into a bare SQLite table in one transaction."""
    import sqlite3
    import subprocess
    import tempfile

    reports = [r for r in reports if r.strip()]  # an empty one would be refused (and the exit status 1)
    chars = sum(map(len, reports))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i, text in enumerate(reports):
            (folder / f"{i:05}.txt").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "annotator", "import", str(folder), "--db", str(Path(tmp) / "p.annot")],
                       check=True, capture_output=True, cwd=Path(__file__).parents[1])
        ours = time.perf_counter() - t0
        conn = sqlite3.connect(Path(tmp) / "bare.db")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
        t0 = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO t (text) VALUES (?)", [(t,) for t in reports])
        floor = time.perf_counter() - t0
        conn.close()
    return [row(f"annotator import of {len(reports):,} reports end to end, chars/s", [chars / ours], ">= 1,000,000",
                ratio=ours / floor),
            row("  floor: bare SQLite inserts of the same texts, chars/s", [chars / floor])]


if __name__ == "__main__":
    main("--quick" in sys.argv)

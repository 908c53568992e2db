"""Import throughput: reading, repair and t2s on one core, against OpenCC alone on the same text.

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
    print(f"corpus: {len(corpus)} reports, {chars:,} characters ({sum(map(len, blobs)) / 1e6:.1f} MB), {runs} runs")
    print_rows(out)
    return out


if __name__ == "__main__":
    main("--quick" in sys.argv)

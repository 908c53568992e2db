"""One shape for every benchmark's figures, so benchmarks/run.py can put them in one table."""
from __future__ import annotations

import os
import statistics
from pathlib import Path


def cache_dir() -> Path:
    """Where built corpora are kept between runs: benchmarks/.cache, or $ANNOTATOR_BENCH_CACHE."""
    path = Path(os.environ.get("ANNOTATOR_BENCH_CACHE") or Path(__file__).parent / ".cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def row(scenario: str, values: list[float], target: str = "-", ratio: float | None = None) -> dict:
    """A scenario's figures: the median of the runs and their spread."""
    values = sorted(values)
    return {"scenario": scenario, "median": statistics.median(values), "low": values[0], "high": values[-1],
            "runs": len(values), "target": target, "ratio": ratio}


def print_rows(rows: list[dict]) -> None:
    print(f"{'scenario':<58}{'median':>15}{'min':>15}{'max':>15}{'target':>16}{'ratio':>7}")
    for r in rows:
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        print(f"{r['scenario']:<58}{r['median']:>15,.2f}{r['low']:>15,.2f}{r['high']:>15,.2f}{r['target']:>16}"
              f"{ratio:>7}")

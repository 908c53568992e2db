"""Every benchmark in one run, written to benchmarks/RESULTS.md: figure, target, median of several runs,
spread, and a ratio where a scenario is measured against a peer or a baseline.

Run: .venv/bin/python benchmarks/run.py [--quick] [--out PATH]
--quick uses small corpora (under a minute); the test suite runs it so the scripts keep working.
Corpora are made from the seeds by seeded scripts and cached in benchmarks/.cache/ (not committed).
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

import agreement  # noqa: E402
import export_memory  # noqa: E402
import export_speed  # noqa: E402
import first_open  # noqa: E402
import import_speed  # noqa: E402
import label_key  # noqa: E402
import startup  # noqa: E402
import suggest_speed  # noqa: E402
import viewer_speed  # noqa: E402

SCENARIOS = (("Import and repair", import_speed), ("Suggestions", suggest_speed),
             ("Annotation window", viewer_speed), ("Label key with suggestions on", label_key),
             ("First opening of a long document", first_open),
             ("Exports", export_speed), ("The spaCy export at scale", export_memory), ("Agreement", agreement),
             ("Start-up", startup))


def machine() -> str:
    try:
        from PySide6 import __version__ as qt
    except ImportError:
        qt = "not installed"
    return (f"{os.cpu_count()} CPUs ({platform.processor() or platform.machine()}), Python "
            f"{platform.python_version()}, PySide6/Qt {qt}, {platform.system()} {platform.release()}")


def markdown(sections: list[tuple[str, list[dict]]], quick: bool, seconds: float) -> str:
    lines = ["# Benchmark results", "",
             f"Made by `python benchmarks/run.py{' --quick' if quick else ''}` on {date.today().isoformat()}, "
             f"in {seconds:.0f} s.", "", f"Machine: {machine()}.", "",
             "Median of the runs, with the lowest and highest; the ratio column compares a scenario with the "
             "peer or baseline measured beside it (OpenCC alone, jieba alone, label-studio-sdk's converter).", ""]
    for title, rows in sections:
        lines += [f"## {title}", "", "| scenario | median | min | max | runs | target | ratio |",
                  "|---|---:|---:|---:|---:|---|---:|"]
        for r in rows:
            ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else ""
            lines.append(f"| {r['scenario']} | {r['median']:,.2f} | {r['low']:,.2f} | {r['high']:,.2f} | "
                         f"{r['runs']} | {r['target']} | {ratio} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora, under a minute")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "RESULTS.md")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    sections = []
    for title, module in SCENARIOS:
        print(f"== {title}", flush=True)
        sections.append((title, module.main(args.quick)))
    args.out.write_text(markdown(sections, args.quick, time.perf_counter() - t0), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

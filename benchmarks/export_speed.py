"""Export time per format for a project of 10,000 documents (about 250,000 spans; 1,000 with --quick),
and label-studio-sdk's converter turning our Label Studio file into JSON_MIN, side by side.

Run: .venv/bin/python benchmarks/export_speed.py [--quick]
The project is built once (a few minutes) and cached in benchmarks/.cache/.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import annotated_project  # noqa: E402
from table import cache_dir, print_rows, row  # noqa: E402

from annotator.export.formats import FORMATS  # noqa: E402
from annotator.export.labelstudio import config_path  # noqa: E402
from annotator.export.select import Selection  # noqa: E402

TARGETS = {"spacy": "< 20 s"}


def main(quick: bool = False) -> list[tuple]:
    documents = 1_000 if quick else 10_000
    runs = 1 if quick else 3
    project = annotated_project(cache_dir() / f"export-{documents}.annot", documents)
    spans = project.db.execute("SELECT count(*) FROM spans").fetchone()[0]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, fmt in FORMATS.items():
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                fmt.export(project, Path(tmp) / f"out-{name}", Selection())
                times.append(time.perf_counter() - t0)
            rows.append(row(f"export {name} ({documents:,} documents), s", times, TARGETS.get(name, "-")))
        from label_studio_sdk.converter import Converter
        ls_file = Path(tmp) / "out-labelstudio"
        converter = Converter(config=str(config_path(ls_file)), project_dir=None, download_resources=False)
        times = []
        for i in range(runs):
            t0 = time.perf_counter()
            converter.convert(str(ls_file), str(Path(tmp) / f"min{i}"), "JSON_MIN", is_dir=False)
            times.append(time.perf_counter() - t0)
        peer = row("label-studio-sdk converter, our file to JSON_MIN (peer), s", times)
    project.close()
    ours = rows[list(FORMATS).index("labelstudio")]
    ours["ratio"] = ours["median"] / peer["median"]
    rows.append(peer)
    print(f"project: {documents:,} documents, {spans:,} spans; {runs} run(s)")
    print_rows(rows)
    return rows


if __name__ == "__main__":
    main("--quick" in sys.argv)

"""The spaCy export at scale: time and peak memory of `annotator export --format spacy` on 10,000 and
50,000 documents (1,000 with --quick), each in a process of its own, with a floor: the same process
importing the exporter and opening the project, exporting nothing.

Run: .venv/bin/python benchmarks/export_memory.py [--quick]
The projects are built once (minutes for 50,000) and cached in benchmarks/.cache/.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import annotated_project  # noqa: E402
from table import cache_dir, print_rows, row  # noqa: E402

# Peak memory is the process's VmHWM: ru_maxrss keeps the parent's peak across exec (Linux), so a child
# started by a parent that built a big project would report the parent's size.
CHILD = """
import sys, time
from pathlib import Path
from annotator.export.formats import FORMATS
from annotator.export.select import Selection
from annotator.store.project import Project
project = Project.open(Path(sys.argv[1]))
t0 = time.perf_counter()
if sys.argv[2] != "-":
    FORMATS["spacy"].export(project, Path(sys.argv[2]), Selection())
seconds = time.perf_counter() - t0
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(seconds, peak / 1024)
"""


def _child(project: Path, out: str) -> tuple[float, float]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(project), out], capture_output=True, text=True,
                          check=True, cwd=Path(__file__).parents[1])
    seconds, megabytes = map(float, done.stdout.split())
    return seconds, megabytes


def main(quick: bool = False) -> list[dict]:
    rows = []
    for documents in ((1_000,) if quick else (10_000, 50_000)):
        path = cache_dir() / f"export-{documents}.annot"
        annotated_project(path, documents).close()
        floor = _child(path, "-")[1]
        with tempfile.TemporaryDirectory() as tmp:
            seconds, megabytes = _child(path, str(Path(tmp) / "out"))
        rows.append(row(f"export spacy ({documents:,} documents), s", [seconds],
                        "< 20 s" if documents == 10_000 else "linear"))
        rows.append(row("  same, peak memory, MB", [megabytes], "< 500 MB", megabytes / floor))
        rows.append(row("floor: the same process exporting nothing, MB", [floor]))
    print_rows(rows)
    return rows


if __name__ == "__main__":
    main("--quick" in sys.argv)

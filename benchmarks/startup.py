"""Start-up: from process start to the first document drawn in the window, from source (and from the
bundle when it has been built: dist/annotator/annotator), over several runs.

Run: .venv/bin/python benchmarks/startup.py [--quick]
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from table import print_rows, row  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "annotator" / "annotator"


def time_start(command: list[str], db: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_STARTUP_PROBE": "1", "ANNOTATOR_NAME": "bench"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(command + ["--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=env, text=True)
    for line in proc.stdout:
        if line.startswith("first document drawn"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"{command[0]} did not draw a document")
    proc.wait(timeout=30)
    return elapsed


BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QPlainTextEdit("文档"))
window.show()
app.processEvents()
window.centralWidget().viewport().repaint()
print("first document drawn", flush=True)
"""


def main(quick: bool = False) -> list[tuple]:
    runs = 3 if quick else 7
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.annot"
        source = [sys.executable, "-m", "annotator"]
        time_start(source, db)  # creates the project and fills it with the seeds: not part of a start
        floor = row("floor: a bare PySide6 window with a text box drawn, s",
                    [time_start([sys.executable, "-c", BARE_WINDOW], db) for _ in range(runs)])
        ours = row("start-up from source to first drawn document, s", [time_start(source, db) for _ in range(runs)],
                   "< 1.0, <= 4x floor")
        ours["ratio"] = ours["median"] / floor["median"]
        rows += [ours, floor]
        if BUNDLE.exists():
            time_start([str(BUNDLE)], db)
            rows.append(row("start-up from the bundle to first drawn document, s",
                            [time_start([str(BUNDLE)], db) for _ in range(runs)], "< 1.5"))
    print_rows(rows)
    if not BUNDLE.exists():
        print("(no bundle built: packaging/build.sh)")
    return rows


if __name__ == "__main__":
    main("--quick" in sys.argv)

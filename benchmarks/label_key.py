"""The label key on the path annotators take: suggestions on (the default), a long document, in the window.

Each key labels a fresh stretch of text and the window draws it; with suggestions on, the string is then
suggested wherever else it occurs, right after (timed apart). Measured from the key to the repainted text, on a copy of a cached project
(so runs do not grow it), beside a floor timed in the same run: a bare SQLite commit of one row.

Run: .venv/bin/python benchmarks/label_key.py [--quick]
"""
from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from table import cache_dir, print_rows, row  # noqa: E402
from viewer_speed import long_document_project  # noqa: E402

from annotator.store.project import Project  # noqa: E402


def bare_commit_ms(folder: str, runs: int = 30) -> list[float]:
    """The floor: one row committed to a WAL SQLite file with synchronous=FULL, as the project is."""
    conn = sqlite3.connect(Path(folder) / "floor.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (x)")
    out = []
    for i in range(runs):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", [i])
        conn.execute("COMMIT")
        out.append((time.perf_counter() - t0) * 1000)
    conn.close()
    return out


def label_keys_ms(chars: int, keys: int) -> tuple[list[float], list[float]]:
    """(key to the new span drawn, then to its string's other occurrences suggested and drawn), ms."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    base, doc = long_document_project(chars, chars // 40)
    base.close()
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(cache_dir() / f"long-{chars}-{chars // 40}.annot", Path(tmp) / "p.annot")
        project = Project.open(Path(tmp) / "p.annot")
        project.set_setting("suggestions", "on")
        window = MainWindow(project, "bench")
        window.resize(1400, 860)
        window.show()
        window.open_document(doc)
        app.processEvents()
        text, rng, out, after = window.view.text, random.Random(5), [], []
        for _ in range(keys):
            while True:
                start = rng.randrange(0, len(text) - 10)
                end = start + rng.randint(2, 4)
                if "\n" not in text[start:end] and text[start:end].strip() \
                        and not project.spans_in(doc, start, end, ("accepted", "pending", "rejected")):
                    break
            window.view.select_cp(start, end)
            app.processEvents()
            t0 = time.perf_counter()
            QTest.keyClick(window.view, Qt.Key_1)
            window.view.viewport().repaint()
            out.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            app.processEvents()  # the occurrences, suggested right after the key
            window.view.viewport().repaint()
            after.append((time.perf_counter() - t0) * 1000)
        window.close()
        project.close()
    return sorted(out), sorted(after)


def main(quick: bool = False) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        floor = row("floor: bare SQLite commit (WAL, synchronous=FULL), ms", bare_commit_ms(tmp))
    sizes = ((20_000, "-"),) if quick else ((200_000, "< 30"), (800_000, "< 50"))
    for chars, target in sizes:
        keys, after = label_keys_ms(chars, 10 if quick else 40)
        rows.append(row(f"label key, suggestions on, {chars:,} chars / {chars // 40:,} spans, ms", keys,
                        ratio=keys[len(keys) // 2] / floor["median"]))
        rows.append(row("  same, 95th percentile, ms", [keys[max(0, int(len(keys) * 0.95) - 1)]], target))
        rows.append(row("  then its other occurrences suggested and drawn, ms more", after))
    rows.append(floor)
    print_rows(rows)
    return rows


if __name__ == "__main__":
    main("--quick" in sys.argv)

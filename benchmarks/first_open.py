"""The first opening of a freshly imported long document with suggestions on (the default): how soon its text
is drawn, and how much later its suggestions appear (made in a thread). Floor in the same run: a bare
QPlainTextEdit.setPlainText of the same text.

Run: .venv/bin/python benchmarks/first_open.py [--quick]
"""
from __future__ import annotations

import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from table import print_rows, row  # noqa: E402
from viewer_speed import _lines  # noqa: E402

from annotator.core.model import Document  # noqa: E402
from annotator.store.project import Project  # noqa: E402


def _text(chars: int) -> str:
    rng, lines, text = random.Random(3), _lines(), ""
    while len(text) < chars:
        text += rng.choice(lines) + "\n"
    return text[:chars]


def first_open(chars: int) -> tuple[float, float, float]:
    """(ms until the text is drawn, ms more until the suggestions are drawn, the longest the window's event
    loop was busy meanwhile, ms) for a never-opened document."""
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    import jieba
    import jieba.posseg  # noqa: F401
    jieba.initialize()  # as the app's start-up does in a thread, long before a document is opened (with the tagger)
    text = _text(chars)
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.open(Path(tmp) / "p.annot")
        # the window opens the first by name: the short one; the long one is opened for the first time below
        project.add_document(Document(name="a-short.txt", text="短文。", raw_text="短文。", content_hash="short"))
        doc = project.add_document(Document(name="long.txt", text=text, raw_text=text,
                                            content_hash=hashlib.sha256(text.encode()).hexdigest()))
        window = MainWindow(project, "bench")
        window.resize(1400, 860)
        window.show()
        app.processEvents()
        t0 = time.perf_counter()
        window.open_document(doc)
        window.grab()
        drawn = time.perf_counter()
        busy = 0.0
        while not any(s.state == "pending" for s in window.view.spans):
            t1 = time.perf_counter()
            app.processEvents()
            busy = max(busy, time.perf_counter() - t1)
            time.sleep(0.002)
        t1 = time.perf_counter()
        window.view.viewport().repaint()
        busy = max(busy, time.perf_counter() - t1)
        shown = time.perf_counter()
        window.close()
        project.close()
    return (drawn - t0) * 1000, (shown - drawn) * 1000, busy * 1000


def bare_draw_ms(chars: int) -> float:
    from PySide6.QtWidgets import QPlainTextEdit
    view = QPlainTextEdit()
    view.resize(720, 800)
    view.show()
    t0 = time.perf_counter()
    view.setPlainText(_text(chars))
    view.grab()
    return (time.perf_counter() - t0) * 1000


def main(quick: bool = False) -> list[dict]:
    rows = []
    for chars, target in (((50_000, "< 300"),) if quick else ((200_000, "< 300"), (800_000, "-"))):
        runs = [first_open(chars) for _ in range(1 if quick else 3)]
        floor = bare_draw_ms(chars)
        rows.append(row(f"first open of {chars:,} chars, suggestions on: text drawn, ms", [r[0] for r in runs],
                        target, ratio=sorted(r[0] for r in runs)[len(runs) // 2] / floor))
        rows.append(row("  then its suggestions drawn, ms more", [r[1] for r in runs]))
        rows.append(row("  the longest the window was busy meanwhile (one event), ms", [r[2] for r in runs],
                        "< 50" if target != "-" else "-"))
        rows.append(row(f"floor: bare QPlainTextEdit.setPlainText of {chars:,} chars, ms", [floor]))
    print_rows(rows)
    return rows


if __name__ == "__main__":
    main("--quick" in sys.argv)

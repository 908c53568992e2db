"""Drives the annotation window as fast as it can: add, relabel and delete spans, printing each change
once the window's call (which commits it) has returned, and, before changing an existing span, which one.
tests/safety/test_crash.py kills it at random.

Usage (from the repository root): python -m tests.helpers.crash_driver PROJECT SEED
"""
import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.store.project import Project  # noqa: E402

LABELS = ("REGION", "AMOUNT", "PERSON", "COMMITMENT")


def main(path: str, seed: int) -> None:
    app = QApplication(sys.argv)
    window = MainWindow(Project.open(path), "crash", owns_project=True)
    window.show()
    rng = random.Random(seed)
    project = window.project

    def step() -> None:
        doc = rng.choice(window.model.ids)
        if doc != window.doc_id:
            window.open_document(doc)
        spans = project.spans(doc)
        op = rng.choice(("add", "add", "relabel", "delete")) if spans else "add"
        if op == "add":
            text = window.view.text
            start = rng.randrange(0, max(1, len(text) - 8))
            end = min(len(text), start + rng.randint(1, 6))
            if "\n" not in text[start:end] and text[start:end].strip():
                window.clear_selection()
                window.view.select_cp(start, end)
                before = window.view.selected
                window.apply_label(rng.choice(LABELS))
                after = window.view.selected
                if after is not None and (before is None or after.id != before.id):
                    print(f"add {after.id} {after.label}", flush=True)
        elif op == "relabel":
            span = rng.choice(spans)
            label = rng.choice([l for l in LABELS if l != span.label])
            window.clear_selection()
            window.view.set_selected(span)
            print(f"doing relabel {span.id}", flush=True)
            window.apply_label(label)
            if project.span(span.id).label == label:
                print(f"relabel {span.id} {label}", flush=True)
        else:
            span = rng.choice(spans)
            window.view.set_selected(span)
            print(f"doing delete {span.id}", flush=True)
            window.delete_selected()
            print(f"delete {span.id}", flush=True)
        QTimer.singleShot(0, step)

    print("ready", flush=True)
    QTimer.singleShot(0, step)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

"""`annotator --self-test`: the whole product once, without a display, in a temporary folder.

Each step prints its name and time; the first failing step is named and the exit status is 1.
It runs the same way from a checkout and from the PyInstaller bundle.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="annotator-self-test-") as tmp:
        os.environ["ANNOTATOR_DATA_DIR"] = tmp  # leave the user's own folder alone
        state: dict = {"tmp": Path(tmp)}
        started = time.perf_counter()
        for name, step in STEPS:
            t0 = time.perf_counter()
            try:
                detail = step(state) or ""
            except Exception as e:  # the step's failure is the test's result
                print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
                traceback.print_exc(file=sys.stderr)
                _close(state)
                return 1
            print(f"ok   {name:<34}{(time.perf_counter() - t0) * 1000:8.0f} ms  {detail}", flush=True)
        _close(state)
        print(f"self-test passed in {time.perf_counter() - started:.1f} s")
        return 0


def _close(state: dict) -> None:
    if "window" in state:
        state["window"].close()
    if "project" in state:
        state["project"].close()


def _create(state):
    from annotator.store.project import Project
    state["project"] = Project.open(state["tmp"] / "self-test.annot")
    state["project"].set_setting("suggestions", "off")
    return str(state["project"].path)


def _import(state):
    from annotator.ingest.importer import import_seeds
    results = import_seeds(state["project"])
    assert all(r.status == "imported" for r in results), [r.message for r in results]
    return f"{len(results)} seed reports"


def _second_process(state):
    """A big import reads in a second process, which starts this program again (the bundle must allow it)."""
    from annotator.core.resources import seed_files
    from annotator.ingest.importer import import_paths
    from annotator.store.project import Project
    folder = state["tmp"] / "reports"
    folder.mkdir()
    for seed in seed_files():
        (folder / seed.name).write_bytes(seed.read_bytes())
    with Project.open(state["tmp"] / "second.annot") as project:
        results = import_paths(project, [folder], parallel=True)
    assert [r.status for r in results] == ["imported"] * 5, [r.message for r in results]
    return f"{len(results)} reports"


def _suggest(state):
    from annotator.suggest.documents import suggest_project
    from annotator.suggest.lexicon import tagged
    added = suggest_project(state["project"])
    assert added > 0, "no suggestions"
    assert ("郭云涵", "nr") in tagged("郭云涵哭了"), "jieba's tagger"  # the PERSON rules ask it about names
    return f"{added} suggestions"


def _window(state):
    from PySide6.QtWidgets import QApplication

    from annotator.gui.main_window import MainWindow
    state["app"] = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(state["project"], "self-test")
    window.show()
    window.open_document(state["project"].document_ids()[2])
    state["app"].processEvents()
    window.grab()
    state["window"] = window
    return f"{len(window.view.spans)} spans drawn"


def _span(state):
    window, project = state["window"], state["project"]
    text = window.view.text
    start = text.index("泸州市")
    pending = [s for s in project.spans(window.doc_id) if s.start == start]
    for s in pending:
        project.delete_span(s.id, "self-test")
    window.view.select_cp(start, start + 3)
    before = len(project.spans(window.doc_id))
    window.apply_label("REGION")
    assert len(project.spans(window.doc_id)) == before + 1, "span not added"
    window.undo()
    assert len(project.spans(window.doc_id)) == before, "undo did not remove the span"
    return "added and undone"


def _exports(state):
    from annotator.export.formats import FORMATS
    from annotator.export.select import Selection
    project = state["project"]
    for doc in project.document_ids():
        project.set_status(doc, "done")
    out = state["tmp"] / "exports"
    written = []
    for name, fmt in FORMATS.items():
        summary = fmt.export(project, out / name, Selection(spans="all"))
        assert (out / name).exists() and summary["documents"] == 5, (name, summary)
        written.append(name)
    return ", ".join(written)


def _dialogs(state):
    """Every dialog's module loads (they are loaded by name when first shown: a bundle must hold them)."""
    from annotator.gui import dialogs
    found = [getattr(dialogs, name) for name in dialogs.__all__]
    return f"{len(found)} dialogs and choosers"


STEPS = (
    ("create a project", _create),
    ("import the seed reports", _import),
    ("read reports in a second process", _second_process),
    ("suggest spans", _suggest),
    ("open a document in the window", _window),
    ("add a span and undo it", _span),
    ("load every dialog", _dialogs),
    ("export every format", _exports),
)

"""Two writers: the window is open on a project while `annotator import` and `annotator export` run on it
from a shell; both succeed, and the window shows the new documents without a restart."""
import os
import subprocess
import sys

import pytest

pytest.importorskip("PySide6")

from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.ingest.importer import import_seeds  # noqa: E402
from annotator.store.project import Project  # noqa: E402


def test_import_and_export_from_a_shell_while_the_window_works(qtbot, tmp_path):
    db = tmp_path / "shared.annot"
    project = Project.open(db)
    import_seeds(project)
    project.set_setting("suggestions", "off")
    window = MainWindow(project, "gui")
    qtbot.addWidget(window)
    window.show()
    reports = tmp_path / "in"
    reports.mkdir()
    for i in range(20):
        (reports / f"r{i}.txt").write_text(f"第{i}份报告：宜川县委书记高勇主持会议。", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    importer = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(reports), "--db", str(db)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    exporter = subprocess.Popen([sys.executable, "-m", "annotator", "export", "--format", "jsonl", "--documents",
                                 "all", "--out", str(tmp_path / "out.jsonl"), "--db", str(db)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    text = window.view.text
    stops = [i for i, ch in enumerate(text) if ch == "。"][:30]
    for stop in stops:  # the annotator keeps labelling meanwhile
        window.view.select_cp(stop - 2, stop)
        window.apply_label("PERSON")
        window.clear_selection()
    out_i, err_i = importer.communicate(timeout=120)
    out_e, err_e = exporter.communicate(timeout=120)
    assert importer.returncode == 0, err_i
    assert exporter.returncode == 0, err_e
    assert "20 imported" in out_i and (tmp_path / "out.jsonl").exists()
    qtbot.waitUntil(lambda: window.model.rowCount() == 25, timeout=5000)  # the window's poll found them
    assert len(project.spans(window.doc_id)) == len(stops)
    window.close()
    project.close()

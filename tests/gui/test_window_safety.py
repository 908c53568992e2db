"""The window under the careless path: closing during an import, task files through File > Import, a
project open twice, exports that would overwrite, markup in text, and a data folder that cannot be used."""
import json

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QTreeWidget

from annotator.export.select import Selection
from annotator.gui.main_window import MainWindow
from annotator.gui.project_actions import open_for_work
from annotator.gui.messages import plain_tip, show_error
from annotator.ingest.importer import import_seeds
from annotator.store.project import Project


def _message(qtbot, name="errorMessage") -> QMessageBox:
    box = None

    def found():
        nonlocal box
        box = next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)
        return box is not None
    qtbot.waitUntil(found, timeout=10000)
    return box


@pytest.fixture
def project_path(tmp_path):
    path = tmp_path / "p.annot"
    with Project.open(path) as project:
        import_seeds(project)
        project.set_setting("suggestions", "off")
    return path


def test_closing_the_window_during_an_import_stops_it_cleanly(qtbot, project_path, tmp_path):
    reports = tmp_path / "in"
    reports.mkdir()
    for i in range(400):
        (reports / f"r{i:03}.txt").write_text(f"第{i}份报告：宜川县委书记高勇主持会议。" * 20, encoding="utf-8")
    project, _ = open_for_work(project_path)
    window = MainWindow(project, "tester", owns_project=True)
    qtbot.addWidget(window)
    window.show()
    window.import_files([str(reports)])
    qtbot.waitUntil(lambda: window._job is not None and window._job.thread.isRunning(), timeout=5000)
    window.close()  # no "QThread: Destroyed while thread is still running", no abort
    with Project.open(project_path) as p:
        assert p.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        imported = p.document_count() - 5
        assert 0 <= imported < 400  # stopped as a cancel stops: the files before it are kept whole
        for doc in p.document_ids():
            assert p.text(doc)


def test_label_studio_and_jsonl_files_import_through_the_window(make_window, project_path, tmp_path, qtbot):
    ls = tmp_path / "tasks.json"
    ls.write_text(json.dumps([{"data": {"text": "北京支援拉萨"}, "annotations": [{"completed_by": 1, "result": [
        {"type": "labels", "value": {"start": 0, "end": 2, "text": "北京", "labels": ["REGION"]}}]}]}],
        ensure_ascii=False), encoding="utf-8")
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"text": "上海对口支援喀什", "spans": [{"start": 0, "end": 2, "label": "REGION"}]},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('[{"data": {"text": "短"}, "annotations": [{"result": [{"type": "labels", "value": '
                   '{"start": 0, "end": 9, "labels": ["REGION"]}}]}]}]', encoding="utf-8")
    window = make_window(Project.open(project_path))
    window.import_files([str(ls), str(one), str(bad)])
    qtbot.waitUntil(lambda: getattr(window, "import_report", None) is not None
                    and window.import_report.isVisible(), timeout=10000)
    tree = window.import_report.findChild(QTreeWidget, "importReportTree")
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())}
    assert rows["tasks.json"].startswith("1 document(s) with 1 span(s) from labelstudio")
    assert rows["one.jsonl"].startswith("1 document(s) with 1 span(s) from jsonl")
    assert "bad.json: task 1: span [0, 9) does not fit" in rows["bad.json"]
    assert window.model.rowCount() == 7


def test_a_second_window_on_an_open_project_says_so(qtbot, project_path):
    first = MainWindow(Project.open(project_path), "a", owns_project=True)
    qtbot.addWidget(first)
    first.show()
    second = MainWindow(Project.open(project_path), "b", owns_project=True)
    qtbot.addWidget(second)
    second.show()
    box = _message(qtbot, "warningMessage")
    assert "already open in another window" in box.text()
    box.close()
    second.close()
    first.close()
    third = MainWindow(Project.open(project_path), "c", owns_project=True)  # the lock went with the windows
    qtbot.addWidget(third)
    assert not third.statusBar().currentMessage()
    third.close()


def test_file_export_keeps_files_it_did_not_write(make_window, project_path, tmp_path, qtbot):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("my notes", encoding="utf-8")
    window = make_window(Project.open(project_path))
    window.export("spacy", folder, Selection(documents="all"))
    box = _message(qtbot)
    assert "notes.txt" in box.text() and "not part of an earlier spacy export" in box.text()
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    box.close()
    window.export("jsonl", project_path, Selection(documents="all"))  # the project itself
    box = _message(qtbot)
    assert "is the project file" in box.text()
    with Project.open(project_path) as p:
        assert p.document_count() == 5


def test_messages_and_tooltips_show_markup_as_text(qtbot):
    text = "<b>奉贤区</b> <img src=x> & 保靖县"
    box = show_error(None, text)
    assert box.text() == text and box.textFormat() == box.textFormat().PlainText
    box.close()
    doc = QTextDocument()
    doc.setHtml(plain_tip(text))
    assert doc.toPlainText() == text


def test_an_unusable_data_folder_means_backups_are_off_not_a_crash(qtbot, project_path, tmp_path, monkeypatch):
    not_a_folder = tmp_path / "data-is-a-file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(not_a_folder))
    project, warnings = open_for_work(project_path)
    assert len(warnings) == 1 and warnings[0].startswith("Backups are off")
    window = MainWindow(project, "tester", owns_project=True, warnings=warnings)
    qtbot.addWidget(window)
    window.show()
    assert "Backups are off" in _message(qtbot, "warningMessage").text()
    window.close()

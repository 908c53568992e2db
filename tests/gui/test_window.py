"""The annotation window, driven like an annotator would: keys, clicks, objectNames."""
import hashlib
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTableView, QWidget

from annotator.core.model import Document
from annotator.export.labelstudio import export_labelstudio
from annotator.export.select import Selection
from annotator.store.project import Project
from tests.helpers.window import select, span_rows


def test_widgets_are_found_by_object_name(window):
    for cls, name in ((QTableView, "documentList"), (QLineEdit, "documentFilter"), (QPlainTextEdit, "documentView"),
                      (QWidget, "labelBar"), (QTableView, "spanList")):
        assert window.findChild(cls, name) is not None, name
    assert window.findChild(QTableView, "documentList").model().rowCount() == 5


def test_hotkey_labels_the_selection_and_commits_it(window, qtbot):
    project, doc = window.project, window.doc_id
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    spans = project.spans(doc)
    assert [(s.label, s.text, s.annotator) for s in spans] == [("REGION", "奉贤区", "tester")]
    assert span_rows(window) == [("REGION", "奉贤区")]
    assert project.document(doc).status == "in_progress"


def test_selection_is_trimmed_of_punctuation(window, qtbot):
    text = window.view.toPlainText()
    start = text.index(",奉贤积极")
    c = window.view.textCursor()
    c.setPosition(start)
    c.setPosition(start + 3, QTextCursor.KeepAnchor)
    window.view.setTextCursor(c)
    qtbot.keyClick(window.view, Qt.Key_1)
    assert [s.text for s in window.project.spans(window.doc_id)] == ["奉贤"]


def test_relabel_delete_undo_redo(window, qtbot):
    project, doc = window.project, window.doc_id
    select(window, "袁泉")
    qtbot.keyClick(window.view, Qt.Key_1)
    window.clear_selection()
    window.view.set_selected(project.spans(doc)[0])
    qtbot.keyClick(window.view, Qt.Key_3)
    assert [s.label for s in project.spans(doc)] == ["PERSON"]
    qtbot.keyClick(window.view, Qt.Key_Delete)
    assert project.spans(doc) == [] and span_rows(window) == []
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert [s.label for s in project.spans(doc)] == ["PERSON"]
    assert span_rows(window) == [("PERSON", "袁泉")]
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert [s.label for s in project.spans(doc)] == ["REGION"]
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert [s.label for s in project.spans(doc)] == ["PERSON"]


def test_commitment_holds_region_and_amount_and_same_label_overlap_is_refused(window, qtbot):
    window.open_document(window.model.ids[2])  # 002: amounts and places
    project, doc = window.project, window.doc_id
    clause = "江阳区累计投入各类帮扶资金14654.73万元"
    select(window, clause)
    qtbot.keyClick(window.view, Qt.Key_4)
    text = window.view.toPlainText()  # select the 江阳区 inside the clause
    start = text.index(clause)
    c = window.view.textCursor()
    c.setPosition(start)
    c.setPosition(start + 3, QTextCursor.KeepAnchor)
    window.view.setTextCursor(c)
    qtbot.keyClick(window.view, Qt.Key_1)
    c.setPosition(start + len(clause) - 10)
    c.setPosition(start + len(clause), QTextCursor.KeepAnchor)
    window.view.setTextCursor(c)
    qtbot.keyClick(window.view, Qt.Key_2)
    labels = sorted((s.label, s.text) for s in project.spans(doc))
    assert labels == [("AMOUNT", "14654.73万元"), ("COMMITMENT", clause), ("REGION", "江阳区")]
    c.setPosition(start + 1)
    c.setPosition(start + 5, QTextCursor.KeepAnchor)
    window.view.setTextCursor(c)
    qtbot.keyClick(window.view, Qt.Key_1)
    assert len(project.spans(doc)) == 3
    assert "overlaps" in window.statusBar().currentMessage()


def test_span_after_an_astral_character_has_code_point_offsets(make_window, tmp_path, qtbot):
    text = "𠮷赵敏😀宣布向西安市捐款二百万元。"
    project = Project.open(tmp_path / "astral.annot")
    project.add_document(Document(name="astral.txt", text=text, raw_text=text,
                                  content_hash=hashlib.sha256(text.encode()).hexdigest()))
    project.set_setting("suggestions", "off")
    window = make_window(project)
    qt_text = window.view.toPlainText()
    u16 = len("𠮷赵敏😀宣布向".encode("utf-16-le")) // 2
    c = window.view.textCursor()
    c.setPosition(u16)
    c.setPosition(u16 + 3, QTextCursor.KeepAnchor)
    window.view.setTextCursor(c)
    assert c.selectedText() == "西安市" and qt_text
    qtbot.keyClick(window.view, Qt.Key_1)
    (span,) = project.spans(window.doc_id)
    assert (span.start, span.end, span.text) == (7, 10, "西安市")
    assert text[span.start:span.end] == "西安市"


def test_next_previous_and_done(window, qtbot):
    ids = window.model.ids
    assert window.doc_id == ids[0]
    qtbot.keyClick(window.view, Qt.Key_N)
    assert window.doc_id == ids[1]
    qtbot.keyClick(window.view, Qt.Key_PageDown)
    assert window.doc_id == ids[2]
    qtbot.keyClick(window.view, Qt.Key_P)
    assert window.doc_id == ids[1]
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    assert window.project.document(ids[1]).status == "done"
    assert window.doc_id == ids[2]
    assert "Done 1 / 5" in window.status_progress.text()


def test_filter_narrows_the_document_list(window, qtbot):
    box = window.findChild(QLineEdit, "documentFilter")
    box.setText("凉山")  # typed through an input method; QTest types ASCII only
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)  # the search answers from its own thread
    box.setText("对口帮扶工作")  # a longer filter: the trigram index
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)
    box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)


def test_opening_the_window_reads_the_document_list_once(make_window, tmp_path, monkeypatch):
    """Reading 500,000 ids takes 0.23 s: enabling the list's sorting must not read them again."""
    project = Project.open(tmp_path / "p.annot")
    calls = []
    real = Project.document_ids
    monkeypatch.setattr(Project, "document_ids", lambda self, **q: calls.append(q) or real(self, **q))
    make_window(project)
    assert len(calls) == 1


def test_a_filter_typed_on_while_its_search_runs_shows_the_last_answer(window, qtbot, monkeypatch):
    """The search for 凉 never ends on its own (a query counting forever): the next keystroke interrupts it."""
    real = Project._document_ids

    def endless_for_one_character(self, status, contains, order, descending):
        if contains == "凉":
            self.db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                            "SELECT count(*) FROM n").fetchone()
        return real(self, status, contains, order, descending)

    monkeypatch.setattr(Project, "_document_ids", endless_for_one_character)
    box = window.findChild(QLineEdit, "documentFilter")
    box.setText("凉山")  # the searcher's connection is open before the endless search starts
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    box.setText("凉")
    qtbot.wait(50)
    box.setText("凉山州")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1 and window.model.shows_current_query())


def test_a_restart_shows_everything_as_it_was(make_window, tmp_path, qtbot):
    from annotator.ingest.importer import import_seeds
    path = tmp_path / "p.annot"
    project = Project.open(path)
    import_seeds(project)
    project.set_setting("suggestions", "off")
    window = make_window(project)
    select(window, "王益群")
    qtbot.keyClick(window.view, Qt.Key_3)
    doc = window.doc_id
    window.close()
    project.close()
    again = make_window(Project.open(path))
    assert again.doc_id == doc  # the document worked on last is open again
    assert span_rows(again) == [("PERSON", "王益群")]
    assert [s.text for s in again.view.spans] == ["王益群"]
    assert again.project.document(doc).time_spent > 0
    again.clock._show()
    assert again.clock.text().startswith("On this document: 0:0")


def test_import_runs_in_the_background_and_shows_the_report(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QTreeWidget as Tree
    (tmp_path / "new.txt").write_text("??奉賢區(qū)舉行會(huì)議。\n当前位置:首页 > 新闻", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
    window.import_files([str(tmp_path)])
    qtbot.waitUntil(lambda: getattr(window, "import_report", None) is not None, timeout=10_000)
    assert window.model.rowCount() == 6
    tree = window.import_report.findChild(Tree, "importReportTree")
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    assert "binary file" in rows["bad.txt"].text(1)
    new = rows["new.txt"]
    assert new.text(4) == "2" and new.text(5) == "1" and new.child(0).text(1).startswith("当前位置")
    window.import_report.close()


def test_import_options_turn_repair_steps_off(window, qtbot, tmp_path):
    from annotator.gui.dialogs.imports import ImportOptionsDialog
    from PySide6.QtWidgets import QCheckBox
    dialog = ImportOptionsDialog(window)
    dialog.findChild(QCheckBox, "repair_t2s").setChecked(False)
    options = dialog.options()
    assert not options.t2s and options.pinyin
    (tmp_path / "trad.txt").write_text("奉賢區(qū)舉行會議。", encoding="utf-8")
    window.import_files([str(tmp_path / "trad.txt")], options)
    qtbot.waitUntil(lambda: getattr(window, "import_report", None) is not None, timeout=10_000)
    doc = max(window.model.ids)
    assert window.project.text(doc) == "奉賢區舉行會議。"


def test_suggestions_are_made_on_opening_and_walked_with_enter_and_x(suggesting_window, qtbot):
    window = suggesting_window
    project, doc = window.project, window.doc_id
    pending = project.spans(doc, states=("pending",))
    assert ("PERSON", "袁泉") in {(s.label, s.text) for s in pending}
    assert {s.id for s in window.view.spans} == {s.id for s in pending}  # drawn
    window.view.set_selected(pending[0])
    qtbot.keyClick(window.view, Qt.Key_Return)
    first = project.span(pending[0].id)
    assert (first.state, first.annotator) == ("accepted", "tester")
    assert window.view.selected.id == pending[1].id  # the next suggestion, ready for the next key
    qtbot.keyClick(window.view, Qt.Key_X)
    assert project.span(pending[1].id).state == "rejected"
    assert pending[1].id not in {s.id for s in window.view.spans}
    qtbot.keyClick(window.view, Qt.Key_A, Qt.ShiftModifier)
    assert {s.state for s in project.spans(doc)} == {"accepted"}
    assert all(row[0] for row in span_rows(window))
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert len(project.spans(doc, states=("pending",))) == len(pending) - 2


def test_a_new_label_is_suggested_where_the_string_occurs_again(suggesting_window, qtbot):
    window = suggesting_window
    project, doc = window.project, window.doc_id
    assert window.view.toPlainText().count("援外干部") == 2
    select(window, "援外干部")
    qtbot.keyClick(window.view, Qt.Key_3)  # the span at once, its string's other occurrence right after
    mine = lambda: [(s.state, s.origin) for s in project.spans(doc) if s.text == "援外干部"]
    qtbot.waitUntil(lambda: mine() == [("accepted", "manual"), ("pending", "suggested")])
    assert [r for r in span_rows(window) if r[1] == "援外干部"] == [("PERSON", "援外干部")] * 2


def test_export_from_the_window_writes_the_file_in_the_background(window, qtbot, tmp_path):
    from annotator.export.select import Selection
    project = window.project
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    out = tmp_path / "out.jsonl"
    window.export("jsonl", out, Selection(documents="all"))
    qtbot.waitUntil(out.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "Exported 5 documents, 1 spans" in window.statusBar().currentMessage(), timeout=5_000)
    assert '"text": "奉贤区"' in out.read_text(encoding="utf-8")
    assert project.document_count() == 5


def test_the_export_dialog_offers_every_format(window):
    from annotator.export.formats import FORMATS
    from annotator.gui.dialogs.export import ExportDialog
    dialog = ExportDialog(["tester"], Path("/tmp"), window)
    combo = dialog.findChild(QComboBox, "exportFormat")
    assert [combo.itemData(i) for i in range(combo.count())] == list(FORMATS)
    assert {"bio-layers", "prodigy"} <= set(FORMATS)
    combo.setCurrentIndex(list(FORMATS).index("bio-layers"))
    assert dialog.out() == Path("/tmp/export-bio-layers.bio")
    combo.setCurrentIndex(list(FORMATS).index("spacy"))
    assert dialog.out() == Path("/tmp/export-spacy")
    assert dialog.selection().documents == "done"


def test_corrections_from_label_studio_are_drawn_counted_and_undone_with_one_undo(window, qtbot, tmp_path):
    doc = window.doc_id
    window.project.add_span(doc, 0, 2, "REGION", annotator="li")
    out = tmp_path / "ls.json"
    export_labelstudio(window.project, out, Selection(documents="all"))
    tasks = json.loads(out.read_text(encoding="utf-8"))
    (annotation,) = next(t for t in tasks if t["id"] == doc)["annotations"]
    region = annotation["result"][0]["value"]
    region.update(end=1, text=region["text"][0])  # li shortened it in Label Studio
    out.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    window.import_files([str(out)])
    qtbot.waitUntil(lambda: getattr(window, "import_report", None) is not None, timeout=10_000)
    summary = window.import_report.findChild(QLabel, "importSummary").text()
    assert summary == "0 document(s) imported with 0 span(s), 1 updated, 4 duplicates skipped, 0 failed"
    window.import_report.close()
    assert [(s.start, s.end, s.annotator) for s in window.view.spans] == [(0, 1, "li")]
    window.undo()
    assert [(s.start, s.end, s.annotator) for s in window.view.spans] == [(0, 2, "li")]

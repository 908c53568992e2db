"""Suggestions and selections in the window: Ctrl+Enter never leaves a done document with undecided
suggestions; a label key on a suggestion accepts it; a double-click selects a word, a third click the sentence."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton


def _question(qtbot) -> QMessageBox:
    found = []
    qtbot.waitUntil(lambda: bool(found.extend(w for w in QApplication.topLevelWidgets()
                                              if w.objectName() == "pendingQuestion" and w.isVisible()) or found))
    return found[0]


@pytest.mark.parametrize("choice, state", [("accept", "accepted"), ("reject", "rejected")])
def test_ctrl_enter_with_pending_suggestions_asks_and_decides_the_rest(suggesting_window, qtbot, choice, state):
    window = suggesting_window
    doc = window.doc_id
    pending = window.project.spans(doc, states=("pending",))
    assert pending  # the first opening suggested spans
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    box = _question(qtbot)
    assert f"{len(pending)} suggestion(s)" in box.text()
    assert window.project.status(doc) != "done"
    qtbot.mouseClick(box.findChild(QPushButton, f"pending_{choice}"), Qt.LeftButton)
    assert window.project.status(doc) == "done"
    assert window.project.spans(doc, states=("pending",)) == []
    assert {s.state for s in window.project.spans(doc, states=(state,))} == {state}
    assert window.doc_id != doc  # on to the next document


def test_going_back_leaves_the_document_as_it_was(suggesting_window, qtbot):
    window = suggesting_window
    doc = window.doc_id
    before = window.project.spans(doc, states=("pending",))
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)
    box = _question(qtbot)
    box.reject()
    assert window.project.status(doc) != "done" and window.doc_id == doc
    assert window.project.spans(doc, states=("pending",)) == before


def test_a_label_key_on_exactly_a_suggestion_accepts_it(suggesting_window, qtbot):
    window = suggesting_window
    doc = window.doc_id
    suggestion = window.project.spans(doc, states=("pending",))[0]
    label = next(l for l in window.labels if l.name == suggestion.label)
    window.view.select_cp(suggestion.start, suggestion.end)
    qtbot.keyClick(window.view, label.hotkey)
    span = window.project.span(suggestion.id)
    assert (span.state, span.label, span.annotator) == ("accepted", suggestion.label, "tester")
    assert window.statusBar().currentMessage() != "" and "overlaps" not in window.statusBar().currentMessage()


def test_double_click_selects_the_word_and_a_third_click_the_sentence(window, qtbot):
    doc_with_xi = next(d for d in window.project.document_ids() if "习近平" in window.project.text(d))
    window.open_document(doc_with_xi)
    text = window.view.text
    at = text.index("习近平") + 1
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.u16.to_utf16(at))
    point = window.view.cursorRect(cursor).center()
    qtbot.mouseDClick(window.view.viewport(), Qt.LeftButton, pos=point)
    assert window.view.textCursor().selectedText() == "习近平"
    qtbot.mouseClick(window.view.viewport(), Qt.LeftButton, pos=point)
    start, end = window.view.selection_cp()
    sentence = text[start:end]
    assert "习近平" in sentence and sentence.endswith(("。", "！", "？", "；")) and "\n" not in sentence
    assert start == 0 or text[start - 1] in "。！？!?；;\n"


def test_enter_where_there_is_no_suggestion_goes_to_the_next_one(suggesting_window, qtbot):
    window = suggesting_window
    pending = window.project.spans(window.doc_id, states=("pending",))
    window.clear_selection()
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.u16.to_utf16(len(window.view.text)))  # past the last suggestion
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key_Return)
    assert window.view.selected.id == pending[0].id  # round to the first, nothing decided
    assert window.project.spans(window.doc_id, states=("pending",)) == pending


def test_escape_from_find_gives_the_label_keys_back_to_the_text(window, qtbot):
    from tests.helpers.window import select
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    assert window.find_box.hasFocus()
    window.find_box.setText("奉贤")  # (QTest types ASCII only)
    qtbot.keyClick(window.find_box, Qt.Key_Return)
    qtbot.keyClick(window.find_box, Qt.Key_Escape)
    assert not window.find_box.isVisible() and window.view.hasFocus()
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    assert [s.text for s in window.project.spans(window.doc_id)] == ["奉贤区"]


def test_a_long_document_shows_at_once_and_its_suggestions_come_when_ready(make_window, tmp_path, qtbot,
                                                                          monkeypatch):
    import hashlib

    from annotator.app.labelling import INLINE_CHARS, first_suggestions
    from annotator.core.model import Document
    from annotator.ingest.importer import import_seeds
    from annotator.store.project import Project
    project = Project.open(tmp_path / "long.annot")
    seeds = import_seeds(project)
    text = "\n".join(project.text(r.document_id) for r in seeds) * 20  # its suggestions take a while
    assert len(text) > INLINE_CHARS
    long = project.add_document(Document(name="long.txt", text=text, raw_text=text,
                                         content_hash=hashlib.sha256(text.encode()).hexdigest()))
    from annotator.gui import jobs
    made = []
    monkeypatch.setattr(jobs, "first_suggestions", lambda *a: made.append(1) or first_suggestions(*a))
    window = make_window(project)
    window.open_document(long)
    assert window.view.text == text  # drawn at once, before any suggestion
    qtbot.wait(100)  # its suggester has begun
    window.open_document(seeds[0].document_id)
    window.open_document(long)  # back before they came: they are not made a second time
    qtbot.waitUntil(lambda: any(s.state == "pending" for s in window.view.spans), timeout=20000)
    pending = project.spans(long, states=("pending",))
    assert {s.id for s in window.view.spans} == {s.id for s in pending}
    qtbot.waitUntil(lambda: window.spans.model.rowCount() == len(pending))  # the list follows
    assert made == [1]
    window.open_document(long)  # a second opening makes no more
    assert project.spans(long, states=("pending",)) == pending

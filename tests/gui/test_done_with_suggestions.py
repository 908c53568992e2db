"""Ctrl+Enter never leaves a done document with undecided suggestions: the annotator accepts or rejects
the rest, or goes back."""
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

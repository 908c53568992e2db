"""Correcting without the mouse, and finding one's way: span edges by keys, the document list's titles and
status filter, the metadata line, the suggestion progress."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from tests.helpers.window import select


def test_alt_arrows_move_a_span_edge_and_undo_puts_it_back(window, qtbot):
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    span = window.view.selected
    text = window.view.text
    qtbot.keyClick(window.view, Qt.Key_Right, Qt.AltModifier)  # the end one character right
    moved = window.project.span(span.id)
    assert (moved.start, moved.end, moved.text) == (span.start, span.end + 1, text[span.start:span.end + 1])
    qtbot.keyClick(window.view, Qt.Key_Right, Qt.AltModifier | Qt.ShiftModifier)  # the start one right
    moved = window.project.span(span.id)
    assert (moved.start, moved.end) == (span.start + 1, span.end + 1) and moved.text == text[moved.start:moved.end]
    window.undo()
    window.undo()
    back = window.project.span(span.id)
    assert (back.start, back.end, back.text) == (span.start, span.end, span.text)
    assert [(s.start, s.end) for s in window.view.spans] == [(span.start, span.end)]


def test_an_edge_never_crosses_the_other(window, qtbot):
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    span = window.view.selected
    for _ in range(5):
        qtbot.keyClick(window.view, Qt.Key_Left, Qt.AltModifier)
    shrunk = window.project.span(span.id)
    assert (shrunk.start, shrunk.end) == (span.start, span.start + 1)


def test_the_list_shows_titles_and_filters_by_status(window, qtbot):
    model = window.model
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert not any(t.endswith(".txt") for t in titles)  # the first line, not the file's hash name
    assert any(t.startswith("5月9日下午") for t in titles)
    window.project.set_status(window.doc_id, "done")
    status = window.findChild(QComboBox, "statusFilter")
    status.setCurrentIndex(status.findData("done"))
    assert model.ids == [window.doc_id]
    status.setCurrentIndex(status.findData(None))
    assert len(model.ids) == 5


def test_the_metadata_line_and_the_suggestion_progress(suggesting_window, qtbot):
    window = suggesting_window
    doc = next(d for d in window.project.document_ids() if window.project.document(d).meta.get("source"))
    window.open_document(doc)
    meta = window.findChild(QLabel, "documentMeta").text()
    assert "source: " in meta and window.project.document(doc).meta["source"] in meta
    pending = window.project.spans(doc, states=("pending",))
    progress = window.findChild(QLabel, "suggestionProgress")
    assert progress.text() == f"Suggestions decided 0 / {len(pending)}"
    window.view.set_selected(pending[0])
    qtbot.keyClick(window.view, Qt.Key_X)
    assert progress.text() == f"Suggestions decided 1 / {len(pending)}"

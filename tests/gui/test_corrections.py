"""Correcting and finding one's way: span edges by keys, rejected spans shown and restored, the span list
following the text, undo in words, the document list's titles and status filter, metadata, progress."""
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
    assert model.index(0, 1).data() == "To do"  # statuses in the UI's language
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


def test_rejected_spans_can_be_shown_and_accepted_again(suggesting_window, qtbot):
    window = suggesting_window
    suggestion = window.project.spans(window.doc_id, states=("pending",))[0]
    window.view.set_selected(suggestion)
    qtbot.keyClick(window.view, Qt.Key_X)
    assert suggestion.id not in {s.id for s in window.view.spans}  # gone from the text
    qtbot.keyClick(window.view, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier)  # show rejected spans
    shown = next(s for s in window.view.spans if s.id == suggestion.id)
    assert shown.state == "rejected" and window.view.format_for([shown]).fontStrikeOut()
    filters = window.findChild(QComboBox, "spanFilter")
    assert ("state", "rejected") in [tuple(filters.itemData(i) or ()) for i in range(filters.count())]
    window.view.set_selected(shown)
    qtbot.keyClick(window.view, Qt.Key_Return)  # restore it
    assert window.project.span(suggestion.id).state == "accepted"


def test_the_span_list_follows_the_span_selected_in_the_text(window, qtbot):
    from PySide6.QtWidgets import QTableView
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    select(window, "5月9日")
    qtbot.keyClick(window.view, Qt.Key_2)
    table = window.findChild(QTableView, "spanList")
    second = window.view.spans[1]
    window.view.set_selected(second)
    rows = table.selectionModel().selectedRows()
    assert [table.model().rows[r.row()].id for r in rows] == [second.id]


def test_undo_says_what_it_undid_in_words(window, qtbot):
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    qtbot.keyClick(window.view, Qt.Key_Z, Qt.ControlModifier)
    assert window.statusBar().currentMessage() == "Undone: add REGION 奉贤区"


def test_the_shortcut_sheet_lists_every_key_of_the_menus_and_labels(window, qtbot):
    from PySide6.QtWidgets import QTextBrowser
    qtbot.keyClick(window.view, Qt.Key_F1, Qt.ShiftModifier)
    assert window.shortcuts.isVisible()
    sheet = window.findChild(QTextBrowser, "shortcutSheet").toPlainText()
    for words in ("Accept suggestion", "Mark done, open next", "Span end one character right", "Label 地区 REGION"):
        assert words in sheet
    assert "Alt+Right" in sheet and "Ctrl+Z" in sheet


def test_the_guidelines_in_both_languages_with_search(window, qtbot):
    from PySide6.QtWidgets import QLineEdit, QTextBrowser
    qtbot.keyClick(window.view, Qt.Key_F1)
    assert window.guidelines.isVisible()
    text = window.findChild(QTextBrowser, "guidelinesText")
    language = window.findChild(QComboBox, "guidelinesLanguage")
    assert language.currentData() == "en" and "Annotation scheme" in text.toPlainText()
    language.setCurrentIndex(language.findData("zh_CN"))
    assert "标注规范" in text.toPlainText() and "| 标签 |" not in text.toPlainText()  # the table is drawn
    search = window.findChild(QLineEdit, "guidelinesSearch")
    search.setFocus()
    search.setText("习近平")
    qtbot.keyClick(search, Qt.Key_Return)
    assert text.textCursor().selectedText() == "习近平"
    assert text.minimumWidth() >= 560


def test_dragging_an_edge_of_the_selected_span_resizes_it(window, qtbot):
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    span = window.view.selected
    window.clear_selection()
    window.view.set_selected(span)

    def point(cp):
        cursor = window.view.textCursor()
        cursor.setPosition(window.view.u16.to_utf16(cp))
        rect = window.view.cursorRect(cursor)
        return rect.center()
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, pos=point(span.end))
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=point(span.end + 2))
    dragged = window.project.span(span.id)
    assert (dragged.start, dragged.end) == (span.start, span.end + 2)
    assert dragged.text == window.view.text[span.start:span.end + 2]
    window.undo()
    assert (window.project.span(span.id).start, window.project.span(span.id).end) == (span.start, span.end)

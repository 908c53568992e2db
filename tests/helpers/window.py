"""Driving the window in tests: select text as a user would (a QTextCursor, in Qt's positions)."""
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTableView


def select(window, text):
    """Select the first `text` in the viewer."""
    pos = window.view.toPlainText().index(text)
    cursor = window.view.textCursor()
    cursor.setPosition(pos)
    cursor.setPosition(pos + len(text), QTextCursor.KeepAnchor)
    window.view.setTextCursor(cursor)


def span_rows(window):
    """(label, text) of each row of the span panel."""
    model = window.findChild(QTableView, "spanList").model()
    return [(model.index(i, 0).data(), model.index(i, 1).data()) for i in range(model.rowCount())]

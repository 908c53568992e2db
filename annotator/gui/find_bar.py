"""Ctrl+F: find in the open document, Enter for the next match (wrapping round), Esc to close."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from annotator.gui.actions import tr


class FindBar(QLineEdit):
    notFound = Signal(str)  # what to say

    def __init__(self, view: QPlainTextEdit):
        super().__init__(objectName="findBox")
        self.view = view
        self.setPlaceholderText(tr("Find in the text (Enter: next, Esc: close)"))
        self.returnPressed.connect(self.find_next)
        self.hide()

    def open(self) -> None:
        self.show()
        self.setFocus()
        self.selectAll()

    def close_bar(self) -> bool:
        """Close the bar if it is open (Esc), giving the text back the focus; True if it was open."""
        if not self.isVisible():
            return False
        self.hide()
        self.view.setFocus()
        return True

    def find_next(self) -> None:
        """Select the next match after the cursor, wrapping round at the end."""
        needle = self.text()
        if not needle:
            return
        if not self.view.find(needle):
            cursor = self.view.textCursor()
            cursor.movePosition(QTextCursor.Start)
            self.view.setTextCursor(cursor)
            if not self.view.find(needle):
                self.notFound.emit(tr("Not found: %s") % needle)
                return
        self.view.centerCursor()

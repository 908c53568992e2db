"""The annotation guidelines beside the text: Chinese or English, wide enough for their tables, with search."""
from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QComboBox, QDockWidget, QHBoxLayout, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from annotator.core.resources import read_text
from annotator.gui.actions import tr

VERSIONS = (("zh_CN", "中文", "GUIDELINES.zh_CN.md"), ("en", "English", "GUIDELINES.md"))


class GuidelinesPanel(QDockWidget):
    def __init__(self, parent, language: str):
        super().__init__(tr("Guidelines"), parent, objectName="guidelines")
        self.language = QComboBox(objectName="guidelinesLanguage")
        for code, name, _ in VERSIONS:
            self.language.addItem(name, code)
        self.search = QLineEdit(objectName="guidelinesSearch")
        self.search.setPlaceholderText(tr("Search the guidelines (Enter: next)"))
        self.search.returnPressed.connect(self.find_next)
        self.browser = QTextBrowser(objectName="guidelinesText")
        self.browser.setMinimumWidth(560)  # their tables need the room
        top = QHBoxLayout()
        top.addWidget(self.language)
        top.addWidget(self.search, 1)
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.browser)
        self.setWidget(body)
        self.language.currentIndexChanged.connect(self._show)
        self.language.setCurrentIndex(0 if language == "zh_CN" else 1)
        self._show()

    def _show(self) -> None:
        name = next(f for code, _, f in VERSIONS if code == self.language.currentData())
        self.browser.setMarkdown(read_text(name))

    def find_next(self) -> bool:
        """Select the next match of the search words, wrapping round; False if there is none."""
        words = self.search.text()
        if not words:
            return False
        if self.browser.find(words):
            return True
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        return self.browser.find(words, QTextDocument.FindFlag(0))

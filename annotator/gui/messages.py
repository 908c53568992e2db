"""Message boxes and tooltips that show file names and span text as they are, never as rich text."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.gui.actions import tr


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt would read `<b>` in a span's text as markup)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


def message(parent: QWidget | None, text: str, icon=QMessageBox.Critical, *, wait: bool = False) -> QMessageBox:
    """Show `text` in a plain-text box; by default without blocking (window-modal), so the app and its
    tests go on; `wait` runs it to the end (where no event loop runs yet)."""
    box = QMessageBox(icon, "annotator", text, QMessageBox.Ok, parent)
    box.setObjectName("errorMessage" if icon == QMessageBox.Critical else "warningMessage")
    box.setTextFormat(Qt.PlainText)
    box.setAttribute(Qt.WA_DeleteOnClose)
    if wait:
        box.exec()
    else:
        box.open()
    return box


def ask_pending(parent: QWidget, count: int, decide) -> QMessageBox:
    """Marking done with undecided suggestions: accept the rest, reject the rest, or go back; `decide` is
    called with "accept" or "reject" (not at all on going back)."""
    box = QMessageBox(QMessageBox.Question, "annotator", tr(
        "%d suggestion(s) in this document are still undecided. A done document keeps no undecided "
        "suggestions: accept the rest, reject the rest, or go back and decide them one by one.") % count,
        QMessageBox.NoButton, parent)
    box.setObjectName("pendingQuestion")
    box.setTextFormat(Qt.PlainText)
    choices = {box.addButton(tr("Accept the rest"), QMessageBox.AcceptRole): "accept",
               box.addButton(tr("Reject the rest"), QMessageBox.DestructiveRole): "reject"}
    box.setDefaultButton(box.addButton(tr("Go back"), QMessageBox.RejectRole))
    for button, choice in choices.items():
        button.setObjectName(f"pending_{choice}")
    box.buttonClicked.connect(lambda button: choices.get(button) and decide(choices[button]))
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget | None, text: str) -> QMessageBox:
    return message(parent, text)


def show_warning(parent: QWidget | None, text: str) -> QMessageBox:
    return message(parent, text, QMessageBox.Warning)


def show_info(parent: QWidget | None, text: str) -> QMessageBox:
    return message(parent, text, QMessageBox.Information)

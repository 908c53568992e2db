"""The label bar: a button per label of the project, and the labels' hotkeys, rebuilt when the set changes."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QWidget

from annotator.core.model import Label
from annotator.gui.actions import add_action, tr


class LabelBar(QWidget):
    labelChosen = Signal(str)

    def __init__(self, menu: QMenu):
        super().__init__(objectName="labelBar")
        self.menu = menu
        QHBoxLayout(self).setContentsMargins(4, 2, 4, 2)
        self._actions: list[QAction] = []

    def set_labels(self, labels: list[Label]) -> None:
        bar = self.layout()
        while bar.count():
            widget = bar.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # gone at once, not at the next turn of the event loop
                widget.deleteLater()
        for action in self._actions:
            self.removeAction(action)
            self.menu.removeAction(action)
        self._actions = []
        for label in labels:
            button = QPushButton(f"{label.hotkey or ''} {label.display_zh} {label.name}".strip(),
                                 objectName=f"label_{label.name}")
            fg = "#000000" if QColor(label.color).lightness() > 110 else "#ffffff"
            button.setStyleSheet(f"background:{label.color}; color:{fg}; padding:4px 10px;")
            button.setToolTip(tr("Label the selection %s (key %s)") % (label.name, label.hotkey or "-"))
            button.clicked.connect(lambda _=False, n=label.name: self.labelChosen.emit(n))
            bar.addWidget(button)
            if label.hotkey:
                self._actions.append(add_action(self, tr("Label %s") % label.name, (label.hotkey,),
                                                lambda _=False, n=label.name: self.labelChosen.emit(n), self.menu))
        bar.addStretch(1)

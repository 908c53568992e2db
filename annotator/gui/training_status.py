"""The status bar's training widget: what a training in the background is doing (training, then scoring
the documents by need), its progress, and a button to cancel it. Hidden when nothing trains."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from annotator.app.need import PHASE as NEED_PHASE
from annotator.gui.actions import tr


class TrainingProgress(QWidget):
    cancelRequested = Signal()

    def __init__(self):
        super().__init__(objectName="trainingProgress")
        self.what = QLabel(objectName="trainingWhat")
        self.bar = QProgressBar(objectName="trainingBar")
        self.bar.setMaximumWidth(140)
        self.bar.setMaximumHeight(16)
        self.cancel = QToolButton(objectName="trainingCancel")
        self.cancel.setText(tr("Cancel"))
        self.cancel.setToolTip(tr("Stop this training (the model stays as it was)"))
        self.cancel.clicked.connect(self.cancelRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.what, self.bar, self.cancel):
            layout.addWidget(w)
        self.hide()

    def start(self, after: int = 0) -> None:
        """A training began: by hand, or by itself after `after` documents were marked done."""
        self.what.setText(tr("Retraining after %d documents done") % after if after else tr("Training a model"))
        self.bar.setRange(0, 0)  # busy until the first step is reported
        self.cancel.setEnabled(True)
        self.show()

    def show_progress(self, i: int, n: int, what: str) -> None:
        if what.startswith(NEED_PHASE):
            self.what.setText(tr("Ordering documents by need"))
            self.cancel.setToolTip(tr("Stop scoring (the new model and the scores made so far stay)"))
        self.bar.setRange(0, max(n, 1))
        self.bar.setValue(min(i, max(n, 1)))
        self.bar.setToolTip(what)

    def cancelling(self) -> None:
        self.cancel.setEnabled(False)
        self.what.setText(tr("Cancelling…"))

    def finish(self) -> None:
        self.hide()

"""The model loop in the window: a training starts by itself after every N documents marked done (in the
background, progress in the status bar, never a dialog), and the document list ordered by need."""
import json
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QSpinBox, QTableView, QWidget

from annotator.app import training
from annotator.core.errors import AnnotatorError
from annotator.store.settings import ProjectSettings

EVALUATION = {"documents": 4, "labels": {
    "REGION": {"model": {"f1": 0.9}, "rules": {"f1": 0.5}, "use": "model"},
    "PERSON": {"model": {"f1": 0.25}, "rules": {"f1": 0.75}, "use": "rules"}}}


class FakeTrain:
    """Stands in for training.train: reports a step, waits until the test lets it go, returns an evaluation."""

    def __init__(self, error: str | None = None):
        self.calls = 0
        self.started = threading.Event()
        self.release = threading.Event()
        self.error = error

    def __call__(self, project, out, steps=600, progress=None, cancelled=None):
        self.calls += 1
        if progress is not None:
            progress(3, 10, "step 3 of 10")
        self.started.set()
        if self.error:
            raise AnnotatorError(self.error)
        assert self.release.wait(10), "the test never let the training finish"
        return json.loads(json.dumps(EVALUATION))


def no_dialog_open():
    return QApplication.activeModalWidget() is None and not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def mark_done(window, qtbot):
    qtbot.keyClick(window.view, Qt.Key_Return, Qt.ControlModifier)


def test_marking_the_nth_document_done_trains_in_the_background(window, qtbot, monkeypatch):
    fake = FakeTrain()
    monkeypatch.setattr(training, "train", fake)
    ProjectSettings(window.project).retrain_after = 2
    progress = window.findChild(QWidget, "trainingProgress")
    assert not progress.isVisible()
    mark_done(window, qtbot)
    assert not window.training and fake.calls == 0  # one done: not yet
    mark_done(window, qtbot)
    assert window.training  # the second: a training began, and the window goes on
    assert fake.started.wait(5) and fake.calls == 1
    qtbot.waitUntil(lambda: window.findChild(QLabel, "trainingWhat").text().startswith("Retraining after 2"))
    assert progress.isVisible() and no_dialog_open()
    qtbot.waitUntil(lambda: window.training_status.bar.maximum() == 10 and window.training_status.bar.value() == 3)

    # the window stays responsive while it trains: keys move on, labels are made, documents marked done
    before = window.doc_id
    qtbot.keyClick(window.view, Qt.Key_N)
    assert window.doc_id != before
    window.view.setFocus()
    mark_done(window, qtbot)  # a third done while it trains: no second training
    assert fake.calls == 1 and window.training

    fake.release.set()
    qtbot.waitUntil(lambda: not window.training, timeout=5000)
    said = window.statusBar().currentMessage()
    assert "Model retrained" in said and "REGION 0.90 / 0.50 → model" in said and "PERSON 0.25 / 0.75 → rules" in said
    assert not progress.isVisible() and no_dialog_open()
    assert ProjectSettings(window.project).trained_done == 2  # the count starts again from the training's start
    fake.started.clear()
    mark_done(window, qtbot)  # 4 done, 2 since the training: the next one starts
    assert window.training and fake.started.wait(5) and fake.calls == 2
    qtbot.waitUntil(lambda: not window.training, timeout=5000)


def test_a_failing_retraining_is_said_once_in_the_status_bar(window, qtbot, monkeypatch):
    fake = FakeTrain(error="training needs spaCy, which this installation lacks")
    monkeypatch.setattr(training, "train", fake)
    ProjectSettings(window.project).retrain_after = 1
    mark_done(window, qtbot)
    qtbot.waitUntil(lambda: not window.training, timeout=5000)
    assert fake.calls == 1 and "needs spaCy" in window.statusBar().currentMessage() and no_dialog_open()
    window.statusBar().clearMessage()
    mark_done(window, qtbot)  # due again, but retraining by itself stopped for this session
    mark_done(window, qtbot)
    assert fake.calls == 1 and not window.training and "spaCy" not in window.statusBar().currentMessage()


def test_retraining_is_off_unless_set(window, qtbot, monkeypatch):
    fake = FakeTrain()
    monkeypatch.setattr(training, "train", fake)
    for _ in range(4):
        mark_done(window, qtbot)
    assert fake.calls == 0 and not window.training


def test_the_setting_is_in_the_settings_dialog(window, qtbot):
    dialog = window.open_settings()
    box = dialog.findChild(QSpinBox, "settingsRetrainAfter")
    assert box.value() == 0 and box.text() == "Off"
    box.setValue(25)
    dialog.accept()
    assert ProjectSettings(window.project).retrain_after == 25
    dialog = window.open_settings()
    assert dialog.findChild(QSpinBox, "settingsRetrainAfter").value() == 25
    dialog.reject()


def test_the_list_ordered_by_need_and_next_document_follow_it(window, qtbot):
    project = window.project
    by_name = list(window.model.ids)
    scores = {by_name[3]: 12.5, by_name[1]: 30.0, by_name[4]: 2.0}
    project.set_need(scores)
    window.named["orderByNeedAction"].trigger()
    wanted = [by_name[1], by_name[3], by_name[4], by_name[0], by_name[2]]
    assert window.model.ids == wanted
    table = window.findChild(QTableView, "documentList")
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == 5 and header.sortIndicatorOrder() == Qt.AscendingOrder
    assert [table.model().index(r, 5).data() for r in range(5)] == ["30.0", "12.5", "2.0", "", ""]
    window.open_document(wanted[0])
    mark_done(window, qtbot)  # the next unfinished in the list's order: the next most needed
    assert window.doc_id == wanted[1]
    qtbot.keyClick(window.view, Qt.Key_N)  # next document: the list's next row
    assert window.doc_id == wanted[2]
    # the done one lost its score: it went among the unscored, by name
    window.model.reload()
    assert window.model.ids == [by_name[3], by_name[4], by_name[0], by_name[1], by_name[2]]


def test_ordering_by_need_before_any_training_says_what_to_do(window, qtbot):
    window.named["orderByNeedAction"].trigger()
    assert "train a model first" in window.statusBar().currentMessage()
    assert window.model.ids == window.project.document_ids(order="name")

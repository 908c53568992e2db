"""File > Sync with Label Studio in the window, against the real server: off the UI thread, the result in a
message, the open document showing what came from the server, and one Ctrl+Z taking it back."""
import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox  # noqa: E402

from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.store.sync import SyncStore  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.labelstudio]


def _message(window, qtbot) -> str:
    """The text of the message the sync ends with, closed."""
    shown = lambda: [b for b in window.findChildren(QMessageBox) if b.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: bool(shown()), timeout=60_000)
    box = shown()[0]
    text = box.text()
    box.close()
    return text


def test_the_window_syncs_and_shows_what_came_back(seeded_project, ls_server, second_user, title, qtbot):
    seeded_project.set_setting("suggestions", "off")
    window = MainWindow(seeded_project, "wang")
    qtbot.addWidget(window)
    window.show()
    window.sync(ls_server.url, ls_server.token, title)
    assert "5 document(s) pushed as tasks" in _message(window, qtbot)

    doc = window.doc_id
    text = seeded_project.text(doc)
    task = SyncStore(seeded_project).synced()[doc].task_id
    ls_server.api("POST", f"/api/tasks/{task}/annotations", {"completed_by": second_user["id"], "result": [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 2, "text": text[:2], "labels": ["PERSON"]}}]})
    window.sync("", "", "")  # remembered
    assert "1 changed here" in _message(window, qtbot)
    assert [(s.start, s.end, s.annotator) for s in window.project.spans(doc, ("accepted",))] == [
        (0, 2, second_user["email"])]
    window.undo()
    assert window.project.spans(doc, ("accepted",)) == []

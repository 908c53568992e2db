"""Team > Agreement and Team > Merge projects in the window."""
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QTableWidget

from annotator.core.text import content_hash
from annotator.store.project import Project


TEXTS = {"calm.txt": "浙江省援建四川省。", "hard.txt": "上海市对口支援云南省，投入资金二百万元。"}


def _annotator_file(path, who, spans):
    """One annotator's own project with the two documents and their spans, as they would send it."""
    from tests.helpers.data import add_text
    with Project.open(path) as own:
        for name, text in TEXTS.items():
            doc = add_text(own, text, name)
            for start, end, label in spans.get(name, []):
                own.add_span(doc, start, end, label, annotator=who)
    return path


def test_the_agreement_view_lists_labels_and_documents_worst_first_and_opens_one(make_window, tmp_path, qtbot):
    from annotator.app.merge import merge_projects
    li = _annotator_file(tmp_path / "li.annot", "li", {"calm.txt": [(0, 3, "REGION"), (5, 8, "REGION")],
                         "hard.txt": [(0, 3, "REGION"), (7, 10, "REGION"), (15, 19, "AMOUNT")]})
    wang = _annotator_file(tmp_path / "wang.annot", "wang", {"calm.txt": [(0, 3, "REGION"), (5, 8, "REGION")],
                           "hard.txt": [(0, 3, "REGION")]})
    project = Project.open(tmp_path / "team.annot")  # closed with the window
    project.set_setting("suggestions", "off")
    assert not any(r.error for r in merge_projects(project, [li, wang]))
    hard = project.document_id_by_hash(content_hash(TEXTS["hard.txt"]))
    window = make_window(project)
    window.findChild(QAction, "agreementAction").trigger()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "agreementDialog") is not None, timeout=10_000)
    dialog = window.findChild(QDialog, "agreementDialog")
    labels = dialog.findChild(QTableWidget, "agreementLabels")
    rows = {labels.item(r, 0).text(): [labels.item(r, c).text() for c in range(1, 5)] for r in range(labels.rowCount())}
    assert rows["REGION"][:2] == ["0.857", "0.857"]  # li 4 regions, wang 3, all 3 of his exact: 2*3/7
    assert rows["AMOUNT"][0] == "0.000" and rows["AMOUNT"][3] == "li 1, wang 0"
    documents = dialog.findChild(QTableWidget, "agreementDocuments")
    assert [documents.item(r, 0).text() for r in range(documents.rowCount())] == ["hard.txt", "calm.txt"]
    documents.cellDoubleClicked.emit(0, 0)
    assert window.doc_id == hard


def test_adjudicating_a_document_by_keys_gives_the_curator_spans(make_window, tmp_path, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDockWidget, QLabel

    from tests.helpers.data import add_text
    text = "西安市和宜川县签署协议投入资金三百万元用于教育"
    project = Project.open(tmp_path / "team.annot")  # closed with the window
    project.set_setting("suggestions", "off")
    doc = add_text(project, text, "team.txt")
    for who, spans in (("li", [(0, 3, "REGION"), (4, 7, "REGION"), (15, 19, "AMOUNT"), (7, 11, "COMMITMENT"),
                               (11, 13, "PERSON")]),
                       ("wang", [(0, 3, "REGION"), (13, 19, "AMOUNT"), (7, 23, "COMMITMENT"), (12, 15, "PERSON")])):
        for start, end, label in spans:
            project.add_span(doc, start, end, label, annotator=who)
    window = make_window(project)
    window.open_document(doc)
    qtbot.keyClick(window.view, Qt.Key_J, Qt.ControlModifier)
    panel = window.findChild(QDockWidget, "adjudicationPanel")
    lanes = window.findChild(QTableWidget, "adjudicationLanes")
    assert panel.isVisible() and lanes.hasFocus()
    curator = lambda state: sorted((s.start, s.end, s.label) for s in project.spans(doc, (state,))
                                   if s.annotator == "curator")
    assert curator("accepted") == [(0, 3, "REGION")]  # agreed: accepted at once
    header = window.findChild(QLabel, "adjudicationHeader")
    assert "1 of 4" in header.text() and "REGION" in header.text()
    assert [lanes.item(r, 1).text() for r in range(lanes.rowCount())][:2] == ["li", "wang"]
    assert "[宜川县]" in lanes.cellWidget(0, 2).text() and "[" not in lanes.cellWidget(1, 2).text()
    assert [(s.text, lane) for s, _, lane in window.adjudication_outlines.spans] == [("宜川县", 0)]  # in the viewer
    for key in (Qt.Key_1, Qt.Key_N, Qt.Key_B, Qt.Key_2):  # li's region, no commitment, both people, wang's amount
        qtbot.keyClick(lanes, key)
    assert curator("accepted") == [(0, 3, "REGION"), (4, 7, "REGION"), (12, 15, "PERSON"), (13, 19, "AMOUNT")]
    assert "No disagreements left: 4 of 4" in header.text()
    qtbot.keyClick(lanes, Qt.Key_Z, Qt.ControlModifier)  # the last decision taken back
    assert (13, 19, "AMOUNT") not in curator("accepted") and "AMOUNT" in header.text()
    qtbot.keyClick(lanes, Qt.Key_1)
    assert (15, 19, "AMOUNT") in curator("accepted")
    qtbot.keyClick(lanes, Qt.Key_Escape)
    assert not panel.isVisible() and window.doc_id == doc
def test_team_sync_says_in_one_message_when_the_server_cannot_be_reached(window, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.dialogs import SyncDialog
    from annotator.store.settings import ProjectSettings

    dialog = SyncDialog(" http://127.0.0.1:9 ", "a-token", "team")
    assert dialog.values() == ("http://127.0.0.1:9", "a-token", "team")
    assert dialog.token.echoMode() == dialog.token.EchoMode.Password
    dialog.deleteLater()
    before = window.project.stats()
    window.sync("http://127.0.0.1:9", "a-token", "team")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None, timeout=10_000)
    text = window.findChild(QMessageBox, "errorMessage").text()
    assert "cannot reach the server" in text and "a-token" not in text
    assert window.project.stats() == before and ProjectSettings(window.project).sync_target is None


def test_open_sync_conflicts_are_listed_and_open_their_document(make_window, tmp_path, qtbot):
    from PySide6.QtWidgets import QDialog

    from annotator.store.sync import Conflict, SyncStore
    from tests.helpers.data import add_text
    project = Project.open(tmp_path / "team.annot")  # closed with the window
    project.set_setting("suggestions", "off")
    add_text(project, "浙江省援建四川省。", "calm.txt")
    doc = add_text(project, "上海市对口支援云南省。", "hard.txt")
    SyncStore(project).set_conflicts([doc], [Conflict(doc, "wang", frozenset({(0, 3, "REGION")}),
                                                      frozenset({(0, 2, "REGION")}))])
    window = make_window(project)
    window.findChild(QAction, "conflictsAction").trigger()
    dialog = window.findChild(QDialog, "conflictsDialog")
    table = dialog.findChild(QTableWidget, "syncConflicts")
    assert [table.item(0, c).text() for c in range(4)] == ["hard.txt", "wang", "REGION 上海市 [0, 3)",
                                                          "REGION 上海 [0, 2)"]
    table.cellDoubleClicked.emit(0, 0)
    assert window.doc_id == doc


def test_the_span_list_says_who_made_each_span_once_a_document_has_two_annotators(make_window, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from tests.helpers.data import add_text
    project = Project.open(tmp_path / "team.annot")
    project.set_setting("suggestions", "off")
    doc = add_text(project, TEXTS["hard.txt"], "hard.txt")
    project.add_span(doc, 0, 3, "REGION", annotator="li")
    window = make_window(project)
    window.open_document(doc)
    table = window.findChild(QTableView, "spanList")
    assert table.isColumnHidden(4)  # one annotator: nothing to tell apart
    project.add_span(doc, 0, 3, "REGION", annotator="wang")  # two annotators may mark the same words
    window.open_document(doc)
    model = table.model()
    assert not table.isColumnHidden(4) and model.headerData(4, Qt.Horizontal) == "Annotator"
    assert sorted(model.index(i, 4).data() for i in range(model.rowCount())) == ["li", "wang"]

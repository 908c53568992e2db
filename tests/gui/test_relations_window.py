"""Relations in the window: made by keys (R, Tab, the type's key), reviewed in the relation panel (Enter, X,
Delete), undone, and suggested with the spans on a first opening."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from annotator.store.project import Project
from tests.helpers.data import add_text

TEXT = "上海市对口支援云南省，投入资金二百万元。"


def relation_rows(window):
    model = window.findChild(QTableView, "relationList").model()
    return [tuple(model.index(r, c).data() for c in range(4)) for r in range(model.rowCount())]


def _spans_window(make_window, tmp_path, suggestions="off", text=TEXT):
    project = Project.open(tmp_path / "r.annot")  # closed with the window
    project.set_setting("suggestions", suggestions)
    doc = add_text(project, text)
    if suggestions == "off":
        for start, end, label in [(0, 3, "REGION"), (7, 10, "REGION"), (15, 19, "AMOUNT")]:
            project.add_span(doc, start, end, label, annotator="li")
    return make_window(project), project, doc


def test_a_relation_made_by_keys_is_stored_listed_outlined_and_undone(make_window, tmp_path, qtbot):
    window, project, doc = _spans_window(make_window, tmp_path)
    view = window.view
    qtbot.keyClick(view, Qt.Key_Tab)  # 上海市
    qtbot.keyClick(view, Qt.Key_R)
    assert view.head.text == "上海市"
    qtbot.keyClick(view, Qt.Key_Tab)  # 云南省
    qtbot.keyClick(view, Qt.Key_S)
    [relation] = project.relations(doc)
    assert (relation.type, relation.state, relation.annotator) == ("SUPPORTS", "accepted", "tester")
    assert relation_rows(window) == [("REGION 上海市", "支援 SUPPORTS", "REGION 云南省", "accepted")]
    assert view.head is None and view.link is not None and [s.text for s in view.link[:2]] == ["上海市", "云南省"]
    # a type that does not allow the labels is refused in one line, nothing stored
    qtbot.keyClick(view, Qt.Key_Tab)  # 二百万元
    qtbot.keyClick(view, Qt.Key_R)
    qtbot.keyClick(view, Qt.Key_Tab)  # back to 上海市 (wraps)
    qtbot.keyClick(view, Qt.Key_S)
    assert "SUPPORTS goes from REGION" in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key_Escape)
    assert view.head is None and len(project.relations(doc)) == 1
    qtbot.keyClick(view, Qt.Key_Z, Qt.ControlModifier)
    assert project.relations(doc) == [] and relation_rows(window) == []


def test_suggested_relations_are_accepted_rejected_and_deleted_in_the_panel(make_window, tmp_path, qtbot):
    window, project, doc = _spans_window(make_window, tmp_path, "on", "上海市对口支援云南省，向云南省投入资金二百万元。")
    assert {(r.type, r.state) for r in project.relations(doc)} == {("SUPPORTS", "pending"), ("FUNDS", "pending")}
    table = window.findChild(QTableView, "relationList")
    table.setFocus()
    table.selectRow(0)
    first = window.relations.selected().relation
    qtbot.keyClick(table, Qt.Key_Return)
    assert project.relation(first.id).state == "accepted"
    second = window.relations.selected().relation  # Enter moved to the next suggestion
    assert second.id != first.id and second.state == "pending"
    qtbot.keyClick(table, Qt.Key_X)
    assert project.relation(second.id).state == "rejected"
    assert [r.id for r in project.relations(doc)] == [first.id]  # rejected ones leave the panel
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key_Delete)
    assert project.relations(doc, ("accepted", "pending", "rejected")) == [project.relation(second.id)]
    assert relation_rows(window) == []

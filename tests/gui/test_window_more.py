"""The rest of the window: original text, find, word moves and snapping, settings and the label-set editor,
projects, and the Chinese UI."""
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableWidget

from annotator.ingest.t2s import to_simplified
from annotator.ingest.words import word_bounds
from annotator.store.project import Project
from tests.helpers.window import select


@pytest.fixture(autouse=True)
def _private_settings(tmp_path, monkeypatch):
    """QSettings in a folder of the test's own."""
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


def test_the_original_text_shows_the_same_spans_mapped_onto_it(window, qtbot):
    select(window, "奉贤区")
    qtbot.keyClick(window.view, Qt.Key_1)
    qtbot.keyClick(window.view, Qt.Key_R, Qt.ControlModifier)
    raw = window.project.document(window.doc_id).raw_text
    assert window.view.toPlainText() == raw and "區" in raw
    (span,) = window.view.spans
    assert to_simplified(raw[span.start:span.end]) == "奉贤区"
    select(window, "王益群")
    qtbot.keyClick(window.view, Qt.Key_3)  # refused in the original text
    assert len(window.project.spans(window.doc_id)) == 1
    assert "normalized" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key_R, Qt.ControlModifier)
    assert window.view.toPlainText() == window.project.text(window.doc_id)


def test_ctrl_f_finds_and_wraps(window, qtbot):
    qtbot.keyClick(window.view, Qt.Key_F, Qt.ControlModifier)
    box = window.findChild(QLineEdit, "findBox")
    assert box.isVisible() and box.hasFocus()
    box.setText("袁泉")
    qtbot.keyClick(box, Qt.Key_Return)
    first = window.view.textCursor().selectionStart()
    assert window.view.textCursor().selectedText() == "袁泉"
    for _ in range(window.view.toPlainText().count("袁泉")):
        qtbot.keyClick(box, Qt.Key_Return)
    assert window.view.textCursor().selectionStart() == first  # wrapped round
    qtbot.keyClick(box, Qt.Key_Escape)
    assert not box.isVisible()


def test_ctrl_shift_arrows_select_by_jieba_words(window, qtbot):
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    first_line = window.view.toPlainText().split("\n")[0]
    assert window.view.selection_cp() == (0, word_bounds(first_line)[2])


def test_snap_mode_widens_a_selection_to_whole_words(window, qtbot):
    window.settings.snap = True
    text = window.view.toPlainText()
    start = text.index("袁泉") + 1
    cursor = window.view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + 1, QTextCursor.KeepAnchor)  # half of the name
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key_3)
    (span,) = window.project.spans(window.doc_id)
    assert span.start < start and span.text.endswith("泉")


def test_settings_change_the_name_font_and_label_set(window, qtbot):
    dialog = window.open_settings()
    dialog.findChild(QLineEdit, "settingsAnnotator").setText("王芳")
    dialog.font_size.setValue(18)
    assert dialog.add_label("ORG")
    table = dialog.findChild(QTableWidget, "labelTable")
    assert table.rowCount() == 5 and table.item(4, 0).text() == "ORG" and table.item(4, 4).text() == "5"
    table.item(4, 1).setText("机构")  # edited in place: committed at once
    assert window.project.labels()[-1].display_zh == "机构"
    table.item(4, 4).setText("1")  # a hotkey in use: refused, with the reason shown
    assert "already used by REGION" in dialog.error.text()
    dialog.accept()
    assert window.annotator == "王芳" and window.view.font().pointSize() == 18
    button = window.findChild(QPushButton, "label_ORG")
    assert button is not None and "机构" in button.text()
    select(window, "海湾镇")
    qtbot.keyClick(window.view, Qt.Key_5)
    (span,) = window.project.spans(window.doc_id)
    assert (span.label, span.annotator) == ("ORG", "王芳")


def test_a_label_in_use_is_deleted_only_by_moving_its_spans(window, qtbot):
    select(window, "海湾镇")
    qtbot.keyClick(window.view, Qt.Key_1)
    dialog = window.open_settings()
    dialog.table.setCurrentCell(0, 0)
    assert dialog.delete_label(move_to="PERSON")  # the dialog asks where; the test answers
    dialog.accept()
    assert window.findChild(QPushButton, "label_REGION") is None
    assert [s.label for s in window.project.spans(window.doc_id)] == ["PERSON"]


def test_new_and_recent_projects(window, qtbot, tmp_path):
    path = tmp_path / "other.annot"
    new = window.switch_project(str(path))
    qtbot.addWidget(new)
    assert new.project.path == path and new.model.rowCount() == 0
    assert new.recent_menu.actions()[0].text() == str(path.resolve())
    assert not window.isVisible()


def test_the_ui_is_in_chinese_when_chosen(window, qtbot):
    from annotator.gui.i18n import install_translator
    from annotator.gui.main_window import MainWindow
    qm = Path(__file__).resolve().parents[2] / "resources" / "annotator_zh_CN.qm"
    if not qm.exists():
        pytest.skip("translations not compiled (scripts/build_translations.py)")
    from annotator.gui.user_settings import UserSettings
    settings = UserSettings()
    settings.language = "zh_CN"
    try:
        assert install_translator(QApplication.instance(), settings) == "zh_CN"
        chinese = MainWindow(window.project, "tester")
        qtbot.addWidget(chinese)
        titles = [a.text() for a in chinese.menuBar().actions()]
        assert titles[0] == "文件(&F)" and "编辑(&E)" in titles
        assert chinese.model.index(0, 1).data() == "未开始"
        span = chinese.project.add_span(chinese.doc_id, 0, 2, "PERSON", annotator="tester")
        assert "(人工, 已接受 · tester)" in chinese.view.describe(span)
    finally:
        settings.language = "en"
        install_translator(QApplication.instance(), settings)


def test_a_backup_made_on_open_is_restored_from_the_file_menu(make_window, qtbot, tmp_path):
    from annotator.gui.project_actions import open_for_work
    from annotator.ingest.importer import import_seeds
    from annotator.store.backups import list_backups
    path = tmp_path / "p.annot"
    with Project.open(path) as project:
        import_seeds(project)
        project.set_setting("suggestions", "off")
    window = make_window(open_for_work(path)[0])  # the app's way of opening: a backup first
    qtbot.waitUntil(lambda: len(list_backups(path)) == 1)  # made while the window opened
    (backup,) = list_backups(path)
    select(window, "海湾镇")
    qtbot.keyClick(window.view, Qt.Key_1)
    assert len(window.project.spans(window.doc_id)) == 1
    restored = window.restore(backup)
    qtbot.addWidget(restored)
    assert restored.project.spans(restored.doc_id) == []  # back to the state of the backup
    assert len(list_backups(path)) == 2  # the replaced state was backed up too
    restored.close()

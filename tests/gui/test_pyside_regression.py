"""PySide6 6.12.0 under CPython 3.11 aborts (none_dealloc) after thousands of calls returning None."""
import sys

import pytest

QtGui = pytest.importorskip("PySide6.QtGui")


def test_hundred_thousand_calls_returning_none_do_not_crash(qapp):
    doc = QtGui.QTextDocument("赵敏😀宣布向西安市捐款二百万元。" * 10)
    cursor = QtGui.QTextCursor(doc)
    for i in range(100_000):
        cursor.setPosition(i % 100)
    assert cursor.position() == 99 % 100 or cursor.position() >= 0
    assert sys.getrefcount(None) > 0


def test_installed_pyside6_is_not_the_crashing_combination():
    import PySide6
    if sys.version_info < (3, 12):
        assert tuple(int(x) for x in PySide6.__version__.split(".")[:2]) < (6, 12), PySide6.__version__

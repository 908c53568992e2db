"""GUI fixtures: a main window on a project made from the seeds, driven by objectName."""
import pytest

pytest.importorskip("PySide6")

from annotator.gui.main_window import MainWindow  # noqa: E402


@pytest.fixture
def make_window(qtbot):
    def make(project, annotator="tester"):
        window = MainWindow(project, annotator)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.view.setFocus()
        return window
    return make


@pytest.fixture
def window(make_window, seeded_project):
    """A window with suggestions off, so that the spans are the test's own."""
    seeded_project.set_setting("suggestions", "off")
    return make_window(seeded_project)


@pytest.fixture
def suggesting_window(make_window, seeded_project):
    return make_window(seeded_project)

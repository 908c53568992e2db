"""Shared fixtures. Qt runs offscreen and the user's real data folder is never touched."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest

from annotator.store.project import Project


def pytest_collection_modifyitems(config, items):
    """Qt warnings fail a test (pytest-qt's log capture), except the offscreen platform's own notice;
    set here rather than in pyproject.toml, which must also hold for the run without Qt."""
    if not config.pluginmanager.hasplugin("pytestqt"):
        return
    for item in items:
        item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
        item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.setenv("ANNOTATOR_CONFIG_DIR", str(tmp_path_factory.mktemp("userconfig")))


@pytest.fixture
def fresh_project():
    """An empty in-memory project."""
    with Project.open(None) as project:
        yield project


@pytest.fixture
def seeded_project(tmp_path):
    """A project file holding the five seed reports."""
    from annotator.ingest.importer import import_seeds

    project = Project.open(tmp_path / "seeded.annot")
    import_seeds(project)
    yield project
    project.close()

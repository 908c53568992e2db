"""Shared fixtures. Qt runs offscreen and the user's real data folder is never touched."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import pytest

from annotator.store.project import Project


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


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

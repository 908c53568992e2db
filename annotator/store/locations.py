"""Where the user's default project lives (platformdirs); ANNOTATOR_DATA_DIR overrides it (tests, portable use)."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PROJECT_SUFFIX = ".annot"


def data_dir() -> Path:
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir("pairing-annotator", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"

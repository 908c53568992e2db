"""Where the user's default project and config live (platformdirs); ANNOTATOR_DATA_DIR and ANNOTATOR_CONFIG_DIR
override them (tests, portable use)."""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from annotator.core.errors import ProjectError

PROJECT_SUFFIX = ".annot"


def data_dir_path() -> Path:
    """The data folder's path, without creating it."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("pairing-annotator", appauthor=False))


def data_dir() -> Path:
    """The data folder, created if missing; ProjectError says why when it cannot be used."""
    path = data_dir_path()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ProjectError(f"{path}: the data folder cannot be used: {e.strerror or e}") from e
    if not os.access(path, os.W_OK | os.X_OK):
        raise ProjectError(f"{path}: the data folder is read-only")
    return path


def config_dir_path() -> Path:
    """The user's config folder (secrets such as a Label Studio token); ANNOTATOR_CONFIG_DIR overrides it."""
    override = os.environ.get("ANNOTATOR_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir("pairing-annotator", appauthor=False))


def default_project_path() -> Path:
    return data_dir() / f"default{PROJECT_SUFFIX}"

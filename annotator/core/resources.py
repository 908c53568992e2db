"""Access to the packaged data files (resources/ and seeds/) through importlib.resources.

The same calls work in a checkout, an installed wheel and the PyInstaller bundle.
"""
from __future__ import annotations

import json
from importlib import resources
from importlib.abc import Traversable


def resource(name: str) -> Traversable:
    """The packaged resource file `name` (a path below resources/)."""
    return resources.files("annotator.resources").joinpath(name)


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")


def read_json(name: str):
    return json.loads(read_text(name))


def seed_files() -> list[Traversable]:
    """The demo reports, sorted by name."""
    root = resources.files("annotator.seeds")
    return sorted((f for f in root.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)

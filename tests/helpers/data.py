"""The reference data the tests read, kept in the repository (tests/data), not in the shared folder."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def data_path(relative: str) -> Path:
    """A file or folder under tests/data; a missing one fails the test loudly, never quietly passes it."""
    path = DATA / relative
    if not path.exists():
        raise FileNotFoundError(f"test data missing: {path} (tests/data/README.md says where it comes from)")
    return path

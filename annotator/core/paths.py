"""File names as the user sees them."""
from __future__ import annotations

import os


def shown(path: str | os.PathLike) -> str:
    """A path fit to print and store: bytes of a file name that are not UTF-8 become U+FFFD, not an error."""
    return os.fsencode(path).decode("utf-8", "replace")


def file_name(path: str) -> str:
    """The last part of a stored path, whichever separator it was written with: what an export may say of a
    document's source (the folders above it may name the user or the machine, and are left out)."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]

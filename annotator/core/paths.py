"""File names as the user sees them."""
from __future__ import annotations

import os


def shown(path: str | os.PathLike) -> str:
    """A path fit to print and store: bytes of a file name that are not UTF-8 become U+FFFD, not an error."""
    return os.fsencode(path).decode("utf-8", "replace")

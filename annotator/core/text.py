"""Facts about the text itself: which characters are Chinese, and a document's identity by its text."""
from __future__ import annotations

import hashlib

# CJK ideographs: Extension A, the unified block, compatibility ideographs (regex class contents).
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _RANGES)


def content_hash(text: str) -> str:
    """A document's identity: the SHA-256 of its normalized text (duplicates are found by it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

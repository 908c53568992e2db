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


SENTENCE_END = "。！？!?；;"


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence that holds position `pos` (a triple-click): after the previous sentence end or line
    break, through the next one (the line break itself left out)."""
    start = max(text.rfind(ch, 0, pos) for ch in SENTENCE_END + "\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in SENTENCE_END) if i >= 0]
    line_end = text.find("\n", pos)
    end = min(ends) + 1 if ends else len(text)
    if line_end >= 0:
        end = min(end, line_end)
    return start, max(end, start)


def sentences_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence or sentences holding [start, end): a relation's two spans, from the first to the last."""
    return sentence_at(text, start)[0], sentence_at(text, max(start, end - 1))[1]

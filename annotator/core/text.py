"""Facts about the text itself: which characters are Chinese, and a document's identity by its text."""
from __future__ import annotations

import hashlib
import re

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
SENTENCE_BREAK = re.compile(f"[{re.escape(SENTENCE_END)}\n]")


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence that holds position `pos` (a triple-click): after the previous sentence end or line
    break, through the next one (the line break itself left out)."""
    start = _sentence_start(text, pos)
    found = SENTENCE_BREAK.search(text, pos)
    end = len(text) if found is None else found.start() + (found.group() != "\n")
    return start, max(end, start)


def _sentence_start(text: str, pos: int, window: int = 512) -> int:
    """After the last sentence end or line break before `pos`: looked for a window at a time, so the cost
    is the sentence's length, not the text's (str.rfind of a character absent from the text reads it all)."""
    hi = pos
    while hi > 0:
        lo = max(0, hi - window)
        last = max(text.rfind(ch, lo, hi) for ch in SENTENCE_END + "\n")
        if last >= 0:
            return last + 1
        hi = lo
    return 0


def sentences_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence or sentences holding [start, end): a relation's two spans, from the first to the last."""
    return sentence_at(text, start)[0], sentence_at(text, max(start, end - 1))[1]

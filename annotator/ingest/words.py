"""Word boundaries by jieba, for moving the cursor word by word and snapping selections to whole words."""
from __future__ import annotations

import bisect
from functools import lru_cache


def load_in_background() -> None:
    """Import jieba and load its dictionary (about a second) in a thread, so neither start-up nor the first
    word move or snap waits for them."""
    import threading

    def load() -> None:
        import jieba
        jieba.initialize()

    threading.Thread(target=load, name="jieba-dictionary", daemon=True).start()


@lru_cache(maxsize=4096)
def word_bounds(line: str) -> tuple[int, ...]:
    """Code-point offsets in `line` where a jieba word starts or ends (0 and len(line) included)."""
    import jieba

    bounds = {0, len(line)}
    for _, start, end in jieba.tokenize(line):
        bounds.update((start, end))
    return tuple(sorted(bounds))


def next_bound(line: str, pos: int, step: int) -> int:
    """The next word boundary after `pos` (step 1) or before it (step -1)."""
    bounds = word_bounds(line)
    if step > 0:
        i = bisect.bisect_right(bounds, pos)
        return bounds[i] if i < len(bounds) else len(line)
    i = bisect.bisect_left(bounds, pos) - 1
    return bounds[i] if i >= 0 else 0


def word_step(text: str, pos: int, step: int) -> int:
    """The next word boundary of the text after `pos` (step 1) or before it (step -1); a line's end and the
    next line's start are steps too."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    if step > 0 and pos >= line_end:
        return min(pos + 1, len(text))
    if step < 0 and pos <= line_start:
        return max(pos - 1, 0)
    return line_start + next_bound(text[line_start:line_end], pos - line_start, step)


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole words of the line it starts in."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    bounds = word_bounds(line)
    s = bounds[bisect.bisect_right(bounds, start - line_start) - 1]
    e_rel = min(end, line_end) - line_start
    e = bounds[bisect.bisect_left(bounds, e_rel)]
    return line_start + s, line_start + max(e, s + 1)




def word_at(text: str, pos: int) -> tuple[int, int]:
    """The jieba word of its line that holds position `pos` (a double-click)."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if not line:
        return pos, pos
    bounds = word_bounds(line)
    rel = min(pos - line_start, len(line) - 1)
    i = bisect.bisect_right(bounds, rel) - 1
    return line_start + bounds[i], line_start + bounds[i + 1]

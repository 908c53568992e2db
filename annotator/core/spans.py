"""Span invariants: offsets inside the text, text equal to text[start:end], trimming."""
from __future__ import annotations

import bisect

import unicodedata
from collections.abc import Iterable

from annotator.core.errors import SpanError
from annotator.core.model import Span


def check_span(text: str, start: int, end: int, span_text: str | None = None) -> None:
    """Refuse a span that does not fit `text`; `span_text`, if given, must equal text[start:end]."""
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        raise SpanError(f"span offsets must be whole numbers, got {start!r}, {end!r}")
    if not 0 <= start < end <= len(text):
        raise SpanError(f"span [{start}, {end}) is outside the text (length {len(text)})")
    if span_text is not None and text[start:end] != span_text:
        raise SpanError(
            f"span [{start}, {end}) text {span_text!r} does not match the document's {text[start:end]!r}"
        )


def _is_trimmable(ch: str) -> bool:
    """Whitespace and punctuation (Chinese and ASCII) are trimmed from span edges."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PZC"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace and punctuation; may return an empty range."""
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def owner(annotator: str, state: str) -> str | None:
    """Whose live spans of its label a live span may not overlap: its annotator's (two annotators may mark the
    same words, and the curator decides over them); None, everyone's, for a pending suggestion, which belongs
    to whoever will accept it."""
    return None if state == "pending" else annotator


def may_not_overlap(a: str | None, b: str | None) -> bool:
    """The overlap rule between two live spans of one label, by their `owner`s."""
    return a is None or b is None or a == b


def same_label_overlap(spans: Iterable[Span], start: int, end: int, label: str, who: str | None,
                       ignore_id: int | None = None) -> Span | None:
    """The first live span of `label` overlapping [start, end) that a span of owner `who` may not overlap,
    other than `ignore_id`."""
    for s in spans:
        if s.label == label and s.id != ignore_id and s.state != "rejected" and s.start < end and start < s.end \
                and may_not_overlap(who, owner(s.annotator, s.state)):
            return s
    return None


class Intervals:
    """Non-overlapping [start, end) ranges, kept sorted: an overlap test costs a binary search."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(ranges):
            self.add(start, end)

    @classmethod
    def from_sorted(cls, starts: list[int], ends: list[int]) -> "Intervals":
        """From ranges already sorted by start and not overlapping (a query's rows): no per-range insert."""
        ranges = cls()
        ranges.starts, ranges.ends = starts, ends
        return ranges

    def copy(self) -> "Intervals":
        return Intervals.from_sorted(list(self.starts), list(self.ends))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        return (i > 0 and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end)

    def remove(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] == start:
            if self.ends[i] == end:
                del self.starts[i], self.ends[i]
                return
            i += 1

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


class LiveRanges:
    """A document's live spans as sorted ranges per label and owner (each set without overlaps, by the rule):
    an overlap test is a binary search per annotator."""

    def __init__(self, ranges: dict[tuple[str, str | None], Intervals] | None = None):
        self.ranges = ranges if ranges is not None else {}

    def copy(self) -> "LiveRanges":
        return LiveRanges({key: r.copy() for key, r in self.ranges.items()})

    def overlaps(self, label: str, start: int, end: int, who: str | None) -> bool:
        """Whether a span of owner `who` over [start, end) would overlap one it may not."""
        return any(r.overlaps(start, end) for (l, o), r in self.ranges.items()
                   if l == label and may_not_overlap(who, o))

    def add(self, span: Span) -> None:
        self._of(span).add(span.start, span.end)

    def remove(self, span: Span) -> None:
        self._of(span).remove(span.start, span.end)

    def _of(self, span: Span) -> Intervals:
        return self.ranges.setdefault((span.label, owner(span.annotator, span.state)), Intervals())


def one_layer(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """(kept, dropped): the longest spans first, then the earliest, none overlapping."""
    kept: list[Span] = []
    dropped: list[Span] = []
    taken = Intervals()
    for s in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if taken.overlaps(s.start, s.end):
            dropped.append(s)
        else:
            taken.add(s.start, s.end)
            kept.append(s)
    return sorted(kept, key=lambda s: s.start), dropped


def layers(spans: list[Span]) -> list[list[Span]]:
    """Non-overlapping layers that hold every span: the first as `one_layer` keeps, then what it dropped, ..."""
    out = []
    while spans:
        kept, spans = one_layer(spans)
        out.append(kept)
    return out

"""The map from normalized text positions back to the raw text they came from.

Repair keeps or deletes raw characters and replaces some one for one (t2s,
full-width to ASCII), so the normalized text is a sequence of kept runs of the
raw text. The map stores those runs as (raw_start, length) pairs, in order.
"""
from __future__ import annotations

import bisect
import sys
from array import array
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class OffsetMap:
    raw_starts: tuple[int, ...]
    lengths: tuple[int, ...]

    @classmethod
    def identity(cls, length: int) -> "OffsetMap":
        return cls((0,), (length,)) if length else cls((), ())

    @classmethod
    def from_kept(cls, kept: list[tuple[int, int]]) -> "OffsetMap":
        """From kept raw ranges [start, end), merging adjacent ones."""
        starts: list[int] = []
        lengths: list[int] = []
        for s, e in kept:
            if e <= s:
                continue
            if starts and starts[-1] + lengths[-1] == s:
                lengths[-1] += e - s
            else:
                starts.append(s)
                lengths.append(e - s)
        return cls(tuple(starts), tuple(lengths))

    @cached_property
    def _norm_starts(self) -> list[int]:
        """Where each run starts in the normalized text (computed once per map)."""
        out, pos = [], 0
        for n in self.lengths:
            out.append(pos)
            pos += n
        return out

    def __len__(self) -> int:
        starts = self._norm_starts
        return starts[-1] + self.lengths[-1] if starts else 0

    def raw_index(self, i: int) -> int:
        """The raw position of normalized position i (0 <= i < len)."""
        if not 0 <= i < len(self):
            raise IndexError(i)
        starts = self._norm_starts
        k = bisect.bisect_right(starts, i) - 1
        return self.raw_starts[k] + (i - starts[k])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw range that normalized [start, end) came from (deleted text inside is included)."""
        return self.raw_index(start), self.raw_index(end - 1) + 1

    def runs(self) -> list[list[int]]:
        """The map as [raw_start, length] pairs, as a JSON file carries it."""
        return [[s, n] for s, n in zip(self.raw_starts, self.lengths)]

    @classmethod
    def from_runs(cls, runs, length: int, raw_length: int) -> "OffsetMap":
        """From [raw_start, length] pairs read from a file: ValueError unless they cover `length` normalized
        positions with raw ranges in order inside a raw text of `raw_length`."""
        if not isinstance(runs, list):
            raise ValueError("offset_map is not a list of [raw_start, length] pairs")
        end = 0
        for run in runs:
            if not (isinstance(run, list) and len(run) == 2 and all(type(v) is int for v in run)
                    and run[0] >= end and run[1] > 0 and run[0] + run[1] <= raw_length):
                raise ValueError(f"offset_map run {run!r} is not a [raw_start, length] pair in order inside "
                                 f"the raw text (length {raw_length})")
            end = run[0] + run[1]
        found = cls(tuple(r[0] for r in runs), tuple(r[1] for r in runs))
        if len(found) != length:
            raise ValueError(f"offset_map covers {len(found)} characters, the text has {length}")
        return found

    def to_bytes(self) -> bytes:
        flat = array("q")
        for s, n in zip(self.raw_starts, self.lengths):
            flat.extend((s, n))
        if sys.byteorder == "big":  # stored little-endian, so a project file moves between machines
            flat.byteswap()
        return flat.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "OffsetMap":
        flat = array("q")
        flat.frombytes(data)
        if sys.byteorder == "big":
            flat.byteswap()
        return cls(tuple(flat[0::2]), tuple(flat[1::2]))

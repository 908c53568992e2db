"""spaCy's DocBin file (`.spacy`), written without spaCy, for documents tokenized as spacy.blank("zh") does.

The desktop bundle and a plain install carry no spaCy (with thinc, blis and numpy it was half the bundle);
they still write training data that spaCy 3 reads. The layout is spaCy 3.8's (spacy/tokens/_serialize.py,
span_group.pyx, _dict_proxies.py): a zlib-compressed msgpack map of token attribute arrays, strings, span
groups and user data. Tests read our files with the real spaCy and compare them with spaCy's own.
"""
from __future__ import annotations

import functools
import json
import re
import struct
import tempfile
import zlib
from array import array
from dataclasses import dataclass
from typing import BinaryIO

import msgpack

from annotator.core.resources import resource

# spacy.attrs IDs (fixed since spaCy 2); a test checks them against spaCy.
ORTH, ENT_IOB, ENT_TYPE = 65, 77, 78
ATTRS = [ORTH, ENT_IOB, ENT_TYPE]  # what training reads of a token; spaCy's default stores four times more
IOB_I, IOB_O, IOB_B = 1, 2, 3  # Token.iob_strings() = ("", "I", "O", "B")
VERSION = "0.1"
WHITESPACE_RUN = re.compile(r"(\s+)")
MASK64 = (1 << 64) - 1


def char_words(text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces spacy.blank("zh") (character segmenter) makes of `text`, in linear time.

    Every non-space character is a word; one " " after a word is its trailing space; any other whitespace
    run is a word of its own. A test checks both agree.
    """
    words: list[str] = []
    spaces: list[bool] = []
    for i, part in enumerate(WHITESPACE_RUN.split(text)):
        if i % 2 == 0:  # characters
            words.extend(part)
            spaces.extend([False] * len(part))
            continue
        if part[0] == " " and words:
            spaces[-1] = True
            part = part[1:]
        if part:
            words.append(part)
            spaces.append(False)
    return words, spaces


@dataclass(frozen=True)
class Tokens:
    """A text's tokens as spacy.blank("zh") makes them, and which character offsets are token edges."""
    words: list[str]
    spaces: list[bool]
    starts: dict[int, int]  # character offset -> index of the token starting there
    ends: dict[int, int]  # character offset -> index after the token ending there

    @classmethod
    def of(cls, text: str) -> "Tokens":
        words, spaces = char_words(text)
        starts, ends, pos = {}, {}, 0
        for i, (w, sp) in enumerate(zip(words, spaces)):
            starts[pos] = i
            pos += len(w)
            ends[pos] = i + 1
            pos += sp
        return cls(words, spaces, starts, ends)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """(first token, after the last) of characters [start, end), or None if they are not token edges."""
        first, after = self.starts.get(start), self.ends.get(end)
        return (first, after) if first is not None and after is not None and first < after else None

    def is_space(self, i: int) -> bool:
        return self.words[i].isspace()


@functools.cache
def _symbols() -> dict[str, int]:
    """spaCy's symbols (spacy.symbols.IDS: "PERSON", "X", ...), whose keys are their small IDs, not hashes;
    resources/spacy_symbols.json lists them in ID order (a test checks it against spaCy)."""
    names = json.loads(resource("spacy_symbols.json").read_text(encoding="utf-8"))
    return {name: i for i, name in enumerate(names)}


def string_hash(s: str) -> int:
    """spaCy's StringStore key: a symbol's ID, else MurmurHash64A of the UTF-8 bytes, seed 1."""
    symbol = _symbols().get(s)
    if symbol is not None:
        return symbol
    data = s.encode("utf-8")
    m, r = 0xC6A4A7935BD1E995, 47
    h = (1 ^ (len(data) * m)) & MASK64
    whole = len(data) // 8 * 8
    for (k,) in struct.iter_unpack("<Q", data[:whole]):
        k = (k * m) & MASK64
        k ^= k >> r
        k = (k * m) & MASK64
        h = ((h ^ k) * m) & MASK64
    tail = data[whole:]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * m) & MASK64
    h ^= h >> r
    h = (h * m) & MASK64
    h ^= h >> r
    return h


class DocBin:
    """Documents added one by one, written as one `.spacy` file. The token arrays, most of the data (25 bytes
    a character), wait in temporary files, so memory stays small however large the corpus."""

    def __init__(self):
        self.tokens = tempfile.TemporaryFile()  # uint64 ORTH, ENT_IOB, ENT_TYPE per token, native order
        self.spaces = tempfile.TemporaryFile()  # one byte per token
        self.lengths = array("i")
        self.strings: set[str] = {""}
        self.span_groups: list[bytes] = []
        self.user_data: list[bytes] = []
        self._hashes: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.lengths)

    def close(self) -> None:
        self.tokens.close()
        self.spaces.close()

    def _hash(self, s: str) -> int:
        h = self._hashes.get(s)
        if h is None:
            h = self._hashes[s] = string_hash(s)
            self.strings.add(s)
        return h

    def add(self, tokens: Tokens, ents: list[tuple[int, int, str]], groups: dict[str, list[tuple[int, int, str]]],
            user_data: dict) -> None:
        """Add a document: `ents` and each group's spans as (start char, end char, label), each on token
        edges (Tokens.span is not None); ents must not overlap."""
        iob = [IOB_O] * len(tokens.words)
        types = [0] * len(tokens.words)
        for start, end, label in ents:
            first, after = tokens.span(start, end)
            iob[first:after] = [IOB_B] + [IOB_I] * (after - first - 1)
            types[first:after] = [self._hash(label)] * (after - first)
        rows = array("Q")
        for word, i, t in zip(tokens.words, iob, types):
            rows.extend((self._hash(word), i, t))
        rows.tofile(self.tokens)
        self.spaces.write(bytes(tokens.spaces))
        self.lengths.append(len(tokens.words))
        self.span_groups.append(self._span_groups(groups, tokens))
        self.user_data.append(msgpack.packb(user_data, use_bin_type=True))

    def _span_groups(self, groups: dict[str, list[tuple[int, int, str]]], tokens: Tokens) -> bytes:
        if not groups:
            return msgpack.packb([])
        msg: dict[bytes, list[str]] = {}
        for name, spans in groups.items():
            packed = [struct.pack(">QQQllll", 0, 0, self._hash(label), *tokens.span(start, end), start, end)
                      for start, end, label in spans]
            group = msgpack.packb({"name": name, "attrs": {}, "spans": packed}, use_bin_type=True)
            msg.setdefault(group, []).append(name)
        return msgpack.packb(msg, use_bin_type=True)

    def write(self, out: BinaryIO) -> None:
        """Write the file to `out`: DocBin.to_bytes's msgpack map, zlib-compressed (level 1: the same format in
        a fifth of the time of level 6), streamed: the token arrays are copied from their files in chunks."""
        packer = msgpack.Packer(use_bin_type=True)
        zipper = zlib.compressobj(1)
        put = lambda data: out.write(zipper.compress(data))
        n = len(self.lengths)
        put(packer.pack_map_header(10))
        for key, value in (("version", VERSION), ("attrs", ATTRS)):
            put(packer.pack(key) + packer.pack(value))
        for key, part in (("tokens", self.tokens), ("spaces", self.spaces)):
            size = part.seek(0, 2)
            put(packer.pack(key) + b"\xc6" + struct.pack(">I", size))  # bin 32 header, then the bytes
            part.seek(0)
            while chunk := part.read(1 << 20):
                put(chunk)
        for key, value in (("lengths", self.lengths.tobytes()), ("strings", sorted(self.strings)),
                           ("cats", [{}] * n), ("flags", [{"has_unknown_spaces": False}] * n),
                           ("span_groups", self.span_groups), ("user_data", self.user_data)):
            put(packer.pack(key) + packer.pack(value))
        out.write(zipper.flush())

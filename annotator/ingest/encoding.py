"""Turning a report's bytes into text: BOMs, UTF-8, GB18030/GBK, Big5; refusing what is not text."""
from __future__ import annotations

from dataclasses import dataclass

import charset_normalizer

# A file is refused as "not text" when more than this share of its characters cannot be decoded.
MAX_BAD_SHARE = 0.02

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8 (BOM)"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le (BOM)"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be (BOM)"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le (BOM)"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be (BOM)"),
)

MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"PK\x03\x04", "a ZIP archive"), (b"%PDF", "a PDF file"),
    (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"), (b"\x7fELF", "a program"),
    (b"\x1f\x8b", "a gzip archive"), (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"MZ", "a Windows program"),
)

CANDIDATES = ("utf-8", "gb18030", "big5")


class NotText(ValueError):
    """The bytes are not a text file; str() says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bad_bytes: int  # undecodable sequences, now U+FFFD


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` starts like, if any."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    return None


def decode(data: bytes) -> Decoded:
    """Decode a report's bytes; raises NotText for binary or undecodable data."""
    for bom, codec, label in BOMS:
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return Decoded(text.lstrip("\ufeff"), label, _new_replacements(text, data, codec))
    kind = binary_kind(data)
    if kind:
        raise NotText(f"binary file ({kind}), not a text report")
    if b"\x00" in data[:65536]:
        raise NotText("binary file (contains NUL bytes), not a text report")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    _refuse_truncated_or_mixed(data)
    strict = [c for c in CANDIDATES[1:] if _decodes(data, c)]
    if len(strict) == 1:
        return Decoded(data.decode(strict[0]), strict[0], 0)
    if len(strict) > 1:
        best = charset_normalizer.from_bytes(data, cp_isolation=list(strict)).best()
        codec = best.encoding.replace("_", "-") if best else strict[0]
        codec = "gb18030" if codec not in strict else codec
        return Decoded(data.decode(codec), codec, 0)
    # Nothing decodes cleanly: take the reading with the fewest bad sequences, if they are few.
    tries = []
    for codec in CANDIDATES:
        text = data.decode(codec, errors="replace")
        tries.append((_new_replacements(text, data, codec), codec, text))
    bad, codec, text = min(tries, key=lambda t: t[0])
    if bad > max(1, len(text) * MAX_BAD_SHARE):
        raise NotText(f"not a text file: {bad} undecodable byte sequences in {len(data)} bytes "
                      f"(tried {', '.join(CANDIDATES)})")
    return Decoded(text, codec, bad)


def _refuse_truncated_or_mixed(data: bytes) -> None:
    """A file cut in the middle of a character, or one whose lines are in different encodings, is refused:
    decoding it whole would put wrong characters in the project without anyone noticing."""
    for codec in CANDIDATES:
        if not _decodes(data, codec) and any(_decodes(data[:-cut], codec) for cut in (1, 2, 3)):
            if codec == "utf-8" or not _decodes(data[:-1], "utf-8"):
                what = "UTF-8" if codec == "utf-8" else "GB18030 or Big5"
                raise NotText(f"truncated: the file ends in the middle of a {what} character")
    lines = [line for line in data.splitlines() if any(b > 0x7F for b in line)]
    utf8 = [i for i, line in enumerate(lines) if _decodes(line, "utf-8")]
    if utf8 and len(utf8) < len(lines):
        other = next(i for i in range(len(lines)) if i not in set(utf8))
        raise NotText(f"mixed encodings: some lines are UTF-8 and others are not (first non-UTF-8 line with "
                      f"non-ASCII text: {other + 1} of those {len(lines)}); save the file in one encoding")


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
        return True
    except UnicodeDecodeError:
        return False


def _new_replacements(text: str, data: bytes, codec: str) -> int:
    """U+FFFD characters added by decoding (not those the file already held)."""
    try:
        own = data.count("\ufffd".encode(codec.replace("-sig", "")))
    except UnicodeEncodeError:
        own = 0
    return max(0, text.count("\ufffd") - own)

"""The suggester's data: the gazetteer and the word lists of resources/suggest_lexicon.toml, loaded once."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache

from annotator.core.resources import read_text


@dataclass(frozen=True)
class Place:
    name: str
    level: str  # province, prefecture, county, short, or word (a short form that is also a common word)
    full_name: str
    code: str = ""  # the 12-digit division code: province, prefecture, county in its first 2, 4, 6 digits
    also: tuple[tuple[str, str], ...] = ()  # (full name, code) of other counties the short form names (山阳)


@cache
def lexicon() -> dict:
    return tomllib.loads(read_text("suggest_lexicon.toml"))


@cache
def gazetteer() -> dict[str, Place]:
    """Division names and their short forms, from resources/gazetteer.tsv."""
    places, also = {}, {}
    for line in read_text("gazetteer.tsv").splitlines():
        if line and not line.startswith("#"):
            name, level, code, full = line.split("\t")
            if level == "also":
                also.setdefault(name, []).append((full, code))
            else:
                places[name] = Place(name, level, full, code)
    for name, others in also.items():
        place = places[name]
        places[name] = Place(place.name, place.level, place.full_name, place.code, tuple(others))
    return places


def alternation(words) -> str:
    """A regex matching any of `words`, built as a trie so that matching stays fast with thousands of words.

    At each position the longest word wins.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


COMMON = 50  # a frequency in jieba's dictionary from which a string is a common word (全面, 前往), not a name


@cache
def _frequencies() -> dict[str, int]:
    """jieba's word frequencies (the app loads them anyway, for word moves)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ


def is_common_word(text: str, frequency: int = COMMON) -> bool:
    return _frequencies().get(text, 0) >= frequency


def load_in_background() -> None:
    """Load jieba's dictionary and its tagger's tables in a thread (half a second), so the first document's
    suggestions do not wait for them."""
    import importlib
    import threading

    def load() -> None:
        _frequencies()
        importlib.import_module("jieba.posseg")

    threading.Thread(target=load, name="suggest-tagger", daemon=True).start()


@lru_cache(maxsize=8192)  # a report asks about the same names again and again
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of a short `text` with their parts of speech (nr a person's name, ns a place, v a verb)."""
    import jieba.posseg

    _frequencies()  # the dictionary loaded quietly
    return tuple((w.word, w.flag) for w in jieba.posseg.cut(text))

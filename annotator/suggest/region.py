"""REGION: divisions from the gazetteer, named zones, established areas, and towns and villages by suffix.

A county's short form (宜川 for 宜川县) is suggested only in a report that also names
the county in full: on their own, county short forms are mostly ordinary words
(资兴 in 投资兴业, 从江 in 从江阳区). Province and prefecture short forms (山东, 济南)
need no such anchor.
"""
from __future__ import annotations

import re
from functools import cache

from annotator.core.text import CJK, is_cjk
from annotator.suggest.lexicon import alternation, gazetteer, lexicon
from annotator.suggest.overlaps import Candidate, take_non_overlapping

# After these a town or village name may start (在保靖县吕洞山镇考察了黄金村).
OPENERS = frozenset("在到赴于和与及了的从向往至经")
TITLE_AFTER = "长"
# A suffix that runs into another is an ordinary word: 推进乡村振兴 is not a township 推进乡.
JOINED_SUFFIXES = frozenset(("乡村", "乡镇", "镇村", "村镇", "镇街"))  # 县长, 区长: 代县长 is a title, not 代县


@cache
def _rules():
    lex = lexicon()["region"]
    names = set(gazetteer()) | set(lex["areas"])
    by_prefix: dict[str, list[int]] = {}  # first two characters -> name lengths, longest first
    for name in names:
        by_prefix.setdefault(name[:2], []).append(len(name))
    lengths = {k: sorted(set(v), reverse=True) for k, v in by_prefix.items()}
    zone = re.compile(alternation(lex["zone_suffixes"]))
    name_char = f"(?:(?![{re.escape(lex['not_in_names'])}])[{CJK}])"
    local = re.compile(f"{name_char}{{2,4}}?(?:{alternation(lex['place_suffixes'])})")
    phrases = re.compile(alternation(lex["not_place_phrases"]))
    return names, lengths, zone, local, frozenset(lex["not_places"]), phrases, lex["agency_after"]


def _known_names(text: str, names: set[str], lengths: dict[str, list[int]], zone: re.Pattern):
    """(start, name, zone suffix or "") for the longest known name at each position."""
    for i in range(len(text) - 1):
        for n in lengths.get(text[i:i + 2], ()):
            if text[i:i + n] in names:
                z = zone.match(text, i + n)
                yield i, text[i:i + n], z.group() if z else ""
                break


def find_regions(text: str) -> list[Candidate]:
    names, lengths, zone, local, not_places, phrases, agency_after = _rules()
    places = gazetteer()
    in_phrases = [m.span() for m in phrases.finditer(text)]
    found = [(start, name, z) for start, name, z in _known_names(text, names, lengths, zone)
             if not any(s <= start < e for s, e in in_phrases)]
    # 上海市民 is Shanghai's people: the place is 上海 (when that short form is known), not 上海市
    found = [(start, name[:-1], z) if name.endswith("市") and not z and text[start + len(name):start + len(name) + 1]
             == "民" else (start, name, z) for start, name, z in found]
    found = [f for f in found if f[1] in names]
    full_names = {places[name].full_name for _, name, _ in found if name in places and places[name].level != "short"}
    candidates: list[Candidate] = []
    for start, name, zone_suffix in found:
        place = places.get(name)
        end = start + len(name) + len(zone_suffix)
        if zone_suffix:
            score = 0.9
        elif place is None:  # an established area (长三角)
            score = 0.85
        elif place.level != "short":
            if len(name) == 2 and text[end:end + 1] == TITLE_AFTER:
                continue
            score = 0.9
        elif _is_county(place.full_name) and place.full_name not in full_names:
            continue
        else:
            score = 0.8
        candidates.append((start, end, "REGION", score))
    chosen = take_non_overlapping(candidates)
    return chosen + _local_places(text, chosen, local, not_places, agency_after)


def _is_county(full_name: str) -> bool:
    return gazetteer()[full_name].level == "county"


def _local_places(text: str, known: list[Candidate], local: re.Pattern, not_places: frozenset[str],
                  agency_after: str) -> list[Candidate]:
    """Towns, townships, villages and communities: a short name and its suffix, starting at a boundary."""
    taken = bytearray(len(text) + 1)
    ends = set()
    for s, e, _, _ in known:
        taken[s:e] = b"\1" * (e - s)
        ends.add(e)
    out: list[Candidate] = []
    for m in re.finditer(f"[{CJK}]", text):
        i = m.start()
        if taken[i] or not (i == 0 or i in ends or not is_cjk(text[i - 1]) or text[i - 1] in OPENERS):
            continue
        found = local.match(text, i)
        if (found and found.group() not in not_places and not any(taken[i:found.end()])
                and text[found.end() - 1:found.end() + 1] not in JOINED_SUFFIXES
                and not (found.end() < len(text) and text[found.end()] in agency_after)):
            out.append((i, found.end(), "REGION", 0.6))
            ends.add(found.end())
            taken[i:found.end()] = b"\1" * (found.end() - i)
    return out




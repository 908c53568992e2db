"""REGION: divisions from the gazetteer, named zones, established areas, and towns and villages by suffix.

A county's short form (宜川 for 宜川县) is suggested only in a report that also names
the county in full, or its prefecture (昆山 with 苏州; a district of Beijing with 北京), or uses
it as a place (昆山援疆, 苍南—龙湾): on their own, county short forms are mostly ordinary words
(资兴 in 投资兴业, 从江 in 从江阳区). Those that are common words (大兴, 和平) need the full name.
Province and prefecture short forms (山东, 济南) need no such anchor, nor does a short form
that keeps its suffix (漾濞县 for 漾濞彝族自治县).
One-character forms (沪, 粤) are suggested after a verb of coming and going (来沪, 在粤) and before
企/货/籍/商 (粤企, 黔货). A short form with a suffix the gazetteer does not know is a division renamed
since (茌平区); a town found with its suffix is also taken without it (溶溪镇 … 溶溪).
"""
from __future__ import annotations

import heapq
import re
from functools import cache

from annotator.core.text import CJK, is_cjk
from annotator.suggest.lexicon import alternation, gazetteer, is_common_word, lexicon
from annotator.suggest.overlaps import Candidate, take_non_overlapping

# After these a town or village name may start (在保靖县吕洞山镇考察了黄金村).
OPENERS = "在到赴于和与及了的从向往至经"
BOUNDARY = re.compile(f"(?:^|(?<![{CJK}])|(?<=[{OPENERS}]))[{CJK}]")
TITLE_AFTER = "长"
SUFFIX_RUNS_ON = ("市民", "市场", "省市", "省属", "省级", "省直", "市属", "市级", "市直")  # a suffix that begins a word
RIVERS = ("长江",)
# After a county's short form these make it a town's name or a natural feature's (大竹镇, 贺兰山, 罗源湾).
NOT_AFTER_SHORT = frozenset("镇乡山峡湾江河湖岛峰岭")
PAIRING_WORDS = ("山海",)  # ...but 龙湾山海协作 is 龙湾 in a 山海协作 pairing
PAIR_WORDS = ("山海", "两地", "东西部", "协作", "对口", "结对")  # what may follow a pair of places (六合·山阳两地)
# After any place name these make it a natural feature's or a road's (西藏高原, 杭州湾, 上海路, 长宁路).
FEATURES_AFTER_ANY = ("高原", "湾", "路", "大道", "大街")
VISIT_VERBS = ("赴", "抵", "前往", "来到", "走进", "抵达")  # going to a place: 赴青田
PAIR_JOINS = frozenset("—－-、·和与")  # 苍南—龙湾, 六合·山阳, 长兴和庆元: two places side by side
# Suffixes a county's or prefecture's short form may carry though the gazetteer names it otherwise.
RENAMED_SUFFIXES = {"county": re.compile("[区县市](?!域|别|块|间|分)"), "prefecture": re.compile("地区|市|盟|县")}
TOWN_SUFFIXES = ("镇", "乡", "街道")  # a town's name is used without them; a village's (村) is not
MUNICIPALITIES = ("11", "12", "31", "50")  # Beijing, Tianjin, Shanghai, Chongqing: districts under the province
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
    first_char = f"(?:[{lex['name_starts']}]|{name_char})"  # 中堂镇, 下稔阳村: 中/上/下 only start a name
    local = re.compile(f"{first_char}{name_char}{{1,3}}?(?:{alternation(lex['place_suffixes'])})")
    phrases = re.compile(alternation(lex["not_place_phrases"]))
    return names, lengths, zone, local, phrases, lex["agency_after"]


@cache
def _suffix_words() -> tuple[frozenset[str], tuple[str, ...]]:
    lex = lexicon()["region"]
    return frozenset(lex["suffix_words"]), tuple(lex["not_places"])


@cache
def _word_prefectures() -> frozenset[str]:
    return frozenset(lexicon()["region"]["word_prefectures"])


@cache
def _word_counties() -> frozenset[str]:
    return frozenset(lexicon()["region"]["word_counties"])


@cache
def _one_char() -> tuple[re.Pattern, frozenset[str], str]:
    lex = lexicon()["region"]
    chars = lex["one_char"]
    return (re.compile(f"(?<=[{lex['one_char_after']}])[{chars}]|[{chars}](?=[{lex['one_char_before']}])"),
            frozenset(lex["one_char_words"]) | frozenset(lex["one_char_ending_words"]), chars + lex["one_char_partners"])


def _suffixed(place) -> bool:
    """A full name, or a short form that keeps the suffix (漾濞县, 凉山州, 察右前旗): a place on its own."""
    name, full = place.name, place.full_name
    return (place.level not in ("short", "word") or full.endswith("自治" + name[-1])
            or (name[-1] == "旗" and full.endswith(name[-2:])))


def _known_names(text: str, names: set[str], lengths: dict[str, list[int]], zone: re.Pattern):
    """(start, name, zone suffix or "") for the longest known name at each position."""
    for i in range(len(text) - 1):
        for n in lengths.get(text[i:i + 2], ()):
            if text[i:i + n] in names:
                z = zone.match(text, i + n)
                yield i, text[i:i + n], z.group() if z else ""
                break


def find_regions(text: str) -> list[Candidate]:
    names, lengths, zone, local, phrases, agency_after = _rules()
    places = gazetteer()
    in_phrases = bytearray(len(text) + 1)  # the characters of set phrases (长治久安, 东西部协作)
    for m in phrases.finditer(text):
        in_phrases[m.start():m.end()] = b"\1" * (m.end() - m.start())
    found = [(start, name, z) for start, name, z in _known_names(text, names, lengths, zone)
             if not any(in_phrases[start:start + len(name)])]
    # 上海市民 is Shanghai's people, 浙江省市 its province and cities: the place is the short form (when known)
    found = [(start, name[:-1], z) if not z and text[start + len(name) - 1:start + len(name) + 1] in SUFFIX_RUNS_ON
             else (start, name, z) for start, name, z in found]
    found = [f for f in found if f[1] in names]
    found = [f for f in found if f[1] not in _word_counties() or f[0] in {s + len(n) for s, n, _ in found}]
    full_names = {places[name].full_name for _, name, _ in found if name in places and _suffixed(places[name])}
    above = {_above(places[name]) for _, name, _ in found if name in places and _is_above_county(places[name])}
    full_names |= _named_as_places(text, found, places, full_names, above)
    renamed = _renamed(text, found, places, names)
    full_names |= {places[name].full_name for start, name, _ in found if start in renamed}
    candidates: list[Candidate] = []
    for start, name, zone_suffix in found:
        place = places.get(name)
        end = start + len(name) + len(zone_suffix)
        if start in renamed:
            candidates.append((start, end + len(renamed[start]), "REGION", 0.7))  # not over 陇南 in 陇南城区
            continue
        if place is not None and (place.level == "word" or name in _word_prefectures()) and place.full_name not in full_names:
            continue  # 共同富裕示范区, 大兴调查研究, 日照强: the words
        if text.startswith(FEATURES_AFTER_ANY, start + len(name)):
            continue  # 西藏高原, 杭州湾, 上海路
        if zone_suffix:
            score = 0.9
        elif place is None:  # an established area (长三角); a place overlapping it wins (江苏 in 江苏中部)
            score = 0.75
        elif _suffixed(place):
            if len(name) == 2 and text[end:end + 1] == TITLE_AFTER and not text.startswith(RIVERS, end):
                continue  # 和县长: a county head; but 忠县长江大桥
            score = 0.9
        elif _is_county(place.full_name) and (_feature_after(text, end) or not _anchored(place, full_names, above)):
            continue  # 大竹镇, 贺兰山, 西陵峡: a town or a natural feature; 资兴 alone: a word
        else:
            score = 0.8
        candidates.append((start, end, "REGION", score))
    one_char, words, chars = _one_char()
    candidates += [(m.start(), m.end(), "REGION", 0.6) for m in one_char.finditer(text)  # not 苏陕 in 投入苏陕协作
                   if text[m.start():m.start() + 2] not in words and text[m.start() - 1:m.end()] not in words
                   and not (m.end() < len(text) and text[m.end()] in chars)]
    chosen = take_non_overlapping(candidates)
    return chosen + _local_places(text, chosen, local, agency_after)


def _renamed(text: str, found, places, names: set[str]) -> dict[int, str]:
    """start -> suffix of short forms written with a suffix the gazetteer does not know: divisions renamed
    since it was made (茌平县 is now 茌平区, 即墨市 即墨区, 林芝地区 林芝市)."""
    out = {}
    for start, name, zone_suffix in found:
        place = places.get(name)
        if zone_suffix or place is None or place.level not in ("short", "word") or name[-1] in "区县市旗州盟":
            continue  # 彭水自治县县委: the suffix is there
        suffix = RENAMED_SUFFIXES.get(gazetteer()[place.full_name].level)
        m = suffix.match(text, start + len(name)) if suffix else None
        full = name + m.group() if m else ""
        if full and full not in names and not is_common_word(full) and (place.level != "word" or text.count(full) > 1):
            out[start] = m.group()  # not 大城市; a word's only when repeated (即墨区 ×9, not 友好合作区)
    return out


def _named_as_places(text: str, found, places, full_names: set[str], above: set[str]) -> set[str]:
    """Full names of counties whose short form the report uses as a place somewhere: before 援疆/援藏
    (昆山援疆), joined to a place it names (苍南—龙湾, 苍南、龙湾), in brackets after a zone (高新区(滨江)) or
    before 县 (我(青田)县), or after a verb of going (赴青田). Its other mentions then count too."""
    anchored = {(start, start + len(name)) for start, name, _ in found if name in places and (
        _suffixed(places[name]) or not _is_county(places[name].full_name)
        or _anchored(places[name], full_names, above))}
    starts, ends = {s for s, _ in anchored}, {e for _, e in anchored}
    one_char = _one_char()[2]
    out = set()
    for start, name, zone_suffix in found:
        place = places.get(name)
        if zone_suffix or place is None or place.level == "word" or (start, start + len(name)) in anchored:
            continue
        end = start + len(name)
        aid = text[end:end + 1] == "援" and text[end + 1:end + 2] in one_char
        bracketed = text[start - 1:start] in "(（" and text[end:end + 1] in ")）" and (
            text[start - 2:start - 1] == "区" or text[end + 1:end + 2] == "县")  # 高新区(滨江), 我(青田)县
        visited = text.endswith(VISIT_VERBS, 0, start) and name[-1] not in NOT_AFTER_SHORT  # 赴青田 (not 来到天山脚下)
        joined = _ends_name(text, end) and ((text[end:end + 1] in PAIR_JOINS and end + 1 in starts) or (
            text[start - 1:start] in PAIR_JOINS and start - 1 in ends))
        if aid or joined or bracketed or visited:
            out.add(place.full_name)
    return out


def _ends_name(text: str, end: int) -> bool:
    """The short form ending at `end` is a whole name: no town's name runs on (庆云县与龙凤坝镇)."""
    return not is_cjk(text[end:end + 1] or " ") or text[end] in PAIR_JOINS or text.startswith(PAIR_WORDS, end)


def _anchored(place, full_names: set[str], above: set[str]) -> bool:
    """A county's short form the report makes a place: it names the county in full (大兴 with 大兴区), or,
    unless the short form is also a common word (大兴, 和平), the county's prefecture (昆山 with 苏州); any of
    the counties a shared short form names will do (山阳 with 山阳县, 鼓楼 with 福州)."""
    counties = [(place.full_name, place.code), *place.also]
    return any(full in full_names or (place.level != "word" and _above_code(code) in above) for full, code in counties)


def _feature_after(text: str, end: int) -> bool:
    """A town's or natural feature's character follows a short form (大竹镇, 贺兰山)."""
    return text[end:end + 1] in NOT_AFTER_SHORT and not text.startswith(PAIRING_WORDS, end)


def _joined(text: str, end: int) -> bool:
    """The place suffix ending at `end` runs into a word: 推进乡村振兴, 开展村企结对 (but 燕子口镇村民 is a town)."""
    pair = text[end - 1:end + 1]
    return (pair in JOINED_SUFFIXES and text[end:end + 2] != "村民") or text[end - 1:end + 1] in _suffix_words()[0]


def _above(place) -> str:
    """The code of the prefecture a county belongs to (of the province for a municipality's districts)."""
    return _above_code(place.code)


def _above_code(code: str) -> str:
    return code[:2] if code[:2] in MUNICIPALITIES else code[:4]


def _is_above_county(place) -> bool:
    """A province, prefecture or municipality (or its short form): it anchors its counties' short forms."""
    return gazetteer()[place.full_name].level in ("province", "prefecture")


def _is_county(full_name: str) -> bool:
    return gazetteer()[full_name].level == "county"


def _local_places(text: str, known: list[Candidate], local: re.Pattern, agency_after: str) -> list[Candidate]:
    """Towns, townships, villages and communities: a short name and its suffix, starting at a boundary."""
    not_places = _suffix_words()[1]  # 带动农村, 月底示范村: ordinary words that end like a place
    taken = bytearray(len(text) + 1)
    for s, e, _, _ in known:
        taken[s:e] = b"\1" * (e - s)
    out: list[Candidate] = []
    # where a name may start, in order: after a non-Chinese character or an opener, or where a place ends
    starts = [m.start() for m in BOUNDARY.finditer(text)] + [e for _, e, _, _ in known]
    heapq.heapify(starts)
    while starts:
        i = heapq.heappop(starts)
        if i >= len(text) or taken[i] or not is_cjk(text[i]):
            continue
        found = local.match(text, i)
        if found and found.end() - i >= 5 and is_common_word(text[i:i + 2]):
            i += 2  # 担任祝桥镇, 前往淮水村: a word, then the name
        if (found and not found.group().endswith(not_places)
                and not any(taken[i:found.end()]) and not _joined(text, found.end())
                and not (found.end() < len(text) and text[found.end()] in agency_after)):
            out.append((i, found.end(), "REGION", 0.6))
            heapq.heappush(starts, found.end())
            taken[i:found.end()] = b"\1" * (found.end() - i)
    if out:  # every other mention of a town or village found (代表富恒乡汇报: no opener before it)
        names = {text[s:e] for s, e, _, _ in out}
        for k, (s, e, label, score) in enumerate(out):  # 代表富恒乡, 前往淮水村 hold 富恒乡, 淮水村: the shorter one
            inner = next((text[i:e] for i in range(s + 1, e - 1) if text[i:e] in names), "")  # the longest
            if not inner or not is_common_word(text[s:e - len(inner)]):
                continue  # 甬库团结村: a name, whose short form 团结村 is its later mention
            taken[s:e - len(inner)] = b"\0" * (e - s - len(inner))
            out[k] = (e - len(inner), e, label, score)
        # and a town's or township's name without its suffix (溶溪镇 … 秀山溶溪东西部协作, 中堂镇 … 中堂)
        names |= {n[:-len(x)] for n in names for x in TOWN_SUFFIXES if n.endswith(x) and len(n) - len(x) >= 2
                  and not is_common_word(n[:-len(x)]) and not set(n[:-len(x)]) <= set(_one_char()[2])  # not 闽宁
                  and n[-len(x) - 1] not in NOT_AFTER_SHORT}  # nor a river's name (独龙江乡 … 独龙江畔)
        for m in re.finditer(alternation(names), text):
            if not any(taken[m.start():m.end()]) and not _feature_after(text, m.end()):  # not 嘉陵江 for 嘉陵镇
                out.append((m.start(), m.end(), "REGION", 0.6))
                taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
    return sorted(out)




"""PERSON: names after titles (区委书记袁泉, 主席雪克莱提·扎克尔) and in the lists that follow them (县领导尚文隆、秦延辉),
names before a title (习近平总书记), bylines (记者:朱虹 李独懿, （记者 王明）, 记者王明日前), photo credits
(张华摄, 旦增欧珠摄), lines and closing brackets of names only, and every other mention of a name found.

A name starts with a known surname and has one or two more characters, or, right after a
title, is up to four characters (阿石拉比) when a verb of the report follows it.
"""
from __future__ import annotations

import re
from functools import cache

from annotator.core.text import CJK
from annotator.suggest.lexicon import alternation, lexicon
from annotator.suggest.overlaps import Candidate



@cache
def _rules():
    lex = lexicon()["person"]
    surnames = set("".join(lex["surnames"].split()))
    compound = alternation(lex["compound_surnames"])
    single = "[" + "".join(sorted(surnames)) + "]"
    single_before_title = "[" + "".join(sorted(surnames - set(lex["not_surnames_before_title"]))) + "]"
    given = f"(?:(?![{re.escape(lex['not_in_names'])}])[{CJK}])"
    follow = f"(?:{alternation(lex['follow'])}|[，,、。；;：:（(）)\\s“”])"
    titles = alternation(lex["titles"])
    dotted = f"{given}{{2,6}}[·•]{given}{{2,8}}?"  # a transliterated name: 雪克莱提·扎克尔
    name = f"(?:{compound}|{single}){given}{{1,2}}"
    labels = alternation(lex["bylines"] + lex["credits"])
    return {
        "no_long_name_after": tuple(lex["no_long_name_after"]),
        "labels": frozenset(lex["bylines"] + lex["credits"]),
        "label_start": re.compile(alternation(lex["bylines"])),
        "after_title": re.compile(f"(?:{titles})(?:[(（][^()（）\\n]{{1,8}}[)）])?(?:[:：]?[ \\u3000]*)(?=({dotted}|(?:{compound}|{single}){given}{{1,2}}?|{given}{{4}})"
                                  f"(?:{follow}|$))"),
        "list_next": re.compile(f"、({dotted}|(?:{compound}|{single}){given}{{1,2}}?)(?=(?:{follow}|$))"),
        "before_title": re.compile(f"((?:{compound}|{single_before_title}){given}{{1,2}})(?={alternation(lex['titles_after'])})"),
        "byline": re.compile(f"(?:{labels})[:：]\\s*((?:{given}{{2,4}}(?:[ \\u3000、,，]+|(?=[)）】\\n]|{labels}|$)))+)"),
        "loose_byline": re.compile(f"(?:特约记者|记者|通讯员)[ \\u3000]*((?:{compound}|{single}){given}{{1,2}}?)"
                                   f"(?=[ \\u3000)）、,，\\n]|{alternation(lex['byline_ends'])}|$)"),
        "photo": re.compile(f"((?:{compound}|{single}){given}{{1,2}})[ \\u3000]*摄(?=[ \\u3000)）。\\n]|$)"),
        # a photo credit right after a sentence or at a line's start: any name (旦增欧珠摄)
        "photo_alone": re.compile(f"(?:(?<=[。！？])|^)({given}{{2,4}})[ \\u3000]*摄(?=[ \\u3000)）。\\n]|$)", re.M),
        # a line of names only (刘永平 马锦花), and names in brackets closing a report ((石晶晶??李红艳??龙欣))
        "name_line": re.compile(f"^((?:(?:{compound}|{single}){given}{{1,2}}[ \\u3000]+)+(?:{compound}|{single}){given}{{1,2}})$",
                                re.M),
        "credit_brackets": re.compile(f"[(（][ \\u3000?]*((?:{given}{{2,4}}[ \\u3000、?]+)+{given}{{2,4}})[)）][ \\u3000]*$",
                                      re.M),
        # names opening a sentence before a verb of attending (张安顺、彭永林参加会见), and a photo's people
        # with their place in it (胡发炜(右)在…)
        "attending": re.compile(f"(?:^|(?<=[。！？]))((?:{name}、)+{name})(?={alternation(lex['attending'])})", re.M),
        "in_photo": re.compile(f"(?:^|(?<=[。！？]))({name})[(（][左右中前后][一二三四五六]?[)）]", re.M),
        "credits": re.compile(f"^(?:{alternation(lex['bylines'] + lex['credits'])})[ \\u3000]+"
                              f"((?:{given}{{2,4}}(?:[ \\u3000]+|$))+)$", re.M),
        "dateline": re.compile(f"(?:电|讯|消息)[ \\u3000]*[(（]((?:(?:{alternation(lex['bylines'])})?[ \\u3000]*{given}{{2,4}}"
                               f"(?:[ \\u3000]+|(?=[)）])))+)[)）]"),
        "speaker": re.compile(f"(?:^|(?<=[。！？\\n]))((?:{compound}|{single}){given}{{1,2}}?)(?=(?:说|指出|强调|表示|认为|介绍|希望|要求|提出)[,，:：])", re.M),
    }


def find_people(text: str) -> list[Candidate]:
    rules = _rules()
    names: dict[tuple[int, int], float] = {}
    for m in rules["after_title"].finditer(text):
        if len(m.group(1)) == 4 and m.group().startswith(rules["no_long_name_after"]):
            continue  # 组织领导全面加强: a phrase, not a four-character name
        if m.group().rstrip().endswith((":", "：")) and text[m.end(1):m.end(1) + 1] in (":", "："):
            continue  # 作者: 来源: a form's empty fields
        _add(names, m.start(1), m.end(1), 0.85)
        _follow_list(text, m.end(1), rules["list_next"], names)
    for m in rules["before_title"].finditer(text):
        _add(names, m.start(1), m.end(1), 0.8)
    for rule in ("byline", "credits", "dateline", "name_line", "credit_brackets", "attending"):
        for m in rules[rule].finditer(text):
            for part in re.finditer(f"[{CJK}]+", m.group(1)):
                start, end = m.start(1) + part.start(), m.start(1) + part.end()
                label = rules["label_start"].match(text, start, end)  # (王兴莉 记者裴玉松)
                start = label.end() if label else start
                if text[end:end + 1] not in (":", "：") and text[start:end] not in rules["labels"] and end - start >= 2:
                    _add(names, start, end, 0.9)  # not 来源: (a field) nor 通讯员 (记者 王明 通讯员 李华)
    for rule in ("loose_byline", "photo", "photo_alone", "in_photo"):
        for m in rules[rule].finditer(text):
            _add(names, m.start(1), m.end(1), 0.85)
    for m in rules["speaker"].finditer(text):
        _add(names, m.start(1), m.end(1), 0.7)
    found = {text[s:e] for s, e in names}
    if found:  # every other mention of a name found above
        for m in re.finditer(alternation(found), text):
            _add(names, m.start(), m.end(), 0.8)
    return [(s, e, "PERSON", score) for (s, e), score in names.items()]


def _add(names: dict[tuple[int, int], float], start: int, end: int, score: float) -> None:
    names[(start, end)] = max(score, names.get((start, end), 0.0))


def _follow_list(text: str, pos: int, list_next: re.Pattern, names: dict) -> None:
    while (m := list_next.match(text, pos)):
        _add(names, m.start(1), m.end(1), 0.85)
        pos = m.end(1)

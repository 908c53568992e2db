"""PERSON: names after titles (区委书记袁泉, 主席雪克莱提·扎克尔) and in the lists that follow them (县领导尚文隆、秦延辉),
after roles (村民杨光照, 务工人员刘朝喻) and ages (36岁的闫灵聪), names before a title (习近平总书记), bylines
(记者:朱虹 李独懿, （记者 王明）, 记者王明日前, 编辑/胡超, 记者 陈 泳), photo credits (张华摄, 旦增欧珠摄), lines and
closing brackets of names only, speakers (的曹松笑着说：), transliterated names (买买提·阿皮孜), names a story
repeats (，许洪彬带着团队 … 在许洪彬心里), and every other mention of a name found.

A name starts with a known surname and has one or two more characters, or, right after a
title, is up to four characters (阿石拉比) when a verb of the report follows it. Where context alone is weak,
jieba's dictionary (no common words: 干部强烈) and its tagger (a name, nr) decide.
"""
from __future__ import annotations

import re
from functools import cache

from annotator.core.text import CJK, is_cjk
from annotator.suggest.amount import CN_DIGITS
from annotator.suggest.lexicon import alternation, gazetteer, is_common_word, lexicon, tagged
from annotator.suggest.overlaps import Candidate

# The names in a byline or a list: runs of Chinese characters, or a two-character name spaced out (陈 泳).
NAME_PARTS = re.compile(f"(?<![{CJK}])[{CJK}][ \u3000][{CJK}](?![{CJK}])|[{CJK}]+")
NAME_OPENERS = "的"  # besides punctuation, where a name before an occupation may start (——沈永灿老师, 的范斌医生)
REPORTED = "报道"
MEDIA_ENDS = ("报", "网", "社", "台")  # a byline naming a paper or a station, not a person
VERY_COMMON = 2000  # a two-character word this frequent in jieba's dictionary is no name after a title (强调)


@cache
def _rules():
    lex = lexicon()["person"]
    surnames = set("".join(lex["surnames"].split()))
    compound = alternation(lex["compound_surnames"])
    single = "[" + "".join(sorted(surnames)) + "]"
    single_before_title = "[" + "".join(sorted(surnames - set(lex["not_surnames_before_title"]))) + "]"
    single_after_title = "[" + "".join(sorted(surnames - {"和"})) + "]"  # 书记和工作队 (but 书记国承彦)
    given = f"(?:(?![{re.escape(lex['not_in_names'])}])[{CJK}])"
    follow = f"(?:{alternation(lex['follow'])}|[，,、。；;：:（(）)\\s“”])"
    titles = alternation(lex["titles"])
    dotted = f"{given}{{2,6}}[·•]{given}{{2,8}}?"  # a transliterated name: 雪克莱提·扎克尔
    translit = "".join(lex["transliteration"].split())
    name = f"(?:{compound}|{single}){given}{{1,2}}"
    spaced_pair = f"{single}[ \\u3000]{given}(?![{CJK}])"  # a two-character name set to three's width: 陈 泳
    # labels, also spaced out to a line's width (记 者:杨红, 编 辑:唐仁超)
    labels = alternation(lex["bylines"] + lex["credits"] + [" ".join(b) for b in lex["bylines"] if len(b) == 2])
    return {
        "no_long_name_after": tuple(lex["no_long_name_after"]),
        "not_names": frozenset(lex["bylines"] + lex["credits"] + lex["fields"]),
        "label_start": re.compile(alternation(lex["bylines"])),
        "after_title": re.compile(f"(?:{titles})(?:[(（][^()（）\\n]{{1,8}}[)）])?(?:[:：]?[ \\u3000]*)(?=({dotted}|(?:{compound}|{single_after_title})(?:{given}{{1,2}}?|和{given})|{given}{{4}})"
                                  f"(?:{follow}|$))"),
        "dotted_anywhere": re.compile(f"(?<![{translit}])([{translit}]{{2,8}}[·•][{translit}]{{2,8}})(?![{translit}])"),
        "surname": re.compile(f"(?:{compound}|{single})"),
        # a verb after the name, or punctuation after a three-character one: not 村民劳作。
        "after_role": re.compile(f"(?:{alternation(lex['roles'])})((?:{compound}|{single_before_title})(?:{given}{{1,2}}?"
                                 f"(?={alternation(lex['follow'] + lex['story_follow'])})|{given}{{2}}(?=[，。、；\\n])))"),
        # an age, 的, then a name that ends as names do (36岁的闫灵聪是龙陵本地人)
        "age_of": re.compile(f"[\\d{CN_DIGITS}]岁的((?:{compound}|{single_before_title}){given}{{1,2}}?)"
                             f"(?={alternation(lex['follow'] + lex['story_follow'])}|，)"),
        # a title, 的, then a three-character name (副院长的吴小剑被选派)
        "title_of": re.compile(f"(?:{titles})的((?:{compound}|{single_before_title}){given}{{2}})(?={follow}|被)"),
        "list_next": re.compile(f"[，,]?、({dotted}|(?:{compound}|{single}){given}{{1,2}}?)"
                                f"(?=(?:{follow}|{alternation(lex['story_follow'])}|$))"),
        "before_title": re.compile(f"((?:{compound}|{single_before_title}){given}{{1,2}})(?={alternation(lex['titles_after'])})"
                                  f"|((?:{compound}|{single_before_title}){given}{{2}})(?=副(?:{alternation(lex['titles_after'])}))"),
        "byline": re.compile(f"(?:{labels})[:：]\\s*((?:(?:{spaced_pair}|{given}{{2,4}})(?:[ \\u3000、,，]+|(?=[)）】\\n]|{labels}|$)))+)"),
        # a byline without a colon: names after spaces, a bar or a slash (光明日报记者 张云 曾毅, 作者 | 张来, 编辑/胡超)
        "spaced_byline": re.compile(f"(?:{labels})(?:[ \\u3000]*[|｜/／])?[ \\u3000]*"
                                    f"((?:(?:{spaced_pair}|{name})(?:[ \\u3000/／]+|(?=[)）】\\n]|$)))+)", re.M),
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
        "credits": re.compile(f"^(?:{alternation(lex['bylines'] + lex['credits'])})(?:[ \\u3000]+|[/／|｜][ \\u3000]*)"
                              f"((?:{given}{{2,4}}(?:[ \\u3000]+|$))+)$", re.M),
        "dateline": re.compile(f"(?:电|讯|消息)[ \\u3000]*[(（]((?:(?:{alternation(lex['bylines'])})?[ \\u3000]*{given}{{2,4}}"
                               f"(?:[ \\u3000]+|(?=[)）])))+)[)）]"),
        # a speaker opening a sentence, after a quote or after 的 (的曹松笑着说：)
        "speaker": re.compile(f"(?:^|(?<=[。！？\\n”的]))((?:{compound}|{single_before_title}){given}{{1,2}}?)"
                              f"(?=(?:说|笑着说|[{CJK}]{{2}}地说|告诉记者|指出|强调|表示|认为|介绍|希望|要求|提出)[,，:：])", re.M),
        # a name opening a clause before a verb of the report (，蒋逸明把援藏称作…), when jieba's tagger reads a name
        "clause_subject": re.compile(f"(?:^|(?<=[，。！？；：\\n]))((?:{compound}|{single_before_title}){given}{{1,2}}?)"
                                     f"(?={alternation(lex['follow'])})", re.M),
        # where a name may start in a story: after punctuation or 的 (，许洪彬带着团队)
        "story_name": re.compile(f"(?:^|(?<=[，。！？：；、“”\\n的]))(?=((?:{compound}|{single_before_title}){given}{{1,2}}))", re.M),
        "story_verb": re.compile(f"{alternation(lex['follow'] + lex['story_follow'])}|[，的]"),
        # what follows a person's name somewhere in a report (刘炼勇的, 习近平任组长, 朱鑫璞这样说; not 管理制度)
        "name_end": re.compile(f"{alternation(lex['follow'] + lex['story_follow'])}|[，,、。；;：:！？!?（(）)\\s“”…的任这]"),
        "role_words": tuple(lex["roles"] + lex["titles"]),
        "title_overlaps": tuple(lex["title_overlaps"]),
        "occupations": tuple(lex["occupations_after"]),
        "one_char_follow": frozenset(f for f in lex["follow"] if len(f) == 1),
        # a name after a title or role whatever follows it, when jieba's tagger reads one (队长李敏走出机场)
        "titled": re.compile(f"(?:{titles}|{alternation(lex['roles'])})(?=((?:{compound}|{single_after_title}){given}{{1,2}}))"),
        # a three-character name after a title or role that the report names again (村民杨光照赶一趟集 … 杨光照一家)
        "named_again": re.compile(f"(?:{titles}|{alternation(lex['roles'])})((?:{compound}|{single_before_title}){given}{{2}})"),
    }


def find_people(text: str) -> list[Candidate]:
    rules = _rules()
    count = cache(text.count)  # the rules ask about the same strings many times in a long report
    ends_as_name = cache(lambda name: _ends_as_name(text, name, rules["name_end"]))
    names: dict[tuple[int, int], float] = {}
    for m in rules["after_title"].finditer(text):
        name = m.group(1)
        if len(name) == 4 and rules["surname"].match(name) and is_common_word(name[2:]) and not is_common_word(name[:2]):
            _add(names, m.start(1), m.start(1) + 2, 0.85)  # 赵勇此前: 赵勇, then a word (not 领导全面加强)
            continue
        if len(name) == 4 and (m.group().startswith(rules["no_long_name_after"])
                               or is_common_word(name[:2]) or is_common_word(name[2:])):
            continue  # 组织领导全面加强, 专家牵线搭桥, 第一书记工作开始: a phrase, not a four-character name
        if text.startswith(rules["title_overlaps"], m.start(1) - 1):
            continue  # 忠县长江大桥: no 县长 there
        if len(name) >= 3 and rules["surname"].match(name) and _runs_into_word(text, m.start(1), m.end(1), rules, count):
            _add(names, m.start(1), m.end(1) - 1, 0.85)  # 张勇接到, 李俊参与: the name, then a word
            continue
        if m.group().rstrip().endswith((":", "：")) and text[m.end(1):m.end(1) + 1] in (":", "："):
            continue  # 作者: 来源: a form's empty fields
        if len(name) == 2 and is_common_word(name, VERY_COMMON):
            continue  # 总书记强调, 常务: a word (but 高峰, 林立 can be names)
        _add(names, m.start(1), m.end(1), 0.85)
        _follow_list(text, m.end(1), rules["list_next"], names)
    for m in rules["age_of"].finditer(text):
        if not is_common_word(m.group(1)):
            _add(names, m.start(1), m.end(1), 0.7)
    for m in rules["title_of"].finditer(text):
        _add(names, m.start(1), m.end(1), 0.8)
    for m in rules["after_role"].finditer(text):
        name = m.group(1)
        if not is_common_word(name) and not is_common_word(name[:2]) and not name.startswith(rules["role_words"]):
            _add(names, m.start(1), m.end(1), 0.8)  # not 干部强烈, 农民丰收节, 学生党员
            _follow_list(text, m.end(1), rules["list_next"], names)
    for m in rules["before_title"].finditer(text):  # 习近平总书记, 刘成鸣副主席 (but not 常务副市长, 到大方挂职副县长)
        group = 1 if m.group(1) else 2
        name = m.group(group)
        if (not is_common_word(name[1:] if group == 2 else name) and text[m.end(group) - 1:m.end(group) + 1] not in gazetteer()
                and not (text.startswith(rules["occupations"], m.end(group)) and (
                    is_common_word(name[:2]) or is_cjk(text[m.start(group) - 1:m.start(group)] or " ")
                    and text[m.start(group) - 1] not in NAME_OPENERS))):
            # not 本文将揭秘县长, 感谢贵州长期, 辽宁援疆医生, 谢谢范医生 (an occupation: only after punctuation)
            _add(names, m.start(group), m.end(group), 0.8)
    for rule in ("byline", "spaced_byline", "credits", "dateline", "name_line", "credit_brackets", "attending"):
        for m in rules[rule].finditer(text):
            for part in NAME_PARTS.finditer(m.group(1)):
                start, end = m.start(1) + part.start(), m.start(1) + part.end()
                label = rules["label_start"].match(text, start, end)  # (王兴莉 记者裴玉松)
                start = label.end() if label else start
                if text.endswith(REPORTED, start, end) and end - start > len(REPORTED) + 1:
                    end -= len(REPORTED)  # (记者赵西娅 张蓓报道)
                    if text[start:end] in gazetteer():
                        continue  # (记者 高施倩 浙江报道): where from
                if (text[end:end + 1] not in (":", "：") and text[start:end] not in rules["not_names"] and end - start >= 2
                        and not text[start:end].endswith(MEDIA_ENDS)):
                    _add(names, start, end, 0.9)  # not 来源: (a field), 通讯员 (记者 王明 通讯员 李华), 作者:昭通日报
    for rule in ("loose_byline", "photo", "photo_alone", "in_photo"):
        for m in rules[rule].finditer(text):
            _add(names, m.start(1), m.end(1), 0.85)
    for m in rules["dotted_anywhere"].finditer(text):  # unless part of a name found after a title
        if not any(s < m.end(1) and m.start(1) < e for s, e in names):
            _add(names, m.start(1), m.end(1), 0.8)
    for m in rules["speaker"].finditer(text):
        name = m.group(1)
        if not is_common_word(name[:2]) and not name.startswith(rules["role_words"]) and not name.endswith(("女士", "先生")):
            _add(names, m.start(1), m.end(1), 0.7)  # not 的游子来说, 的党员说, 的何女士告诉记者
    for m in rules["named_again"].finditer(text):
        name = m.group(1)
        if (count(name) > 1 and (m.start(1), m.end(1) - 1) not in names  # not 秦军带 for 秦军
                and not name.startswith(rules["role_words"])  # not 学生党员志愿者
                and not text.startswith(rules["title_overlaps"], m.start(1) - 1)
                and ends_as_name(name)):
            _add(names, m.start(1), m.end(1), 0.7)
    for m in rules["clause_subject"].finditer(text):
        name = m.group(1)
        if (m.span(1) not in names and not is_common_word(name) and not name.startswith(rules["role_words"])
                and tagged(text[m.start(1):m.end(1) + 2])[:1] == ((name, "nr"),)):
            _add(names, m.start(1), m.end(1), 0.6)
    covered = bytearray(len(text) + 1)
    for s, e in names:
        covered[s:e] = b"\1" * (e - s)
    for m in rules["titled"].finditer(text):
        if (not covered[m.start(1)] and not text.startswith(rules["title_overlaps"], m.start(1) - 1)
                and "·" not in text[m.start(1):m.start(1) + 6]):  # a transliterated name is the dotted rule's
            words = tagged(text[m.start(1):m.start(1) + 5])
            word, flag = words[0] if words else ("", "")
            if (flag == "nr" and len(word) >= 2 and m.group(1).startswith(word) and not is_common_word(word)
                    and not any(covered[m.start(1):m.start(1) + len(word)])):  # not 苏麦艳 of 苏麦艳罕·艾合麦提江
                _add(names, m.start(1), m.start(1) + len(word), 0.7)
    for start, end in _story_names(text, rules, names, count):
        _add(names, start, end, 0.6)
    found = {text[s:e] for s, e in names}
    if found:  # every other mention of a name found above
        for m in re.finditer(alternation(found), text):
            _add(names, m.start(), m.end(), 0.8)
    return [(s, e, "PERSON", score) for (s, e), score in names.items()]


def _runs_into_word(text: str, start: int, end: int, rules: dict, count) -> bool:
    """The name's last character and the one-character verb after it make a word (张勇接到, 李俊参与): when the
    shorter name recurs on its own or the word is very common (not 黄焕利率代表团, 王永明说, 阿石拉比分段)."""
    word = text[end - 1:end + 1]
    if word[1:] not in rules["one_char_follow"] or not is_common_word(word):
        return False
    return (end - start == 4 or count(text[start:end - 1]) > count(text[start:end])
            or is_common_word(word, VERY_COMMON))  # 张卫军坦率地说: four characters are rarely a name


def _ends_as_name(text: str, name: str, name_end: re.Pattern) -> bool:
    """Some mention of `name` ends as a person's name does (刘炼勇的, 朱鑫璞这样; not 管理制度)."""
    return any(name_end.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def _add(names: dict[tuple[int, int], float], start: int, end: int, score: float) -> None:
    names[(start, end)] = max(score, names.get((start, end), 0.0))


def _follow_list(text: str, pos: int, list_next: re.Pattern, names: dict) -> None:
    while (m := list_next.match(text, pos)):
        _add(names, m.start(1), m.end(1), 0.85)
        pos = m.end(1)


def _story_names(text: str, rules: dict, names: dict, count) -> list[tuple[int, int]]:
    """Names a story repeats where a clause starts (，许洪彬带着团队 … 在许洪彬心里; 郭云涵哭了 … 郭云涵等), at least
    once before a verb of the story: not common words (高质量, 全面, 宿迁), nor a pair of provinces (鲁渝),
    and read as a name by jieba's tagger."""
    taken = {text[s:e] for s, e in names}
    at: dict[str, list[tuple[int, str]]] = {}  # first two characters -> (start, up to three characters)
    for m in rules["story_name"].finditer(text):
        i, three = m.start(1), m.group(1)
        if not any(is_common_word(text[i:i + n]) for n in (2, 3)):
            at.setdefault(three[:2], []).append((i, three))
    out = []
    for two, found in at.items():
        if len(found) < 2 or set(two) <= _provinces():
            continue
        name = _name_length(text, two, found, count)
        starts = [i for i, _ in found]
        if (name not in taken and any(rules["story_verb"].match(text, i + len(name)) for i in starts)
                and any(_tagged_name(text, name, i) for i in starts[:3])):  # 赵可笑得: 赵 可笑; 赵可主动: 赵可
            out += [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
    return out


def _name_length(text: str, two: str, found: list[tuple[int, str]], count) -> str:
    """Three characters when every mention has the same third one and it starts no word (许洪彬, not 袁泉指出
    nor 鲁渝协作), else two."""
    threes = {three for _, three in found}
    three = threes.pop() if len(threes) == 1 else ""
    if len(three) == 3 and count(three) == count(two) and not any(
            is_common_word(text[i + 2:i + 4]) for i, _ in found):
        return three
    return two


def _tagged_name(text: str, name: str, start: int) -> bool:
    """jieba's tagger reads a name (nr) at `start`: `name` or its first two characters (it cuts 许洪彬 as 许洪)."""
    words = tagged(text[start:start + len(name) + 2])
    return bool(words) and words[0][1].startswith("nr") and len(words[0][0]) >= 2 and name.startswith(words[0][0])


@cache
def _provinces() -> frozenset[str]:
    return frozenset(lexicon()["region"]["one_char"])

"""AMOUNT: a number with its unit (14654.73万元, 9500余万元, 5千吨, 两名, 58%), not dates, ordinals or abstract counts."""
from __future__ import annotations

import re
from functools import cache

from annotator.suggest.lexicon import alternation, lexicon
from annotator.suggest.overlaps import Candidate

CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMBER = f"[{CN_DIGITS}十][{CN_DIGITS}十百千万亿]*"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"


QUOTES = ("“", '"')
HUNDRED_UNITS = "[个名人户所座场次余多]"  # 百 alone counts before these (百个, 百名, 上百人), not 百家争鸣
# The low end of a range, one span with the amount after it (500-600万元, 2至3家).
RANGE_START = re.compile(f"(?:{ARABIC}|{CN_NUMBER})[-~～—至到]$")


@cache
def _rule() -> tuple[re.Pattern, tuple[str, ...], str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    lex = lexicon()["amount"]
    number = f"(?:{ARABIC}|{CN_NUMBER}|百(?={HUNDRED_UNITS}))(?:[余多])?(?:[十百千万亿]+)?[ \u3000]?(?:[余多])?"
    pattern = re.compile(f"(?<![第\\d.{CN_DIGITS}十百千万亿“\"*xX×])({number})({alternation(lex['units'])})")
    return (pattern, tuple(lex["not_after"]), lex["place_after"], tuple(lex["arabic_only"]),
            tuple(lex["not_before_quote"]), tuple(lex["name_before"]))


def find_amounts(text: str) -> list[Candidate]:
    pattern, not_after, place_after, arabic_only, not_before_quote, name_before = _rule()
    out: list[Candidate] = []
    names = {m.group() for m in pattern.finditer(text) if text.endswith(name_before, 0, m.start())}
    for m in pattern.finditer(text):
        number, unit = m.group(1), m.group(2)
        if number == "一":
            continue  # 一项, 一名: an article more than a count
        if (not unit.endswith("元") and text.startswith(not_after, m.end())) or _is_duration(text, m):
            continue  # 三个方面, 两个重点 (but 200万元重点用于: a sum)
        if unit in not_before_quote and text.startswith(QUOTES, m.end()):
            continue  # 四个“不摘”: a name's number
        if m.group() in names:
            continue  # 山区26县, and 26县 alone in the same report: a name
        if unit != "个" and len(m.group()) == 2 and text[m.end():m.end() + 1] and text[m.end()] in place_after:
            continue  # 八台镇: a place
        if unit.startswith(arabic_only) and not re.match(ARABIC, number):
            continue  # 万人游, 三方协议: after a Chinese number these are words
        low = RANGE_START.search(text, max(0, m.start() - 12), m.start())
        out.append((low.start() if low else m.start(), m.end(), "AMOUNT", 0.9))
    return out


def _is_duration(text: str, m: re.Match) -> bool:
    """个 followed by 月 or 年, or a number directly followed by a time unit."""
    after = text[m.end():m.end() + 1]
    return m.group(2) == "个" and after in ("月", "年") or after in ("年", "月", "日", "天", "周", "号")

"""COMMITMENT: a clause with a pledge cue (将, 要, 确保, 希望…), from the cue, or the party right
before it (新吴区将…, 县商务局和各镇街要…), to the end of the clause.

Headings are skipped: short lines without closing punctuation, and enumerations (一是…); in 一要…, 二要…
the span starts at 要 (GUIDELINES.md).
"""
from __future__ import annotations

import re
from functools import cache

from annotator.suggest.lexicon import alternation, gazetteer, lexicon, tagged
from annotator.suggest.overlaps import Candidate

CLAUSE_END = "，,；;。！？：:\n"
SENTENCE_END = "。！？!?；;：:…"
HEADING_MAX = 50
# 将 meaning 把 (将扶贫协作作为重大任务, 将“山”的特色和“海”的优势结合起来), or foretelling (将成为, 将开启新篇章).
BA_SENSE = re.compile("作为|纳入|列入|列为|视为|当作|转化为|变为|提升为|成为|开启|推向|贯穿|衔接起来|分享至|分享到|结合起来|配齐")
FUTURE_AFTER = ("以", "在", "于", "进一步")  # 将以双方关注的问题作为切入点: 将 of the future
NOUN_TAGS = ("ns", "nr", "nt", "nz")  # a place, name or organisation after 将: its object
NUMBER = re.compile(r"\d")


@cache
def _rules():
    lex = lexicon()["commitment"]
    cues = re.compile(alternation(lex["cues"]))
    party = re.compile(f"(?:{alternation(lex['party_ends'])})$")
    time = re.compile(f"^(?:\\d+年|{alternation(lex['time_words'])})+")
    return (cues, party, time, frozenset(lex["not_before_cue"]), tuple(lex["not_after_cue"]),
            tuple(lex["heading_starts"]))


def find_commitments(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip()
        if body and (len(body) >= HEADING_MAX or body[-1] in SENTENCE_END):
            out.extend(_in_line(text, pos, pos + len(body)))
        pos += len(line)
    return out


def _in_line(text: str, start: int, end: int) -> list[Candidate]:
    out = []
    clause_start = start
    for i in range(start, end + 1):
        if i == end or text[i] in CLAUSE_END:
            if i > clause_start:
                found = _clause(text, clause_start, i)
                if found:
                    out.append(found)
            clause_start = i + 1
    return out


def _clause(text: str, start: int, end: int) -> Candidate | None:
    cues, party, time, not_before, not_after, headings = _rules()
    clause = text[start:end]
    stripped = clause.lstrip()
    if stripped.startswith(headings):
        if not stripped.startswith(tuple(h for h in headings if h.endswith("要"))):
            return None
        first = start + len(clause) - len(stripped) + 1  # 一要提高站位: from 要
        last = start + len(clause.rstrip(" \t\u3000"))
        return (first, last, "COMMITMENT", 0.6) if last - first > 1 else None
    for m in cues.finditer(clause):
        cue = m.group()
        if len(cue) == 1 and (m.start() > 0 and clause[m.start() - 1] in not_before or clause.startswith(not_after, m.end())):
            continue
        if cue == "将" and _ba_sense(clause, m.end()):
            continue
        if clause.startswith("的", m.end()):
            continue  # 计划的关键之年: a noun
        prefix = clause[:m.start()]
        lead = time.match(prefix.lstrip())
        actor = prefix.lstrip()[lead.end() if lead else 0:]
        is_party = actor and (party.search(actor) or _is_place(actor))
        first = m.start() - len(actor) if is_party else m.start()
        last = len(clause.rstrip(" \t\u3000"))
        if last - first > len(cue):
            return (start + first, start + last, "COMMITMENT", 0.6)
        return None
    return None


def _is_place(actor: str) -> bool:
    """A division's name (宁夏将…), not a short form that is also a word (振兴将…)."""
    place = gazetteer().get(actor)
    return place is not None and place.level != "word"


def _ba_sense(clause: str, after: int) -> bool:
    """将 meaning 把: a place, name or number follows (将广州与黔南紧紧相连, 将60%以上的资金投向) or a
    verb of treating as (将扶贫协作作为重大任务), unless 以/在/于 follows (将以…作为…: the future)."""
    if clause.startswith(FUTURE_AFTER, after):
        return False
    if BA_SENSE.search(clause, after) or clause.startswith("“", after):
        return True
    if NUMBER.match(clause, after) or any(clause[after:after + n] in gazetteer() for n in (2, 3)):
        return True  # 将60%以上的资金, 将广州与黔南
    if clause[after:after + 1] not in _surnames():
        return False  # the tagger asked only where a name could start
    words = tagged(clause[after:after + 8])
    return bool(words) and words[0][1].startswith(NOUN_TAGS)


@cache
def _surnames() -> frozenset[str]:
    return frozenset("".join(lexicon()["person"]["surnames"].split()))

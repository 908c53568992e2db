"""Relation suggestions between a document's spans: rules for the patterns of GUIDELINES.md (Relations), and
region pairs the annotators accepted as SUPPORTS, suggested where the same two region strings meet again.

Each rule works inside one sentence (`sentence_at`, the window's triple-click); FUNDS inside one clause.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.core.model import Relation, Span
from annotator.core.text import sentence_at

RULE_SCORE = 0.6
LEARNED_SCORE = 0.75
SUPPORT_CUES = re.compile("对口支援|对口帮扶|东西部协作|扶贫协作|结对帮扶|援建|帮扶|支援|援助|结对|协作")
PASSIVE = "受由"  # just before a region, "云南省…受上海市援助": that region aids
LISTED = re.compile("[、和及与]?")  # between the regions of a list: "A、B分别帮扶C", each aids
BEFORE_CUE = re.compile("(?:分别|共同|一起|持续|长期|继续|全力)?")  # what may stand between the aiding region and the cue
AFTER_CUE = 2  # at most this many characters from the cue to the aided region ("对口支援了云南省")
MONEY = re.compile("元|资金|投入|捐|援")
RECIPIENT = "向给为对到在"  # just before a region: the money goes to it
LEAD_CUES = re.compile("率队|带队|率领|带领|负责")
LEAD_GAP = 8  # characters from a person's name to the cue
CLAUSE_END = "，,；;。！？!?\n"
CLAUSE_BREAK = re.compile(f"[{re.escape(CLAUSE_END)}]")


def _sentences(text: str, spans: list[Span]) -> dict[tuple[int, int], list[Span]]:
    """The spans of each sentence, by the sentence's bounds, in order."""
    out: dict[tuple[int, int], list[Span]] = {}
    bounds = (0, 0)
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if not bounds[0] <= s.start < bounds[1]:  # the spans of a sentence share its bounds, found once
            bounds = sentence_at(text, s.start)
        if s.end <= bounds[1] or bounds[1] == bounds[0]:
            out.setdefault(bounds, []).append(s)
    return out


def _just_before(text: str, pos: int, chars: str) -> bool:
    """Whether the character before `pos` is one of `chars`."""
    return pos > 0 and text[pos - 1] in chars


def _pending(head: Span, tail: Span, kind: str, score: float) -> Relation:
    return Relation(head.id, tail.id, kind, document_id=head.document_id, origin="suggested", state="pending",
                    score=score)


def supports(text: str, regions: list[Span], start: int, end: int) -> list[tuple[Span, Span]]:
    """(aiding, aided) pairs of the regions of the sentence [start, end) around a cue, in either word order."""
    pairs = []
    for cue in SUPPORT_CUES.finditer(text, start, end):
        before = [r for r in regions if r.end <= cue.start()]
        after = [r for r in regions if r.start >= cue.end()]
        if not before or not BEFORE_CUE.fullmatch(text, before[-1].end, cue.start()):
            continue
        aiding = [before[-1]]
        while len(aiding) < len(before) and LISTED.fullmatch(text, before[-len(aiding) - 1].end, aiding[0].start):
            aiding.insert(0, before[-len(aiding) - 1])
        rest = before[:len(before) - len(aiding)]
        if _just_before(text, aiding[0].start, PASSIVE) or text.startswith("的", cue.end()):
            aided = rest[-1:] or after[:1]  # "云南省…受上海市援助", "宜川县…奉贤区援建的"
        else:
            aided = [r for r in after[:1] if r.start - cue.end() <= AFTER_CUE]
        pairs += [(a, b) for a in aiding for b in aided if not _same_place(a.text, b.text)]
    return pairs


def _same_place(a: str, b: str) -> bool:
    """The same region twice, or in full and short form (泸州市, 泸州)."""
    return a.startswith(b) or b.startswith(a)


def funds(text: str, spans: list[Span], sentence: tuple[int, int]) -> list[tuple[Span, Span]]:
    """(money, recipient) pairs of one sentence: an AMOUNT of money and, in its clause, the region it goes to
    (one after 向/给/为/对/到/在 first), else the COMMITMENT holding it."""
    pairs = []
    for amount in (s for s in spans if s.label == "AMOUNT"):
        start = max([sentence[0], *(text.rfind(ch, sentence[0], amount.start) + 1 for ch in CLAUSE_END)])
        found = CLAUSE_BREAK.search(text, amount.end, sentence[1])
        end = found.start() if found else sentence[1]
        if not MONEY.search(text, start, end):
            continue
        regions = [s for s in spans if s.label == "REGION" and start <= s.start and s.end <= end]
        marked = [r for r in regions if _just_before(text, r.start, RECIPIENT)]
        nearest = sorted(marked or regions, key=lambda r: min(abs(r.start - amount.end), abs(amount.start - r.end)))
        holding = [s for s in spans if s.label == "COMMITMENT" and s.start <= amount.start and amount.end <= s.end]
        tail = (nearest or holding or [None])[0]
        if tail is not None:
            pairs.append((amount, tail))
    return pairs


def leads(text: str, spans: list[Span]) -> list[tuple[Span, Span]]:
    """(person, region) pairs of one sentence: a PERSON followed by 率队/带队/负责 and the region nearest
    before the name (its title: "历城区委书记吴承丙带领"), else the nearest after it."""
    pairs = []
    regions = [s for s in spans if s.label == "REGION"]
    for person in (s for s in spans if s.label == "PERSON"):
        if not LEAD_CUES.search(text, person.end, person.end + LEAD_GAP) or not regions:
            continue
        before = [r for r in regions if r.end <= person.start]
        after = [r for r in regions if r.start >= person.end]
        pairs.append((person, before[-1] if before else after[0]))
    return pairs


def suggest_relations(text: str, spans: list[Span], learned: Iterable[tuple[str, str]] = ()) -> list[Relation]:
    """Pending relations between `spans` (with ids) of the document whose text is `text`: the rules, and
    SUPPORTS between regions whose strings form a `learned` (aiding, aided) pair."""
    learned = set(learned)
    out: dict[tuple[int, int, str], Relation] = {}
    for (start, end), in_sentence in _sentences(text, spans).items():
        regions = [s for s in in_sentence if s.label == "REGION"]
        found = [(h, t, "SUPPORTS", RULE_SCORE) for h, t in supports(text, regions, start, end)]
        found += [(h, t, "SUPPORTS", LEARNED_SCORE) for h in regions for t in regions
                  if (h.text, t.text) in learned and h.id != t.id]
        found += [(h, t, "FUNDS", RULE_SCORE) for h, t in funds(text, in_sentence, (start, end))]
        found += [(h, t, "LEADS", RULE_SCORE) for h, t in leads(text, in_sentence)]
        for head, tail, kind, score in found:
            key = (head.id, tail.id, kind)
            if key not in out or out[key].score < score:
                out[key] = _pending(head, tail, kind, score)
    return list(out.values())

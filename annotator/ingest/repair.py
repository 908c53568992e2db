"""Repair of damaged web text into clean simplified text, with a map back to the raw text.

Every step either keeps a raw character, replaces it one for one (t2s,
full-width to ASCII, a lone CR to LF) or deletes it. So the normalized text is
the raw text with some characters replaced and some removed, and the offset
map records the kept runs (annotator.core.offsets).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from annotator.core.offsets import OffsetMap
from annotator.core.resources import read_text
from annotator.core.text import CJK
from annotator.ingest import t2s
from annotator.ingest.options import RepairOptions

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
GLOSS_RE = re.compile(rf"(?<=[{CJK}])[(（]([a-z{TONED}ê]{{1,7}})[)）]")
# A gloss whose host character was lost: "当?shù)" (the character and its "(" became one "?") or a Latin
# letter in its place, "F(xiàn)" (the gloss then must carry a tone mark: "A(an)" is not one).
LOST_HOST_RE = re.compile(rf"\?([a-z{TONED}ê]{{1,7}})[)）]|(?<![A-Za-z])[A-Za-z][(（]([a-z{TONED}ê]*[{TONED}][a-z{TONED}ê]*)[)）]")
LOST = "□"  # stands where a character was lost
_BASE = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê", "aaaaeeeeiiiioooouuuuvvvvve")
SYLLABLE_RE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong"
    r"|u|ua|uo|uai|ui|uan|un|uang|ueng|v|ve|van|vn|ue)")
TRAILING_RE = re.compile(r"[ \t\u3000\xa0\r]+$")
EMPTY_RE = re.compile(r"^[\s…．.·\-—_()（）\[\]【】]*$")
DAMAGE_RE = re.compile(rf"(?<=[{CJK}，。、；：])\?+|\?+(?=[{CJK}，。、；：])|\ufffd")
FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)) for c in range(*r)}
DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    fields: dict[str, re.Pattern]


@dataclass
class Repaired:
    text: str
    offsets: OffsetMap
    meta: dict = field(default_factory=dict)
    report: dict = field(default_factory=dict)


def load_rules(extra_toml: str = "") -> list[Rule]:
    """The boilerplate rules of resources/repair_rules.toml, plus a project's own (TOML text)."""
    rules = []
    for source in (read_text("repair_rules.toml"), extra_toml):
        for r in tomllib.loads(source).get("rule", []) if source else []:
            rules.append(Rule(r["name"], re.compile(r["pattern"]),
                              {k: re.compile(v) for k, v in r.get("fields", {}).items()}))
    return rules


_DEFAULT_RULES: list[Rule] | None = None


def default_rules() -> list[Rule]:
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = load_rules()
    return _DEFAULT_RULES


def _is_pinyin(gloss: str) -> bool:
    return SYLLABLE_RE.fullmatch(gloss.translate(_BASE)) is not None


def _normalize_date(value: str) -> str:
    m = DATE_RE.search(value)
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else value


class _Line:
    """One line being repaired: its current text and the raw position of each character."""

    __slots__ = ("text", "positions")

    def __init__(self, text: str, start: int):
        self.text = text
        self.positions: list[int] | range = range(start, start + len(text))

    def replace(self, i: int, ch: str) -> None:
        """Put `ch` in place of the character at `i` (it keeps that character's raw position)."""
        self.text = self.text[:i] + ch + self.text[i + 1:]

    def remove(self, ranges: list[tuple[int, int]]) -> None:
        """Delete the given [start, end) ranges of the current text (sorted, disjoint)."""
        pieces, kept, last = [], [], 0
        for s, e in ranges:
            pieces.append(self.text[last:s])
            kept.extend(self.positions[last:s])
            last = e
        pieces.append(self.text[last:])
        kept.extend(self.positions[last:])
        self.text, self.positions = "".join(pieces), kept


def repair(raw: str, options: RepairOptions = RepairOptions(), rules: list[Rule] | None = None) -> Repaired:
    """Normalize `raw` into annotatable text; see the module docstring for what it does."""
    rules = default_rules() if rules is None else rules
    report = {"chars_before": len(raw), "pinyin_removed": 0, "boilerplate_lines": [],
              "converted_t2s": 0, "fullwidth": 0, "damage": 0, "lost_characters": 0}
    meta: dict = {}
    work = re.sub(r"\r(?!\n)", "\n", raw)
    if options.fullwidth:
        converted = work.translate(FULLWIDTH)
        report["fullwidth"] = t2s.count_changed(work, converted) if converted != work else 0
        work = converted
    if options.t2s and t2s.has_traditional(work):
        converted = t2s.to_simplified(work)
        report["converted_t2s"] = t2s.count_changed(work, converted)
        work = converted
    quick = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in rules)) if rules and options.boilerplate else None
    leading = _leading_re(options)
    out_lines: list[str] = []
    kept: list[tuple[int, int]] = []
    pos = prev_newline = 0
    for text in work.split("\n"):
        line = _Line(text, pos)
        pos += len(text) + 1
        if options.pinyin and (")" in text or "）" in text):
            _remove_glosses(line, report)
        cut_by_rules = quick is not None and quick.search(line.text) and _apply_rules(line, rules, meta, report)
        _trim(line, leading, options.whitespace)
        if (cut_by_rules and EMPTY_RE.match(line.text)) or (not line.text and (options.whitespace or text)):
            continue
        if out_lines:
            kept.append((prev_newline, prev_newline + 1))
        kept.extend(_runs(line.positions))
        out_lines.append(line.text)
        prev_newline = pos - 1
    text = "\n".join(out_lines)
    report["damage"] = len(DAMAGE_RE.findall(text))
    report["chars_after"] = len(text)
    return Repaired(text, OffsetMap.from_kept(kept), meta, report)


def _apply_rules(line: _Line, rules: list[Rule], meta: dict, report: dict) -> bool:
    """Remove what the rules match in the line, keeping their fields as metadata; True if any did."""
    cut = False
    for rule in rules:
        matches = [m.span() for m in rule.pattern.finditer(line.text) if m.end() > m.start()]
        if not matches:
            continue
        for name, regex in rule.fields.items():
            m = regex.search(line.text)
            if m and name not in meta:
                meta[name] = _normalize_date(m[1]) if name == "date" else m[1]
        for s, e in matches:
            report["boilerplate_lines"].append({"rule": rule.name, "text": line.text[s:e].strip()})
        line.remove(matches)
        cut = True
    return cut


def _remove_glosses(line: _Line, report: dict) -> None:
    """Pinyin glosses go; where the character before one was lost, a visible LOST stands in for it."""
    lost = [m for m in LOST_HOST_RE.finditer(line.text) if _is_pinyin(m[1] or m[2])]
    for m in lost:
        line.replace(m.start(), LOST)
    matches = sorted([(m.start() + 1, m.end()) for m in lost]
                     + [m.span() for m in GLOSS_RE.finditer(line.text) if _is_pinyin(m[1])])
    if matches:
        report["pinyin_removed"] += len(matches)
        report["lost_characters"] += len(lost)
        line.remove(matches)


def _leading_re(options: RepairOptions) -> re.Pattern | None:
    """What is cut from line starts: indentation, and `??` runs standing for lost ideographic spaces."""
    parts = ([r"[ \t\u3000\xa0\r]"] if options.whitespace else []) + ([r"\?{2,}"] if options.question_marks else [])
    return re.compile(f"^(?:{'|'.join(parts)})+") if parts else None


def _trim(line: _Line, leading: re.Pattern | None, trailing: bool) -> None:
    m = leading.match(line.text) if leading else None
    if m and m.end():
        line.remove([m.span()])
    m = TRAILING_RE.search(line.text) if trailing else None
    if m:
        line.remove([m.span()])


def _runs(positions) -> list[tuple[int, int]]:
    """Raw positions as maximal runs [start, end)."""
    if isinstance(positions, range):
        return [(positions.start, positions.stop)] if len(positions) else []
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p:
            runs[-1] = (runs[-1][0], p + 1)
        else:
            runs.append((p, p + 1))
    return runs

"""What an annotated file changes on a document the project already has (corrections coming back from
Label Studio): each annotator with an annotation in the file gets their accepted spans as the file has them.

A region that keeps the id of one of our spans (`s123`) changes that span; other spans are matched by
place and label. A new span exactly on a pending suggestion accepts it, one over suggestions of its label
rejects them, as in the window; one over another accepted span of its label is left out. Predictions are
not merged: the project's own suggestions stay as they are.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from annotator.core.model import Span

WORDS = (("added", "span(s) added"), ("changed", "moved or relabelled"), ("removed", "removed"),
         ("accepted", "suggestion(s) accepted"), ("rejected", "suggestion(s) rejected"),
         ("left out", "left out (over another annotator's span of the label)"))


@dataclass
class Merge:
    before: list[Span] = field(default_factory=list)  # the project's spans it changes, as they are now
    after: list[Span] = field(default_factory=list)  # their new versions (removed ones absent), new spans (no id)
    counts: Counter = field(default_factory=Counter)  # by the keys of WORDS

    def change(self, old: Span | None, new: Span | None, what: str) -> None:
        if old is not None:
            self.before.append(old)
        if new is not None:
            self.after.append(new)
        self.counts[what] += 1


def said(counts: Counter) -> str:
    """The changes in words: "1 span(s) added, 1 moved or relabelled, 1 removed"."""
    return ", ".join(f"{counts[key]} {words}" for key, words in WORDS if counts[key])


def merge(doc_id: int, current: list[Span], incoming: list[Span], annotators: list[str]) -> Merge:
    """The changes that give each of `annotators` their accepted spans of `incoming` on document `doc_id`,
    whose live spans (accepted and pending) are `current`."""
    out = Merge()
    live = {s.id: s for s in current}  # the document's live spans as the changes so far leave them (new: < 0)
    for who in dict.fromkeys(annotators):
        mine = [s for s in current if s.annotator == who and s.state == "accepted"]
        pairs, new, gone = _paired(mine, [s for s in incoming if s.annotator == who and s.state == "accepted"])
        for old in gone:
            del live[old.id]
            out.change(old, None, "removed")
        for old, wanted in pairs:
            if (old.start, old.end, old.label) == (wanted.start, wanted.end, wanted.label):
                continue
            del live[old.id]
            moved = replace(old, start=wanted.start, end=wanted.end, label=wanted.label, text=wanted.text)
            if _place(live, moved, out, who):
                out.change(old, moved, "changed")
                live[old.id] = moved
            else:
                live[old.id] = old
        for wanted in new:
            exact = next((s for s in live.values() if s.state == "pending" and
                          (s.start, s.end, s.label) == (wanted.start, wanted.end, wanted.label)), None)
            if exact is not None:
                live[exact.id] = replace(exact, state="accepted", annotator=who)
                out.change(exact, live[exact.id], "accepted")
            elif _place(live, wanted, out, who):
                out.change(None, replace(wanted, id=None, document_id=doc_id), "added")
                live[-out.counts["added"]] = out.after[-1]
    return out


def _paired(mine: list[Span], theirs: list[Span]) -> tuple[list[tuple[Span, Span]], list[Span], list[Span]]:
    """(project span, file span) pairs, by the id a region kept, else by place and label; then the file's
    spans with no partner, and the project's."""
    by_id = {s.id: s for s in mine}
    pairs, rest = [], []
    for s in theirs:
        old = by_id.pop(s.id, None) if s.id is not None else None
        (pairs.append((old, s)) if old is not None else rest.append(s))
    by_place = {(s.start, s.end, s.label): s for s in by_id.values()}
    new = []
    for s in rest:
        old = by_place.pop((s.start, s.end, s.label), None)
        (pairs.append((old, s)) if old is not None else new.append(s))
    return pairs, new, list(by_place.values())


def _place(live: dict[int, Span], span: Span, out: Merge, who: str) -> bool:
    """Make room for `span`: the pending suggestions of its label it overlaps are rejected; False (left out)
    if an accepted span of its label is in the way."""
    in_way = [s for s in live.values() if s.label == span.label and s.start < span.end and span.start < s.end]
    if any(s.state == "accepted" for s in in_way):
        out.counts["left out"] += 1
        return False
    for s in in_way:
        del live[s.id]
        out.change(s, replace(s, state="rejected", annotator=who), "rejected")
    return True

"""Character-level BIO / BIOES (MSRA style): one character and its tag per line, tab-separated,
a blank line between sentences (split after 。！？ and at line breaks, never inside a span).

Only entity labels, and only a non-overlapping layer of them (the longest span wins,
then the earliest); whitespace characters are left out, as a column format cannot
hold them. Everything left out is listed in NAME.notes.txt beside the file.
"""
from __future__ import annotations

from pathlib import Path

from annotator.core.model import Span
from annotator.core.spans import Intervals
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected
from annotator.store.project import Project

SENTENCE_END = "。！？"


def notes_path(out: Path) -> Path:
    return out.with_name(out.name + ".notes.txt")


def entity_layer(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """(kept, dropped): the longest spans first, then the earliest, none overlapping."""
    kept: list[Span] = []
    dropped: list[Span] = []
    taken = Intervals()
    for s in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if taken.overlaps(s.start, s.end):
            dropped.append(s)
        else:
            taken.add(s.start, s.end)
            kept.append(s)
    return sorted(kept, key=lambda s: s.start), dropped


def tags(text: str, spans: list[Span], scheme: str) -> list[str]:
    """One tag per character of `text`."""
    out = ["O"] * len(text)
    for s in spans:
        n = s.end - s.start
        for i in range(s.start, s.end):
            first, last = i == s.start, i == s.end - 1
            if scheme == "bioes":
                prefix = "S" if n == 1 else "B" if first else "E" if last else "I"
            else:
                prefix = "B" if first else "I"
            out[i] = f"{prefix}-{s.label}"
    return out


def lines(text: str, spans: list[Span], scheme: str) -> list[str]:
    """The document as character lines, with "" between sentences."""
    tagged = tags(text, spans, scheme)
    inside = [False] * (len(text) + 1)
    for s in spans:
        for i in range(s.start, s.end - 1):
            inside[i] = True  # no sentence break after this character
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == "\n" and not inside[i]:
            if out and out[-1] != "":
                out.append("")
            continue
        if not ch.isspace():
            out.append(f"{ch}\t{tagged[i]}")
        if ch in SENTENCE_END and not inside[i] and out and out[-1] != "":
            out.append("")
    if out and out[-1] != "":
        out.append("")
    return out


def export_bio(project: Project, out: Path, sel: Selection = Selection(), scheme: str = "bio") -> dict:
    """Write the tagged file `out` and its notes (spans left out, and why)."""
    out = absolute(out)
    entity = {l.name for l in project.labels() if l.kind == "entity"}
    notes: list[str] = []
    documents = written = 0
    target = ExportTarget(project, scheme, out, sidecars=(notes_path(out),))
    with target.writing() as stage:
        with open(stage(out), "w", encoding="utf-8", newline="\n") as f:
            for doc, spans in selected(project, sel):
                kept, dropped = entity_layer([s for s in spans if s.label in entity])
                for s in dropped:
                    notes.append(f"{doc.name}\t{s.label}\t{s.start}\t{s.end}\t{s.text}\toverlaps a longer entity")
                for s in spans:
                    if s.label not in entity:
                        notes.append(f"{doc.name}\t{s.label}\t{s.start}\t{s.end}\t{s.text}\tclause label, not in BIO")
                f.write("\n".join(lines(doc.text, kept, scheme)) + "\n")
                documents += 1
                written += len(kept)
        stage(notes_path(out)).write_text(
            f"# {scheme.upper()} export of {out.name}: spans left out (whitespace characters are "
            "also left out of the file)\n# document\tlabel\tstart\tend\ttext\treason\n"
            + "".join(n + "\n" for n in notes), encoding="utf-8")
    return {"documents": documents, "spans": written, "path": str(out), "dropped": len(notes)}


def export_bioes(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    return export_bio(project, out, sel, scheme="bioes")

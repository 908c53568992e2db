"""Character-level BIO / BIOES (MSRA style), tab-separated, one line per character of each document.

Each document is `-DOCSTART-<TAB><document id><TAB>O` and a blank line, then exactly len(text) character
lines, in order: the character (a whitespace character as a placeholder such as <sp> or <nl>), a tab, and its
tag (bio-layers: one tag per column). Blank lines are not characters: they end sentences (after 。！？ or a
line break, not inside a span of the file) and documents. NAME.notes.txt describes the layout and lists the
spans left out; NAME.split.tsv gives each document's part (train or dev), as the spacy export splits the same
selection.

bio and bioes hold one layer of entities (the longest span wins, then the earliest); bio-layers leaves
nothing out: entity and clause columns, and one more column per extra layer that overlaps need.
"""
from __future__ import annotations

from pathlib import Path

from annotator.core.model import KINDS, Span
from annotator.core.spans import layers
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected
from annotator.export.split import split
from annotator.store.project import Project

DOCSTART = "-DOCSTART-"
SENTENCE_BREAK = "\n。！？"
PLACEHOLDERS = {" ": "<sp>", "\t": "<tab>", "\n": "<nl>", "\r": "<cr>"}  # any other whitespace: <U+XXXX>
LEFT_OUT = {"entity": "overlaps a longer entity (bio-layers keeps it)", "clause": "clause label (bio-layers keeps it)"}


def notes_path(out: Path) -> Path:
    return out.with_name(out.name + ".notes.txt")


def split_path(out: Path) -> Path:
    return out.with_name(out.name + ".split.tsv")


def visible(text: str) -> str:
    """`text` with each whitespace character as its placeholder, fit for one column of a tab-separated line."""
    return "".join((PLACEHOLDERS.get(ch) or f"<U+{ord(ch):04X}>") if ch.isspace() else ch for ch in text)


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


def lines(text: str, columns: list[list[Span]], scheme: str) -> list[str]:
    """The document's character lines (the character, then its tag in each column), "" after each sentence."""
    tagged = [tags(text, spans, scheme) for spans in columns]
    goes_on = [False] * len(text)  # a span goes on after this character: no sentence ends here
    for spans in columns:
        for s in spans:
            goes_on[s.start:s.end - 1] = [True] * (s.end - 1 - s.start)
    out: list[str] = []
    for i, ch in enumerate(text):
        out.append("\t".join([visible(ch), *(t[i] for t in tagged)]))
        if ch in SENTENCE_BREAK and not goes_on[i]:
            out.append("")
    if out[-1:] != [""]:
        out.append("")
    return out


def _notes_header(format_name: str, out: Path, columns: list[str]) -> str:
    marks = ", ".join(f"{p} U+{ord(ch):04X}" for ch, p in PLACEHOLDERS.items())
    scheme = "BIOES" if format_name == "bioes" else "BIO"
    return (f"# {format_name} export {out.name}, written by the pairing-assistance annotator.\n"
            f"# Each document: '{DOCSTART}<TAB><document id><TAB>O' (the O for readers that take the last column "
            "as a tag), a blank line, then one line per character of its text, in order.\n"
            f"# A character line: the character, then {scheme} tags, tab-separated; columns: "
            f"character, {', '.join(columns)}.\n"
            f"# Whitespace characters are placeholders: {marks}, <U+XXXX> any other.\n"
            "# A blank line is not a character: it ends a sentence (after 。！？ or a line break, not inside a "
            "span of this file) or the document.\n"
            f"# Each document's part, train or dev: {split_path(out).name}\n"
            "# Spans left out of the file (bio-layers leaves none out), one a line:\n"
            "# document_id\tdocument\tlabel\tstart\tend\ttext\treason\n")


def _columns(found: dict[str, list[list[Span]]], widths: dict[str, int]) -> list[list[Span]]:
    """A document's first `widths` layers of each kind, in column order (entity, clause, entity-2..., clause-2...),
    empty ones padding."""
    padded = {kind: (found[kind] + [[]] * width)[:width] for kind, width in widths.items()}
    return [padded[kind][0] for kind in widths] + [layer for kind in widths for layer in padded[kind][1:]]


def _export(project: Project, out: Path, sel: Selection, format_name: str) -> dict:
    out = absolute(out)
    target = ExportTarget(project, format_name, out, sidecars=(notes_path(out), split_path(out)))
    kinds = {l.name: l.kind for l in project.labels()}
    chosen = list(selected(project, sel))
    found = [{kind: layers([s for s in spans if kinds[s.label] == kind]) for kind in KINDS} for _, spans in chosen]
    if format_name == "bio-layers":
        widths = {kind: max([len(f[kind]) for f in found] + [1]) for kind in KINDS}
    else:
        widths = {"entity": 1}
    names = list(widths) + [f"{kind}-{n}" for kind, width in widths.items() for n in range(2, width + 1)]
    scheme = "bioes" if format_name == "bioes" else "bio"
    _, dev = split({doc.id: frozenset(s.label for s in spans) for doc, spans in chosen})
    notes: list[str] = []
    written = 0
    with target.writing() as stage:
        with open(stage(out), "w", encoding="utf-8", newline="\n") as f:
            for (doc, _), doc_found in zip(chosen, found):
                columns = _columns(doc_found, widths)
                f.write("\n".join([f"{DOCSTART}\t{doc.id}\tO", "", *lines(doc.text, columns, scheme)]) + "\n")
                written += sum(map(len, columns))
                left_out = sorted(((s, LEFT_OUT[kind]) for kind in KINDS
                                   for layer in doc_found[kind][widths.get(kind, 0):] for s in layer),
                                  key=lambda x: (x[0].start, x[0].end))
                notes += [f"{doc.id}\t{visible(doc.name)}\t{s.label}\t{s.start}\t{s.end}\t{visible(s.text)}\t{why}"
                          for s, why in left_out]
        stage(notes_path(out)).write_text(_notes_header(format_name, out, names) + "".join(n + "\n" for n in notes),
                                          encoding="utf-8")
        stage(split_path(out)).write_text("document_id\tsplit\tdocument\n" + "".join(
            f"{doc.id}\t{'dev' if doc.id in dev else 'train'}\t{visible(doc.name)}\n" for doc, _ in chosen),
            encoding="utf-8")
    warnings = [f"{len(notes)} span(s) left out (overlaps, clause labels): see {notes_path(out)}"] if notes else []
    return {"documents": len(chosen), "spans": written, "path": str(out), "left_out": len(notes),
            "warnings": warnings}


def export_bio(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    """One layer of entities with BIO tags; the file, its notes and its split."""
    return _export(project, out, sel, "bio")


def export_bioes(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    """The same with BIOES tags (S- single, E- end)."""
    return _export(project, out, sel, "bioes")


def export_bio_layers(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    """Every span, in BIO columns: entity, clause, then as many entity-N and clause-N as overlaps need."""
    return _export(project, out, sel, "bio-layers")

"""Agreement between annotators: exact-match F1, overlap F1 and Krippendorff's alpha, per label, per pair,
per document. The figures are computed from spans alone (`compare`); `project_agreement` reads them.

Which spans count: accepted ones (a pending suggestion is nobody's decision yet; a rejected one is no span).
An annotator annotated a document if they decided something there (an accepted or rejected span); only
documents annotated by at least two of the chosen annotators count, and each pair of annotators is compared
on the documents both annotated.

- exact F1: a span matches if the other marked the same start, end and label; 2 * matches / (a + b).
- overlap F1: a span matches if one of the other's spans of its label overlaps it; the harmonic mean of the
  share of a's spans matched and the share of b's.
- alpha: Krippendorff's alpha (nominal) at character level, each label its own layer: a character is 1 for an
  annotator if inside one of their spans of the label, else 0. Overall, the layers of every label together.
  Undefined (None) where every character has the same value for both (nothing to agree on).

With more than two annotators, a label's figures are the mean over the pairs where they are defined.
Documents are sorted by disagreement: spans without an exact match, then characters labelled differently.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field, fields
from itertools import combinations
from statistics import fmean

from annotator.core.errors import AnnotatorError
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings

Ranges = list[tuple[int, int]]


@dataclass
class Counts:
    """What one pair of annotators (a, b) marked, over some documents and labels: the counts behind a figure."""

    a: int = 0  # spans of a
    b: int = 0
    exact: int = 0  # spans both marked with the same start, end and label
    overlap_a: int = 0  # spans of a overlapping one of b's of their label
    overlap_b: int = 0
    characters: int = 0  # characters compared, once per label layer
    labelled_a: int = 0  # of those, inside a span of a
    labelled_b: int = 0
    labelled_both: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    @property
    def differing(self) -> int:
        """Characters (per layer) that one of the two labelled and the other did not."""
        return self.labelled_a + self.labelled_b - 2 * self.labelled_both

    @property
    def unmatched(self) -> int:
        """Spans without an exact partner."""
        return self.a + self.b - 2 * self.exact

    def exact_f1(self) -> float | None:
        return 2 * self.exact / (self.a + self.b) if self.a + self.b else None

    def overlap_f1(self) -> float | None:
        if not self.a + self.b:
            return None
        if not self.overlap_a or not self.overlap_b:
            return 0.0
        precision, recall = self.overlap_a / self.a, self.overlap_b / self.b
        return 2 * precision * recall / (precision + recall)

    def alpha(self) -> float | None:
        """Krippendorff's alpha, nominal, two coders, no missing values: 1 - (n - 1) * D / (n0 * n1), where
        n counts values (two per character), n1 those that are 1, and D the characters the coders differ on."""
        n = 2 * self.characters
        ones = self.labelled_a + self.labelled_b
        if not ones or ones == n:
            return None
        return 1 - (n - 1) * self.differing / ((n - ones) * ones)

    def figures(self) -> dict:
        return {"exact_f1": self.exact_f1(), "overlap_f1": self.overlap_f1(), "alpha": self.alpha()}

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)} | {"differing": self.differing}


@dataclass
class DocumentSpans:
    """One document as agreement needs it: its length, who annotated it, their spans by label."""

    id: int
    name: str
    length: int
    spans: dict[str, dict[str, Ranges]]  # annotator -> label -> [(start, end)]; every annotator who annotated it


@dataclass
class DocumentAgreement:
    id: int
    name: str
    annotators: list[str]
    missing: list[str]  # chosen annotators who did not annotate it
    counts: Counts  # summed over its pairs and labels
    figures: dict  # the mean over its pairs
    spans: dict[str, int]


@dataclass
class Agreement:
    annotators: list[str]
    labels: list[str]
    pairs: dict[tuple[str, str], dict[str, Counts]]  # pair -> label -> counts
    pair_documents: dict[tuple[str, str], int]
    spans: dict[str, dict[str, int]]  # label -> annotator -> spans in the counted documents
    documents: list[DocumentAgreement] = field(default_factory=list)  # worst first
    single: int = 0  # documents annotated by only one of the chosen annotators: not counted

    def label_figures(self, label: str) -> dict:
        return _mean([self.pairs[p][label].figures() for p in self.pairs])

    def label_counts(self, label: str) -> Counts:
        return _summed(self.pairs[p][label] for p in self.pairs)

    def pair_counts(self, pair: tuple[str, str]) -> Counts:
        return _summed(self.pairs[pair].values())

    def overall(self) -> dict:
        return _mean([self.pair_counts(p).figures() for p in self.pairs])

    def to_json(self) -> dict:
        return {
            "annotators": self.annotators,
            "documents": len(self.documents),
            "labels": {label: {**self.label_figures(label), "spans": self.spans[label],
                               "counts": self.label_counts(label).as_dict()} for label in self.labels},
            "overall": {**self.overall(), "counts": _summed(self.pair_counts(p) for p in self.pairs).as_dict()},
            "pairs": [{"annotators": list(p), "documents": self.pair_documents[p],
                       **self.pair_counts(p).figures(), "counts": self.pair_counts(p).as_dict(),
                       "labels": {label: {**c.figures(), "counts": c.as_dict()} for label, c in by_label.items()}}
                      for p, by_label in self.pairs.items()],
            "by_document": [{"id": d.id, "name": d.name, "annotators": d.annotators, "missing": d.missing,
                             **d.figures, "unmatched": d.counts.unmatched, "differing": d.counts.differing,
                             "spans": d.spans} for d in self.documents],
            "missing": [{"id": d.id, "name": d.name, "missing": d.missing} for d in self.documents if d.missing],
            "single_annotator_documents": self.single,
        }


def _summed(counts) -> Counts:
    total = Counts()
    for c in counts:
        total += c
    return total


def _mean(figure_sets: list[dict]) -> dict:
    """Each figure's mean over the sets where it is defined (None where it is nowhere)."""
    keys = ("exact_f1", "overlap_f1", "alpha")
    return {k: (fmean(vs) if (vs := [f[k] for f in figure_sets if f[k] is not None]) else None) for k in keys}


def _union(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _overlapping(spans: Ranges, union: Ranges) -> int:
    """How many of `spans` overlap the disjoint sorted ranges `union`."""
    starts = [s for s, _ in union]
    n = 0
    for start, end in spans:
        i = bisect.bisect_left(starts, end) - 1  # the last range starting before this span ends
        n += i >= 0 and union[i][1] > start
    return n


def _shared(x: Ranges, y: Ranges) -> int:
    """Characters inside both sets of disjoint sorted ranges."""
    i = j = n = 0
    while i < len(x) and j < len(y):
        n += max(0, min(x[i][1], y[j][1]) - max(x[i][0], y[j][0]))
        if x[i][1] < y[j][1]:
            i += 1
        else:
            j += 1
    return n


def compare_spans(a: Ranges, b: Ranges, length: int) -> Counts:
    """Two annotators' spans of one label in one document of `length` characters."""
    ua, ub = _union(a), _union(b)
    return Counts(a=len(a), b=len(b), exact=len(set(a) & set(b)), overlap_a=_overlapping(a, ub),
                  overlap_b=_overlapping(b, ua), characters=length, labelled_a=sum(e - s for s, e in ua),
                  labelled_b=sum(e - s for s, e in ub), labelled_both=_shared(ua, ub))


def compare(documents: list[DocumentSpans], annotators: list[str], labels: list[str]) -> Agreement:
    """The agreement of `annotators` on `labels` over `documents` (those annotated by fewer than two of the
    annotators are counted in `single` and otherwise left out)."""
    pairs = list(combinations(annotators, 2))
    result = Agreement(annotators, labels, {p: {label: Counts() for label in labels} for p in pairs},
                       dict.fromkeys(pairs, 0), {label: dict.fromkeys(annotators, 0) for label in labels})
    for doc in documents:
        present = [a for a in annotators if a in doc.spans]
        if len(present) < 2:
            result.single += 1
            continue
        total, figure_sets = Counts(), []
        for pair in combinations(present, 2):
            result.pair_documents[pair] += 1
            pair_total = Counts()
            for label in labels:
                c = compare_spans(doc.spans[pair[0]].get(label, []), doc.spans[pair[1]].get(label, []), doc.length)
                result.pairs[pair][label] += c
                pair_total += c
            total += pair_total
            figure_sets.append(pair_total.figures())
        for who in present:
            for label in labels:
                result.spans[label][who] += len(doc.spans[who].get(label, []))
        result.documents.append(DocumentAgreement(
            doc.id, doc.name, present, [a for a in annotators if a not in doc.spans], total, _mean(figure_sets),
            {who: sum(len(doc.spans[who].get(label, [])) for label in labels) for who in present}))
    result.documents.sort(key=lambda d: (-d.counts.unmatched, -d.counts.differing, d.id))
    return result


def project_agreement(project: Project, annotators: list[str] | None = None,
                      labels: list[str] | None = None) -> Agreement:
    """The agreement of `annotators` (default: everyone who decided a span, but the curator, whose spans are
    adjudication's result) on `labels` (default: all)."""
    annotated: dict[int, set[str]] = defaultdict(set)
    for doc_id, who in project.decided_by():
        annotated[doc_id].add(who)
    everyone = sorted(set().union(*annotated.values()))
    curator = ProjectSettings(project).curator
    chosen = list(dict.fromkeys(annotators)) if annotators else [a for a in everyone if a != curator]
    unknown = [a for a in chosen if a not in everyone]
    if unknown:
        raise AnnotatorError(f"no accepted or rejected span of {', '.join(unknown)} in this project "
                             f"(annotators: {', '.join(everyone) or 'none'})")
    if len(chosen) < 2:
        raise AnnotatorError(f"agreement needs two annotators; this project has {', '.join(chosen) or 'none'}")
    known = project.label_names()
    if labels and (bad := [label for label in labels if label not in known]):
        raise AnnotatorError(f"no label {', '.join(bad)} in this project (labels: {', '.join(known)})")
    labels = list(dict.fromkeys(labels)) if labels else known
    wanted, keep = set(chosen), set(labels)
    spans: dict[int, dict[str, dict[str, Ranges]]] = defaultdict(dict)
    for doc_id, who in ((d, w) for d, ws in annotated.items() for w in ws if w in wanted):
        spans[doc_id][who] = {}
    for doc_id, who, label, start, end in project.accepted_span_rows():
        if who in wanted and label in keep:
            spans[doc_id][who].setdefault(label, []).append((start, end))
    lengths = project.document_lengths()
    documents = [DocumentSpans(d, *lengths[d], by_who) for d, by_who in sorted(spans.items())]
    return compare(documents, chosen, labels)


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(result: Agreement) -> str:
    """The agreement as plain text, each figure with the counts behind it."""
    who = ", ".join(result.annotators)
    lines = [f"annotators: {who}; documents: {len(result.documents)} (accepted spans; documents annotated by "
             f"at least two of them)"]
    if result.single:
        lines.append(f"not counted: {result.single} document(s) annotated by only one of them")
    for d in result.documents:
        if d.missing:
            lines.append(f"missing: document {d.id} ({d.name}) has no annotation by {', '.join(d.missing)}")
    scope = "the pair" if len(result.pairs) == 1 else f"mean over {len(result.pairs)} pairs"
    lines += ["", f"by label ({scope}; counts summed over pairs)",
              f"{'label':<14}{'exact F1':>9}  {'exact/spans':<16}{'overlap F1':>10}  {'overlapping':<16}"
              f"{'alpha':>7}  {'differing/chars':<20}spans"]
    rows = [(label, result.label_figures(label), result.label_counts(label),
             ", ".join(f"{a} {n}" for a, n in result.spans[label].items())) for label in result.labels]
    rows.append(("overall", result.overall(), _summed(result.pair_counts(p) for p in result.pairs), ""))
    for name, f, c, spans in rows:
        lines.append(f"{name:<14}{_figure(f['exact_f1']):>9}  {f'{c.exact}/{c.a}+{c.b}':<16}"
                     f"{_figure(f['overlap_f1']):>10}  {f'{c.overlap_a}+{c.overlap_b}/{c.a}+{c.b}':<16}"
                     f"{_figure(f['alpha']):>7}  {f'{c.differing}/{c.characters}':<20}{spans}")
    lines += ["", "by pair", f"{'pair':<24}{'documents':>9}{'exact F1':>10}{'overlap F1':>12}{'alpha':>8}"]
    for pair in result.pairs:
        f = result.pair_counts(pair).figures()
        lines.append(f"{' / '.join(pair):<24}{result.pair_documents[pair]:>9}{_figure(f['exact_f1']):>10}"
                     f"{_figure(f['overlap_f1']):>12}{_figure(f['alpha']):>8}")
    lines += ["", "by document, most disagreement first (unmatched spans, then differing characters)",
              f"{'id':>7}  {'unmatched':>9}{'differing':>10}{'exact F1':>10}{'alpha':>8}  name"]
    for d in result.documents:
        lines.append(f"{d.id:>7}  {d.counts.unmatched:>9}{d.counts.differing:>10}"
                     f"{_figure(d.figures['exact_f1']):>10}{_figure(d.figures['alpha']):>8}  {d.name}")
    return "\n".join(lines)

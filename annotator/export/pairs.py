"""The pairing ledger: who supports whom, with how much, where it is said.

NAME (CSV, UTF-8 with a BOM so that spreadsheets read it): a row per SUPPORTS relation, header
`aiding,aided,amounts,document,date,sentence`. `amounts` are the AMOUNT spans with a FUNDS relation to the aided
region (that span, or another span of the same region string in the document), in text order, joined by `;`.
`sentence` holds both regions. NAME.summary.csv beside it: a row per (aiding, aided) pair, header
`aiding,aided,documents,relations,totals,not_summed`: `totals` sums the amounts of each unit (`2500万元;320人`),
`not_summed` lists those with no number to add (Chinese numerals: `二百万元`); an amount string counts once a
document however many of the pair's rows list it.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

from annotator.core.text import sentences_around
from annotator.export.output import ExportTarget, absolute
from annotator.export.select import Selection, selected, selected_relations
from annotator.store.project import Project

HEADER = ("aiding", "aided", "amounts", "document", "date", "sentence")
SUMMARY_HEADER = ("aiding", "aided", "documents", "relations", "totals", "not_summed")
NUMBER = re.compile(r"([0-9]+(?:\.[0-9]+)?)[余多]?(\D.*)?")  # "9500余万元": 9500, 万元


def summary_path(out: Path) -> Path:
    return out.with_name(out.stem + ".summary.csv")


def ledger_rows(project: Project, sel: Selection = Selection()) -> tuple[list[dict], int]:
    """A row per SUPPORTS relation of the selection, in document and text order; and how many documents
    the selection held."""
    rows = []
    documents = 0
    for doc, spans in selected(project, sel):
        documents += 1
        related = selected_relations(project, doc, spans, sel)
        funded = defaultdict(list)  # aided region string -> AMOUNT spans given to it
        for r, head, tail in related:
            if r.type == "FUNDS" and spans[head].label == "AMOUNT":
                funded[spans[tail].text].append(spans[head])
        for r, head, tail in sorted((x for x in related if x[0].type == "SUPPORTS"),
                                    key=lambda x: (spans[x[1]].start, spans[x[2]].start)):
            aiding, aided = spans[head], spans[tail]
            start, end = sentences_around(doc.text, min(aiding.start, aided.start), max(aiding.end, aided.end))
            amounts = sorted({s.id: s for s in funded[aided.text]}.values(), key=lambda s: s.start)
            rows.append({"aiding": aiding.text, "aided": aided.text, "amounts": ";".join(s.text for s in amounts),
                         "document": doc.name, "date": str(doc.meta.get("date", "")),
                         "sentence": doc.text[start:end].strip()})
    return rows, documents


def pair_summary(rows: list[dict]) -> list[dict]:
    """A row per (aiding, aided) pair: its documents and relations, its amounts summed where the units agree."""
    pairs: dict[tuple[str, str], dict] = {}
    for row in rows:
        pair = pairs.setdefault((row["aiding"], row["aided"]), {"documents": set(), "relations": 0, "amounts": []})
        pair["documents"].add(row["document"])
        pair["relations"] += 1
        pair["amounts"] += [(row["document"], a) for a in row["amounts"].split(";") if a]
    out = []
    for (aiding, aided), pair in pairs.items():
        totals: dict[str, Decimal] = {}
        unsummed = []
        for _, amount in dict.fromkeys(pair["amounts"]):  # an amount once a document, however often it is listed
            found = NUMBER.fullmatch(amount)
            if found and found.group(2):
                totals[found.group(2)] = totals.get(found.group(2), Decimal(0)) + Decimal(found.group(1))
            else:
                unsummed.append(amount)
        out.append({"aiding": aiding, "aided": aided, "documents": len(pair["documents"]),
                    "relations": pair["relations"],
                    "totals": ";".join(f"{total.normalize():f}{unit}" for unit, total in totals.items()),
                    "not_summed": ";".join(unsummed)})
    return out


def export_pairs(project: Project, out: Path, sel: Selection = Selection()) -> dict:
    """Write the ledger NAME and its summary by pair NAME.summary.csv."""
    out = absolute(out)
    target = ExportTarget(project, "pairs", out, sidecars=(summary_path(out),))
    rows, documents = ledger_rows(project, sel)
    summary = pair_summary(rows)
    with target.writing() as stage:
        for path, header, records in ((out, HEADER, rows), (summary_path(out), SUMMARY_HEADER, summary)):
            with open(stage(path), "w", encoding="utf-8-sig", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=header)
                writer.writeheader()
                writer.writerows(records)
    return {"documents": documents, "spans": sum(len(r["amounts"].split(";")) for r in rows if r["amounts"]),
            "relations": len(rows), "pairs": len(summary), "path": str(out)}

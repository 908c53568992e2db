"""Check the unseen set: every reference mention must occur in the normalized
report text, in the listed order, as often as it is listed.

Covers every folder here (dev*, test). Run from the repository root:  python tests/data/unseen/check.py
"""
import json, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
from annotator.ingest.read import read_report  # noqa: E402
from annotator.ingest.importer import build_document  # noqa: E402
from annotator.ingest.options import RepairOptions  # noqa: E402

LABELS = ("REGION", "AMOUNT", "PERSON", "COMMITMENT")


def normalize(p):
    p = Path(p)
    doc, _ = build_document(p.name, str(p), read_report(p), RepairOptions(), None)
    return doc.text


def count_occ(text, s):
    n, i = 0, text.find(s)
    while i >= 0:
        n += 1
        i = text.find(s, i + 1)
    return n


def check_one(txt):
    problems = []
    js = txt.with_suffix(".json")
    if not js.exists():
        return [f"{txt.name}: no reference json"]
    ref = json.loads(js.read_text(encoding="utf-8"))
    if set(ref) != set(LABELS):
        problems.append(f"{txt.name}: labels {sorted(ref)}")
    text = normalize(txt)
    for lab in LABELS:
        items = ref.get(lab, [])
        pos = 0
        for s in items:
            if not s:
                problems.append(f"{txt.name}: {lab} empty string"); continue
            j = text.find(s, pos)
            if j < 0:
                where = "absent" if s not in text else "out of order"
                problems.append(f"{txt.name}: {lab} {s!r} {where}")
                continue
            pos = j + 1
        for s, k in Counter(items).items():
            n = count_occ(text, s)
            if k > n:
                problems.append(f"{txt.name}: {lab} {s!r} listed {k}x, occurs {n}x")
    return problems


def main():
    txts = sorted(HERE.glob("*/*.txt"))
    problems, totals = [], {}
    for t in txts:
        problems += check_one(t)
        if t.with_suffix(".json").exists():
            ref = json.loads(t.with_suffix(".json").read_text(encoding="utf-8"))
            split = t.parent.name
            for lab in LABELS:
                totals[(split, lab)] = totals.get((split, lab), 0) + len(ref.get(lab, []))
    for p in problems:
        print(p)
    print(f"{len(txts)} reports, {len(problems)} problems")
    for (split, lab), n in sorted(totals.items()):
        print(f"  {split:5s} {lab:10s} {n}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

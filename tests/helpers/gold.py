"""Placing the hand-made reference annotations of the seeds (tests/data/gold) onto their repaired text."""
from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.data import data_path


def gold_spans(name: str, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) for each gold mention, found in order of occurrence; mentions not found are skipped.
    A mention holding damage the import repairs ("要?jiǎng)?chuàng)新") is looked for as repaired."""
    from annotator.ingest.repair import repair
    path = data_path(f"gold/seeds/{Path(name).stem}.json")
    out = []
    for label, mentions in json.loads(path.read_text(encoding="utf-8")).items():
        pos = 0
        taken: list[tuple[int, int]] = []
        for mention in mentions:
            if mention not in text:
                mention = repair(mention).text
            i = text.find(mention, pos)
            if i < 0:
                i = text.find(mention)
            while i >= 0 and any(i < e and s < i + len(mention) for s, e in taken):
                i = text.find(mention, i + 1)
            if i < 0:
                continue
            taken.append((i, i + len(mention)))
            out.append((i, i + len(mention), label))
            pos = i + len(mention)
    return sorted(out)

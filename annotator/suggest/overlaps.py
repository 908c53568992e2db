"""Choosing among overlapping candidate spans."""
from __future__ import annotations

from annotator.core.spans import Intervals

Candidate = tuple[int, int, str, float]  # start, end, label, score


def take_non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best candidates that do not overlap: higher score first, then longer, then earlier."""
    taken = Intervals()
    kept = []
    for c in sorted(candidates, key=lambda c: (-c[3], c[0] - c[1], c[0])):
        if not taken.overlaps(c[0], c[1]):
            taken.add(c[0], c[1])
            kept.append(c)
    return sorted(kept)

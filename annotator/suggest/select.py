"""Choosing among overlapping candidate spans."""
from __future__ import annotations

Candidate = tuple[int, int, str, float]  # start, end, label, score


def take_non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best candidates that do not overlap: higher score first, then longer, then earlier."""
    order = sorted(candidates, key=lambda c: (-c[3], c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for c in order:
        if all(c[1] <= s or e <= c[0] for s, e in taken):
            taken.append((c[0], c[1]))
            kept.append(c)
    return sorted(kept)

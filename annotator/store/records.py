"""How the project's tables hold spans and relations: column lists, rows, and the rules every writer of
them shares (timestamps, scores, who owns an accepted suggestion)."""
from __future__ import annotations

import math
import operator
from dataclasses import fields
from datetime import datetime, timezone

from annotator.core.errors import SpanError
from annotator.core.model import Relation, RelationType, Span

SPAN_COLUMNS = ", ".join(f'"{f.name}"' for f in fields(Span))
SPAN_MARKS = ", ".join("?" * len(fields(Span)))
SPAN_VALUES = operator.attrgetter(*(f.name for f in fields(Span)))  # a span as a row, in column order
SPAN_FIELDS = tuple(f.name for f in fields(Span))
# Write a span in place or anew. Not INSERT OR REPLACE: its implicit delete fires no delete trigger, and the
# span counts (m006) would drift.
SPAN_UPSERT = (f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES ({SPAN_MARKS}) ON CONFLICT(id) DO UPDATE SET "
               + ", ".join(f'"{n}" = excluded."{n}"' for n in SPAN_FIELDS if n != "id"))
RELATION_COLUMNS = ", ".join(f'"{f.name}"' for f in fields(Relation))
RELATION_MARKS = ", ".join("?" * len(fields(Relation)))
RELATION_VALUES = operator.attrgetter(*(f.name for f in fields(Relation)))


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def accepted_by(changes: dict, annotator: str) -> dict:
    """Accepting a suggestion makes it the accepting annotator's span."""
    if changes.get("state") == "accepted" and annotator:
        return {"annotator": annotator, **changes}
    return changes


def check_score(score: float | None) -> None:
    if score is not None and not math.isfinite(score):
        raise SpanError(f"score {score!r} is not a finite number")


def relations_of(side: dict | None) -> list[Relation]:
    return [Relation(**r) for r in (side or {}).get("relations", [])]


def relation_type_of(row: dict) -> RelationType:
    return RelationType(**{**row, "heads": tuple(row["heads"].split(",")), "tails": tuple(row["tails"].split(","))})

"""The records the layers pass around: documents, spans and labels."""
from __future__ import annotations

from dataclasses import dataclass, field

ORIGINS = ("manual", "suggested", "imported")
STATES = ("accepted", "pending", "rejected")
STATUSES = ("todo", "in_progress", "done")
KINDS = ("entity", "clause")


@dataclass(frozen=True)
class Label:
    name: str
    display_zh: str
    display_en: str
    color: str
    hotkey: str | None = None
    kind: str = "entity"
    sort_order: int = 0


@dataclass(frozen=True)
class Span:
    """A labelled range of a document's normalized text, in code points, end exclusive."""

    start: int
    end: int
    label: str
    text: str
    id: int | None = None
    document_id: int | None = None
    annotator: str = ""
    origin: str = "manual"
    state: str = "accepted"
    score: float | None = None
    created_at: str | None = None
    updated_at: str | None = None


@dataclass
class Document:
    name: str
    text: str
    raw_text: str = ""
    id: int | None = None
    source_path: str = ""
    content_hash: str = ""
    offset_map: bytes = b""
    encoding: str = ""
    meta: dict = field(default_factory=dict)
    status: str = "todo"
    time_spent: float = 0.0
    imported_at: str | None = None
    damage: int = 0

"""The records the layers pass around: documents, spans, labels and relations."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator.core.errors import SpanError
from annotator.core.offsets import OffsetMap

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


@dataclass(frozen=True)
class RelationType:
    """A type of relation: which labels its head and its tail may carry."""

    name: str
    display_zh: str
    display_en: str
    color: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]
    hotkey: str | None = None
    sort_order: int = 0

    def allows(self, head: str, tail: str) -> bool:
        return head in self.heads and tail in self.tails


@dataclass(frozen=True)
class Relation:
    """A directed link from one span (head) to another (tail) of the same document."""

    head_id: int
    tail_id: int
    type: str
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
    offset_map: OffsetMap | None = None  # normalized -> raw positions; None: the texts are the same
    encoding: str = ""
    meta: dict = field(default_factory=dict)
    status: str = "todo"
    time_spent: float = 0.0
    imported_at: str | None = None
    damage: int = 0

    @property
    def original(self) -> str:
        """The raw text as read, before repair (the text itself where nothing was repaired)."""
        return self.raw_text or self.text

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Where normalized [start, end) came from in the raw text: the one converter of offsets."""
        if self.offset_map is not None and len(self.offset_map) == len(self.text):
            return self.offset_map.raw_span(start, end)
        if self.original == self.text:  # nothing was repaired (a task file's text)
            return start, end
        raise SpanError(f"document {self.id} ({self.name}) has no map from its text to the raw text; "
                        "export it without raw offsets")

    def raw_spans(self, spans: list[Span]) -> list[Span]:
        """The spans placed on the raw text, their text read from it."""
        out = []
        for s in spans:
            start, end = self.raw_span(s.start, s.end)
            out.append(replace(s, start=start, end=end, text=self.original[start:end]))
        return out

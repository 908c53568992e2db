"""The export formats the CLI and the GUI offer, in one static table."""
from __future__ import annotations

from annotator.export.jsonl import export_jsonl

EXPORTERS = {
    "jsonl": (export_jsonl, "one JSON object per document: text, spans, meta"),
}

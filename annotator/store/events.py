"""The event log's vocabulary: every action a project records, and what an undo or redo changed."""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Span

# Changes an annotator makes, one undoable step each.
ADD_SPAN = "add_span"
UPDATE_SPAN = "update_span"
UPDATE_SPANS = "update_spans"  # many spans of one document at once (accept all)
REPLACE_SPANS = "replace_spans"  # a new span in place of the suggestions it overlaps (rejected)
DELETE_SPAN = "delete_span"
SET_STATUS = "set_status"
IMPORT_CHANGES = "import_changes"  # what an annotated file changed on documents already in the project
UNDOABLE = (ADD_SPAN, UPDATE_SPAN, UPDATE_SPANS, REPLACE_SPANS, DELETE_SPAN, SET_STATUS, IMPORT_CHANGES)
UNDO = "undo"
REDO = "redo"

# Recorded, not undoable.
AUTO_STATUS = "auto_status"  # todo -> in progress on the first edit
ADD_SPANS = "add_spans"
SUGGEST = "suggest"  # a suggestion run on a document
IMPORT_SPANS = "import_spans"
MERGE = "merge"  # another project's spans and status brought into a document
ADD_DOCUMENT = "add_document"
REMOVE_DOCUMENTS = "remove_documents"
ADD_LABEL = "add_label"
UPDATE_LABEL = "update_label"
DELETE_LABEL = "delete_label"
REORDER_LABELS = "reorder_labels"
TIME = "time"


@dataclass(frozen=True)
class Change:
    """What an undo or redo did: the action it reverted or repeated, its document, the spans it touched."""

    action: str
    document_id: int | None
    spans: list[Span] = field(default_factory=list)

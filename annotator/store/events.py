"""The event log's vocabulary: every action a project records, and what an undo or redo changed."""
from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Relation, Span

# Changes an annotator makes, one undoable step each.
ADD_SPAN = "add_span"
UPDATE_SPAN = "update_span"
UPDATE_SPANS = "update_spans"  # many spans of one document at once (accept all)
REPLACE_SPANS = "replace_spans"  # a new span in place of the suggestions it overlaps (rejected)
DELETE_SPAN = "delete_span"
SET_STATUS = "set_status"
IMPORT_CHANGES = "import_changes"  # what an annotated file changed on documents already in the project
ADJUDICATE = "adjudicate"  # the curator's spans for what annotators agree on, or for one disagreement
ADD_RELATION = "add_relation"
UPDATE_RELATIONS = "update_relations"  # relabel, accept or reject one or many relations of a document
DELETE_RELATION = "delete_relation"
UNDOABLE = (ADD_SPAN, UPDATE_SPAN, UPDATE_SPANS, REPLACE_SPANS, DELETE_SPAN, SET_STATUS, IMPORT_CHANGES,
            ADJUDICATE, ADD_RELATION, UPDATE_RELATIONS, DELETE_RELATION)
# An event's before and after may hold "relations": the relations of that side (for a span deletion, those
# its cascade removed), which an undo or redo puts back or removes.
UNDO = "undo"
REDO = "redo"

# Recorded, not undoable.
AUTO_STATUS = "auto_status"  # todo -> in progress on the first edit
ADD_SPANS = "add_spans"
ADD_RELATIONS = "add_relations"  # imported relations, many at once
SUGGEST_RELATIONS = "suggest_relations"  # a relation suggestion run on a document
ADD_RELATION_TYPE = "add_relation_type"
UPDATE_RELATION_TYPE = "update_relation_type"
DELETE_RELATION_TYPE = "delete_relation_type"
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
    """What an undo or redo did: the action it reverted or repeated, its document, the spans and relations
    it touched."""

    action: str
    document_id: int | None
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

"""The reference data the tests read, kept in the repository (tests/data), not in the shared folder."""
from __future__ import annotations

from pathlib import Path

from annotator.store import schema

DATA = Path(__file__).resolve().parents[1] / "data"


def data_path(relative: str) -> Path:
    """A file or folder under tests/data; a missing one fails the test loudly, never quietly passes it."""
    path = DATA / relative
    if not path.exists():
        raise FileNotFoundError(f"test data missing: {path} (tests/data/README.md says where it comes from)")
    return path


def add_text(project, text: str, name: str = "a.txt") -> int:
    """A document of `text` (already normalized) in `project`; its id."""
    from annotator.core.model import Document
    from annotator.core.text import content_hash
    return project.add_document(Document(name=name, text=text, raw_text=text, content_hash=content_hash(text)))


# What takes a project file back from the latest schema to 9, 8, 7, 6 and 5 (migration tests make older files
# from new ones). Going back to 7, documents not yet in the search index go in.
UNDO_TO_9 = ("DROP INDEX events_document_action",)  # m010
UNDO_TO_8 = (*UNDO_TO_9, "DROP TRIGGER documents_need_met", "DROP TABLE document_need")  # m009
UNDO_TO_7 = (*UNDO_TO_8, "INSERT INTO documents_search (rowid, name, text, meta) SELECT d.id, d.name, d.text, d.meta "
             "FROM search_pending p JOIN documents d ON d.id = p.document_id",
             "DROP TRIGGER documents_searched_in", "DROP TRIGGER documents_searched_out",
             "DROP TRIGGER documents_searched_change", "DROP TABLE search_pending",
             *schema.SEARCH_TRIGGERS_3)  # m008
UNDO_TO_6 = (*UNDO_TO_7, "DROP TRIGGER spans_id_spent", "DROP TABLE span_ids")  # m007
UNDO_TO_5 = (*UNDO_TO_6, "DROP TRIGGER spans_counted_in", "DROP TRIGGER spans_counted_out",
             "DROP TRIGGER spans_counted_change", "DROP TABLE span_counts")  # m006

"""A project made from the seeds with their reference spans, plus a document with astral characters."""
import hashlib
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core.model import Document, Span  # noqa: E402
from annotator.ingest.importer import import_seeds  # noqa: E402
from annotator.store.project import Project  # noqa: E402
from gold import gold_spans  # noqa: E402

ASTRAL = "𠮷赵敏😀宣布向西安市捐款二百万元。"


@pytest.fixture
def gold_project(tmp_path):
    project = Project.open(tmp_path / "gold.annot")
    import_seeds(project)
    for doc in project.document_ids():
        text = project.text(doc)
        spans = [Span(s, e, label, text[s:e], annotator="gold") for s, e, label in
                 gold_spans(project.document(doc).name, text)]
        project.add_spans(doc, spans)
        project.set_status(doc, "done")
    doc = project.add_document(Document(name="astral.txt", text=ASTRAL, raw_text=ASTRAL,
                                        content_hash=hashlib.sha256(ASTRAL.encode()).hexdigest()))
    project.add_span(doc, 7, 10, "REGION", annotator="li")
    project.add_span(doc, 1, 3, "PERSON", annotator="li", origin="suggested", state="pending", score=0.9)
    project.set_status(doc, "done")
    yield project
    project.close()

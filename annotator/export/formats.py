"""The export formats the CLI and the GUI offer, in one static table."""
from __future__ import annotations

from annotator.export.bio import export_bio, export_bioes
from annotator.export.jsonl import export_jsonl
from annotator.export.labelstudio import export_labelstudio
from annotator.export.spacy_docbin import export_spacy

EXPORTERS = {
    "jsonl": (export_jsonl, "one JSON object per document: text, spans, meta"),
    "spacy": (export_spacy, "folder with train.spacy, dev.spacy (DocBin), config.cfg and README for spacy train"),
    "labelstudio": (export_labelstudio, "Label Studio task list (annotations, predictions) and its labeling config XML"),
    "bio": (export_bio, "character-level BIO, tab-separated, entity labels only; NAME.notes.txt lists what was left out"),
    "bioes": (export_bioes, "the same with BIOES tags (S- single, E- end)"),
}

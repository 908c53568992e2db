"""The export formats the CLI and the GUI offer: name -> (function, what it writes)."""
from __future__ import annotations

from annotator.export.bio import export_bio, export_bioes
from annotator.export.catalog import FORMATS
from annotator.export.jsonl import export_jsonl
from annotator.export.labelstudio import export_labelstudio
from annotator.export.spacy_docbin import export_spacy

_FUNCTIONS = {"jsonl": export_jsonl, "spacy": export_spacy, "labelstudio": export_labelstudio,
              "bio": export_bio, "bioes": export_bioes}
EXPORTERS = {name: (_FUNCTIONS[name], about) for name, about in FORMATS.items()}

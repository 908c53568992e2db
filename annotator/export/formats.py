"""The export formats: one table that the command line, the window, the docs and the bundle read.

Light to import (the command line's help reads it): each writer is imported when it is used.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import OutputError


@dataclass(frozen=True)
class Format:
    name: str
    about: str
    suffix: str  # the file name's ending; "" for a format written as a folder
    module: str  # where the writer lives (the bundle's spec lists these modules)
    function: str
    raw_offsets: bool = False  # can place spans on the raw text (a format of characters or DocBins cannot)

    @property
    def folder(self) -> bool:
        return not self.suffix

    def export(self, project, out: Path, sel, raw_offsets: bool = False) -> dict:
        """Write the export; returns its summary ({"documents", "spans", "path", ...})."""
        writer = getattr(importlib.import_module(self.module), self.function)
        if not raw_offsets:
            return writer(project, out, sel)
        if not self.raw_offsets:
            raise OutputError(f"{self.name} carries its own text: raw offsets apply only to "
                              f"{', '.join(f.name for f in FORMATS.values() if f.raw_offsets)}")
        return writer(project, out, sel, raw_offsets=True)


FORMATS = {f.name: f for f in (
    Format("jsonl", "one JSON object per document: text, spans, meta", ".jsonl",
           "annotator.export.jsonl", "export_jsonl", raw_offsets=True),
    Format("spacy", "folder with train.spacy, dev.spacy (DocBin), config.cfg and README for spacy train", "",
           "annotator.export.spacy_docbin", "export_spacy"),
    Format("labelstudio", "Label Studio task list (annotations, predictions) and its labeling config XML", ".json",
           "annotator.export.labelstudio", "export_labelstudio", raw_offsets=True),
    Format("prodigy", "Prodigy tasks (spans_manual): text, a token per character, spans with token_start/token_end, "
           "answer, meta", ".jsonl", "annotator.export.jsonl", "export_prodigy"),
    Format("bio", "a line per character, tab-separated BIO tags of one entity layer; NAME.notes.txt lists what was "
           "left out, NAME.split.tsv the train/dev split", ".bio", "annotator.export.bio", "export_bio"),
    Format("bioes", "the same with BIOES tags (S- single, E- end)", ".bioes", "annotator.export.bio", "export_bioes"),
    Format("bio-layers", "the same in BIO with every span: an entity and a clause column, and one more per extra "
           "layer overlaps need", ".bio", "annotator.export.bio", "export_bio_layers"),
    Format("pairs", "the pairing ledger: CSV (UTF-8 with BOM), a row per SUPPORTS relation with the amounts FUNDS ties "
           "to the aided region, document, date and sentence; NAME.summary.csv totals by pair", ".csv",
           "annotator.export.pairs", "export_pairs"),
)}

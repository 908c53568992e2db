"""The export formats by name, with what each writes; light to import (the command line's help reads it)."""

FORMATS = {
    "jsonl": "one JSON object per document: text, spans, meta",
    "spacy": "folder with train.spacy, dev.spacy (DocBin), config.cfg and README for spacy train",
    "labelstudio": "Label Studio task list (annotations, predictions) and its labeling config XML",
    "bio": "character-level BIO, tab-separated, entity labels only; NAME.notes.txt lists what was left out",
    "bioes": "the same with BIOES tags (S- single, E- end)",
}

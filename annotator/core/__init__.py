"""Plain-Python model of the annotator: documents, spans, labels, offsets, validation."""

"""Data files of the annotator (label set, repair rules, guidelines), read through importlib.resources."""

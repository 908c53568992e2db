"""Training data out and annotations in: spaCy, Label Studio, BIO, JSONL."""

"""The demo reports a new project starts from (see annotator.core.resources.seed_files)."""

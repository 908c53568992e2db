"""The project store: one SQLite file per annotation project, through sqlite-utils."""
from annotator.store.project import Project

__all__ = ["Project"]

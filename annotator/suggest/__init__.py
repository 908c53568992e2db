"""Offline pre-annotation: suggested spans for regions, amounts, people and commitments."""
from annotator.suggest.suggester import Memory, Suggester

__all__ = ["Memory", "Suggester"]

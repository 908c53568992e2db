"""Offline pre-annotation: suggested spans for regions, amounts, people and commitments."""

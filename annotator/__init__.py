"""Annotator for Chinese pairing-assistance reports (对口支援, 东西部协作)."""

__version__ = "0.1.0"

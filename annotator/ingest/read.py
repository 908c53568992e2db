"""Readers: a report file (plain text, HTML, DOCX) to raw text plus what the file says about itself."""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.ingest.encoding import NotText, decode

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
REPORT_SUFFIXES = HTML_SUFFIXES | DOCX_SUFFIXES | TEXT_SUFFIXES
MAX_BYTES = 20 * 10**6  # a long report is 1 MB; a bigger file is a dump to split, not one document
# Page parts that are never the article.
HTML_CHROME = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")


@dataclass
class RawReport:
    text: str
    encoding: str
    kind: str  # "text", "html" or "docx"
    bad_bytes: int = 0
    meta: dict = field(default_factory=dict)


def read_bytes(path: Path) -> bytes:
    """A file's bytes; InputError names the file when it cannot be read or is too big to be a report."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size / 1e6:.1f} MB is more than a report can be ({MAX_BYTES // 10**6} MB); "
                             "split it into reports")
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e


def read_report(path: Path) -> RawReport:
    """Read one report; raises InputError naming the file and the problem."""
    return parse_report(str(path), read_bytes(path))


def parse_report(name: str, data: bytes) -> RawReport:
    """Parse a report's bytes, choosing the reader by the file name's suffix."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix in DOCX_SUFFIXES:
            return _read_docx(data)
        if suffix in HTML_SUFFIXES:
            return _read_html(data)
        decoded = decode(data)
    except NotText as e:
        raise InputError(f"{name}: {e}") from e
    if not decoded.text.strip():
        raise InputError(f"{name}: empty file, nothing to annotate")
    return RawReport(decoded.text, decoded.encoding, "text", decoded.bad_bytes)


def _read_html(data: bytes) -> RawReport:
    import lxml.html
    import trafilatura

    decoded = decode(data)
    try:
        tree = lxml.html.document_fromstring(decoded.text)
    except Exception as e:  # lxml raises several kinds for unparsable input
        raise NotText(f"not a readable HTML page ({e})") from e
    for tag in HTML_CHROME:
        for el in tree.iter(tag):
            el.drop_tree()
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                      include_tables=True)
    text = doc.text if doc is not None and doc.text else tree.text_content()
    lines = [l.strip() for l in text.splitlines()]
    text = "\n".join(l for l in lines if l)
    if not text:
        raise NotText("HTML page without article text")
    meta = {}
    if doc is not None:
        meta = {k: v for k, v in (("title", doc.title), ("date", doc.date)) if v}
    return RawReport(text, decoded.encoding, "html", decoded.bad_bytes, meta)


def _read_docx(data: bytes) -> RawReport:
    import docx  # python-docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise NotText("not a Word document (not a ZIP package)")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "word/document.xml" not in z.namelist():
            raise NotText("not a Word document (no word/document.xml inside)")
    document = docx.Document(io.BytesIO(data))
    lines = [p.text.strip() for p in document.paragraphs]
    text = "\n".join(l for l in lines if l)
    if not text:
        raise NotText("Word document without text")
    title = document.core_properties.title
    return RawReport(text, "docx", "docx", 0, {"title": title} if title else {})

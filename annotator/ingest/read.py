"""Readers: a report file (plain text, HTML, DOCX) to raw text plus what the file says about itself."""
from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.paths import shown
from annotator.ingest.encoding import NotText, decode

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
DOCX_SUFFIXES = {".docx"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
REPORT_SUFFIXES = HTML_SUFFIXES | DOCX_SUFFIXES | TEXT_SUFFIXES
MAX_BYTES = 20 * 10**6  # a long report is 1 MB; a bigger file is a dump to split, not one document
# A Word package whose parts would inflate past these is a ZIP bomb, not a report.
DOCX_MAX_PART = 200 * 10**6
DOCX_MAX_TOTAL = 400 * 10**6
DOCX_MAX_MEMBERS = 10_000
# Page parts that are never the article.
HTML_CHROME = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe")


@dataclass
class RawReport:
    text: str
    encoding: str
    kind: str  # "text", "html" or "docx"
    bad_bytes: int = 0
    meta: dict = field(default_factory=dict)


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """A regular file's bytes; InputError names the file when it is not a regular file (a FIFO, a device),
    cannot be read, or is bigger than `limit`. Never blocks and never reads past the limit."""
    name = shown(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise InputError(f"{name}: cannot read: {e.strerror or e}") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{name}: not a regular file ({_kind(st.st_mode)}); only report files are read")
        try:
            data = f.read(limit + 1) if st.st_size <= limit else b""
        except OSError as e:
            raise InputError(f"{name}: cannot read: {e.strerror or e}") from None
    if st.st_size > limit or len(data) > limit:
        what = "a report" if limit == MAX_BYTES else "a task file"
        raise InputError(f"{name}: {max(st.st_size, len(data)) / 1e6:.1f} MB is more than {what} can be "
                         f"({limit // 10**6} MB); split it")
    return data


def _kind(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return what
    return "not a plain file"


def read_report(path: Path) -> RawReport:
    """Read one report; raises InputError naming the file and the problem."""
    return parse_report(shown(path), read_bytes(path))


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
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
            names = {m.filename for m in members}
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise NotText("not a Word document (no word/document.xml or [Content_Types].xml inside)")
            if len(members) > DOCX_MAX_MEMBERS:
                raise NotText(f"not a Word document ({len(members)} parts inside)")
            inflated = sum(m.file_size for m in members)
            if max(m.file_size for m in members) > DOCX_MAX_PART or inflated > DOCX_MAX_TOTAL:
                raise NotText(f"a ZIP bomb, not a report: it would inflate to {inflated / 1e6:.0f} MB "
                              f"(a report's parts stay under {DOCX_MAX_PART // 10**6} MB)")
        document = docx.Document(io.BytesIO(data))
        lines = [p.text.strip() for p in document.paragraphs]
        title = document.core_properties.title
    except NotText:
        raise
    except Exception as e:  # a damaged package: python-docx, lxml and zipfile raise many kinds
        raise NotText(f"not a readable Word document ({type(e).__name__}: {str(e)[:200]})") from None
    text = "\n".join(l for l in lines if l)
    if not text:
        raise NotText("Word document without text")
    return RawReport(text, "docx", "docx", 0, {"title": title} if title else {})

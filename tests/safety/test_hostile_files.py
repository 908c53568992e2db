"""Hostile and odd files given to `annotator import`: each gets one line naming the file and the problem,
the command exits 1, the rest of the batch imports, nothing of the bad file is kept, and the project
passes SQLite's integrity check."""
import io
import json
import os
import signal
import sqlite3
import zipfile
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store.project import Project

REPORT = "奉贤区对口支援保靖县，投入资金二百万元。\n宜川县委书记高勇主持会议。\n"
DOCX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                           'content-types"><Default Extension="xml" ContentType="application/xml"/>'
                           '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                           'officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/document.xml": '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                         'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>保靖县</w:t></w:r></w:p></w:body>'
                         '</w:document>',
}
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
          + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')


def docx(**replaced) -> bytes:
    """A Word package from DOCX_PARTS with some parts replaced (None: left out)."""
    parts = {**DOCX_PARTS, **replaced}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            if content is not None:
                z.writestr(name, content)
    return buf.getvalue()


def zip_bomb(path: Path) -> None:
    """A .docx of a few MB whose document part inflates to 2 GB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, content in DOCX_PARTS.items():
            if name != "word/document.xml":
                z.writestr(name, content)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"\0" * (16 << 20)
            for _ in range(128):
                f.write(chunk)


def task(**data_extra) -> dict:
    return {"data": {"text": "北京支援拉萨", **data_extra}, "annotations": [{"completed_by": 1, "result": [
        {"type": "labels", "value": {"start": 0, "end": 2, "text": "北京", "labels": ["REGION"]}}]}]}


def jsonl(*records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


GOOD_RECORD = {"text": "北京支援拉萨", "spans": [{"start": 0, "end": 2, "label": "REGION"}]}
HOSTILE = {  # file name: (bytes, or a function that makes the file; what its line says)
    "bomb.docx": (zip_bomb, "ZIP bomb"),
    "malformed.docx": (docx(**{"word/document.xml": "<w:document><w:body"}), "not a readable Word document"),
    "laughs.docx": (docx(**{"word/document.xml": LAUGHS}), "bomb|not a readable Word document|without text"),
    "no-types.docx": (docx(**{"[Content_Types].xml": None}), "not a Word document"),
    "fifo.txt": (lambda p: os.mkfifo(p), r"not a regular file \(a named pipe\)"),
    "zero.txt": (lambda p: p.symlink_to("/dev/zero"), r"not a regular file \(a character device\)"),
    "annotators-list.json": (json.dumps([{**task(), "data": {"text": "北京", "meta": {"annotators": [1]}}}]).encode(),
                             "meta.annotators is not an object"),
    "nan.json": (b'[{"data": {"text": "\\u5317\\u4eac"}, "annotations": [{"lead_time": NaN, "result": []}]}]',
                 "NaN is not a JSON number"),
    "infinite.json": (json.dumps([{**task(), "annotations": [{"lead_time": 1e999, "result": []}]}]).encode()
                      .replace(b"Infinity", b"1e999"), "lead_time inf is not a finite number"),
    "surrogate.json": (b'[{"data": {"text": "\\u5317\\ud800\\u4eac"}}]', "lone surrogate"),
    "bad-middle-line.jsonl": (jsonl(GOOD_RECORD, {**GOOD_RECORD, "text": "短"}, GOOD_RECORD), r"line 2: span \[0, 2\)"),
    "no-format.json": (json.dumps([{"title": "x"}]).encode(), "neither a Label Studio task"),
}


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "p.annot"
    assert main(["import", str(_write(tmp_path / "first.txt", REPORT.encode())), "--db", str(path)]) == 0
    return path


def _write(path: Path, content) -> Path:
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    return path


def _counts(path: Path) -> tuple:
    with Project.open(path) as p:
        assert p.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return p.document_count(), p.db.execute("SELECT count(*) FROM spans").fetchone()[0]


@pytest.fixture(autouse=True)
def _never_hang():
    """A read that blocks (a FIFO) fails the test instead of hanging CI."""
    signal.signal(signal.SIGALRM, lambda *a: pytest.fail("the import blocked"))
    signal.alarm(60)
    yield
    signal.alarm(0)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_file_gets_one_line_and_the_batch_goes_on(name, project_file, tmp_path, capsys):
    content, says = HOSTILE[name]
    bad = _write(tmp_path / name, content)
    good = _write(tmp_path / "good.txt", "第二份报告：宜川县委书记高勇主持会议。".encode())
    before = _counts(project_file)
    capsys.readouterr()
    assert main(["import", str(bad), str(good), "--db", str(project_file)]) == 1
    out, err = capsys.readouterr()
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"annotator: {bad}") and "Traceback" not in err
    import re
    assert re.search(says, lines[0]), lines[0]
    assert "1 imported" in out and "1 failed" in out
    assert _counts(project_file) == (before[0] + 1, before[1])  # the good report, nothing of the bad file


def test_hostile_entries_found_in_a_folder_are_refused_by_name(project_file, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    _write(folder / "good.txt", "第三份报告：保靖县召开会议。".encode())
    assert main(["import", str(folder), "--db", str(project_file)]) == 1
    out, err = capsys.readouterr()
    assert "pipe.txt: not a regular file" in err and "zero.txt: not a regular file" in err
    assert "1 imported, 0 duplicates skipped, 2 failed" in out


def test_a_device_given_as_a_path_is_refused(project_file, capsys):
    assert main(["import", "/dev/zero", "--db", str(project_file)]) == 1
    assert "/dev/zero: not a regular file (a character device)" in capsys.readouterr().err


def test_a_file_name_that_is_not_utf8_imports_and_prints(project_file, tmp_path, capsys):
    name = os.fsdecode(b"report-\xff\xfe.txt")
    _write(tmp_path / name, "第四份报告：奉贤区举行会议。".encode())
    assert main(["import", str(tmp_path / name), "--db", str(project_file)]) == 0
    out = capsys.readouterr().out
    assert "report-\ufffd\ufffd.txt" in out and "1 imported" in out
    with Project.open(project_file) as p:
        names = [p.document(i).name for i in p.document_ids()]
    assert "report-\ufffd\ufffd.txt" in names


def test_one_line_of_our_own_jsonl_imports_with_its_spans(project_file, tmp_path, capsys):
    one = _write(tmp_path / "one.jsonl", jsonl(GOOD_RECORD))
    assert main(["import", str(one), "--db", str(project_file)]) == 0
    with Project.open(project_file) as p:
        doc = max(p.document_ids())
        assert [(s.text, s.label) for s in p.spans(doc)] == [("北京", "REGION")]


def test_a_project_file_that_is_not_ours_is_refused(tmp_path, capsys):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    assert main(["stats", "--db", str(other)]) == 1
    assert "not an annotation project" in capsys.readouterr().err

"""Bad input, built by the tests: each file gets one clear line naming it and the problem, the CLI exits 1,
nothing of the file is in the project, and the other files still import."""
import io
import json
import sqlite3
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.errors import InputError, ProjectError
from annotator.ingest.read import parse_report
from annotator.ingest.tasks import parse_tasks
from annotator.store.project import Project

TEXT = "奉贤区举行对口支援工作会议。\n" * 5 + "保靖县"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "not a word document")
    return buf.getvalue()


BAD = {  # file name: (content, what the message says)
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n\t \n", "empty"),
    "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    "archive.zip": (_zip(), "ZIP archive"),
    "truncated.txt": (TEXT.encode("gb18030")[:-1], "truncated"),
    "mixed.txt": (TEXT.encode("utf-8") + b"\n" + TEXT.encode("gb18030"), "mixed encodings"),
    "scripts.html": (b"<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>",
                     "without article text"),
    "renamed.docx": (_zip(), "not a Word document"),
    "malformed.json": (b'[{"data": {"text": "abc"}', "not valid JSON"),
    "past-end.json": (json.dumps([{"data": {"text": "北京"}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 9, "labels": ["REGION"]}}]}]}]).encode(), "does not fit"),
    "negative.json": (json.dumps([{"data": {"text": "北京"}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": -1, "end": 2, "labels": ["REGION"]}}]}]}]).encode(), "does not fit"),
    "unknown-label.json": (json.dumps([{"data": {"text": "北京"}, "annotations": [{"result": [
        {"type": "labels", "value": {"start": 0, "end": 2, "labels": ["CITY"]}}]}]}]).encode(), "CITY"),
    "wrong-types.json": (json.dumps([{"data": {"text": 5}, "annotations": "x"}]).encode(), "no text"),
    "nested.json": (b"[" * 1_000_000 + b"]" * 1_000_000, "nested too deeply"),
    "min-moved-text.json": (json.dumps([{"text": "北京支援拉萨", "id": 1, "label": [
        {"start": 0, "end": 2, "text": "北京", "labels": ["REGION"]},
        {"start": 3, "end": 5, "text": "拉萨", "labels": ["REGION"]}], "annotator": 1, "annotation_id": 1}],
        ensure_ascii=False).encode(), "task 1: span [3, 5) says '拉萨' but the text there is '援拉'"),
    "map-too-short.json": (json.dumps([{"data": {"text": "北京", "raw_text": "??北京", "offset_map": [[2, 1]]}}])
                           .encode(), "offset_map covers 1 characters, the text has 2"),
    "map-past-raw.json": (json.dumps([{"data": {"text": "北京", "raw_text": "北京", "offset_map": [[1, 2]]}}])
                          .encode(), "offset_map run [1, 2] is not a [raw_start, length] pair in order inside"),
    "raw-without-map.json": (json.dumps([{"data": {"text": "北京", "raw_text": "??北京"}}]).encode(),
                             "raw_text and offset_map come together"),
    "prediction-ids.json": (json.dumps([{"id": 1, "data": {"text": "北京"}, "annotations": [], "predictions": [7]}])
                            .encode(), "lists predictions by id only; export a snapshot with full predictions"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_is_named_refused_whole_and_the_rest_imports(name, tmp_path, capsys):
    content, says = BAD[name]
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("宜川县委书记高勇主持会议。", encoding="utf-8")
    db = tmp_path / "p.annot"
    assert main(["import", str(bad), str(good), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and name in err[0] and says in err[0], err
    with Project.open(db) as p:
        assert [p.document(i).name for i in p.document_ids()] == ["good.txt"]
        assert p.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path, capsys):
    big = tmp_path / "dump.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 10**6)
    assert main(["import", str(big), "--db", str(tmp_path / "p.annot")]) == 1
    assert "dump.txt: 50.0 MB is more than a report can be" in capsys.readouterr().err


def test_a_single_1_mb_line_is_a_long_report_not_an_error(tmp_path, capsys):
    line = tmp_path / "oneline.txt"
    line.write_text("奉贤区举行会议，" * 40_000, encoding="utf-8")
    db = tmp_path / "p.annot"
    assert main(["import", str(line), "--db", str(db)]) == 0
    with Project.open(db) as p:
        assert len(p.text(p.document_ids()[0])) == 320_000


@pytest.mark.parametrize("make, says", [
    (lambda path: path.write_bytes(b"just some text, not a database" * 10), "not a project file"),
    (lambda path: _newer(path), "newer version"),
])
def test_a_bad_project_file_is_refused_with_its_name(tmp_path, capsys, make, says):
    path = tmp_path / "bad.annot"
    make(path)
    assert main(["stats", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "bad.annot" in err and says in err


def _newer(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()


def test_a_read_only_project_is_refused(tmp_path, capsys, monkeypatch):
    path = tmp_path / "ro.annot"
    Project.open(path).close()
    monkeypatch.setattr("os.access", lambda p, mode: False)  # tests run as root, where chmod does not bite
    assert main(["stats", "--db", str(path)]) == 1
    assert "ro.annot: the project file is read-only" in capsys.readouterr().err


def test_a_full_disk_fails_the_file_cleanly_and_keeps_the_project(tmp_path):
    from annotator.ingest.importer import import_paths
    path = tmp_path / "full.annot"
    project = Project.open(path)
    pages = project.db.execute("PRAGMA page_count").fetchone()[0]
    project.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is full two pages from now
    report = tmp_path / "long.txt"
    report.write_text(TEXT * 2000, encoding="utf-8")
    (result,) = import_paths(project, [report])
    assert result.status == "failed" and "full.annot: cannot save" in result.message and "full" in result.message
    assert project.document_count() == 0
    assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with pytest.raises(ProjectError, match="cannot save"):
        project.set_setting("x", "y" * 100_000)
    project.close()


# -- properties: whatever the bytes, parsers answer with a result or an InputError naming the file ---------

@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.docx"]))
def test_report_parser_never_fails_otherwise(data, name):
    try:
        raw = parse_report(name, data)
    except InputError as e:
        assert str(e).startswith(name)
    else:
        assert isinstance(raw.text, str) and raw.text.strip()


json_values = st.recursive(st.none() | st.booleans() | st.integers(-5, 50) | st.text(max_size=8),
                           lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.sampled_from(["data", "text", "annotations", "predictions", "result",
                                                              "value", "start", "end", "labels", "type", "spans",
                                                              "label", "meta", "completed_by"]), children,
                                             max_size=5), max_leaves=30)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(json_values)
def test_task_parser_never_fails_otherwise_and_keeps_only_fitting_spans(value):
    from pathlib import Path
    path = Path("t.json")
    try:
        parsed = parse_tasks(path, json.dumps(value).encode(), {"REGION", "PERSON", "AMOUNT", "COMMITMENT"})
    except InputError as e:
        assert str(e).startswith("t.json")
        return
    for task in parsed.tasks:
        for s in task.spans:
            assert 0 <= s.start < s.end <= len(task.doc.text) and task.doc.text[s.start:s.end] == s.text

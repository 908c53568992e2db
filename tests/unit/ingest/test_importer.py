"""Reading files: encodings, HTML, DOCX, folders, duplicates, refusals."""
import itertools
import zipfile

import pytest

from annotator.core.errors import InputError
from annotator.ingest.importer import import_paths
from annotator.ingest.read import read_report
from annotator.store.project import Project

BODY = "奉贤区举行对口支援与合作交流工作领导小组会议，区委书记袁泉出席并讲话。"
TRAD = "奉賢區舉行對口支援與合作交流工作領導小組會議，區委書記袁泉出席並講話。"


@pytest.mark.parametrize("text,codec,expected", [
    (BODY, "utf-8", "utf-8"), (BODY, "utf-8-sig", "utf-8 (BOM)"), (BODY, "utf-16", "utf-16-le (BOM)"),
    (BODY, "gb18030", "gb18030"), (BODY, "gbk", "gb18030"), (TRAD, "big5", "big5"),
])
def test_encodings_are_detected(tmp_path, text, codec, expected):
    f = tmp_path / "r.txt"
    f.write_bytes(text.encode(codec))
    raw = read_report(f)
    assert raw.text == text and raw.encoding == expected and raw.bad_bytes == 0


def test_a_truncated_gb18030_file_is_refused_rather_than_imported_in_part(tmp_path):
    f = tmp_path / "cut.txt"
    f.write_bytes((BODY * 3).encode("gb18030")[:-1])
    with pytest.raises(InputError, match="cut.txt: truncated: the file ends in the middle of a GB18030"):
        read_report(f)


@pytest.mark.parametrize("data,why", [
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
    (b"PK\x03\x04" + bytes(100), "ZIP archive"),
    (bytes(range(256)) * 4, "binary"),
    (b"", "empty"),
])
def test_non_text_files_are_refused_with_a_reason(tmp_path, data, why):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(InputError, match=why) as e:
        read_report(f)
    assert str(f) in str(e.value)


def test_html_article_title_and_date(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(f"""<html><head><meta charset="utf-8"><title>奉贤区召开会议_新闻</title>
        <meta property="article:published_time" content="2023-05-10"><script>var a = "脚本";</script>
        <style>p {{ color: red }}</style></head><body><nav><a href="/">网站首页</a> &gt; 新闻中心</nav>
        <article><h1>奉贤区召开会议</h1><p>{BODY}</p><p>区长王益群主持会议。</p></article>
        <footer>版权所有</footer></body></html>""", encoding="utf-8")
    raw = read_report(f)
    assert raw.kind == "html"
    assert BODY in raw.text and "区长王益群主持会议。" in raw.text.splitlines()
    assert "脚本" not in raw.text and "color" not in raw.text and "网站首页" not in raw.text
    assert raw.meta["title"].startswith("奉贤区召开会议") and raw.meta["date"] == "2023-05-10"


def test_html_with_only_scripts_is_refused(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<html><body><script>alert(1)</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="without article text"):
        read_report(f)


def test_docx_paragraphs_become_lines(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph(BODY)
    d.add_paragraph("区长王益群主持会议。")
    d.core_properties.title = "会议报道"
    d.save(tmp_path / "r.docx")
    raw = read_report(tmp_path / "r.docx")
    assert raw.text == BODY + "\n区长王益群主持会议。" and raw.meta == {"title": "会议报道"}


def test_a_renamed_zip_is_not_a_docx(tmp_path):
    f = tmp_path / "fake.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="not a Word document"):
        read_report(f)


@pytest.mark.parametrize("parallel", [False, True], ids=["read here", "read in a second process"])
def test_folder_import_goes_past_failures_and_skips_duplicates(tmp_path, fresh_project, parallel):
    folder = tmp_path / "reports"
    (folder / "deep").mkdir(parents=True)
    (folder / "a.txt").write_text(BODY, encoding="utf-8")
    (folder / "deep" / "b.txt").write_bytes(TRAD.encode("big5"))  # same text once simplified
    (folder / "deep" / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    (folder / "deep" / "d.txt").write_text("区长王益群主持会议。", encoding="utf-8")
    seen = []
    results = import_paths(fresh_project, [folder], progress=lambda i, n, r: seen.append((i, n)), parallel=parallel)
    assert [(r.path.name, r.status) for r in results] == [
        ("a.txt", "imported"), ("b.txt", "duplicate"), ("c.txt", "failed"), ("d.txt", "imported")]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert fresh_project.document_count() == 2
    doc = fresh_project.document(results[0].document_id)
    assert doc.encoding == "utf-8" and doc.text == BODY


def test_a_big_folder_is_read_in_a_second_process_in_order_and_a_cancel_stops_it(tmp_path, fresh_project):
    from annotator.ingest.importer import CHUNK, PARALLEL_FROM
    folder = tmp_path / "many"
    folder.mkdir()
    count = max(PARALLEL_FROM, 2 * CHUNK + 10)
    for i in range(count):
        (folder / f"{i:04}.txt").write_text(f"第{i}篇：{BODY}", encoding="utf-8")
    (folder / "0005.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))  # one failure among them
    results = import_paths(fresh_project, [folder])  # enough files: the second process is used
    assert [r.path.name for r in results] == [f"{i:04}.txt" for i in range(count)]
    assert [r.status for r in results].count("imported") == count - 1 and "0005.txt" in results[5].message
    again = Project.open(tmp_path / "again.annot")
    asked = itertools.count()
    stopped = import_paths(again, [folder], cancelled=lambda: next(asked) >= CHUNK)  # Cancel after CHUNK files
    assert len(stopped) == CHUNK and again.document_count() == CHUNK - 1
    again.close()


def test_default_project_starts_with_the_seeds():
    from annotator.app.session import open_session
    with open_session() as session:
        p = session.project
        assert p.document_count() == 5
        names = [p.document(i).name for i in p.document_ids()]
        assert names[0] == "000_c54b10d841d6e87d.txt"
        assert p.document(4).meta["source"] == "新吴区人民政府"
    with open_session() as session:  # opening again does not import twice
        assert session.project.document_count() == 5


def test_jsonl_export_with_raw_offsets_points_into_the_raw_text(seeded_project, tmp_path):
    import json
    from annotator.export.jsonl import export_jsonl
    from annotator.export.select import Selection
    p = seeded_project
    doc = p.document_ids()[0]
    text = p.text(doc)
    start = text.index("奉贤区")
    p.add_span(doc, start, start + 3, "REGION")
    export_jsonl(p, tmp_path / "raw.jsonl", Selection(documents="all"), raw_offsets=True)
    record = json.loads((tmp_path / "raw.jsonl").read_text(encoding="utf-8").splitlines()[0])
    (span,) = record["spans"]
    assert record["text"].startswith("??5月9日")
    assert record["text"][span["start"]:span["end"]] == "奉賢區" == span["text"]

"""The command line: every command, its output and exit status."""
import json
import subprocess
import sys

import pytest

from annotator.cli import COMMANDS, main
from annotator.export.formats import FORMATS


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def default_project():
    """The user's default project, made as the app makes it on first start (with the seed reports)."""
    from annotator.app.session import open_session
    open_session().close()


def test_default_project_is_filled_with_the_seeds(default_project, capsys):
    code, out, _ = run(capsys, "stats")
    assert code == 0
    assert "documents: 5 (todo 5" in out
    relations = out.split("relation")[1].splitlines()  # the seeds' relations were suggested with their spans
    assert [line.split()[0] for line in relations[1:]] == ["SUPPORTS", "FUNDS", "LEADS"]
    assert sum(int(line.split()[2]) for line in relations[1:]) > 0


def test_read_only_commands_never_make_a_project(tmp_path, capsys):
    for command in ("stats", "labels", "documents", "accept", "reject"):
        code, _, err = run(capsys, command, "--db", str(tmp_path / "none.annot"))
        assert code == 1 and "none.annot: no project here" in err
    code, _, err = run(capsys, "stats")  # no default project yet either
    assert code == 1 and "no project here yet" in err
    assert list(tmp_path.iterdir()) == []


def test_import_prints_a_line_per_file_and_a_total(tmp_path, capsys):
    db = tmp_path / "p.annot"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("宜川县委书记高勇主持会议。", encoding="utf-8")
    (tmp_path / "in" / "sub").mkdir()
    (tmp_path / "in" / "sub" / "b.txt").write_bytes("保靖县将继续深入学习。".encode("gb18030"))
    code, out, _ = run(capsys, "import", str(tmp_path / "in"), "--db", str(db))
    assert code == 0
    assert "[1/2] imported" in out and "b.txt (document 2, gb18030)" in out
    assert out.strip().endswith("2 imported, 0 duplicates skipped, 0 failed")
    code, out, _ = run(capsys, "--db", str(db), "import", str(tmp_path / "in" / "a.txt"))
    assert code == 0 and "duplicate" in out and "0 imported, 1 duplicates skipped" in out


def test_import_counts_the_documents_and_spans_of_a_task_file_and_what_it_updated(tmp_path, capsys):
    db, path = tmp_path / "p.annot", tmp_path / "tasks.json"

    def region(start, end, label):
        return {"from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": start, "end": end, "labels": [label]}}

    tasks = [{"data": {"text": "北京支援拉萨"}, "annotations": [{"completed_by": 3, "result": [
                 region(0, 2, "REGION"), region(4, 6, "REGION")]}]},
             {"data": {"text": "上海支援喀什"}, "annotations": [{"completed_by": 3, "result": [region(0, 2, "REGION")]}]}]
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--db", str(db))
    assert code == 0 and "(2 document(s) with 3 span(s) from labelstudio)" in out
    assert out.strip().endswith("2 imported with 3 spans, 0 duplicates skipped, 0 failed")
    tasks[0]["annotations"][0]["result"].pop()  # labelstudio-3 removed 拉萨 in Label Studio
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--db", str(db), "--annotator", "reviewer")
    assert code == 0 and "1 already in the project updated (1 removed), 1 already in the project unchanged" in out
    assert out.strip().endswith("0 imported, 1 updated, 1 duplicates skipped, 0 failed")


def test_a_failing_file_exits_1_names_the_file_and_keeps_the_rest(tmp_path, capsys):
    db = tmp_path / "p.annot"
    good = tmp_path / "good.txt"
    good.write_text("奉贤区举行会议。", encoding="utf-8")
    bad = tmp_path / "picture.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, out, err = run(capsys, "import", str(bad), str(good), "--db", str(db))
    assert code == 1
    assert f"{bad}: binary file (a PNG image)" in err
    code, out, _ = run(capsys, "stats", "--db", str(db))
    assert "documents: 1" in out


def test_export_lists_formats_and_writes_jsonl(default_project, tmp_path, capsys):
    code, out, _ = run(capsys, "export", "--format", "jsonl", "--out", str(tmp_path / "o.jsonl"), "--documents", "all")
    assert code == 0 and "exported 5 documents" in out
    lines = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["text"].startswith("5月9日下午")
    with pytest.raises(SystemExit) as e:
        main(["export", "--format", "nope", "--out", "x"])
    assert e.value.code == 2
    assert "jsonl" in capsys.readouterr().err


@pytest.mark.parametrize("name, files", [("bio-layers", ("o", "o.notes.txt", "o.split.tsv")), ("prodigy", ("o",))])
def test_export_writes_the_bio_layers_and_prodigy_formats(default_project, tmp_path, capsys, name, files):
    code, out, _ = run(capsys, "export", "--format", name, "--out", str(tmp_path / "o"), "--documents", "all")
    assert code == 0 and f"exported 5 documents, 0 spans as {name}" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(files)


def test_labels_lists_the_label_set(default_project, capsys):
    code, out, _ = run(capsys, "labels")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["1", "REGION", "地区"]
    assert len(out.splitlines()) == 4


def test_a_bad_project_file_exits_1_with_one_line(tmp_path, capsys):
    f = tmp_path / "x.annot"
    f.write_text("not a database")
    code, _, err = run(capsys, "stats", "--db", str(f))
    assert code == 1
    assert err.strip() == f"annotator: {f}: not a project file (not an SQLite database)"


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS])
def test_every_command_has_help_and_version(command, capsys):
    with pytest.raises(SystemExit) as e:
        main(command + ["--help"])
    assert e.value.code == 0
    assert "usage: annotator" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as e:
        main(["import"])
    assert e.value.code == 2


def test_version_from_the_installed_entry_point():
    out = subprocess.run([sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("annotator ")


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"annotator {command}" in readme, command


def test_every_export_format_is_documented_in_the_readme():
    from pathlib import Path
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Export formats\n")[1].split("\n## ")[0]
    for name in FORMATS:
        assert f"`{name}`" in section, name


def test_raw_offsets_are_refused_for_formats_that_carry_their_own_text(default_project, tmp_path, capsys):
    code, _, err = run(capsys, "export", "--format", "bio", "--raw-offsets", "--documents", "all",
                       "--out", str(tmp_path / "x.bio"))
    assert code == 1 and "raw offsets apply only to jsonl, labelstudio" in err
    assert not (tmp_path / "x.bio").exists()


def test_an_export_says_what_it_left_out_and_refuses_to_be_empty(default_project, tmp_path, capsys):
    from annotator.app.session import open_session
    out = tmp_path / "o.jsonl"
    code, _, err = run(capsys, "export", "--format", "jsonl", "--out", str(out))
    assert code == 1 and "nothing to export: no document is marked done (5 in the project)" in err
    assert not out.exists()
    assert run(capsys, "export", "--format", "jsonl", "--out", str(out), "--allow-empty")[0] == 0
    assert out.read_text(encoding="utf-8") == ""
    with open_session() as session:  # one document done, holding undecided suggestions (an import can do this)
        p = session.project
        doc = p.document_ids()[0]
        pending = len(p.spans(doc, states=("pending",)))
        p.set_status(doc, "done")
    assert pending
    code, out_text, _ = run(capsys, "export", "--format", "jsonl", "--out", str(tmp_path / "p.jsonl"))
    assert code == 0 and "exported 1 documents, 0 spans" in out_text
    assert "left out: 4 document(s) not marked done" in out_text
    assert f"left out: {pending} pending suggestion(s)" in out_text


def test_sync_without_a_server_or_with_a_bad_person_says_so(tmp_path, capsys):
    from annotator.store.project import Project
    Project.open(tmp_path / "p.annot").close()
    code, out, err = run(capsys, "sync", "--db", str(tmp_path / "p.annot"))
    assert code == 1 and err.strip() == "annotator: no server: give --url URL (remembered after the first sync)"
    code, out, err = run(capsys, "sync", "--db", str(tmp_path / "p.annot"), "--url", "http://127.0.0.1:9",
                         "--person", "li")
    assert code == 2 and "NAME=EMAIL" in err

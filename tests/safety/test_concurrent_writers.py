"""Two programs writing one project: every write waits its turn (BEGIN IMMEDIATE and the busy timeout)
instead of being refused, an import holds the lock only briefly, and a restore reaches every program
that has the project open."""
import json
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.core.model import Document
from annotator.store import schema
from annotator.store.project import Project

WRITER = textwrap.dedent("""
    import sys
    from annotator.store.project import Project
    path, doc, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    refused = 0
    with Project.open(path) as p:
        for i in range(count):
            try:
                p.add_span(doc, 2 * i, 2 * i + 1, "REGION", annotator=f"writer{doc}")
            except Exception as e:
                refused += 1
                print(e, file=sys.stderr)
    print(refused)
""")


def _document(p: Project, text: str) -> int:
    import hashlib
    return p.add_document(Document(name=text[:8], text=text, raw_text=text,
                                   content_hash=hashlib.sha256(text.encode()).hexdigest()))


def test_two_processes_add_a_thousand_spans_each_and_none_is_refused(tmp_path):
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        docs = [_document(p, f"{n}" + "北京" * 1200) for n in (1, 2)]
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(doc), "1000"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for doc in docs]
    results = [w.communicate(timeout=600) for w in writers]
    for w, (out, err) in zip(writers, results):
        assert w.returncode == 0, err
        assert out.strip() == "0", err[:500]
    with Project.open(path) as p:
        assert [len(p.spans(d)) for d in docs] == [1000, 1000]


@pytest.mark.slow
def test_the_window_labels_while_a_100000_task_file_imports(qtbot, tmp_path):
    pytest.importorskip("PySide6")
    from annotator.gui.main_window import MainWindow
    from annotator.ingest.importer import import_seeds

    tasks = [{"data": {"text": f"第{i}号：北京支援拉萨"}, "annotations": [{"completed_by": 1, "result": [
        {"type": "labels", "value": {"start": len(f"第{i}号："), "end": len(f"第{i}号：") + 2, "text": "北京",
                                     "labels": ["REGION"]}}]}]} for i in range(100_000)]
    big = tmp_path / "big.json"
    big.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "p.annot"
    project = Project.open(path)
    import_seeds(project)
    project.set_setting("suggestions", "off")
    window = MainWindow(project, "gui")
    qtbot.addWidget(window)
    window.show()
    importer = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(big), "--db", str(path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while project.document_count() < 10 and time.monotonic() < deadline:  # the import is writing
        time.sleep(0.05)
    stops = [i for i, ch in enumerate(window.view.text) if ch == "。"][:40]
    waits = []
    for stop in stops:
        window.view.select_cp(stop - 2, stop)
        began = time.monotonic()
        window.apply_label("PERSON")
        waits.append(time.monotonic() - began)
        window.clear_selection()
    assert importer.poll() is None, "the import ended before the window had labelled"
    out, err = importer.communicate(timeout=600)
    assert importer.returncode == 0, err
    assert len(project.spans(window.doc_id)) == len(stops)  # every label key landed
    assert project.document_count() == 100_005
    print(f"label waits during the import: max {max(waits) * 1000:.0f} ms, "
          f"median {sorted(waits)[len(waits) // 2] * 1000:.0f} ms")
    window.close()
    project.close()


def test_a_restore_reaches_a_program_that_has_the_project_open(tmp_path):
    from annotator.store.backups import make_backup, restore_backup
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        doc = _document(p, "北京" * 100)
    backup = make_backup(path)
    other = Project.open(path)  # another program, open all along
    other.add_span(doc, 0, 2, "REGION")  # not in the backup
    with Project.open(path) as p:
        restore_backup(p, backup)
    for i in range(1, 21):  # the other program goes on committing after the restore
        other.add_span(doc, 2 * i, 2 * i + 1, "REGION")
    other.close()
    with Project.open(path) as p:
        assert p.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(p.spans(doc)) == 20  # every commit after the restore is kept; the one before was undone


def test_a_restore_replaces_what_other_programs_keep_in_memory(tmp_path):
    from annotator.store.backups import make_backup, restore_backup
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        _document(p, "上海" * 10)
    backup = make_backup(path)
    other = Project.open(path)
    with Project.open(path) as p:  # document 2 is made, then the restore takes it away again ...
        doc = _document(p, "北京" * 10)
        assert other.text(doc) == "北京" * 10
        restore_backup(p, backup)
        again = _document(p, "拉萨" * 10)  # ... and a new document 2 appears
    assert again == doc
    other.refresh()
    assert other.text(doc) == "拉萨" * 10  # not the cached text of the document the restore removed
    with pytest.raises(Exception, match="does not match"):
        other.add_span(doc, 0, 2, "REGION", text="北京")
    other.close()


def test_a_migration_interrupted_halfway_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    import sqlite3
    path = tmp_path / "p.annot"
    from sqlite_utils import Database
    conn = sqlite3.connect(path, isolation_level=None)
    schema.MIGRATIONS[0](Database(conn))
    conn.execute("PRAGMA user_version = 1")  # a project from before migration 2
    conn.close()

    def crash(db):
        db.execute("CREATE INDEX half_done ON documents(name)")
        raise KeyboardInterrupt  # the process dies inside the migration
    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], crash))
    with pytest.raises(KeyboardInterrupt):
        Project.open(path)
    monkeypatch.undo()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
    with Project.open(path) as p:  # opens, and migrates this time
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert "half_done" not in {i.name for i in p.db.table("documents").indexes}


def test_a_file_an_older_version_left_half_migrated_opens(tmp_path):
    """Before 0.2 the migrations were recorded in sqlite-utils' table and user_version set afterwards:
    a crash in between left user_version 0 on a full project."""
    import sqlite3
    path = tmp_path / "p.annot"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
    conn.executemany("INSERT INTO _sqlite_migrations VALUES ('annotator', ?, '')",
                     [(m.__name__,) for m in schema.MIGRATIONS])
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        assert len(p.labels()) == 4

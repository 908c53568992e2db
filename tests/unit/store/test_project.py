"""The project database: schema, migrations, span invariants, transactions, undo."""
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import ProjectError, SpanError
from annotator.core.model import Document
from annotator.store import schema
from annotator.store.project import Project


def add_doc(project, text="奉贤区委书记袁泉出席并讲话。", name="a.txt"):
    import hashlib
    return project.add_document(Document(name=name, text=text, raw_text=text,
                                         content_hash=hashlib.sha256(text.encode()).hexdigest()))


def test_new_project_has_schema_and_default_labels(tmp_path):
    with Project.open(tmp_path / "p.annot") as p:
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert p.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert p.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"documents", "labels", "spans", "events"} <= set(p.db.table_names())
        labels = {l.name: l for l in p.labels()}
        assert [(l.name, l.display_zh, l.hotkey) for l in p.labels()] == [
            ("REGION", "地区", "1"), ("AMOUNT", "数额", "2"), ("PERSON", "人物", "3"), ("COMMITMENT", "承诺", "4")]
        assert labels["COMMITMENT"].kind == "clause"


def test_migrates_an_empty_version_0_file(tmp_path):
    path = tmp_path / "old.annot"
    sqlite3.connect(path).close()  # an empty SQLite file: user_version 0
    with Project.open(path) as p:
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST


def test_migrates_version_1_after_a_backup(tmp_path):
    path = tmp_path / "v1.annot"
    from sqlite_utils import Database
    conn = sqlite3.connect(path)
    schema.MIGRATIONS[0](Database(conn))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Project.open(path) as p:
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert "documents_status_name" in {i.name for i in p.db.table("documents").indexes}
    backup = tmp_path / "v1.annot.schema1.bak"
    assert backup.exists()
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 1


def test_refuses_a_project_from_a_newer_version(tmp_path):
    path = tmp_path / "new.annot"
    Project.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(ProjectError, match="newer version"):
        Project.open(path)


def test_refuses_files_that_are_not_projects(tmp_path):
    text = tmp_path / "notes.annot"
    text.write_text("hello")
    with pytest.raises(ProjectError, match="not an SQLite database"):
        Project.open(text)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(ProjectError, match="not an annotation project"):
        Project.open(other)


@pytest.mark.parametrize("start,end,text,why", [
    (-1, 2, None, "outside"), (3, 3, None, "outside"), (5, 2, None, "outside"),
    (0, 99, None, "outside"), (0, 3, "奉贤", "does not match"), (0, 2.0, None, "whole numbers"),
])
def test_bad_spans_are_refused(fresh_project, start, end, text, why):
    doc = add_doc(fresh_project)
    with pytest.raises(SpanError, match=why):
        fresh_project.add_span(doc, start, end, "REGION", text=text)
    assert fresh_project.spans(doc) == []


def test_unknown_label_is_refused(fresh_project):
    doc = add_doc(fresh_project)
    with pytest.raises(SpanError, match="unknown label"):
        fresh_project.add_span(doc, 0, 3, "CITY")


def test_database_checks_guard_offsets_even_past_the_library(fresh_project):
    doc = add_doc(fresh_project)
    with pytest.raises(sqlite3.IntegrityError):
        fresh_project.db.execute(
            "INSERT INTO spans (document_id, start, \"end\", label, text, created_at, updated_at) "
            "VALUES (?, 3, 3, 'REGION', '', '', '')", [doc])


def test_a_span_is_committed_at_once(tmp_path):
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        doc = add_doc(p)
        span = p.add_span(doc, 0, 3, "REGION", annotator="ann")
        other = sqlite3.connect(path)
        assert other.execute('SELECT start, "end", label, text FROM spans').fetchall() == [(0, 3, "REGION", "奉贤区")]
        other.close()
        assert span.text == "奉贤区"


def test_same_label_overlap_refused_other_labels_nest(fresh_project):
    doc = add_doc(fresh_project)
    p = fresh_project
    p.add_span(doc, 0, 3, "REGION")
    with pytest.raises(SpanError, match="overlaps"):
        p.add_span(doc, 1, 4, "REGION")
    p.add_span(doc, 0, 13, "COMMITMENT")
    p.add_span(doc, 6, 8, "PERSON")
    assert [(s.label, s.text) for s in p.spans(doc)] == [
        ("REGION", "奉贤区"), ("COMMITMENT", "奉贤区委书记袁泉出席并讲话"), ("PERSON", "袁泉")]


def test_the_overlap_rule_is_per_annotator(fresh_project):
    """Two annotators may mark the same words; one annotator's spans of a label never overlap; a pending
    suggestion overlaps nobody's; undo and redo go on working."""
    p = fresh_project
    doc = add_doc(p)
    p.add_span(doc, 0, 3, "REGION", annotator="a")
    b = p.add_span(doc, 0, 3, "REGION", annotator="b")
    p.add_span(doc, 1, 4, "REGION", annotator="curator")
    with pytest.raises(SpanError, match="overlaps"):
        p.add_span(doc, 1, 4, "REGION", annotator="a")
    p.add_span(doc, 8, 10, "REGION", annotator="c", state="pending", origin="suggested")
    with pytest.raises(SpanError, match="overlaps"):
        p.update_span(b.id, start=2, end=9, annotator="b")  # b's span over the pending one
    with pytest.raises(SpanError, match="overlaps"):
        p.add_span(doc, 2, 5, "REGION", annotator="c", state="pending", origin="suggested")
    assert p.live_ranges(doc).overlaps("REGION", 3, 4, "curator")
    assert not p.live_ranges(doc).overlaps("REGION", 3, 4, "a")
    p.delete_label("REGION", move_to="PERSON")  # nobody's spans clash with their own
    assert sorted(s.annotator for s in p.spans(doc) if s.label == "PERSON") == ["a", "b", "c", "curator"]
    assert p.undo("b") is not None and p.spans_by_id([b.id]) == []
    assert p.redo("b") is not None and p.spans_by_id([b.id])[0].start == 0
    assert p.undo("b") is not None and p.redo("b") is not None


def test_undo_and_redo_every_change_even_after_restart(tmp_path):
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        doc = add_doc(p)
        s = p.add_span(doc, 0, 3, "REGION", annotator="li")
        p.update_span(s.id, label="PERSON", annotator="li")
        p.set_status(doc, "done", annotator="li")
        p.delete_span(s.id, annotator="li")
    with Project.open(path) as p:
        assert p.spans(doc) == []
        p.undo("li")  # the delete
        assert [x.label for x in p.spans(doc)] == ["PERSON"]
        p.undo("li")  # the status
        assert p.document(doc).status == "todo"
        p.undo("li")  # the relabel
        assert [x.label for x in p.spans(doc)] == ["REGION"]
        p.undo("li")  # the add
        assert p.spans(doc) == [] and not p.can_undo("li")
        p.redo("li")
    with Project.open(path) as p:
        assert [x.label for x in p.spans(doc)] == ["REGION"]
        p.redo("li")
        assert [x.label for x in p.spans(doc)] == ["PERSON"]
        assert p.undo("someone-else") is None


def test_a_new_change_clears_redo(fresh_project):
    p = fresh_project
    doc = add_doc(p)
    p.add_span(doc, 0, 3, "REGION")
    p.undo()
    p.add_span(doc, 6, 8, "PERSON")
    assert not p.can_redo()


def test_event_log_is_append_only(fresh_project):
    doc = add_doc(fresh_project)
    fresh_project.add_span(doc, 0, 3, "REGION")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_project.db.execute("DELETE FROM events")
    actions = [e["action"] for e in fresh_project.events(doc)]
    assert actions == ["add_document", "add_span"]


def test_stats_count_documents_and_spans(fresh_project):
    p = fresh_project
    doc = add_doc(p)
    p.add_span(doc, 0, 3, "REGION")
    p.add_span(doc, 6, 8, "PERSON", origin="suggested", state="pending", score=0.8)
    p.set_status(doc, "in_progress")
    stats = p.stats()
    assert stats["documents"] == {"todo": 0, "in_progress": 1, "done": 0}
    assert stats["spans"]["REGION"]["accepted"] == 1
    assert stats["spans"]["PERSON"]["pending"] == 1


def test_label_set_editing(seeded_project):
    from annotator.core.errors import ProjectError
    from annotator.core.model import Label
    p = seeded_project
    doc = p.document_ids()[0]
    span = p.add_span(doc, 0, 2, "REGION", annotator="ann")
    p.add_label(Label("ORG", "机构", "Organisation", "#B37FEB", "5"))
    assert p.label_names()[-1] == "ORG"
    with pytest.raises(ProjectError, match="hotkey 1 is already used by REGION"):
        p.add_label(Label("X", "x", "x", "#000000", "1"))
    with pytest.raises(ProjectError, match="colour"):
        p.update_label("ORG", color="red")
    p.update_label("REGION", name="PLACE", color="#FF0000")
    assert p.span(span.id).label == "PLACE"
    p.undo("ann")  # the span was added under REGION; undo and redo follow the rename
    p.redo("ann")
    assert p.span(span.id).label == "PLACE"
    with pytest.raises(ProjectError, match="used by 1 span"):
        p.delete_label("PLACE")
    p.delete_label("PLACE", move_to="ORG")
    assert p.span(span.id).label == "ORG" and "PLACE" not in p.label_names()
    p.reorder_labels(["ORG", "PERSON", "AMOUNT", "COMMITMENT"])
    assert p.label_names() == ["ORG", "PERSON", "AMOUNT", "COMMITMENT"]


def test_rolling_backups_keep_five_and_restore(tmp_path):
    from annotator.store.backups import list_backups, make_backup, restore_backup
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        p.set_setting("version", "1")
    first = make_backup(path)
    with Project.open(path) as p:
        p.set_setting("version", "2")
    assert make_backup(path) is not None and make_backup(path) is None  # no copy while nothing changed
    for _ in range(5):
        make_backup(path, force=True)
    backups = list_backups(path)
    assert len(backups) == 5 and first not in backups
    old = tmp_path / "old.annot"
    import shutil
    shutil.copyfile(backups[-1], old)  # a backup that says version 2
    with Project.open(old) as p:
        p.set_setting("version", "1")
    with Project.open(path) as p:
        restore_backup(p, old)
        assert p.setting("version") == "1"
    with Project.open(path) as p:
        assert p.setting("version") == "1"
    assert len(list_backups(path)) == 6  # the replaced state was backed up first


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=40))
def test_intervals_agree_with_checking_every_span(pairs):
    """The sorted ranges behind batch imports and suggestions answer as a scan of every span would."""
    from annotator.core.spans import Intervals
    taken, ranges = [], Intervals()
    for start, length in pairs:
        end = start + length
        brute = any(s < end and start < e for s, e in taken)
        assert ranges.overlaps(start, end) == brute
        if not brute:
            taken.append((start, end))
            ranges.add(start, end)


def test_status_counts_and_search_follow_every_change(tmp_path):
    """Kept by triggers, not recounted: inserts, status changes and removals all show."""
    with Project.open(tmp_path / "p.annot") as p:
        a = add_doc(p, "奉贤区对口支援保靖县", "a")
        b = add_doc(p, "宜川县委书记高勇主持会议", "b")
        assert p.status_counts() == {"todo": 2, "in_progress": 0, "done": 0}
        p.set_status(a, "done")
        assert p.status_counts() == {"todo": 1, "in_progress": 0, "done": 1}
        assert p.document_ids(contains="对口支援") == [a]  # three or more characters: the trigram index
        assert p.document_ids(contains="高勇") == [b]  # two: a scan
        assert p.document_ids(contains='"引号"') == []  # quotes in the words are searched for, not syntax
        p.remove_documents([a])
        assert p.status_counts() == {"todo": 1, "in_progress": 0, "done": 0}
        assert p.document_ids(contains="对口支援") == []


def search_index_intact(p: Project) -> bool:
    try:
        p.db.execute("INSERT INTO documents_search (documents_search, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def test_documents_enter_the_search_index_when_their_transaction_commits(tmp_path):
    """m008: indexed once per transaction, outside savepoints; an item rolled back, a document added and
    removed before the commit, and a document of an older file all leave the index whole."""
    from tests.helpers.data import UNDO_TO_7
    path = tmp_path / "p.annot"
    with Project.open(path) as p:
        with p.batches() as batch:
            with batch.item():
                kept = add_doc(p, "奉贤区对口支援保靖县", "kept")
            with pytest.raises(RuntimeError), batch.item():
                add_doc(p, "对口支援的另一篇", "rolled back")
                raise RuntimeError
            with batch.item():
                gone = add_doc(p, "对口支援延安市", "gone")
                p.remove_documents([gone])
        assert p.document_ids(contains="对口支援") == [kept] and search_index_intact(p)
        old = add_doc(p, "宜川县对口支援", "old")
        for statement in (*UNDO_TO_7, "PRAGMA user_version = 7"):
            p.db.execute(statement)
    with Project.open(path) as p:
        assert p.document_ids(contains="对口支援", order="id") == [kept, old] and search_index_intact(p)
        p.remove_documents([old])
        assert p.document_ids(contains="对口支援") == [kept] and search_index_intact(p)


def test_an_unreadable_backup_record_means_a_new_backup_not_an_error(tmp_path):
    from annotator.store.backups import STATE, backup_folder, list_backups, make_backup
    path = tmp_path / "p.annot"
    Project.open(path).close()
    make_backup(path)
    (backup_folder(path) / STATE).write_text("{not json")
    assert make_backup(path) is not None and len(list_backups(path)) == 2


def test_span_counts_kept_by_triggers_match_a_recount(tmp_path):
    """The document list's counts (m006) after every kind of span write, undo and redo included."""
    from dataclasses import replace

    from annotator.core.model import Span

    def recount(p):
        return {d: (a, pe, s, de) for d, a, pe, s, de in p.db.execute(
            "SELECT document_id, sum(state = 'accepted'), sum(state = 'pending'), sum(origin = 'suggested'), "
            "sum(origin = 'suggested' AND state != 'pending') FROM spans GROUP BY document_id")}

    def kept(p):
        return {d: (a, pe, s, de) for d, a, pe, s, de in p.db.execute(
            "SELECT document_id, accepted, pending, suggested, decided FROM span_counts")
            if (a, pe, s, de) != (0, 0, 0, 0)}

    with Project.open(tmp_path / "p.annot") as p:
        doc = add_doc(p, "奉贤区委书记袁泉出席并讲话。宜川县县长讲话。")
        other = add_doc(p, "另一篇文档，延安市。", "b.txt")
        a = p.add_span(doc, 0, 3, "REGION", annotator="li")
        suggested = p.add_spans(doc, [Span(6, 8, "PERSON", "袁泉", origin="suggested", state="pending"),
                                      Span(14, 17, "REGION", "宜川县", origin="suggested", state="pending")])
        p.update_spans([suggested[0].id], state="accepted", annotator="li")
        p.replace_pending(doc, 14, 16, "REGION", "li")
        p.update_span(a.id, label="PERSON")
        p.delete_span(a.id)
        p.add_span(other, 6, 9, "REGION", annotator="wang")
        p.change_spans(p.spans(other), [replace(p.spans(other)[0], start=7, end=9, text="安市")], "li")
        assert kept(p) == recount(p)
        while p.undo("li") or p.undo("wang") or p.undo(""):
            assert kept(p) == recount(p)
        while p.redo("li"):
            assert kept(p) == recount(p)
        p.remove_documents([other])
        assert kept(p) == recount(p) and p.suggestion_progress(doc) == recount(p)[doc][3:1:-1]


def test_a_deleted_span_id_is_never_given_again(tmp_path):
    """The event log names spans by id: a new span (one or many, or a suggestion) must not take the id of a
    deleted one, whose deletion can still be undone."""
    from annotator.core.model import Span
    with Project.open(tmp_path / "p.annot") as p:
        doc = add_doc(p)
        first = p.add_span(doc, 0, 3, "REGION", annotator="li")
        p.delete_span(first.id, "li")
        second = p.add_span(doc, 0, 3, "REGION", annotator="li")
        p.delete_span(second.id, "li")
        (third,) = p.add_spans(doc, [Span(0, 3, "REGION", "奉贤区", origin="suggested", state="pending")])
        assert len({first.id, second.id, third.id}) == 3
        p.delete_span(third.id)
        p.undo("li")  # the second span back, under its own id, the suggestion's untouched
        assert [s.id for s in p.spans(doc)] == [second.id]


def test_migration_7_remembers_ids_the_event_log_names(tmp_path):
    from tests.helpers.data import UNDO_TO_6
    path = tmp_path / "v6.annot"
    with Project.open(path) as p:
        doc = add_doc(p)
        gone = p.add_span(doc, 0, 3, "REGION", annotator="li")
        p.delete_span(gone.id, "li")
        for statement in (*UNDO_TO_6, "PRAGMA user_version = 6"):
            p.db.execute(statement)
    with Project.open(path) as p:
        assert p.add_span(doc, 0, 3, "REGION", annotator="li").id > gone.id


def test_migration_6_counts_the_spans_a_project_already_has(tmp_path):
    from tests.helpers.data import UNDO_TO_5
    path = tmp_path / "v5.annot"
    with Project.open(path) as p:
        doc = add_doc(p)
        p.add_span(doc, 0, 3, "REGION", annotator="li")
        for statement in (*UNDO_TO_5, "PRAGMA user_version = 5"):
            p.db.execute(statement)
    with Project.open(path) as p:
        assert p.document_rows([doc])[doc].accepted == 1 and p.suggestion_progress(doc) == (0, 0)

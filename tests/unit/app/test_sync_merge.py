"""The sync's three-way span merge, its report, its stored state and the token file: no server needed."""
import os
import stat

from annotator.app.sync import SyncReport, load_token, save_token, three_way, tokens_path
from annotator.core.model import Document
from annotator.core.text import content_hash
from annotator.store import schema
from annotator.store.project import Project
from annotator.store.sync import Conflict, Synced, SyncStore
from tests.helpers.data import UNDO_TO_5

A, B, C = (0, 3, "REGION"), (5, 8, "AMOUNT"), (10, 12, "PERSON")


def f(*places):
    return frozenset(places)


def test_a_change_on_one_side_goes_to_the_other():
    local, remote, c_here, c_there = three_way(f(A), f(A, B), f())
    assert local == f(B) and remote == f(B) and not c_here and not c_there


def test_both_sides_adding_different_spans_keep_both():
    local, remote, c_here, c_there = three_way(f(), f(A), f(B))
    assert local == remote == f(A, B) and not c_here and not c_there


def test_the_same_change_on_both_sides_is_no_conflict():
    moved = (0, 2, "REGION")
    assert three_way(f(A), f(moved), f(moved)) == (f(moved), f(moved), f(), f())


def test_a_span_changed_differently_on_both_sides_is_a_conflict_kept_on_each():
    here, there = (0, 2, "REGION"), (1, 3, "REGION")
    local, remote, c_here, c_there = three_way(f(A, C), f(here, C), f(there, C))
    assert local == f(here, C) and remote == f(there, C)
    assert c_here == f(here) and c_there == f(there)


def test_a_relabel_against_a_move_is_a_conflict():
    relabelled, moved = (0, 3, "PERSON"), (0, 2, "REGION")
    _, _, c_here, c_there = three_way(f(A), f(relabelled), f(moved))
    assert c_here == f(relabelled) and c_there == f(moved)


def test_overlapping_spans_of_other_labels_are_not_a_conflict():
    inside = (1, 2, "PERSON")
    local, remote, c_here, _ = three_way(f(), f(A), f(inside))
    assert local == remote == f(A, inside) and not c_here


def test_the_report_says_when_nothing_moved():
    assert SyncReport().lines() == ["nothing to sync: both sides are up to date"]
    report = SyncReport(conflicts=[Conflict(3, "wang", f(A), f(B))])
    assert any("conflict: document 3, wang" in line for line in report.lines())


def test_the_token_is_kept_for_its_owner_only():
    save_token("http://ls.example", "secret-1")
    assert load_token("http://ls.example") == "secret-1" and load_token("http://other") is None
    assert stat.S_IMODE(os.stat(tokens_path()).st_mode) == 0o600


def test_sync_state_and_conflicts_are_stored(fresh_project):
    text = "赵敏宣布向西安市捐款。"
    doc = fresh_project.add_document(Document(name="d", text=text, raw_text=text, content_hash=content_hash(text)))
    store = SyncStore(fresh_project)
    store.record({doc: Synced(7, "2026-01-01T00:00:00Z", {"wang": f(A)})})
    assert store.synced() == {doc: Synced(7, "2026-01-01T00:00:00Z", {"wang": f(A)})}
    store.set_conflicts([doc], [Conflict(doc, "wang", f(A), f(B))])
    assert store.conflicts() == [Conflict(doc, "wang", f(A), f(B))]
    store.set_conflicts([doc], [])
    assert store.conflicts() == []


def test_migration_5_adds_the_sync_tables_to_an_older_project(tmp_path):
    path = tmp_path / "v4.annot"
    with Project.open(path) as p:
        for statement in (*UNDO_TO_5, "DROP TABLE sync_conflicts", "DROP TABLE sync_state", "PRAGMA user_version = 4"):
            p.db.execute(statement)
    with Project.open(path) as p:
        assert p.db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
        assert SyncStore(p).synced() == {} and SyncStore(p).conflicts() == []

"""Schema migrations of a project file; PRAGMA user_version counts those applied.

Each migration runs in one `BEGIN IMMEDIATE` transaction together with the
`user_version` that records it, so a crash leaves the file either before or
after the migration, never between the two.
"""
from __future__ import annotations

import sqlite3

from sqlite_utils import Database

from annotator.core.resources import read_json
from annotator.store.locking import begin_immediate


def m001_initial(db: Database) -> None:
    """Documents, labels, spans and the event log."""
    db.execute("""
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            source_path TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL UNIQUE,
            raw_text TEXT NOT NULL,
            text TEXT NOT NULL,
            offset_map BLOB NOT NULL,
            encoding TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{}',
            report TEXT NOT NULL DEFAULT '{}',
            damage INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done')),
            time_spent REAL NOT NULL DEFAULT 0,
            imported_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            display_zh TEXT NOT NULL,
            display_en TEXT NOT NULL,
            color TEXT NOT NULL,
            hotkey TEXT UNIQUE,
            kind TEXT NOT NULL DEFAULT 'entity' CHECK (kind IN ('entity', 'clause')),
            sort_order INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""
        CREATE TABLE spans (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            text TEXT NOT NULL,
            annotator TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'suggested', 'imported')),
            state TEXT NOT NULL DEFAULT 'accepted' CHECK (state IN ('accepted', 'pending', 'rejected')),
            score REAL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (0 <= start AND start < "end"),
            CHECK (length(text) = "end" - start)
        )""")
    db.execute('CREATE INDEX spans_document ON spans(document_id, start)')
    db.execute('CREATE INDEX spans_label_state ON spans(label, state)')
    db.execute("""
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            annotator TEXT NOT NULL DEFAULT '',
            document_id INTEGER,
            action TEXT NOT NULL,
            span_id INTEGER,
            ref INTEGER,
            before TEXT,
            after TEXT
        )""")
    db.execute("CREATE INDEX events_annotator ON events(annotator, id)")
    # The log is append-only: nothing may change or remove an event.
    db.execute("""CREATE TRIGGER events_no_update BEFORE UPDATE ON events
                  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END""")
    db.execute("""CREATE TRIGGER events_no_delete BEFORE DELETE ON events
                  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END""")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")
    for order, label in enumerate(read_json("labels.json")):
        db.table("labels").insert({**label, "sort_order": order})


def m002_document_list_index(db: Database) -> None:
    """The document list sorts by status and name over large projects."""
    db.execute("CREATE INDEX documents_status_name ON documents(status, name)")
    db.execute("CREATE INDEX documents_name ON documents(name)")


# m003's triggers, which kept the search index in step row by row (m008 replaced them).
SEARCH_TRIGGERS_3 = (
    """CREATE TRIGGER documents_searched_in AFTER INSERT ON documents BEGIN
         INSERT INTO documents_search (rowid, name, text, meta) VALUES (NEW.id, NEW.name, NEW.text, NEW.meta);
       END""",
    """CREATE TRIGGER documents_searched_out AFTER DELETE ON documents BEGIN
         INSERT INTO documents_search (documents_search, rowid, name, text, meta)
         VALUES ('delete', OLD.id, OLD.name, OLD.text, OLD.meta);
       END""",
    """CREATE TRIGGER documents_searched_change AFTER UPDATE OF name, text, meta ON documents BEGIN
         INSERT INTO documents_search (documents_search, rowid, name, text, meta)
         VALUES ('delete', OLD.id, OLD.name, OLD.text, OLD.meta);
         INSERT INTO documents_search (rowid, name, text, meta) VALUES (NEW.id, NEW.name, NEW.text, NEW.meta);
       END""")


def m003_counts_and_search(db: Database) -> None:
    """Documents by status kept by triggers (the status bar reads them on every key, not recounted), and a
    trigram full-text index of names, texts and metadata (the document filter; trigrams work for Chinese)."""
    db.execute("CREATE TABLE document_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0)")
    db.execute("INSERT INTO document_counts (status, n) VALUES ('todo', 0), ('in_progress', 0), ('done', 0)")
    db.execute("UPDATE document_counts SET n = (SELECT count(*) FROM documents d WHERE d.status = "
               "document_counts.status)")
    db.execute("""CREATE TRIGGER documents_counted_in AFTER INSERT ON documents
                  BEGIN UPDATE document_counts SET n = n + 1 WHERE status = NEW.status; END""")
    db.execute("""CREATE TRIGGER documents_counted_out AFTER DELETE ON documents
                  BEGIN UPDATE document_counts SET n = n - 1 WHERE status = OLD.status; END""")
    db.execute("""CREATE TRIGGER documents_counted_status AFTER UPDATE OF status ON documents
                  WHEN OLD.status != NEW.status BEGIN
                    UPDATE document_counts SET n = n - 1 WHERE status = OLD.status;
                    UPDATE document_counts SET n = n + 1 WHERE status = NEW.status;
                  END""")
    db.execute("""CREATE VIRTUAL TABLE documents_search USING fts5(name, text, meta, content='documents',
                  content_rowid='id', tokenize='trigram')""")
    db.execute("INSERT INTO documents_search (documents_search) VALUES ('rebuild')")
    for trigger in SEARCH_TRIGGERS_3:
        db.execute(trigger)


# name, 中文, English, colour, hotkey, head labels, tail labels (GUIDELINES.md, Relations)
DEFAULT_RELATION_TYPES = (
    ("SUPPORTS", "支援", "Supports", "#CF1322", "s", "REGION", "REGION"),
    ("FUNDS", "投入", "Funds", "#D48806", "f", "AMOUNT", "REGION,COMMITMENT"),
    ("LEADS", "率队/负责", "Leads", "#096DD9", "l", "PERSON", "REGION"),
)


def m004_relations(db: Database) -> None:
    """Relations between two spans of a document, and the project's relation types (the defaults above). Deleting a span deletes its relations in the same statement (ON DELETE CASCADE)."""
    db.execute("""
        CREATE TABLE relation_types (
            name TEXT PRIMARY KEY,
            display_zh TEXT NOT NULL,
            display_en TEXT NOT NULL,
            color TEXT NOT NULL,
            heads TEXT NOT NULL,
            tails TEXT NOT NULL,
            hotkey TEXT UNIQUE,
            sort_order INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""
        CREATE TABLE relations (
            id INTEGER PRIMARY KEY,
            head_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            tail_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
            type TEXT NOT NULL REFERENCES relation_types(name) ON UPDATE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'suggested', 'imported')),
            state TEXT NOT NULL DEFAULT 'accepted' CHECK (state IN ('accepted', 'pending', 'rejected')),
            score REAL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (head_id != tail_id),
            UNIQUE (head_id, tail_id, type)
        )""")
    db.execute("CREATE INDEX relations_document ON relations(document_id)")
    db.execute("CREATE INDEX relations_tail ON relations(tail_id)")
    for order, kind in enumerate(DEFAULT_RELATION_TYPES):
        db.table("relation_types").insert(dict(zip(("name", "display_zh", "display_en", "color", "hotkey", "heads",
                                                    "tails"), kind), sort_order=order))


def m005_sync(db: Database) -> None:
    """Team sync with a Label Studio server: each synced document's task, the task's version as last seen
    (its `updated_at`), the spans both sides agreed on then (the base of the three-way merge, JSON
    {annotator: [[start, end, label], ...]}) and a digest of the suggestions its prediction holds; and the
    conflicts the last sync found, until resolved."""
    db.execute("""
        CREATE TABLE sync_state (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            task_id INTEGER NOT NULL UNIQUE,
            updated_at TEXT NOT NULL DEFAULT '',
            base TEXT NOT NULL DEFAULT '{}',
            predicted TEXT NOT NULL DEFAULT ''
        )""")
    db.execute("""
        CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            local TEXT NOT NULL,
            remote TEXT NOT NULL,
            found_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX sync_conflicts_document ON sync_conflicts(document_id)")


def m006_span_counts(db: Database) -> None:
    """Each document's spans counted by triggers (accepted, pending; suggestions made and decided): the
    document list and the status bar read them on every key, and recounting a long document's spans cost
    milliseconds each time. A table of its own: updating a document's row would rewrite its text."""
    db.execute("""
        CREATE TABLE span_counts (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            accepted INTEGER NOT NULL DEFAULT 0,
            pending INTEGER NOT NULL DEFAULT 0,
            suggested INTEGER NOT NULL DEFAULT 0,
            decided INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute("""INSERT INTO span_counts (document_id, accepted, pending, suggested, decided)
                  SELECT document_id, sum(state = 'accepted'), sum(state = 'pending'), sum(origin = 'suggested'),
                         sum(origin = 'suggested' AND state != 'pending') FROM spans GROUP BY document_id""")
    add = ("accepted = accepted + ({s}.state = 'accepted'), pending = pending + ({s}.state = 'pending'), "
           "suggested = suggested + ({s}.origin = 'suggested'), "
           "decided = decided + ({s}.origin = 'suggested' AND {s}.state != 'pending')")
    take = add.replace("+", "-")
    # not INSERT OR IGNORE: inside a trigger the outer statement's conflict policy would override it
    row = ("INSERT INTO span_counts (document_id) SELECT NEW.document_id WHERE NOT EXISTS "
           "(SELECT 1 FROM span_counts WHERE document_id = NEW.document_id);")
    db.execute(f"""CREATE TRIGGER spans_counted_in AFTER INSERT ON spans BEGIN
                     {row}
                     UPDATE span_counts SET {add.format(s="NEW")} WHERE document_id = NEW.document_id;
                   END""")
    db.execute(f"""CREATE TRIGGER spans_counted_out AFTER DELETE ON spans BEGIN
                     UPDATE span_counts SET {take.format(s="OLD")} WHERE document_id = OLD.document_id;
                   END""")
    db.execute(f"""CREATE TRIGGER spans_counted_change AFTER UPDATE OF state, origin, document_id ON spans BEGIN
                     UPDATE span_counts SET {take.format(s="OLD")} WHERE document_id = OLD.document_id;
                     {row}
                     UPDATE span_counts SET {add.format(s="NEW")} WHERE document_id = NEW.document_id;
                   END""")


def m007_span_ids_never_reused(db: Database) -> None:
    """A span id is never given twice: SQLite gives the highest id again once its span is deleted, and the
    event log (undo, redo) names spans by id, so a new span could take a deleted one's place in it. The
    highest id ever given, from the spans and the log, is kept, and follows every insert."""
    db.execute("CREATE TABLE span_ids (last INTEGER NOT NULL)")
    logged = " UNION ALL ".join(
        [f"SELECT json_extract({side}, '$.id') AS id FROM events WHERE json_valid({side})" for side in ("before", "after")]
        + [f"SELECT json_extract(j.value, '$.id') FROM events, json_each(events.{side}, '$.spans') j "
           f"WHERE json_valid(events.{side}) AND json_type(events.{side}, '$.spans') = 'array'"
           for side in ("before", "after")])
    db.execute(f"""INSERT INTO span_ids (last) SELECT max(coalesce((SELECT max(id) FROM spans), 0),
                   coalesce((SELECT max(span_id) FROM events), 0),
                   coalesce((SELECT max(id) FROM ({logged}) WHERE typeof(id) = 'integer'), 0))""")
    db.execute("""CREATE TRIGGER spans_id_spent AFTER INSERT ON spans WHEN NEW.id > (SELECT last FROM span_ids)
                  BEGIN UPDATE span_ids SET last = NEW.id; END""")


def m008_search_index_at_commit(db: Database) -> None:
    """New and changed documents enter the search index once per transaction (Project.index_pending), not
    per row: FTS5 writes its pending terms out at every savepoint, so an import's per-document savepoints
    made a segment per document (10.7 s of 12.4 s storing 9,700 reports; the index of them all at once
    takes 3.5 s). The triggers only note which documents wait; a waiting document has nothing in the
    index to take out."""
    db.execute("CREATE TABLE search_pending (document_id INTEGER PRIMARY KEY)")
    for trigger in ("documents_searched_in", "documents_searched_out", "documents_searched_change"):
        db.execute(f"DROP TRIGGER {trigger}")
    take_out = ("INSERT INTO documents_search (documents_search, rowid, name, text, meta) "
                "SELECT 'delete', OLD.id, OLD.name, OLD.text, OLD.meta "
                "WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE document_id = OLD.id);")
    db.execute("""CREATE TRIGGER documents_searched_in AFTER INSERT ON documents BEGIN
                    INSERT INTO search_pending (document_id) VALUES (NEW.id);
                  END""")
    db.execute(f"""CREATE TRIGGER documents_searched_out AFTER DELETE ON documents BEGIN
                     {take_out}
                     DELETE FROM search_pending WHERE document_id = OLD.id;
                   END""")
    # not INSERT OR IGNORE: inside a trigger the outer statement's conflict policy would override it
    db.execute(f"""CREATE TRIGGER documents_searched_change AFTER UPDATE OF name, text, meta ON documents BEGIN
                     {take_out}
                     INSERT INTO search_pending (document_id) SELECT NEW.id
                     WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE document_id = NEW.id);
                   END""")


def m009_document_need(db: Database) -> None:
    """How much the rules and the trained model disagree on each unfinished document (annotator.app.need),
    so the document list can put first the documents that teach most. A table of its own (updating a
    document's row would rewrite its text), an index on the score for the list's "by need" order, and a
    trigger that drops a document's score once it is done (its need is met)."""
    db.execute("""CREATE TABLE document_need (
                    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    score REAL NOT NULL
                  )""")
    db.execute("CREATE INDEX document_need_score ON document_need(score DESC)")
    db.execute("""CREATE TRIGGER documents_need_met AFTER UPDATE OF status ON documents WHEN NEW.status = 'done'
                  BEGIN DELETE FROM document_need WHERE document_id = NEW.id; END""")


def m010_events_by_document(db: Database) -> None:
    """The log by document and action: opening a document asks whether it had its suggestions made
    (Project.has_event), which scanned the whole log: 640 ms at 500,000 documents."""
    db.execute("CREATE INDEX events_document_action ON events(document_id, action)")


MIGRATIONS = (m001_initial, m002_document_list_index, m003_counts_and_search, m004_relations, m005_sync,
              m006_span_counts, m007_span_ids_never_reused, m008_search_index_at_commit, m009_document_need,
              m010_events_by_document)
# What PRAGMA user_version reads once all are applied.
LATEST = len(MIGRATIONS)
# Versions before 0.2 recorded migrations in this sqlite-utils table and set user_version afterwards.
OLD_RECORD = "_sqlite_migrations"


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the open file: PRAGMA user_version, or for a file an older version
    left half-migrated (recorded in sqlite-utils' table, crashed before user_version), that record."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found == 0 and conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [OLD_RECORD]).fetchone():
        found = conn.execute(f"SELECT count(*) FROM {OLD_RECORD} WHERE migration_set = 'annotator'").fetchone()[0]
    return found


def foreign_tables(conn: sqlite3.Connection) -> bool:
    """Whether a version-0 file holds tables: then it is someone else's SQLite database."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT IN (?, 'sqlite_sequence')",
                        [OLD_RECORD]).fetchone() is not None


def migrate(conn: sqlite3.Connection, start: int) -> None:
    """Apply the migrations after `start`, each with its user_version in the same transaction."""
    db = Database(conn)
    for number, migration in enumerate(MIGRATIONS[start:], start + 1):
        begin_immediate(conn)
        try:
            if version(conn) >= number:  # another program migrated the file while this one waited
                conn.execute("ROLLBACK")
                continue
            migration(db)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

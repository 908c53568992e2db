"""A project: one SQLite file holding documents, labels, spans and the event log.

Every change is one committed transaction, recorded in the append-only event
log; undo and redo read that log, so they work after a restart too.
"""
from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import Interrupted, ProjectError, SpanError
from annotator.core.offsets import OffsetMap
from annotator.core.model import KINDS, ORIGINS, STATES, STATUSES, Document, Label, Span
from annotator.core.spans import Intervals, LiveRanges, check_span, may_not_overlap, owner, same_label_overlap
from annotator.store import events as ev
from annotator.store import schema
from annotator.store.records import (
    RELATION_COLUMNS, RELATION_MARKS, RELATION_VALUES, SPAN_COLUMNS, SPAN_FIELDS, SPAN_MARKS, SPAN_UPSERT, SPAN_VALUES,
    accepted_by, check_score, now, relations_of,
)
from annotator.store.relations import RelationStore
from annotator.store.locking import BUSY_TIMEOUT_MS, YIELD_SECONDS, begin_immediate

SQLITE_MAGIC = b"SQLite format 3\x00"
BATCH_SECONDS = 0.1  # the longest a batched writer (an import) holds the write lock
GENERATION = "generation"  # settings key: a new value each time the project is replaced by a restore
EXPORTS = "exported_files"  # settings key: files exports wrote, which a later export may replace


TITLE_CHARS = 40  # a report without a title is listed by the start of its first line
# How the document list may be sorted: name -> ORDER BY keys.
# "need": the unfinished documents the rules and the model disagree on most first (document_need, m009),
# then every other document by name; two index walks, see _ids_by_need.
ORDERS = {"id": ("id",), "name": ("name",), "status": ("status", "name"), "damage": ("damage DESC", "name"),
          "need": ("name",)}
UNFINISHED = ("todo", "in_progress")


@dataclass(frozen=True)
class DocumentRow:
    title: str
    status: str
    accepted: int
    pending: int
    damage: int
    need: float | None = None  # how much rules and model disagree here (m009); None: not scored


def _span_of(record: dict) -> Span:
    """A span from an event's record (which may also hold the relations of its side)."""
    return Span(**{k: record[k] for k in SPAN_FIELDS})


def _change(event: dict) -> ev.Change:
    """The spans and relations an event's records describe (before and after), as an undo or redo reports them."""
    sides = [side for side in (event["before"], event["after"]) if side]
    records = [r for side in sides for r in side.get("spans", [side])]
    return ev.Change(event["action"], event["document_id"], [_span_of(r) for r in records if "start" in r],
                     [r for side in sides for r in relations_of(side)])


def _check_project_file(path: Path) -> None:
    """Refuse, with a reason, a file that cannot be this app's project."""
    if not path.exists():
        if not path.parent.exists():
            raise ProjectError(f"{path}: folder {path.parent} does not exist")
        return
    if path.is_dir():
        raise ProjectError(f"{path}: is a folder, not a project file")
    with open(path, "rb") as f:
        head = f.read(16)
    if head and head != SQLITE_MAGIC:
        raise ProjectError(f"{path}: not a project file (not an SQLite database)")


class Project(RelationStore):
    """An open project file. Use `Project.open(path)`; close() when done."""

    def __init__(self, db: Database, path: Path | None):
        self.db = db
        self.path = path
        self._texts: dict[int, str] = {}
        self._undo: list[int] | None = None
        self._redo: list[int] = []
        self._undo_owner: str | None = None
        self._last_event: int | None = None
        self._seen_version: int | None = None
        self._ranges: dict[int, LiveRanges] = {}  # live spans per open document, kept in step
        self._generation: str | None = None

    # -- opening ---------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike | None) -> "Project":
        """Open or create the project at `path` (None: in memory), migrating it if it is older."""
        if path is None:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            return cls._setup(conn, None)
        path = Path(path)
        _check_project_file(path)
        if path.exists() and not os.access(path, os.W_OK):
            raise ProjectError(f"{path}: the project file is read-only; copy it or change its permissions")
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
            return cls._setup(conn, path)
        except sqlite3.DatabaseError as e:
            raise ProjectError(f"{path}: cannot open project: {e}") from e

    @classmethod
    def _setup(cls, conn: sqlite3.Connection, path: Path | None) -> "Project":
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        version = schema.version(conn)
        where = path or ":memory:"
        if version > schema.LATEST:
            conn.close()
            raise ProjectError(
                f"{where}: project was written by a newer version of the annotator "
                f"(schema {version}, this version knows {schema.LATEST}); update the annotator to open it")
        if version == 0 and schema.foreign_tables(conn):
            conn.close()
            raise ProjectError(f"{where}: an SQLite database, but not an annotation project")
        if version < schema.LATEST:
            if path is not None and version > 0:
                backup = path.with_name(f"{path.name}.schema{version}.bak")
                dest = sqlite3.connect(str(backup))
                conn.backup(dest)
                dest.close()
            schema.migrate(conn, version)
        return cls(Database(conn), path)

    @classmethod
    def open_read_only(cls, path: str | os.PathLike) -> "Project":
        """Open another project file only to read it (a merge): nothing is written to it, not even a
        migration; any schema version this annotator knows is read as it is."""
        path = Path(path)
        if not path.exists():
            raise ProjectError(f"{path}: no such file")
        _check_project_file(path)
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
            version = schema.version(conn)
        except sqlite3.DatabaseError as e:
            raise ProjectError(f"{path}: cannot read project: {e}") from e
        if not 0 < version <= schema.LATEST:
            conn.close()
            raise ProjectError(f"{path}: " + ("not an annotation project" if version == 0 else
                                              f"written by a newer version of the annotator (schema {version})"))
        return cls(Database(conn), path)

    def close(self) -> None:
        self.db.close()

    def data_version(self) -> int:
        """Changes when another connection commits to the file (SQLite's PRAGMA data_version)."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- labels ----------------------------------------------------------

    def labels(self) -> list[Label]:
        rows = self.db.query("SELECT * FROM labels ORDER BY sort_order, name")
        return [Label(**r) for r in rows]

    def label_names(self) -> list[str]:
        return [l.name for l in self.labels()]

    def label_use(self, name: str) -> int:
        """How many spans (any state) carry the label."""
        return self.db.execute("SELECT count(*) FROM spans WHERE label = ?", [name]).fetchone()[0]

    def add_label(self, label: Label) -> None:
        self._check_label(label, None)
        with self._write():
            order = self.db.execute("SELECT coalesce(max(sort_order), -1) + 1 FROM labels").fetchone()[0]
            self.db.table("labels").insert({**asdict(label), "sort_order": order})
            self._log(ev.ADD_LABEL, after=asdict(label))

    def update_label(self, label_name: str, **changes) -> Label:
        """Rename (`name=`), recolour, change the hotkey, names or kind; spans follow a rename."""
        old = next((l for l in self.labels() if l.name == label_name), None)
        if old is None:
            raise ProjectError(f"no label {label_name!r} in this project")
        new = replace(old, **changes)
        self._check_label(new, label_name)
        with self._write():
            self.db.table("labels").update(label_name, asdict(new))  # ON UPDATE CASCADE renames the spans' label
            for kind in self.relation_types() if new.name != label_name else ():  # and the relation types' ends
                renamed = [new.name if n == label_name else n for n in (*kind.heads, "|", *kind.tails)]
                heads, tails = ",".join(renamed).split(",|,")
                self.db.execute("UPDATE relation_types SET heads = ?, tails = ? WHERE name = ?",
                                [heads, tails, kind.name])
            self._ranges.clear()
            self._log(ev.UPDATE_LABEL, before=asdict(old), after=asdict(new))
        return new

    def delete_label(self, name: str, move_to: str | None = None) -> None:
        """Delete a label; its spans must first be moved to `move_to` (refused if that makes overlaps)."""
        used = self.label_use(name)
        if used and move_to is None:
            raise ProjectError(f"label {name} is used by {used} span(s); move them to another label first")
        if move_to is not None and move_to not in self.label_names():
            raise ProjectError(f"no label {move_to!r} to move the spans to")
        clashes = sum(may_not_overlap(owner(a, sa), owner(b, sb)) for a, sa, b, sb in self.db.execute(
            "SELECT a.annotator, a.state, b.annotator, b.state FROM spans a JOIN spans b ON a.document_id = "
            "b.document_id AND a.label = ? AND b.label = ? AND a.start < b.end AND b.start < a.end "
            "AND a.state != 'rejected' AND b.state != 'rejected'", [name, move_to])) if move_to else 0
        if clashes:
            raise ProjectError(f"{clashes} span(s) of {name} overlap spans of {move_to}; resolve them first")
        with self._write():
            if move_to:
                self.db.execute("UPDATE spans SET label = ? WHERE label = ?", [move_to, name])
            self.db.execute("DELETE FROM labels WHERE name = ?", [name])
            self._ranges.clear()
            self._log(ev.DELETE_LABEL, before={"name": name}, after={"moved_to": move_to})

    def reorder_labels(self, names: list[str]) -> None:
        with self._write():
            for order, name in enumerate(names):
                self.db.execute("UPDATE labels SET sort_order = ? WHERE name = ?", [order, name])
            self._log(ev.REORDER_LABELS, after={"order": names})

    def _check_label(self, label: Label, old_name: str | None) -> None:
        others = [l for l in self.labels() if l.name != old_name]
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,39}", label.name or ""):
            raise ProjectError(f"label name {label.name!r}: use letters, digits, - and _ (a letter first)")
        if any(l.name == label.name for l in others):
            raise ProjectError(f"there is already a label {label.name}")
        if label.hotkey and (label.hotkey not in "123456789" or len(label.hotkey) != 1):
            raise ProjectError(f"hotkey {label.hotkey!r}: use a digit from 1 to 9")
        if label.hotkey and any(l.hotkey == label.hotkey for l in others):
            raise ProjectError(f"hotkey {label.hotkey} is already used by {next(l.name for l in others if l.hotkey == label.hotkey)}")
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", label.color or ""):
            raise ProjectError(f"colour {label.color!r}: use #RRGGBB")
        if label.kind not in KINDS:
            raise ProjectError(f"kind {label.kind!r}: use entity or clause")

    @contextmanager
    def _write(self):
        """One transaction that takes the write lock first (BEGIN IMMEDIATE), so a busy file is waited for
        (up to the busy timeout) instead of refused; nested calls are savepoints. A write the file refuses
        (disk full, read-only, locked too long) becomes a ProjectError naming the project, and the
        transaction is rolled back whole."""
        conn = self.db.conn
        try:
            if conn.in_transaction:
                try:
                    with self.db.atomic():  # a savepoint inside the open transaction
                        yield
                except BaseException:
                    self._ranges.clear()  # they may hold what was just rolled back
                    raise
                return
            begin_immediate(conn)
            try:
                self.refresh()
                yield
                self._index_pending()
                conn.execute("COMMIT")
            except BaseException:
                self._ranges.clear()  # they may hold what was just rolled back
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as e:
            raise ProjectError(f"{self.path or 'project'}: cannot save: {e}") from e

    def _index_pending(self) -> None:
        """Put the documents this transaction added or changed into the search index, in one statement
        outside any savepoint (m008): committed documents are always searchable."""
        if self.db.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone():
            self.db.execute("""INSERT INTO documents_search (rowid, name, text, meta)
                               SELECT d.id, d.name, d.text, d.meta FROM search_pending p
                               JOIN documents d ON d.id = p.document_id""")
            self.db.execute("DELETE FROM search_pending")

    def batches(self, seconds: float = BATCH_SECONDS) -> "Batches":
        """Many small writes (an import) in transactions of at most about `seconds` each, so that other
        programs' writes (the window's label keys) wait no longer than that."""
        return Batches(self, seconds)

    def refresh(self) -> None:
        """Drop what this connection keeps in memory (texts, undo stacks) if the project was replaced
        since it last looked (a restore, maybe by another program); cheap when nothing changed."""
        version = self.data_version()
        if version == self._seen_version:
            return
        self._seen_version = version
        self._ranges.clear()  # another program wrote: what it changed is not known here
        generation = self.setting(GENERATION)
        if generation != self._generation:
            self._generation = generation
            self._texts.clear()
            self._undo = None

    # -- documents -------------------------------------------------------

    def add_document(self, doc: Document, report: dict | None = None) -> int:
        """Store a new document; returns its id. The caller checks duplicates first."""
        record = {
            "name": doc.name, "source_path": doc.source_path, "content_hash": doc.content_hash,
            "raw_text": doc.raw_text, "text": doc.text,
            "offset_map": (doc.offset_map or OffsetMap.identity(len(doc.text))).to_bytes(),
            "encoding": doc.encoding, "meta": json.dumps(doc.meta, ensure_ascii=False),
            "report": json.dumps(report or {}, ensure_ascii=False), "damage": doc.damage,
            "status": doc.status, "time_spent": doc.time_spent if math.isfinite(doc.time_spent) else 0.0,
            "imported_at": doc.imported_at or now(),
        }
        with self._write():
            doc_id = self.db.table("documents").insert(record).last_pk
            self._log(ev.ADD_DOCUMENT, document_id=doc_id, after={"name": doc.name})
        return doc_id

    def document_id_by_hash(self, content_hash: str) -> int | None:
        row = self.db.execute("SELECT id FROM documents WHERE content_hash = ?", [content_hash]).fetchone()
        return row[0] if row else None

    def document(self, doc_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
        if not rows:
            raise ProjectError(f"no document {doc_id} in this project")
        r = rows[0]
        r["meta"] = json.loads(r["meta"])
        r["offset_map"] = OffsetMap.from_bytes(r["offset_map"]) if r["offset_map"] else None
        r.pop("report")
        return Document(**r)

    def text(self, doc_id: int) -> str:
        """The normalized text of a document (cached: it never changes once stored)."""
        if doc_id not in self._texts:
            row = self.db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
            if row is None:
                raise ProjectError(f"no document {doc_id} in this project")
            self._texts[doc_id] = row[0]
        return self._texts[doc_id]

    def status(self, doc_id: int) -> str:
        """A document's status, without loading its texts."""
        row = self.db.execute("SELECT status FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise ProjectError(f"no document {doc_id} in this project")
        return row[0]

    def document_time(self, doc_id: int) -> float:
        """Seconds spent on the document so far."""
        row = self.db.execute("SELECT time_spent FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else 0.0

    def last_document(self, annotator: str) -> int | None:
        """The document the annotator worked on last, from the event log (opening one logs its time)."""
        row = self.db.execute("SELECT document_id FROM events WHERE annotator = ? AND document_id IS NOT NULL "
                              "ORDER BY id DESC LIMIT 1", [annotator]).fetchone()
        return row[0] if row else None

    def interrupt(self) -> None:
        """Stop the query this connection is running on another thread, which raises Interrupted there.
        Thread-safe; a no-op when no query runs or the project is closed."""
        try:
            self.db.conn.interrupt()
        except sqlite3.ProgrammingError:  # closed
            pass

    def document_ids(self, status: str | None = None, contains: str = "", order: str = "id",
                     descending: bool = False) -> list[int]:
        """Document ids, all or those with `status` or whose name, text or metadata hold `contains`,
        in one of the ORDERS (ties by id). Interrupted if interrupt() stops it."""
        try:
            return self._document_ids(status, contains, order, descending)
        except sqlite3.OperationalError as e:
            if "interrupt" in str(e):
                raise Interrupted(f"{self.path or 'project'}: query interrupted") from e
            raise

    def _document_ids(self, status: str | None, contains: str, order: str, descending: bool) -> list[int]:
        clauses, args = [], []
        if status is not None:
            clauses.append("status = ?")
            args.append(status)
        if len(contains) >= 3:  # the trigram index: a lookup, not a scan of every text
            clauses.append("id IN (SELECT rowid FROM documents_search WHERE documents_search MATCH ?)")
            args.append('"' + contains.replace('"', '""') + '"')
        elif contains:  # one or two characters, which trigrams cannot find: a scan
            clauses.append("(instr(name, ?) OR instr(text, ?) OR instr(meta, ?))")
            args += [contains] * 3
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        if order == "need":
            return self._ids_by_need(where, args, descending)
        keys = ORDERS[order]
        if descending:
            keys = tuple(k.replace(" DESC", "") if k.endswith(" DESC") else f"{k} DESC" for k in keys)
        return [r[0] for r in self.db.execute(
            f"SELECT id FROM documents {where} ORDER BY {', '.join(keys)}, id", args)]

    def _ids_by_need(self, where: str, args: list, descending: bool) -> list[int]:
        """The "need" order: scored documents by score, highest first (equal scores by id, that is in the
        order they were imported), then the others by name. Two index walks and no sort: document_need's
        score index (its entries are score, id: covering, in exactly this order) and the filter's own walk
        in name order (the name or status, name index); joined here by id, not by a lookup per row."""
        named = [r[0] for r in self.db.execute(f"SELECT id FROM documents {where} ORDER BY name, id", args)]
        scored = [r[0] for r in self.db.execute("SELECT document_id FROM document_need ORDER BY score DESC, "
                                                "document_id")]
        if where:
            shown = set(named)
            scored = [d for d in scored if d in shown]
        first = set(scored)
        ids = scored + [d for d in named if d not in first]
        return ids[::-1] if descending else ids

    # -- need: where rules and model disagree (m009) -----------------------

    def unfinished_ids(self) -> list[int]:
        """The documents not done (to do or in progress), by id."""
        marks = ",".join("?" * len(UNFINISHED))
        return [r[0] for r in self.db.execute(f"SELECT id FROM documents WHERE status IN ({marks}) ORDER BY id",
                                              UNFINISHED)]

    def texts_of(self, doc_ids: list[int]) -> dict[int, str]:
        """The normalized texts of these documents in one query, not cached (a batch of a long pass)."""
        marks = ",".join("?" * len(doc_ids))
        return dict(self.db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", doc_ids)) \
            if doc_ids else {}

    def clear_need(self) -> None:
        """Forget every need score (a new model is scoring afresh)."""
        with self._write():
            self.db.execute("DELETE FROM document_need")

    def set_need(self, scores: dict[int, float]) -> None:
        """Store need scores (one transaction); documents that are done meanwhile keep none."""
        with self._write():
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO document_need (document_id, score) SELECT id, ? FROM documents "
                "WHERE id = ? AND status != 'done'", [(score, d) for d, score in scores.items()])

    def top_need(self, count: int) -> list[tuple[int, float]]:
        """(document, score) of the `count` highest scores (the score index, in the "need" order)."""
        return [tuple(r) for r in self.db.execute(
            "SELECT document_id, score FROM document_need ORDER BY score DESC, document_id LIMIT ?", [count])]

    def need(self, doc_id: int) -> float | None:
        row = self.db.execute("SELECT score FROM document_need WHERE document_id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def document_rows(self, doc_ids: list[int]) -> dict[int, DocumentRow]:
        """What the document list shows for each of these documents, in two queries."""
        marks = ",".join("?" * len(doc_ids))
        counts = {d: (n, p) for d, n, p in self.db.execute(  # kept by triggers: not recounted (m006)
            f"SELECT document_id, accepted, pending FROM span_counts WHERE document_id IN ({marks})", doc_ids)}
        return {d: DocumentRow(title or head.split("\n", 1)[0].strip()[:TITLE_CHARS] or name, status,
                               *counts.get(d, (0, 0)), damage, need)
                for d, name, title, head, status, damage, need in self.db.execute(
                    f"SELECT id, name, json_extract(meta, '$.title'), substr(text, 1, {TITLE_CHARS * 2}), status, "
                    f"damage, (SELECT score FROM document_need WHERE document_id = documents.id) "
                    f"FROM documents WHERE id IN ({marks})", doc_ids)}

    def suggestion_progress(self, doc_id: int) -> tuple[int, int]:
        """(decided, made): the document's suggestions that were accepted or rejected, of all it was given."""
        found = self.db.execute("SELECT decided, suggested FROM span_counts WHERE document_id = ?",
                                [doc_id]).fetchone()
        return tuple(found) if found else (0, 0)

    def pending_count(self, status: str | None = None) -> int:
        """Undecided suggestions, in all documents or in those with `status`."""
        if status is None:
            return self.db.execute("SELECT count(*) FROM spans WHERE state = 'pending'").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM spans JOIN documents ON documents.id = spans.document_id "
                               "WHERE spans.state = 'pending' AND documents.status = ?", [status]).fetchone()[0]

    def decided_by(self) -> Iterator[tuple[int, str]]:
        """(document, annotator) wherever the annotator has an accepted or rejected span: who annotated what."""
        yield from self.db.execute("SELECT DISTINCT document_id, annotator FROM spans WHERE state != 'pending'")

    def accepted_span_rows(self) -> Iterator[tuple[int, str, str, int, int]]:
        """(document, annotator, label, start, end) of every accepted span, by document."""
        yield from self.db.execute('SELECT document_id, annotator, label, start, "end" FROM spans '
                                   "WHERE state = 'accepted' ORDER BY document_id")

    def document_lengths(self) -> dict[int, tuple[str, int]]:
        """Each document's name and the length of its text in characters (code points)."""
        return {d: (name, n) for d, name, n in self.db.execute("SELECT id, name, length(text) FROM documents")}

    def annotators(self) -> list[str]:
        """Everyone who has spans in the project."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT annotator FROM spans ORDER BY annotator")]

    def document_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def set_status(self, doc_id: int, status: str, annotator: str = "", undoable: bool = True) -> None:
        """Set a document's status; an automatic change (todo to in progress) is logged but not undoable."""
        if status not in STATUSES:
            raise ProjectError(f"unknown status {status!r}")
        with self._write():
            before = self.status(doc_id)
            if before == status:
                return
            self._write_status(doc_id, status)
            self._log(ev.SET_STATUS if undoable else "auto_status", annotator, doc_id,
                      before={"status": before}, after={"status": status})
            if undoable:
                self._push_undo(annotator)

    def _write_status(self, doc_id: int, status: str) -> None:
        self.db.execute("UPDATE documents SET status = ? WHERE id = ?", [status, doc_id])

    def add_time(self, doc_id: int, seconds: float, annotator: str = "") -> None:
        """Add time spent on a document (shown in stats, exported as lead_time)."""
        if not math.isfinite(seconds) or seconds <= 0:
            return
        with self._write():
            self.db.execute("UPDATE documents SET time_spent = time_spent + ? WHERE id = ?", [seconds, doc_id])
            self._log(ev.TIME, annotator, doc_id, after={"seconds": round(seconds, 3)})

    # -- spans -----------------------------------------------------------

    def spans(self, doc_id: int, states: Iterable[str] = ("accepted", "pending")) -> list[Span]:
        states = tuple(states)
        marks = ",".join("?" * len(states))
        return self._spans_where(f"document_id = ? AND state IN ({marks})", [doc_id, *states])

    def spans_in(self, doc_id: int, start: int, end: int,
                 states: Iterable[str] = ("accepted", "pending")) -> list[Span]:
        """The document's spans that overlap [start, end) (one indexed query, not the whole document)."""
        states = tuple(states)
        return self._spans_where(f'document_id = ? AND start < ? AND "end" > ? AND state IN '
                                 f'({",".join("?" * len(states))})', [doc_id, end, start, *states])

    def live_ranges(self, doc_id: int) -> LiveRanges:
        """The document's accepted and pending spans as sorted ranges per label and owner: an overlap test is a
        binary search. Read once per document and then kept in step with this connection's writes (another
        program's write, a rollback, an undo drop them)."""
        self.refresh()
        if doc_id in self._ranges:
            return self._ranges[doc_id]
        by_key: dict[tuple[str, str | None], tuple[list[int], list[int]]] = {}
        for label, annotator, state, start, end in self.db.execute(  # in the index's order: each list sorted
                "SELECT label, annotator, state, start, \"end\" FROM spans WHERE document_id = ? "
                "AND state != 'rejected' ORDER BY start", [doc_id]):
            starts, ends = by_key.setdefault((label, owner(annotator, state)), ([], []))
            starts.append(start)
            ends.append(end)
        self._ranges[doc_id] = LiveRanges({key: Intervals.from_sorted(*lists) for key, lists in by_key.items()})
        return self._ranges[doc_id]

    def _ranges_follow(self, old: Span | None, new: Span | None) -> None:
        """Keep the kept ranges in step with a span written as `new` (None: deleted) that was `old`."""
        for span, change in ((old, "remove"), (new, "add")):
            if span is not None and span.state != "rejected" and span.document_id in self._ranges:
                getattr(self._ranges[span.document_id], change)(span)

    def rejected_spots(self, doc_id: int) -> set[tuple[int, int, str]]:
        """(start, end, label) of the document's rejected spans: spots not to suggest again."""
        return set(self.db.execute('SELECT start, "end", label FROM spans WHERE document_id = ? '
                                   "AND state = 'rejected'", [doc_id]).fetchall())

    def spans_by_id(self, ids: Iterable[int], states: Iterable[str] = ("accepted", "pending")) -> list[Span]:
        """The spans with these ids that are (still) in one of `states`."""
        ids, states = list(ids), tuple(states)
        return self._spans_where(f"id IN ({','.join('?' * len(ids))}) AND state IN ({','.join('?' * len(states))})",
                                 [*ids, *states]) if ids else []

    def _spans_where(self, where: str, args: list) -> list[Span]:
        rows = self.db.execute(f'SELECT {SPAN_COLUMNS} FROM spans WHERE {where} ORDER BY start, "end", id', args)
        return [Span(*r) for r in rows]  # columns in the dataclass's order: no dict per row

    def status_counts(self) -> dict[str, int]:
        """Documents by status."""
        counts = {s: 0 for s in STATUSES}
        counts.update(self.db.execute("SELECT status, n FROM document_counts").fetchall())  # kept by triggers
        return counts

    def span(self, span_id: int) -> Span:
        rows = list(self.db.query("SELECT * FROM spans WHERE id = ?", [span_id]))
        if not rows:
            raise SpanError(f"no span {span_id} in this project")
        return Span(**rows[0])

    def _validate(self, doc_id: int, start: int, end: int, label: str, text: str | None, who: str | None,
                  ignore_id: int | None = None, others: list[Span] | None = None,
                  labels: set[str] | None = None) -> str:
        """The span's text, after checking it fits the document, its label exists and it overlaps no span of
        its label that a span of owner `who` may not (among `others`, or the document's spans)."""
        doc_text = self.text(doc_id)
        check_span(doc_text, start, end, text)
        if label not in (labels if labels is not None else self.label_names()):
            raise SpanError(f"unknown label {label!r}")
        if others is None:  # one indexed query, not the whole document's spans
            others = self._spans_where('document_id = ? AND label = ? AND start < ? AND "end" > ?',
                                       [doc_id, label, end, start])
        clash = same_label_overlap(others, start, end, label, who, ignore_id)
        if clash is not None:
            whose = f" of {clash.annotator}" if clash.annotator and who is None else ""
            raise SpanError(f"{label} overlaps {label} span{whose} {clash.text!r} [{clash.start}, {clash.end})")
        return doc_text[start:end]

    def add_span(self, doc_id: int, start: int, end: int, label: str, *, text: str | None = None,
                 annotator: str = "", origin: str = "manual", state: str = "accepted",
                 score: float | None = None) -> Span:
        """Add a span; refused (SpanError) if it does not fit the text or overlaps its own label."""
        if origin not in ORIGINS or state not in STATES:
            raise SpanError(f"bad origin {origin!r} or state {state!r}")
        check_score(score)
        with self._write():  # checked inside the transaction: no other writer can slip a clash in between
            span_text = self._validate(doc_id, start, end, label, text, owner(annotator, state))
            stamp = now()
            span = self._insert_span(Span(start=start, end=end, label=label, text=span_text, document_id=doc_id,
                                          annotator=annotator, origin=origin, state=state, score=score,
                                          created_at=stamp, updated_at=stamp))
            self._ranges_follow(None, span)
            self._log(ev.ADD_SPAN, annotator, doc_id, span.id, after=asdict(span))
            self._push_undo(annotator)
        return span

    def replace_pending(self, doc_id: int, start: int, end: int, label: str, annotator: str = "") -> list[Span]:
        """A new span of `label` in place of the pending suggestions of that label it overlaps, which are
        rejected; one undoable step. Returns the new span, then the rejected ones."""
        with self._write():
            overlapping = self._spans_where('document_id = ? AND label = ? AND start < ? AND "end" > ? AND '
                                            "state != 'rejected'", [doc_id, label, end, start])
            pending = [s for s in overlapping if s.state == "pending"]
            # refused if the annotator's own accepted span is in the way
            text = self._validate(doc_id, start, end, label, None, annotator,
                                  others=[s for s in overlapping if s.state != "pending"])
            stamp = now()
            rejected = [replace(s, state="rejected", annotator=annotator or s.annotator, updated_at=stamp)
                        for s in pending]
            for old, s in zip(pending, rejected):
                self._write_span(s)
                self._ranges_follow(old, s)
            span = self._insert_span(Span(start=start, end=end, label=label, text=text, document_id=doc_id,
                                          annotator=annotator, created_at=stamp, updated_at=stamp))
            self._ranges_follow(None, span)
            self._log(ev.REPLACE_SPANS, annotator, doc_id, span.id,
                      before={"spans": [asdict(s) for s in pending]},
                      after={"spans": [asdict(s) for s in (span, *rejected)]})
            self._push_undo(annotator)
        return [span, *rejected]

    def add_spans(self, doc_id: int, spans: Iterable[Span], action: str = ev.ADD_SPANS,
                  skip_clashes: bool = False) -> list[Span]:
        """Add many spans (an import or a suggestion run) in one transaction, not undoable one by one.

        `action` names the event logged ("suggest" for a suggestion run). A span overlapping one of its label
        refuses the whole batch, or with `skip_clashes` (suggestions: one made while another program
        labelled the same place is simply not made) is left out.
        """
        stamp = now()
        out = []
        with self._write():
            labels = set(self.label_names())
            taken = self.live_ranges(doc_id)
            next_id = self._first_free_span_id()
            for s in spans:
                check_score(s.score)
                who = owner(s.annotator, s.state)
                clash = s.state != "rejected" and taken.overlaps(s.label, s.start, s.end, who)
                if skip_clashes and clash:
                    continue
                # the full check (and its message) only where the fast one sees a clash
                others = self.spans_in(doc_id, s.start, s.end) + out if clash else []
                text = self._validate(doc_id, s.start, s.end, s.label, s.text, who, others=others, labels=labels)
                # ids given here (the write lock is held, nobody else inserts): one statement for them all
                out.append(replace(s, id=next_id + len(out), document_id=doc_id, text=text,
                                   created_at=s.created_at or stamp, updated_at=s.updated_at or stamp))
                self._ranges_follow(None, out[-1])
            self.db.conn.executemany(f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES ({SPAN_MARKS})",
                                     [SPAN_VALUES(s) for s in out])
            self._log(action, out[0].annotator if out else "", doc_id, after={"count": len(out)})
        return out

    def has_event(self, doc_id: int, action: str) -> bool:
        """Whether the log holds an `action` event for the document (has it had suggestions made?)."""
        return self.db.execute("SELECT 1 FROM events WHERE document_id = ? AND action = ? LIMIT 1",
                               [doc_id, action]).fetchone() is not None

    def has_spans(self, doc_id: int) -> bool:
        """Whether the document has any span (in any state)."""
        return self.db.execute("SELECT 1 FROM spans WHERE document_id = ? LIMIT 1", [doc_id]).fetchone() is not None

    def span_texts(self) -> Iterator[tuple[str, str, str, int]]:
        """(label, text, state, count) over the project's accepted and rejected spans: what suggestions learn from."""
        yield from self.db.execute(
            "SELECT label, text, state, count(*) FROM spans WHERE state IN ('accepted', 'rejected') "
            "GROUP BY label, text, state")

    def _insert_span(self, span: Span) -> Span:
        if span.id is None:
            span = replace(span, id=self._first_free_span_id())
        self.db.execute(f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES ({SPAN_MARKS})", SPAN_VALUES(span))
        return span

    def _first_free_span_id(self) -> int:
        """An id no span has had (m007: deleted spans' ids stay theirs in the event log). Under the write lock."""
        return self.db.execute("SELECT last + 1 FROM span_ids").fetchone()[0]

    def update_span(self, span_id: int, *, annotator: str = "", **changes) -> Span:
        """Change a span's label, state, score or edges (relabel, accept, reject, resize); an accepted span
        becomes `annotator`'s."""
        allowed = {"label", "state", "score", "origin", "start", "end"}
        if set(changes) - allowed:
            raise SpanError(f"cannot change {sorted(set(changes) - allowed)} of a span")
        check_score(changes.get("score"))
        with self._write():
            old = self.span(span_id)
            new = replace(old, **accepted_by(changes, annotator), updated_at=now())
            if (new.start, new.end) != (old.start, old.end):
                text = self.text(old.document_id)
                check_span(text, new.start, new.end)
                new = replace(new, text=text[new.start:new.end])
            if new.state not in STATES or new.origin not in ORIGINS:
                raise SpanError(f"bad origin {new.origin!r} or state {new.state!r}")
            if new.state != "rejected":
                self._validate(old.document_id, new.start, new.end, new.label, new.text,
                               owner(new.annotator, new.state), ignore_id=span_id)
            self._write_span(new)
            self._ranges_follow(old, new)
            self._log(ev.UPDATE_SPAN, annotator, old.document_id, span_id, before=asdict(old), after=asdict(new))
            self._push_undo(annotator)
        return new

    def update_spans(self, span_ids: Iterable[int], *, annotator: str = "", **changes) -> list[Span]:
        """Change many spans of one document at once (accept all suggestions); one undoable step."""
        if set(changes) - {"state", "score"}:
            raise SpanError(f"cannot change {sorted(set(changes) - {'state', 'score'})} of many spans")
        check_score(changes.get("score"))
        with self._write():
            olds = [self.span(i) for i in span_ids]
            if not olds:
                return []
            news = [replace(o, **accepted_by(changes, annotator), updated_at=now()) for o in olds]
            for old, new in zip(olds, news):
                self._write_span(new)
                self._ranges_follow(old, new)
            self._log(ev.UPDATE_SPANS, annotator, olds[0].document_id, None,
                      before={"spans": [asdict(o) for o in olds]}, after={"spans": [asdict(n) for n in news]})
            self._push_undo(annotator)
        return news

    def change_spans(self, before: list[Span], after: list[Span], annotator: str = "",
                     action: str = ev.IMPORT_CHANGES) -> list[Span]:
        """Spans of any documents changed together as one undoable step (what an annotated file changes on
        documents already in the project, an adjudication's decision): `before` as they are now, `after` their
        new versions (same id; removed ones absent) and new spans (no id). Refused whole if a span of `before` changed meanwhile
        or one of `after` does not fit its text or overlaps its label. Returns `after` as written."""
        stamp = now()
        with self._write():
            ids = [s.id for s in before]
            stored = {s.id: s for i in range(0, len(ids), 500) for s in self.spans_by_id(ids[i:i + 500], STATES)}
            moved_on = next((old for old in before if stored.get(old.id) != old), None)
            if moved_on is not None:
                raise ProjectError(f"span {moved_on.id} of document {moved_on.document_id} changed while the file "
                                   "was read; import it again")
            kept = {s.id for s in after if s.id is not None}
            removed = [i for i in ids if i not in kept]
            gone = [r for i in range(0, len(removed), 400) for r in self._relations_where(
                f"head_id IN ({','.join('?' * len(removed[i:i + 400]))}) OR tail_id IN "
                f"({','.join('?' * len(removed[i:i + 400]))})", removed[i:i + 400] * 2)]
            self.db.conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in removed])
            next_id = self._first_free_span_id()
            written = []
            for s in after:
                if s.id is None:  # ids given here (the write lock is held): one statement for them all
                    s = replace(s, id=next_id, created_at=stamp)
                    next_id += 1
                written.append(replace(s, updated_at=stamp))
            self.db.conn.executemany(SPAN_UPSERT, [SPAN_VALUES(s) for s in written])
            labels = set(self.label_names())
            for s in written:  # checked once all are in place: a span may move where another one left
                if s.state != "rejected":
                    self._validate(s.document_id, s.start, s.end, s.label, s.text, owner(s.annotator, s.state),
                                   ignore_id=s.id, labels=labels)
            for old in before:
                self._ranges_follow(old, None)
            for s in written:
                self._ranges_follow(None, s)
            self._log(action, annotator, (before or written)[0].document_id,
                      before={"spans": [asdict(s) for s in before], "relations": [asdict(r) for r in gone]},
                      after={"spans": [asdict(s) for s in written]})
            self._push_undo(annotator)
        return written

    def _write_span(self, span: Span) -> None:
        self.db.table("spans").update(span.id, {k: v for k, v in asdict(span).items() if k != "id"})

    def delete_span(self, span_id: int, annotator: str = "") -> Span:
        with self._write():
            old = self.span(span_id)
            gone = self._relations_where("head_id = ? OR tail_id = ?", [span_id, span_id])
            self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])  # its relations go with it (cascade)
            self._ranges_follow(old, None)
            self._log(ev.DELETE_SPAN, annotator, old.document_id, span_id,
                      before={**asdict(old), "relations": [asdict(r) for r in gone]})
            self._push_undo(annotator)
        return old

    # -- event log, undo and redo -----------------------------------------

    def _log(self, action: str, annotator: str = "", document_id: int | None = None,
             span_id: int | None = None, ref: int | None = None,
             before: dict | None = None, after: dict | None = None) -> int:
        dump = lambda d: None if d is None else json.dumps(d, ensure_ascii=False)
        cur = self.db.execute(
            "INSERT INTO events (at, annotator, document_id, action, span_id, ref, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [now(), annotator, document_id, action, span_id, ref, dump(before), dump(after)])
        self._last_event = cur.lastrowid
        return cur.lastrowid

    def _stacks(self, annotator: str) -> tuple[list[int], list[int]]:
        """The undo and redo stacks of `annotator`, replayed from the event log once, then kept."""
        if self._undo is None or self._undo_owner != annotator:
            undo: list[int] = []
            redo: list[int] = []
            marks = ",".join("?" * (len(ev.UNDOABLE) + 2))
            for eid, action in self.db.execute(
                    f"SELECT id, action FROM events WHERE annotator = ? AND action IN ({marks}) ORDER BY id",
                    [annotator, *ev.UNDOABLE, ev.UNDO, ev.REDO]):
                if action == ev.UNDO:
                    if undo:
                        redo.append(undo.pop())
                elif action == ev.REDO:
                    if redo:
                        undo.append(redo.pop())
                else:
                    undo.append(eid)
                    redo.clear()
            self._undo, self._redo, self._undo_owner = undo, redo, annotator
        return self._undo, self._redo

    def _push_undo(self, annotator: str) -> None:
        if self._undo is not None and self._undo_owner == annotator:
            self._undo.append(self._last_event)
            self._redo.clear()

    def _event(self, event_id: int) -> dict:
        row = next(self.db.query("SELECT * FROM events WHERE id = ?", [event_id]))
        for k in ("before", "after"):
            row[k] = json.loads(row[k]) if row[k] else None
        return row

    def forget_undo(self) -> None:
        """Read the undo and redo stacks from the log again when next needed (another connection of this
        program recorded an undoable step: an import run in a thread)."""
        self._undo = None

    def can_undo(self, annotator: str = "") -> bool:
        return bool(self._stacks(annotator)[0])

    def can_redo(self, annotator: str = "") -> bool:
        return bool(self._stacks(annotator)[1])

    def undo(self, annotator: str = "") -> ev.Change | None:
        """Revert the annotator's last change (in any document); returns what it changed, or None."""
        undo, redo = self._stacks(annotator)
        if not undo:
            return None
        event = self._event(undo[-1])
        with self._write():
            self._apply(event, reverse=True)
            self._log(ev.UNDO, annotator, event["document_id"], event["span_id"], ref=event["id"],
                      before=event["after"], after=event["before"])
        redo.append(undo.pop())
        return _change(event)

    def redo(self, annotator: str = "") -> ev.Change | None:
        """Make the annotator's last undone change again; returns what it changed, or None."""
        undo, redo = self._stacks(annotator)
        if not redo:
            return None
        event = self._event(redo[-1])
        with self._write():
            self._apply(event, reverse=False)
            self._log(ev.REDO, annotator, event["document_id"], event["span_id"], ref=event["id"],
                      before=event["before"], after=event["after"])
        undo.append(redo.pop())
        return _change(event)

    def _apply(self, event: dict, reverse: bool) -> None:
        """Put the state an event left (or, reversed, the state before it) back in place: its spans, then
        its relations (those of the other side only are removed, those of this side put back)."""
        self._ranges.clear()
        target = event["before"] if reverse else event["after"]
        other = event["after"] if reverse else event["before"]
        if event["action"] == ev.SET_STATUS:
            self._write_status(event["document_id"], target["status"])
            return
        if event["action"] in (ev.UPDATE_SPANS, ev.REPLACE_SPANS, ev.IMPORT_CHANGES, ev.ADJUDICATE):
            wanted = {s["id"] for s in target["spans"]}
            for span in other["spans"]:
                if span["id"] not in wanted:  # a span the other side has and this one has not
                    self.db.execute("DELETE FROM spans WHERE id = ?", [span["id"]])
            for span in target["spans"]:
                self._put_span(self._relabelled(_span_of(span)))
        elif event["action"] in (ev.ADD_SPAN, ev.UPDATE_SPAN, ev.DELETE_SPAN):
            if target is None:
                self.db.execute("DELETE FROM spans WHERE id = ?", [event["span_id"]])
            else:
                self._put_span(self._relabelled(_span_of(target)))
        self._refuse_overlaps(event["document_id"], target)
        wanted = {r.id for r in relations_of(target)}
        self.db.conn.executemany("DELETE FROM relations WHERE id = ?",
                                 [(r.id,) for r in relations_of(other) if r.id not in wanted])
        for r in relations_of(target):
            self.db.execute(f"INSERT OR REPLACE INTO relations ({RELATION_COLUMNS}) VALUES ({RELATION_MARKS})",
                            RELATION_VALUES(r))

    def _refuse_overlaps(self, doc_id: int, state: dict | None) -> None:
        """A span put back may not overlap what was labelled since (undo a reject, then the same words were
        labelled again): SpanError, and the undo or redo is rolled back whole."""
        for data in (state or {}).get("spans", [state] if state and "start" in state else []):
            span = self.span(data["id"])
            if span.state == "rejected":
                continue
            others = self._spans_where('document_id = ? AND label = ? AND start < ? AND "end" > ?',
                                       [doc_id, span.label, span.end, span.start])
            clash = same_label_overlap(others, span.start, span.end, span.label, owner(span.annotator, span.state),
                                       span.id)
            if clash is not None:
                raise SpanError(f"cannot put {span.label} {span.text!r} back: it would overlap {clash.label} "
                                f"{clash.text!r} [{clash.start}, {clash.end}), labelled since")

    def _put_span(self, span: Span) -> None:
        """Write a span back as the log recorded it: in place, or again if it was deleted."""
        if self.db.execute("SELECT 1 FROM spans WHERE id = ?", [span.id]).fetchone():
            self._write_span(span)
        else:
            self._insert_span(span)

    def _relabelled(self, span: Span) -> Span:
        """A span from the log under its label's present name, following renames and deletions since."""
        if span.label in self.label_names():
            return span
        name = span.label
        for action, before, after in self.db.execute(
                "SELECT action, before, after FROM events WHERE action IN (?, ?) ORDER BY id",
                [ev.UPDATE_LABEL, ev.DELETE_LABEL]):
            before, after = json.loads(before), json.loads(after)
            if before["name"] == name:
                name = after["name"] if action == ev.UPDATE_LABEL else (after["moved_to"] or name)
        if name not in self.label_names():
            raise SpanError(f"the label {span.label} of this change no longer exists")
        return replace(span, label=name)

    def merge_spans(self, doc_id: int, spans: list[Span], status: str, source: str) -> tuple[int, int, bool]:
        """Another project's spans of this document (a merge), each kept with its annotator, state and origin,
        and its status if more advanced than this one's (the project keeps one status per document).
        A span already here (same place, label, annotator and state) is skipped; a live one overlapping a
        live span of its label by the same annotator is left out. Returns (added, left out, status raised)."""
        stamp = now()
        with self._write():
            text = self.text(doc_id)
            here = self._spans_where("document_id = ?", [doc_id])
            seen = {(s.start, s.end, s.label, s.annotator, s.state) for s in here}
            live = [s for s in here if s.state != "rejected"]
            labels = set(self.label_names())
            next_id = self._first_free_span_id()
            out, left_out = [], 0
            for s in spans:
                if (s.start, s.end, s.label, s.annotator, s.state) in seen:
                    continue
                check_span(text, s.start, s.end, s.text)
                if s.label not in labels:
                    raise SpanError(f"unknown label {s.label!r}")
                if s.state != "rejected" and same_label_overlap(live, s.start, s.end, s.label,
                                                                owner(s.annotator, s.state)):
                    left_out += 1
                    continue
                new = replace(s, id=next_id + len(out), document_id=doc_id, created_at=s.created_at or stamp,
                              updated_at=s.updated_at or stamp)
                out.append(new)
                seen.add((s.start, s.end, s.label, s.annotator, s.state))
                if s.state != "rejected":
                    live.append(new)
            self.db.conn.executemany(f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES ({SPAN_MARKS})",
                                     [SPAN_VALUES(s) for s in out])
            before = self.status(doc_id)
            raised = STATUSES.index(status) > STATUSES.index(before)
            if raised:
                self._write_status(doc_id, status)
            if out or raised:
                self._ranges.pop(doc_id, None)
                self._log(ev.MERGE, document_id=doc_id, after={"from": source, "spans": len(out),
                                                               "status": status if raised else None})
        return len(out), left_out, raised

    def remove_documents(self, doc_ids: list[int], annotator: str = "") -> None:
        """Take documents out again with their spans (an import that was cancelled or failed halfway)."""
        if not doc_ids:
            return
        with self._write():
            for i in range(0, len(doc_ids), 500):
                chunk = doc_ids[i:i + 500]
                self.db.execute(f"DELETE FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            self._log(ev.REMOVE_DOCUMENTS, annotator, after={"documents": doc_ids})
            self._ranges.clear()
        for doc_id in doc_ids:
            self._texts.pop(doc_id, None)

    # -- restoring a backup ------------------------------------------------

    def restore(self, backup: Path) -> None:
        """Replace the whole project with `backup`, through SQLite's backup API into this live file: every
        program that has it open goes on with the restored content (nothing is renamed under them)."""
        if self.path is None:
            raise ProjectError("an in-memory project has no backups")
        staged = self.path.with_name(f".{self.path.name}.restoring-{uuid.uuid4().hex[:8]}")
        try:
            source = sqlite3.connect(f"file:{Path(backup).resolve()}?mode=ro", uri=True)
            with Project.open(staged) as copy:  # migrated to this version, marked as a new generation
                source.backup(copy.db.conn)
                source.close()
                version = schema.version(copy.db.conn)
                if version > schema.LATEST or (version == 0 and schema.foreign_tables(copy.db.conn)):
                    raise ProjectError(f"{backup}: not a backup of a project this version can open")
                schema.migrate(copy.db.conn, version)
                copy.set_setting(GENERATION, uuid.uuid4().hex)
                copy.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                copy.db.conn.backup(self.db.conn)
        except sqlite3.DatabaseError as e:
            raise ProjectError(f"{backup}: cannot restore: {e}") from e
        finally:
            for leftover in (staged, Path(f"{staged}-wal"), Path(f"{staged}-shm")):
                leftover.unlink(missing_ok=True)  # the staging copy this method made
        self._texts.clear()
        self._ranges.clear()
        self._undo = None
        self.refresh()

    # -- files written by exports -------------------------------------------

    def exported_files(self) -> dict[str, dict]:
        """Files earlier exports of this project wrote: path -> {"format", "size", "mtime_ns"}."""
        return json.loads(self.setting(EXPORTS) or "{}")

    def record_exported(self, files: dict[str, dict]) -> None:
        """Remember files an export wrote (the newest 500), so a later export may replace them."""
        with self._write():
            known = {**self.exported_files(), **files}
            known = dict(list(known.items())[-500:])
            self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                            [EXPORTS, json.dumps(known, ensure_ascii=False)])

    # -- settings and statistics -------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._write():
            self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])

    def stats(self) -> dict:
        """Documents by status, spans by label and state, relations by type and state."""
        docs = self.status_counts()
        spans: dict[str, dict[str, int]] = {name: {s: 0 for s in STATES} for name in self.label_names()}
        for label, state, n in self.db.execute("SELECT label, state, count(*) FROM spans GROUP BY label, state"):
            spans.setdefault(label, {s: 0 for s in STATES})[state] = n
        relations: dict[str, dict[str, int]] = {t.name: {s: 0 for s in STATES} for t in self.relation_types()}
        for kind, state, n in self.db.execute("SELECT type, state, count(*) FROM relations GROUP BY type, state"):
            relations.setdefault(kind, {s: 0 for s in STATES})[state] = n
        return {"documents": docs, "spans": spans, "relations": relations}

    def events(self, document_id: int | None = None) -> Iterator[dict]:
        where, args = ("WHERE document_id = ?", [document_id]) if document_id is not None else ("", [])
        yield from self.db.query(f"SELECT * FROM events {where} ORDER BY id", args)


class Batches:
    """Writes grouped into short transactions: each `item()` is all or nothing (a savepoint), and the
    transaction commits once it has run `seconds`, so the write lock is never held long. Leaving the
    block commits what is open; an error leaving it rolls back the open (uncommitted) part."""

    def __init__(self, project: Project, seconds: float):
        self.project = project
        self.seconds = seconds
        self._open = None
        self._began = 0.0

    def __enter__(self) -> "Batches":
        return self

    def __exit__(self, kind, error, tb) -> None:
        if self._open is not None:
            transaction, self._open = self._open, None
            transaction.__exit__(kind, error, tb)

    @contextmanager
    def item(self):
        if self._open is None:
            self._open = self.project._write()
            self._open.__enter__()
            self._began = time.monotonic()
        with self.project._write():  # a savepoint: this item alone is undone if it fails
            yield
        if time.monotonic() - self._began >= self.seconds:
            self.commit()

    def commit(self) -> None:
        """Commit what is open now, and pause so that a program waiting for the lock gets it."""
        self.__exit__(None, None, None)
        time.sleep(YIELD_SECONDS)

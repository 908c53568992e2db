"""What a project remembers of its sync with a Label Studio server (tables of migration m005): per document
its task, the task's version last seen and the merge base; the open conflicts."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.store.project import Project
from annotator.store.records import now

Place = tuple[int, int, str]  # a span as the merge sees it: start, end, label
Spans = dict[str, frozenset[Place]]  # annotator -> their accepted spans


@dataclass(frozen=True)
class Synced:
    task_id: int
    updated_at: str  # the task's updated_at when this project last saw or wrote it ('' unknown)
    base: Spans
    predicted: str = ""  # a digest of the pending suggestions its prediction holds ('' none)


@dataclass(frozen=True)
class Conflict:
    document_id: int
    annotator: str
    local: frozenset[Place]  # the annotator's spans on each side where the two disagree
    remote: frozenset[Place]


def _spans(text: str) -> Spans:
    return {who: frozenset(tuple(p) for p in places) for who, places in json.loads(text).items()}


def _text(spans: Spans) -> str:
    return json.dumps({who: sorted(places) for who, places in sorted(spans.items()) if places}, ensure_ascii=False)


class SyncStore:
    def __init__(self, project: Project):
        self.project = project
        self.db = project.db

    def synced(self) -> dict[int, Synced]:
        """Every synced document's state, by document id."""
        return {d: Synced(t, u, _spans(b), p) for d, t, u, b, p in
                self.db.execute("SELECT document_id, task_id, updated_at, base, predicted FROM sync_state")}

    def record(self, states: dict[int, Synced]) -> None:
        """Remember documents' states (one transaction)."""
        with self.project._write():
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO sync_state (document_id, task_id, updated_at, base, predicted) "
                "VALUES (?, ?, ?, ?, ?)",
                [(d, s.task_id, s.updated_at, _text(s.base), s.predicted) for d, s in states.items()])

    def set_conflicts(self, doc_ids: Iterable[int], conflicts: list[Conflict]) -> None:
        """The open conflicts of `doc_ids` are now `conflicts` (resolved ones go)."""
        doc_ids = list(doc_ids)
        with self.project._write():
            for i in range(0, len(doc_ids), 500):
                part = doc_ids[i:i + 500]
                self.db.execute(f"DELETE FROM sync_conflicts WHERE document_id IN ({','.join('?' * len(part))})",
                                part)
            stamp = now()
            self.db.conn.executemany(
                "INSERT INTO sync_conflicts (document_id, annotator, local, remote, found_at) VALUES (?, ?, ?, ?, ?)",
                [(c.document_id, c.annotator, json.dumps(sorted(c.local), ensure_ascii=False),
                  json.dumps(sorted(c.remote), ensure_ascii=False), stamp) for c in conflicts])

    def conflicts(self) -> list[Conflict]:
        """The open conflicts, by document."""
        return [Conflict(d, a, frozenset(tuple(p) for p in json.loads(l)), frozenset(tuple(p) for p in json.loads(r)))
                for d, a, l, r in self.db.execute("SELECT document_id, annotator, local, remote FROM sync_conflicts "
                                                  "ORDER BY document_id, annotator")]

    def accepted(self) -> dict[int, Spans]:
        """Every document's accepted spans by annotator, as the merge sees them."""
        out: dict[int, dict[str, frozenset[Place]]] = {}
        for doc, who, places in self.db.execute(
                "SELECT document_id, annotator, json_group_array(json_array(start, \"end\", label)) FROM spans "
                "WHERE state = 'accepted' GROUP BY document_id, annotator"):
            out.setdefault(doc, {})[who] = frozenset(map(tuple, json.loads(places)))
        return out

    def pending(self) -> dict[int, str]:
        """Every document's pending suggestions in one line of text, in a set order (what a digest is made of)."""
        return dict(self.db.execute(
            "SELECT document_id, group_concat(spot, ';') FROM (SELECT document_id, start || ',' || \"end\" || ',' "
            "|| label || ',' || coalesce(printf('%.6f', score), '') AS spot FROM spans WHERE state = 'pending' "
            "ORDER BY document_id, start, \"end\", label) GROUP BY document_id"))

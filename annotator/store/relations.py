"""The project's relations between spans and its relation set: a part of Project (store/project.py)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, replace

from annotator.core.errors import RelationError
from annotator.core.model import ORIGINS, STATES, Relation, RelationType
from annotator.store import events as ev
from annotator.store.records import (
    RELATION_COLUMNS, RELATION_MARKS, RELATION_VALUES, accepted_by, check_score, now, relation_type_of,
)


class RelationStore:
    """Relation methods of Project; they use its connection, write lock, event log and undo stacks."""

    def relation_types(self) -> list[RelationType]:
        return [relation_type_of(r) for r in self.db.query("SELECT * FROM relation_types ORDER BY sort_order, name")]

    def relation_type(self, name: str) -> RelationType:
        found = next((t for t in self.relation_types() if t.name == name), None)
        if found is None:
            raise RelationError(f"no relation type {name!r} in this project")
        return found

    def add_relation_type(self, kind: RelationType) -> None:
        self._check_relation_type(kind, None)
        with self._write():
            order = self.db.execute("SELECT coalesce(max(sort_order), -1) + 1 FROM relation_types").fetchone()[0]
            self.db.table("relation_types").insert({**self._type_row(kind), "sort_order": order})
            self._log(ev.ADD_RELATION_TYPE, after=asdict(kind))

    def update_relation_type(self, type_name: str, **changes) -> RelationType:
        """Rename (`name=`), recolour, change the hotkey, names or allowed labels; relations follow a rename."""
        old = self.relation_type(type_name)
        new = replace(old, **changes)
        self._check_relation_type(new, type_name)
        with self._write():
            self.db.table("relation_types").update(type_name, self._type_row(new))  # ON UPDATE CASCADE
            self._log(ev.UPDATE_RELATION_TYPE, before=asdict(old), after=asdict(new))
        return new

    def delete_relation_type(self, name: str) -> None:
        """Delete a relation type no relation uses."""
        self.relation_type(name)
        used = self.db.execute("SELECT count(*) FROM relations WHERE type = ?", [name]).fetchone()[0]
        if used:
            raise RelationError(f"relation type {name} is used by {used} relation(s); remove them first")
        with self._write():
            self.db.execute("DELETE FROM relation_types WHERE name = ?", [name])
            self._log(ev.DELETE_RELATION_TYPE, before={"name": name})

    @staticmethod
    def _type_row(kind: RelationType) -> dict:
        return {**asdict(kind), "heads": ",".join(kind.heads), "tails": ",".join(kind.tails)}

    def _check_relation_type(self, kind: RelationType, old_name: str | None) -> None:
        others = [t for t in self.relation_types() if t.name != old_name]
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,39}", kind.name or ""):
            raise RelationError(f"relation type name {kind.name!r}: use letters, digits, - and _ (a letter first)")
        if any(t.name == kind.name for t in others):
            raise RelationError(f"there is already a relation type {kind.name}")
        if kind.hotkey and not re.fullmatch(r"[a-z]", kind.hotkey):
            raise RelationError(f"hotkey {kind.hotkey!r}: use a letter from a to z")
        if kind.hotkey and any(t.hotkey == kind.hotkey for t in others):
            raise RelationError(f"hotkey {kind.hotkey} is already used by a relation type")
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", kind.color or ""):
            raise RelationError(f"colour {kind.color!r}: use #RRGGBB")
        unknown = sorted((set(kind.heads) | set(kind.tails)) - set(self.label_names()))
        if not kind.heads or not kind.tails or unknown:
            raise RelationError(f"relation type {kind.name}: heads and tails must be labels of the project"
                                + (f" (not {', '.join(unknown)})" if unknown else ""))

    def relations(self, doc_id: int, states: Iterable[str] = ("accepted", "pending")) -> list[Relation]:
        """The document's relations in `states` whose two spans are live (not rejected), in the order of their
        heads' then tails' ids."""
        states = tuple(states)
        live = "(SELECT id FROM spans WHERE document_id = ? AND state != 'rejected')"
        return self._relations_where(f"document_id = ? AND state IN ({','.join('?' * len(states))}) "
                                     f"AND head_id IN {live} AND tail_id IN {live}", [doc_id, *states, doc_id, doc_id])

    def relation(self, relation_id: int) -> Relation:
        found = self._relations_where("id = ?", [relation_id])
        if not found:
            raise RelationError(f"no relation {relation_id} in this project")
        return found[0]

    def _relations_where(self, where: str, args: list) -> list[Relation]:
        rows = self.db.execute(f"SELECT {RELATION_COLUMNS} FROM relations WHERE {where} ORDER BY head_id, tail_id, id",
                               args)
        return [Relation(*r) for r in rows]

    def _check_relation(self, head_id: int, tail_id: int, type_name: str,
                        types: dict[str, RelationType] | None = None) -> int:
        """The document of a relation, after checking its ends are two spans of it that its type allows."""
        kind = (types or {t.name: t for t in self.relation_types()}).get(type_name)
        if kind is None:
            raise RelationError(f"no relation type {type_name!r} in this project")
        head, tail = self.span(head_id), self.span(tail_id)
        if head.document_id != tail.document_id:
            raise RelationError(f"{type_name}: span {head_id} and span {tail_id} are in different documents")
        if head_id == tail_id:
            raise RelationError(f"{type_name}: a relation joins two different spans")
        if not kind.allows(head.label, tail.label):
            raise RelationError(f"{type_name} goes from {'|'.join(kind.heads)} to {'|'.join(kind.tails)}, "
                                f"not from {head.label} {head.text!r} to {tail.label} {tail.text!r}")
        return head.document_id

    def add_relation(self, head_id: int, tail_id: int, type_name: str, *, annotator: str = "",
                     origin: str = "manual", state: str = "accepted", score: float | None = None) -> Relation:
        """Add a relation from span `head_id` to span `tail_id`; one undoable step. RelationError if the spans
        are not of one document, the type does not allow their labels, or the relation exists."""
        if origin not in ORIGINS or state not in STATES:
            raise RelationError(f"bad origin {origin!r} or state {state!r}")
        check_score(score)
        with self._write():
            doc_id = self._check_relation(head_id, tail_id, type_name)
            if self._relations_where("head_id = ? AND tail_id = ? AND type = ?", [head_id, tail_id, type_name]):
                raise RelationError(f"span {head_id} already has a {type_name} relation to span {tail_id}")
            stamp = now()
            relation = Relation(head_id, tail_id, type_name, document_id=doc_id, annotator=annotator, origin=origin,
                                state=state, score=score, created_at=stamp, updated_at=stamp)
            cur = self.db.execute(f"INSERT INTO relations ({RELATION_COLUMNS}) VALUES ({RELATION_MARKS})",
                                  RELATION_VALUES(relation))
            relation = replace(relation, id=cur.lastrowid)
            self._log(ev.ADD_RELATION, annotator, doc_id, before={"relations": []},
                      after={"relations": [asdict(relation)]})
            self._push_undo(annotator)
        return relation

    def add_relations(self, relations: Iterable[Relation], action: str = ev.ADD_RELATIONS) -> list[Relation]:
        """Add many relations (suggested or imported) in one transaction, not undoable one by one; those
        already there (in any state) are left out, one that is not allowed refuses them all."""
        stamp = now()
        out = []
        with self._write():
            types = {t.name: t for t in self.relation_types()}
            for r in relations:
                check_score(r.score)
                doc_id = self._check_relation(r.head_id, r.tail_id, r.type, types)
                if self._relations_where("head_id = ? AND tail_id = ? AND type = ?", [r.head_id, r.tail_id, r.type]):
                    continue
                r = replace(r, id=None, document_id=doc_id, created_at=r.created_at or stamp,
                            updated_at=r.updated_at or stamp)
                cur = self.db.execute(f"INSERT INTO relations ({RELATION_COLUMNS}) VALUES ({RELATION_MARKS})",
                                      RELATION_VALUES(r))
                out.append(replace(r, id=cur.lastrowid))
            if out:
                self._log(action, out[0].annotator, out[0].document_id, after={"count": len(out)})
        return out

    def update_relations(self, relation_ids: Iterable[int], *, annotator: str = "", **changes) -> list[Relation]:
        """Change the type or state of relations of one document (relabel, accept, reject, accept all); one
        undoable step. An accepted relation becomes `annotator`'s."""
        allowed = {"type", "state", "origin", "score"}
        if set(changes) - allowed:
            raise RelationError(f"cannot change {sorted(set(changes) - allowed)} of a relation")
        if changes.get("state", "accepted") not in STATES or changes.get("origin", "manual") not in ORIGINS:
            raise RelationError(f"bad origin {changes.get('origin')!r} or state {changes.get('state')!r}")
        check_score(changes.get("score"))
        with self._write():
            olds = [self.relation(i) for i in relation_ids]
            if not olds:
                return []
            if len({r.document_id for r in olds}) > 1:
                raise RelationError("relations changed together must be of one document")
            news = [replace(o, **accepted_by(changes, annotator), updated_at=now()) for o in olds]
            for new in news:
                if "type" in changes:
                    self._check_relation(new.head_id, new.tail_id, new.type)
                self.db.table("relations").update(new.id, {k: v for k, v in asdict(new).items() if k != "id"})
            self._log(ev.UPDATE_RELATIONS, annotator, olds[0].document_id,
                      before={"relations": [asdict(r) for r in olds]}, after={"relations": [asdict(r) for r in news]})
            self._push_undo(annotator)
        return news

    def delete_relation(self, relation_id: int, annotator: str = "") -> Relation:
        with self._write():
            old = self.relation(relation_id)
            self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])
            self._log(ev.DELETE_RELATION, annotator, old.document_id, before={"relations": [asdict(old)]},
                      after={"relations": []})
            self._push_undo(annotator)
        return old

    def relation_texts(self) -> Iterator[tuple[str, str, str, str]]:
        """(type, head text, tail text, state) of the project's accepted and rejected relations, once each:
        what relation suggestions learn from."""
        yield from self.db.execute(
            "SELECT DISTINCT r.type, h.text, t.text, r.state FROM relations r JOIN spans h ON h.id = r.head_id "
            "JOIN spans t ON t.id = r.tail_id WHERE r.state IN ('accepted', 'rejected')")

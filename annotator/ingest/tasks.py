"""Annotated files in: Label Studio JSON (full export, task list or JSON_MIN) and our own JSONL, recognized
by content.

Label Studio's `start`/`end` are trusted and `value.text` is checked against them
(FORMATS.md §0, §1.2); a task whose spans do not fit its text, or any malformed record,
refuses the whole file, naming it, as does a label the project does not have: nothing is
half-imported. Spans overlapping an earlier span of their label (two annotators) are left out and said.
An annotation's annotator is the name our export put in its `annotated_by` TextArea, else Label
Studio's user (`completed_by`: an email, or `labelstudio-ID`). Relations come from results of type
`relation` (Label Studio) or a record's `relations` (JSONL), each joining two of its task's spans.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.labelstudio import ANNOTATED_BY, RELATION_OWNER, span_id
from annotator.core.model import ORIGINS, STATES, STATUSES, Document, Relation, Span
from annotator.core.offsets import OffsetMap
from annotator.core.paths import shown
from annotator.core.spans import Intervals
from annotator.core.text import content_hash

TASK_SUFFIXES = frozenset({".json", ".jsonl"})
TASK_KINDS = ("labelstudio", "labelstudio-min", "jsonl")  # what a TaskFile's kind can be
TASK_MAX_BYTES = 500 * 10**6  # a Label Studio export of a large project; parsed whole, so memory bounds it


@dataclass
class Task:
    """One document with its spans, ready for the project. A span's id, where its region named one of ours
    (`s123`), says which span of the document it came from; `annotators` are those with an annotation of it
    (maybe without spans: they removed them all). A relation's `head_id` and `tail_id` are indexes into `spans`."""

    doc: Document
    spans: list[Span] = field(default_factory=list)
    annotators: list[str] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


@dataclass
class TaskFile:
    kind: str  # one of TASK_KINDS
    tasks: list[Task]
    problems: list[str]  # one line per skipped task or span


def looks_like_tasks(path: Path, data: bytes) -> bool:
    """A .json / .jsonl file, or any file whose text starts like JSON made of objects."""
    if path.suffix.lower() in TASK_SUFFIXES:
        return True
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"[{") or head.startswith(b'{"')


def parse_tasks(path: Path, data: bytes, labels: set[str]) -> TaskFile:
    """Parse a Label Studio JSON or JSONL file, each record by its shape (`data` or `text`); InputError names
    the file, the record and what is wrong: a file with any bad record is refused whole."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{shown(path)}: not UTF-8 JSON (byte {e.start})") from None
    parsed = TaskFile("", [], [])
    problems = []
    escapes = "\\ud" in text.lower()  # an escape like \uD800 may have made a lone surrogate
    records = _records(path, text)
    if any(_ids_only(obj) for _, obj in records):
        raise InputError(f"{shown(path)}: Label Studio's plain JSON export, which lists predictions by id only; "
                         "export a snapshot with full predictions instead (POST /api/projects/ID/exports/ with "
                         '{"serialization_options": {"predictions": {"only_id": false}}}); '
                         "nothing was imported from it")
    for where, kind, obj in _shaped(records):
        if escapes and _lone_surrogate(obj):
            problems.append(f"{where}: holds a lone surrogate (an escape such as \\ud800 that is not a character)")
            continue
        if kind is None:
            problems.append(f"{where}: neither a Label Studio task (with \"data\") nor a JSONL record "
                            "(with \"text\" and \"spans\")")
            continue
        parsed.kind = parsed.kind or kind
        try:
            task = (_jsonl_task if kind == "jsonl" else _ls_task)(obj, path, where)
        except (InputError, KeyError, TypeError, ValueError, AttributeError) as e:
            problems.append(f"{where}: {e}")
        else:
            kept, clashes = _without_clashes(task.spans)
            if clashes:
                parsed.problems.append(f"{where}: {clashes} span(s) overlapping a span of the same label left out")
            at = {id(s): i for i, s in enumerate(kept)}
            relations = [replace(r, head_id=at[id(task.spans[r.head_id])], tail_id=at[id(task.spans[r.tail_id])])
                         for r in task.relations if id(task.spans[r.head_id]) in at and id(task.spans[r.tail_id]) in at]
            parsed.tasks.append(Task(task.doc, kept, task.annotators, relations))
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise InputError(f"{shown(path)}: {problems[0]}{more}; nothing was imported from it")
    unknown = sorted({s.label for t in parsed.tasks for s in t.spans} - labels)
    if unknown:
        raise InputError(f"{shown(path)}: labels not in this project: {', '.join(unknown)} "
                         "(add them to the label set first)")
    if not parsed.tasks:
        raise InputError(f"{shown(path)}: holds no tasks")
    return parsed


def _refuse_not_json(value: str):
    raise ValueError(f"{value} is not a JSON number")


def _loads(text: str):
    return json.loads(text, parse_constant=_refuse_not_json)


def _records(path: Path, text: str) -> list[tuple[str, object]]:
    """(where, record) for a JSON list (each item), a JSON object (one record) or JSONL (each line)."""
    try:
        whole = _loads(text)
    except RecursionError:
        raise InputError(f"{shown(path)}: JSON nested too deeply to be a task file") from None
    except ValueError as first_error:  # not one JSON value: JSON lines
        return _lines(path, text, first_error)
    if isinstance(whole, list):
        return [(f"task {obj.get('id', n) if isinstance(obj, dict) else n}", obj) for n, obj in enumerate(whole, 1)]
    if isinstance(whole, dict):
        return [("line 1", whole)]
    raise InputError(f"{shown(path)}: JSON, but not a list of tasks")


def _lines(path: Path, text: str, first_error: ValueError) -> list[tuple[str, object]]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((f"line {n}", _loads(line)))
        except RecursionError:
            raise InputError(f"{shown(path)}: line {n}: JSON nested too deeply") from None
        except ValueError as e:
            error = first_error if n == 1 else e
            where = f"line {n if n > 1 or not isinstance(error, json.JSONDecodeError) else error.lineno}"
            detail = (f"column {error.colno}: {error.msg}" if isinstance(error, json.JSONDecodeError) else str(error))
            raise InputError(f"{shown(path)}: not valid JSON or JSONL: {where}, {detail}") from None
    return out


def _shape(obj) -> str | None:
    """Which format a record is: a Label Studio task has `data`; a JSON_MIN record its annotation's
    `annotation_id` beside the data fields; our JSONL has `text` (and `spans`)."""
    if not isinstance(obj, dict):
        return None
    if "data" in obj:
        return "labelstudio"
    if "annotation_id" in obj:
        return "labelstudio-min"
    if "text" in obj:
        return "jsonl" if "spans" in obj else "labelstudio"  # a bare task: its data fields at the top
    return None


def _shaped(records: list[tuple[str, object]]) -> list[tuple[str, str | None, object]]:
    """(where, kind, record) for each task; JSON_MIN records, one per annotation, are gathered by task id
    into one task of the full shape."""
    out: list[tuple[str, str | None, object]] = []
    gathered: dict[object, list[dict]] = {}
    for where, obj in records:
        kind = _shape(obj)
        if kind != "labelstudio-min":
            out.append((where, kind, obj))
            continue
        key = obj.get("id") if isinstance(obj.get("id"), (int, str)) else where
        if key not in gathered:
            gathered[key] = []
            out.append((where, kind, gathered[key]))
        gathered[key].append(obj)
    return [(where, kind, _unflattened(obj) if kind == "labelstudio-min" else obj) for where, kind, obj in out]


MIN_FIELDS = ("id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement")


def _unflattened(records: list[dict]) -> dict:
    """JSON_MIN's records of one task (FORMATS.md §1.4: the data fields, and per annotation each control
    tag's values under its name) as a full task. A control's values are a list of region values with
    `start`, `end` and `labels`; the `annotated_by` TextArea's is the annotator's name."""
    def regions(value) -> bool:
        return isinstance(value, list) and bool(value) and all(
            isinstance(v, dict) and {"start", "end", "labels"} <= v.keys() for v in value)

    controls = {k for r in records for k, v in r.items() if regions(v) or k == ANNOTATED_BY}
    data = {k: v for k, v in records[0].items() if k not in MIN_FIELDS and k not in controls}
    annotations = []
    for r in records:
        if r.get("annotation_id") is None:  # a task without annotations
            continue
        result = [{"from_name": k, "type": "labels", "value": v} for k in controls if regions(r.get(k))
                  for v in r[k]]
        if isinstance(r.get(ANNOTATED_BY), str):
            result.append({"from_name": ANNOTATED_BY, "type": "textarea", "value": {"text": [r[ANNOTATED_BY]]}})
        who = r.get("annotator")
        annotations.append({"completed_by": {"email": who} if isinstance(who, str) else who, "result": result,
                            "updated_at": r.get("updated_at"), "lead_time": r.get("lead_time")})
    return {"id": records[0].get("id"), "data": data, "annotations": annotations}


def _ids_only(obj) -> bool:
    """A task of Label Studio's plain JSON export, whose predictions are their ids, not their content."""
    return isinstance(obj, dict) and isinstance(obj.get("predictions"), list) and any(
        not isinstance(p, dict) for p in obj["predictions"])


def _lone_surrogate(obj) -> bool:
    try:
        json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _without_clashes(spans: list[Span]) -> tuple[list[Span], int]:
    """Drop spans that overlap an earlier span of the same label; the project allows no such overlap."""
    kept: list[Span] = []
    taken: dict[str, Intervals] = {}
    for s in spans:
        ranges = taken.setdefault(s.label, Intervals())
        if ranges.overlaps(s.start, s.end):
            continue
        ranges.add(s.start, s.end)
        kept.append(s)
    return kept, len(spans) - len(kept)


def _document(text, name: str, meta: dict, source: str, status: str | None, time_spent: float,
              raw_text=None, offset_map=None) -> Document:
    """A document from a record; `raw_text` (the text before repair) comes with the map from the text to it."""
    if not isinstance(text, str) or not text:
        raise InputError("no text")
    if not isinstance(meta, dict):
        raise InputError("meta is not an object")
    if (raw_text is None) != (offset_map is None):
        raise InputError("raw_text and offset_map come together (the raw text and the map to it)")
    if raw_text is not None and not isinstance(raw_text, str):
        raise InputError("raw_text is not text")
    offsets = None if raw_text is None else OffsetMap.from_runs(offset_map, len(text), len(raw_text))
    return Document(name=name, text=text, raw_text=raw_text or text, source_path=source,
                    content_hash=content_hash(text), offset_map=offsets, encoding="utf-8", meta=meta,
                    status=status if status in STATUSES else "todo", time_spent=time_spent)


def _span(text: str, start, end, label, quoted, **fields) -> Span:
    if type(start) is not int or type(end) is not int:
        raise InputError(f"offsets {start!r}, {end!r} are not integers")
    if not (0 <= start < end <= len(text)):
        raise InputError(f"span [{start}, {end}) does not fit the text (length {len(text)})")
    if not isinstance(label, str) or not label:
        raise InputError(f"bad label {label!r}")
    if quoted is not None and not _same_text(quoted, text[start:end]):
        raise InputError(f"span [{start}, {end}) says {quoted!r} but the text there is {text[start:end]!r}")
    return Span(start=start, end=end, label=label, text=text[start:end], **fields)


def _same_text(quoted, actual: str) -> bool:
    """Label Studio's editor writes a line break inside a region as backslash-n (FORMATS.md §1.7)."""
    return quoted == actual or (isinstance(quoted, str)
                                and quoted.replace("\\n", "\n") == actual.replace("\r\n", "\n"))


# -- Label Studio ---------------------------------------------------------------

DATA_FIELDS = ("text", "name", "doc_id", "meta", "raw_text", "offset_map")  # ours; other data goes to meta


def _ls_task(task, path: Path, where: str) -> Task:
    if not isinstance(task, dict):
        raise InputError("not an object")
    data = task.get("data", task)
    if not isinstance(data, dict):
        raise InputError("data is not an object")
    if not isinstance(data.get("meta") or {}, dict):
        raise InputError("data.meta is not an object")
    meta = dict(data.get("meta") or {})
    names = meta.pop("annotators", {}) or {}  # id -> name, as exports before the annotated_by TextArea wrote
    if not isinstance(names, dict):
        raise InputError("meta.annotators is not an object of id -> name")
    status = meta.pop("status", None)
    meta.update({k: v for k, v in data.items() if k not in DATA_FIELDS})
    annotations = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    # the latest annotation first: it wins where annotators disagree
    annotations.sort(key=lambda a: str(a.get("updated_at") or ""), reverse=True)
    lead = max((_seconds(a.get("lead_time")) for a in annotations), default=0)
    doc = _document(data.get("text"), str(data.get("name") or f"{path.stem}-{where.replace(' ', '-')}"), meta,
                    shown(path), status or ("done" if annotations else "todo"), lead,
                    data.get("raw_text"), data.get("offset_map"))
    spans, annotators, relations = [], [], []
    anywhere: dict[str, int] = {}  # region id -> index of its (first) span, over the whole task
    linked = []  # (relation items, the regions of their container, what relations of the container are)
    for a in annotations:
        who = annotator_of(a, names)
        annotators.append(who)
        here: dict[str, int] = {}
        for item in _regions(a):
            origin = "manual" if item.get("origin", "manual") == "manual" else "suggested"
            _region_at(item, len(spans), here, anywhere)
            spans += _ls_spans(doc.text, item, annotator=who, origin=origin, state="accepted")
        linked.append((a, here, {"annotator": who, "state": "accepted"}))
    for p in task.get("predictions") or []:
        if isinstance(p, dict):
            here = {}
            for item in _regions(p):
                score = item.get("score", item["value"].get("score", p.get("score")))
                _region_at(item, len(spans), here, anywhere)
                spans += _ls_spans(doc.text, item, origin="suggested", state="pending", score=_score(score))
            linked.append((p, here, {"origin": "suggested", "state": "pending"}))
    for container, here, fields in linked:
        for item in _relation_items(container):
            ends = [here.get(item.get(k), anywhere.get(item.get(k))) for k in ("from_id", "to_id")]
            if None in ends:
                raise InputError(f"relation from {item.get('from_id')!r} to {item.get('to_id')!r} names a region "
                                 "the task does not have")
            if item.get("direction") == "left":
                ends.reverse()
            origin = fields.get("origin", "manual" if item.get("origin", "manual") == "manual" else "suggested")
            own = _relation_owner(item)
            relations += [Relation(*ends, kind, **{**fields, "origin": origin, **own}, score=_score(item.get("score")))
                          for kind in _relation_labels(item)]
    return Task(doc, spans, annotators, relations)


def _region_at(item: dict, index: int, here: dict[str, int], anywhere: dict[str, int]) -> None:
    """Remember where the spans of a region start in the task's list of spans, by its id."""
    if isinstance(item.get("id"), str):
        here.setdefault(item["id"], index)
        anywhere.setdefault(item["id"], index)


def _relation_owner(item: dict) -> dict:
    """A relation's own annotator and state, where they differ from its container's (our export writes them)."""
    owner = item.get(RELATION_OWNER)
    if not isinstance(owner, dict):
        return {}
    if owner.get("state") not in STATES or not isinstance(owner.get("annotator"), str):
        raise InputError(f"relation from {item.get('from_id')!r} to {item.get('to_id')!r}: bad {RELATION_OWNER}")
    return {"annotator": owner["annotator"], "state": owner["state"]}


def _relation_items(container: dict) -> list[dict]:
    return [r for r in container.get("result") or [] if isinstance(r, dict) and r.get("type") == "relation"]


def _relation_labels(item: dict) -> list[str]:
    """A relation's types; Label Studio leaves `labels` empty for a relation drawn without choosing one."""
    labels = item.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(l, str) and l for l in labels):
        raise InputError(f"relation from {item.get('from_id')!r} to {item.get('to_id')!r} has no type (labels)")
    return labels


def _regions(container: dict, kind: str = "labels") -> list[dict]:
    """The result items of a type (span regions, or the annotated_by TextArea) that hold a value."""
    result = container.get("result") or []
    if not isinstance(result, list):
        raise InputError("result is not a list")
    return [r for r in result if isinstance(r, dict) and r.get("type", "labels") == kind
            and isinstance(r.get("value"), dict)]


def _ls_spans(text: str, item: dict, **fields) -> list[Span]:
    v = item["value"]
    labels = v.get("labels")
    if not isinstance(labels, list) or not labels:
        raise InputError(f"region {item.get('id', '')!s} has no labels")
    return [_span(text, v.get("start"), v.get("end"), label, v.get("text"), id=span_id(item.get("id")), **fields)
            for label in labels]


def annotator_of(annotation: dict, names: dict | None = None) -> str:
    """Our annotator's name from the annotated_by TextArea, else Label Studio's user: an email, or
    `labelstudio-ID` (a name an older export of ours mapped the id to)."""
    for item in _regions(annotation, "textarea"):
        text = item["value"].get("text") if item.get("from_name") == ANNOTATED_BY else None
        if isinstance(text, list) and text and isinstance(text[0], str) and text[0].strip():
            return text[0].strip()
    completed_by = annotation.get("completed_by")
    if isinstance(completed_by, dict):
        return str(completed_by.get("email") or completed_by.get("id") or "")
    if completed_by is None:
        return ""
    return str((names or {}).get(str(completed_by)) or f"labelstudio-{completed_by}")


def _number(value, what: str) -> float | None:
    """A JSON number as a float; None for anything else; refused if not finite."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    if not math.isfinite(value):
        raise InputError(f"{what} {value!r} is not a finite number")
    return float(value)


def _score(value) -> float | None:
    return _number(value, "score")


def _seconds(value) -> float:
    seconds = _number(value, "lead_time") or 0.0
    if seconds < 0:
        raise InputError(f"lead_time {value!r} is negative")
    return seconds


# -- our JSONL -------------------------------------------------------------------

def _jsonl_task(obj, path: Path, where: str) -> Task:
    if not isinstance(obj.get("meta") or {}, dict):
        raise InputError("meta is not an object")
    if not isinstance(obj.get("spans") or [], list):
        raise InputError("spans is not a list")
    if not isinstance(obj.get("relations") or [], list):
        raise InputError("relations is not a list")
    meta = dict(obj.get("meta") or {})
    name = str(meta.pop("name", None) or f"{path.stem}-{where.replace(' ', '-')}")
    source = str(meta.pop("source")) if "source" in meta else shown(path)
    status = meta.pop("status", None)
    doc = _document(obj["text"], name, meta, source, status, 0)
    spans = []
    for s in obj.get("spans") or []:
        if not isinstance(s, dict):
            raise InputError("a span is not an object")
        state = s.get("state", "accepted")
        if state not in STATES:
            raise InputError(f"bad span state {state!r}")
        origin = s.get("origin") if s.get("origin") in ORIGINS else "imported"
        spans.append(_span(doc.text, s.get("start"), s.get("end"), s.get("label"), s.get("text"), state=state,
                           origin=origin, annotator=str(s.get("annotator", "")),
                           score=_score(s.get("score"))))
    relations = []
    for r in obj.get("relations") or []:
        if not isinstance(r, dict) or not all(type(r.get(k)) is int and 0 <= r[k] < len(spans) for k in ("head", "tail")):
            raise InputError("a relation is not an object with head and tail indexes into spans")
        if r.get("state", "accepted") not in STATES or not isinstance(r.get("type"), str):
            raise InputError(f"bad relation state {r.get('state')!r} or type {r.get('type')!r}")
        relations.append(Relation(r["head"], r["tail"], r["type"], annotator=str(r.get("annotator", "")),
                                  origin=r.get("origin") if r.get("origin") in ORIGINS else "imported",
                                  state=r.get("state", "accepted"), score=_score(r.get("score"))))
    return Task(doc, spans, relations=relations)

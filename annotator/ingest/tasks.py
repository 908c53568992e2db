"""Annotated files in: Label Studio JSON (full export or task list) and our own JSONL, recognized by content.

Label Studio's `start`/`end` are trusted and `value.text` is checked against them
(FORMATS.md §0, §1.2); a task whose spans do not fit its text is reported and
skipped, the rest of the file imports. A label the project does not have refuses
the whole file, so nothing is half-imported under the wrong scheme.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.model import ORIGINS, STATES, STATUSES, Document, Span
from annotator.core.offsets import OffsetMap

TASK_SUFFIXES = frozenset({".json", ".jsonl"})


@dataclass
class Task:
    """One document with its spans, ready for the project."""

    doc: Document
    spans: list[Span] = field(default_factory=list)


@dataclass
class TaskFile:
    kind: str  # "labelstudio" or "jsonl"
    tasks: list[Task]
    problems: list[str]  # one line per skipped task or span


def looks_like_tasks(path: Path, data: bytes) -> bool:
    """A .json / .jsonl file, or any file whose text starts like JSON made of objects."""
    if path.suffix.lower() in TASK_SUFFIXES:
        return True
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"[{") or head.startswith(b'{"')


def parse_tasks(path: Path, data: bytes, labels: set[str]) -> TaskFile:
    """Parse a Label Studio JSON or JSONL file; InputError names the file and what is wrong with it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 JSON (byte {e.start})") from None
    try:
        whole = json.loads(text)
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply to be a task file") from None
    except json.JSONDecodeError as e:
        parsed = TaskFile("jsonl", [], [])
        for n, obj in _jsonl(path, text, e):
            _add(parsed, f"line {n}", _jsonl_task, obj, path, n)
    else:
        if not isinstance(whole, (list, dict)):
            raise InputError(f"{path}: JSON, but not a list of tasks")
        items = whole if isinstance(whole, list) else [whole]
        parsed = TaskFile("labelstudio", [], [])
        for n, obj in enumerate(items, 1):
            _add(parsed, f"task {obj.get('id', n) if isinstance(obj, dict) else n}", _ls_task, obj, path, n)
    unknown = sorted({s.label for t in parsed.tasks for s in t.spans} - labels)
    if unknown:
        raise InputError(f"{path}: labels not in this project: {', '.join(unknown)} "
                         "(add them to the label set first)")
    if not parsed.tasks and not parsed.problems:
        raise InputError(f"{path}: holds no tasks")
    return parsed


def _jsonl(path: Path, text: str, first_error: json.JSONDecodeError) -> list[tuple[int, object]]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((n, json.loads(line)))
        except RecursionError:
            raise InputError(f"{path}: line {n}: JSON nested too deeply") from None
        except json.JSONDecodeError as e:
            where = first_error if n == 1 else e
            raise InputError(f"{path}: not valid JSON or JSONL: line {n if n > 1 else where.lineno}, "
                             f"column {where.colno}: {where.msg}") from None
    return out


def _add(parsed: TaskFile, where: str, make, obj, path: Path, n: int) -> None:
    try:
        parsed.tasks.append(make(obj, path, n))
    except (InputError, KeyError, TypeError, ValueError) as e:
        parsed.problems.append(f"{where}: {e}")


def _document(text, name: str, meta: dict, source: str, status: str | None, time_spent: float) -> Document:
    if not isinstance(text, str) or not text:
        raise InputError("no text")
    if not isinstance(meta, dict):
        raise InputError("meta is not an object")
    return Document(name=name, text=text, raw_text=text, source_path=source,
                    content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    offset_map=OffsetMap.identity(len(text)).to_bytes(), encoding="utf-8", meta=meta,
                    status=status if status in STATUSES else "todo", time_spent=float(time_spent or 0))


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

def _ls_task(task, path: Path, n: int) -> Task:
    if not isinstance(task, dict):
        raise InputError("not an object")
    data = task.get("data", task)
    if not isinstance(data, dict):
        raise InputError("data is not an object")
    meta = dict(data.get("meta") or {})
    names = meta.pop("annotators", {}) or {}
    status = meta.pop("status", None)
    meta.update({k: v for k, v in data.items() if k not in ("text", "name", "doc_id", "meta")})
    annotations = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    # the latest annotation first: it wins where annotators disagree
    annotations.sort(key=lambda a: str(a.get("updated_at") or ""), reverse=True)
    lead = max((a.get("lead_time") or 0 for a in annotations), default=0)
    doc = _document(data.get("text"), str(data.get("name") or f"{path.stem}-task-{task.get('id', n)}"), meta,
                    str(path), status or ("done" if annotations else "todo"), lead)
    spans = []
    for a in annotations:
        who = _annotator(a.get("completed_by"), names)
        for item in _regions(a):
            origin = "manual" if item.get("origin", "manual") == "manual" else "suggested"
            spans += _ls_spans(doc.text, item, annotator=who, origin=origin, state="accepted")
    for p in task.get("predictions") or []:
        if isinstance(p, dict):
            for item in _regions(p):
                score = item.get("score", item["value"].get("score", p.get("score")))
                spans += _ls_spans(doc.text, item, origin="suggested", state="pending", score=_score(score))
    return Task(doc, spans)


def _regions(container: dict) -> list[dict]:
    result = container.get("result") or []
    if not isinstance(result, list):
        raise InputError("result is not a list")
    return [r for r in result if isinstance(r, dict) and r.get("type", "labels") == "labels"
            and isinstance(r.get("value"), dict)]


def _ls_spans(text: str, item: dict, **fields) -> list[Span]:
    v = item["value"]
    labels = v.get("labels")
    if not isinstance(labels, list) or not labels:
        raise InputError(f"region {item.get('id', '')!s} has no labels")
    return [_span(text, v.get("start"), v.get("end"), label, v.get("text"), **fields) for label in labels]


def _annotator(completed_by, names: dict) -> str:
    if isinstance(completed_by, dict):
        return str(completed_by.get("email") or completed_by.get("id") or "")
    if completed_by is None:
        return ""
    return str(names.get(str(completed_by)) or f"labelstudio-{completed_by}")


def _score(value) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


# -- our JSONL -------------------------------------------------------------------

def _jsonl_task(obj, path: Path, n: int) -> Task:
    if not isinstance(obj, dict) or "text" not in obj:
        raise InputError('not a {"text", "spans"} object')
    meta = dict(obj.get("meta") or {})
    name = str(meta.pop("name", None) or f"{path.stem}-{n}")
    source = str(meta.pop("source")) if "source" in meta else str(path)
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
    return Task(doc, spans)

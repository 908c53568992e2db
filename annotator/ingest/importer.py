"""Importing report files into a project: read, repair, skip duplicates, in short transactions; annotated
files add their new documents and bring their annotators' corrections to the documents the project has."""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Document, Relation, Span
from annotator.core.paths import shown
from annotator.core.resources import seed_files
from annotator.core.text import content_hash
from annotator.ingest.read import MAX_BYTES, REPORT_SUFFIXES, RawReport, parse_report, read_bytes
from annotator.ingest.corrections import Merge, merge, said
from annotator.ingest.tasks import TASK_MAX_BYTES, TASK_SUFFIXES, Task, TaskFile, looks_like_tasks, parse_tasks
from annotator.ingest.options import RepairOptions
from annotator.ingest.repair import Rule, load_rules, repair
from annotator.store.project import BATCH_SECONDS, Project
from annotator.store.settings import ProjectSettings

Progress = Callable[[int, int, "FileResult"], None]


@dataclass
class FileResult:
    path: Path
    status: str  # "imported", "duplicate" or "failed"
    message: str = ""
    document_id: int | None = None
    report: dict = field(default_factory=dict)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the report files inside folders, recursively, in name order. Entries that are
    not regular files (a FIFO, a device, a link to one) are listed too, so that they are refused by name."""
    out: list[Path] = []
    suffixes = REPORT_SUFFIXES | TASK_SUFFIXES
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.suffix.lower() in suffixes
                              and not f.name.startswith(".") and not f.is_dir()))
        else:
            out.append(p)
    return out


def build_document(name: str, source: str, raw: RawReport, options: RepairOptions,
                   rules: list[Rule] | None) -> tuple[Document, dict]:
    """Repair a read report into a Document and its import report."""
    fixed = repair(raw.text, options, rules)
    if not fixed.text.strip():
        raise InputError(f"{source}: nothing left to annotate after repair")
    report = {**fixed.report, "encoding": raw.encoding, "bad_bytes": raw.bad_bytes, "kind": raw.kind}
    damage = fixed.report["damage"] + fixed.report["lost_characters"]  # ? and U+FFFD left, and characters lost
    doc = Document(name=name, text=fixed.text, raw_text=raw.text, source_path=source,
                   content_hash=content_hash(fixed.text), offset_map=fixed.offsets,
                   encoding=raw.encoding, meta={**raw.meta, **fixed.meta}, damage=damage)
    return doc, report


def project_rules(project: Project) -> list[Rule] | None:
    """The default boilerplate rules plus the project's own, if it has any."""
    extra = ProjectSettings(project).repair_rules
    return load_rules(extra) if extra else None


def read_one(path: Path, options: RepairOptions, labels: set[str],
             rules: list[Rule] | None) -> TaskFile | tuple[Document, dict]:
    """Read a report, or an annotated file (Label Studio JSON, JSONL) recognized by its content;
    InputError names the file and the problem."""
    data = read_bytes(path, TASK_MAX_BYTES if path.suffix.lower() in TASK_SUFFIXES else MAX_BYTES)
    if looks_like_tasks(path, data):
        return parse_tasks(path, data, labels)
    name = shown(path)
    return build_document(shown(path.name), name, parse_report(name, data), options, rules)


def import_paths(project: Project, paths: Iterable[str | Path], options: RepairOptions = RepairOptions(),
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                 annotator: str = "", parallel: bool | None = None) -> list[FileResult]:
    """Import files and folders; goes on past failing files. Reports are read first (many of them in a second
    process: `_read_ahead`) and written in short batched transactions (each document whole); an annotated
    file is all or nothing, and what it changes on documents already in the project is one step
    `annotator` can undo."""
    files = expand_paths(paths)
    rules = project_rules(project)
    labels = set(project.label_names())
    stop = cancelled or (lambda: False)
    results: list[FileResult] = []
    waiting: list[tuple[Path, Document, dict] | FileResult] = []  # read, in file order, not yet written
    read_since = time.monotonic()

    def flush() -> None:
        for r in _store_reports(project, waiting):
            results.append(r)
            if progress is not None:
                progress(len(results), len(files), r)
        waiting.clear()

    for path, item in _read_ahead(files, options, labels, rules, parallel):
        if stop():
            break
        if isinstance(item, AnnotatorError):
            waiting.append(FileResult(path, "failed", str(item)))
            continue
        if isinstance(item, TaskFile):
            flush()
            waiting.append(_store_tasks(project, path, item, stop, annotator))
        else:
            waiting.append((path, *item))
        if time.monotonic() - read_since >= BATCH_SECONDS or len(waiting) >= 500:
            flush()
            read_since = time.monotonic()
    flush()
    return results


PARALLEL_FROM = 200  # files; fewer are read in this process (a second one takes 0.3 s to start)
CHUNK = 64  # files the second process reads per request
AHEAD = 4  # requests made ahead of the writing (what waits in memory stays small)


def _read_ahead(files: list[Path], options: RepairOptions, labels: set[str], rules: list[Rule] | None,
                parallel: bool | None) -> Iterator[tuple[Path, object]]:
    """(path, what read_one made of it or the AnnotatorError it raised), in file order. Many files (None: from
    PARALLEL_FROM on, where there are two cores) are read and repaired in a second process while this one
    writes what came before: Python runs one thread at a time, and reading was 60 % of an import (9,700
    reports: 14.2 s in one process, 10.5 s in two). Leaving early drops the requests not yet begun."""
    if parallel is None:
        parallel = len(files) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    if not parallel:
        for path in files:
            yield path, _attempt(path, options, labels, rules)
        return
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))  # no fork: Qt's threads
    try:
        asked: deque = deque()
        for i in range(0, len(files), CHUNK):
            chunk = files[i:i + CHUNK]
            asked.append((chunk, pool.submit(_read_chunk, chunk, asdict(options), labels, rules)))
            if len(asked) > AHEAD:
                chunk, answer = asked.popleft()
                yield from zip(chunk, answer.result())
        while asked:
            chunk, answer = asked.popleft()
            yield from zip(chunk, answer.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _read_chunk(paths: list[Path], options: dict, labels: set[str], rules: list[Rule] | None) -> list:
    """In the second process: read_one for each path (the options as a dict: their class is made at run time)."""
    chosen = RepairOptions(**options)
    return [_attempt(path, chosen, labels, rules) for path in paths]


def _attempt(path: Path, options: RepairOptions, labels: set[str], rules: list[Rule] | None):
    try:
        return read_one(path, options, labels, rules)
    except AnnotatorError as e:
        return e


def _store_reports(project: Project, items: list) -> list[FileResult]:
    """Write read reports in short transactions, each document whole; results in the same order."""
    out: list[FileResult] = []
    try:
        with project.batches() as batch:
            for item in items:
                if isinstance(item, FileResult):
                    out.append(item)
                    continue
                path, doc, report = item
                try:
                    with batch.item():
                        existing = project.document_id_by_hash(doc.content_hash)
                        if existing is None:
                            out.append(FileResult(path, "imported", "", project.add_document(doc, report), report))
                        else:
                            out.append(FileResult(path, "duplicate", f"same text as document {existing}",
                                                  existing, report))
                except AnnotatorError as e:
                    out.append(FileResult(path, "failed", f"{shown(path)}: {e}"))
    except AnnotatorError as e:  # the commit itself failed: nothing of the open batch was kept
        return [r if r.status != "imported" else FileResult(r.path, "failed", f"{shown(r.path)}: {e}")
                for r in out] + [FileResult(i[0], "failed", f"{shown(i[0])}: {e}")
                                 for i in items[len(out):] if not isinstance(i, FileResult)]
    return out


def _store_tasks(project: Project, path: Path, parsed: TaskFile, stop: Callable[[], bool],
                 annotator: str) -> FileResult:
    """A file's new documents and their spans, in short transactions, then what it changes on documents the
    project already has (found by their text), in one transaction that `annotator` can undo. If it fails or
    is cancelled halfway, what it had added is taken out again, so the file is all or nothing."""
    added: list[int] = []
    seen: set[int] = set()  # documents this file added or merged into
    spans = unchanged = relations = 0
    merges: list[tuple[int, Merge]] = []
    linked: list[tuple[int, Task]] = []  # documents the project has, with the file's relations on them
    unknown = sorted({r.type for t in parsed.tasks for r in t.relations} - {t.name for t in project.relation_types()})
    if unknown:
        return FileResult(path, "failed", f"{shown(path)}: relation types not in this project: {', '.join(unknown)} "
                          "(add them to the relation set first); nothing was imported from it")
    try:
        with project.batches() as batch:
            for task in parsed.tasks:
                if stop():
                    raise Cancelled()
                with batch.item():  # looked for and added under the write lock: no other writer slips in
                    existing = project.document_id_by_hash(task.doc.content_hash)
                    if existing is None:
                        doc_id = project.add_document(task.doc, {"kind": parsed.kind})
                        written = project.add_spans(doc_id, task.spans, action="import_spans")
                        spans += len(written)
                        relations += len(project.add_relations(_placed(task.relations, written)))
                if existing is None:
                    added.append(doc_id)
                    seen.add(doc_id)
                elif existing in seen:  # the same text twice in the file
                    unchanged += 1
                else:
                    seen.add(existing)
                    change = merge(existing, project.spans(existing), task.spans, task.annotators)
                    if change.before or change.after:
                        merges.append((existing, change))
                    elif not task.relations:
                        unchanged += 1
                    if task.relations:
                        linked.append((existing, task))
        if merges:
            project.change_spans([s for _, m in merges for s in m.before], [s for _, m in merges for s in m.after],
                                 annotator)
        for doc_id, task in linked:  # relations between the spans as the merge left them, by place and label
            relations += len(project.add_relations(_placed(task.relations, task.spans, project.spans(doc_id))))
    except (AnnotatorError, Cancelled) as e:
        project.remove_documents(added)
        why = "cancelled" if isinstance(e, Cancelled) else str(e)
        return FileResult(path, "failed", f"{shown(path)}: {why}; nothing was imported from it")
    problems = parsed.problems
    counts = sum((m.counts for _, m in merges), Counter())
    summary = (f"{len(added)} document(s) with {spans} span(s) from {parsed.kind}"
               + (f", {relations} relation(s) added" if relations else "")
               + (f", {len(merges)} already in the project updated ({said(counts)})" if merges else "")
               + (f", {unchanged} already in the project unchanged" if unchanged else "")
               + (f"; {'; '.join(problems)}" if problems else ""))
    status = "imported" if added or merges or relations else "duplicate"
    first = added[0] if added else merges[0][0] if merges else linked[0][0] if relations else None
    return FileResult(path, status, summary, first,
                      {"kind": parsed.kind, "documents": len(added), "spans": spans, "updated": len(merges),
                       "unchanged": unchanged, "changes": dict(counts), "skipped": problems, "relations": relations})


def _placed(relations: list[Relation], spans: list[Span], live: list[Span] | None = None) -> list[Relation]:
    """A task's relations (ends: indexes into `spans`) between the project's spans: `spans` themselves as
    written, or the `live` span at each end's place and label (accepted first); those without both ends left out."""
    if live is None:
        return [replace(r, head_id=spans[r.head_id].id, tail_id=spans[r.tail_id].id) for r in relations]
    at = {}
    for s in sorted(live, key=lambda s: s.state != "accepted", reverse=True):  # accepted ones win
        at[(s.start, s.end, s.label)] = s.id
    ends = [[at.get((spans[i].start, spans[i].end, spans[i].label)) for i in (r.head_id, r.tail_id)] for r in relations]
    return [replace(r, head_id=head, tail_id=tail) for r, (head, tail) in zip(relations, ends) if head and tail]


class Cancelled(Exception):
    """The user cancelled an import halfway through a file."""


def import_seeds(project: Project) -> list[FileResult]:
    """Fill a new project with the demo reports of seeds/."""
    read = [(Path(f.name), *build_document(f.name, f"seeds/{f.name}", parse_report(f.name, f.read_bytes()),
                                           RepairOptions(), None)) for f in seed_files()]
    return _store_reports(project, read)

"""Importing report files into a project: read, repair, skip duplicates, one transaction per file."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Document, Span
from annotator.core.resources import seed_files
from annotator.ingest.read import REPORT_SUFFIXES, RawReport, parse_report, read_bytes
from annotator.ingest.tasks import TASK_SUFFIXES, TaskFile, looks_like_tasks, parse_tasks
from annotator.ingest.repair import RepairOptions, Rule, load_rules, repair
from annotator.store.project import Project

Progress = Callable[[int, int, "FileResult"], None]


@dataclass
class FileResult:
    path: Path
    status: str  # "imported", "duplicate" or "failed"
    message: str = ""
    document_id: int | None = None
    report: dict = field(default_factory=dict)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the report files inside folders, recursively, in name order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES | TASK_SUFFIXES
                              and not f.name.startswith(".")))
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
    damage = fixed.report["damage"]
    doc = Document(name=name, text=fixed.text, raw_text=raw.text, source_path=source,
                   content_hash=content_hash(fixed.text), offset_map=fixed.offsets.to_bytes(),
                   encoding=raw.encoding, meta={**raw.meta, **fixed.meta}, damage=damage)
    return doc, report


def project_rules(project: Project) -> list[Rule] | None:
    """The default boilerplate rules plus the project's own, if it has any."""
    extra = project.setting("repair_rules")
    return load_rules(extra) if extra else None


def import_one(project: Project, path: Path, options: RepairOptions = RepairOptions(),
               rules: list[Rule] | None = None) -> FileResult:
    """Import a report, or an annotated file (Label Studio JSON, JSONL) recognized by its content."""
    try:
        data = read_bytes(path)
        if looks_like_tasks(path, data):
            return _store_tasks(project, path, parse_tasks(path, data, set(project.label_names())))
        doc, report = build_document(path.name, str(path), parse_report(str(path), data), options, rules)
    except AnnotatorError as e:
        return FileResult(path, "failed", str(e))
    return _store(project, path, doc, report)


def _store_tasks(project: Project, path: Path, parsed: TaskFile) -> FileResult:
    """All of a file's new documents and their spans in one transaction; what was skipped is reported."""
    problems = list(parsed.problems)
    added, spans, duplicates, first = 0, 0, 0, None
    with project.transaction():
        for n, task in enumerate(parsed.tasks, 1):
            if project.document_id_by_hash(task.doc.content_hash) is not None:
                duplicates += 1
                continue
            kept, clashes = without_clashes(task.spans)
            if clashes:
                problems.append(f"{task.doc.name}: {clashes} span(s) overlapping a span of the same label skipped")
            doc_id = project.add_document(task.doc, {"kind": parsed.kind})
            spans += len(project.add_spans(doc_id, kept, action="import_spans"))
            added += 1
            first = first or doc_id
    summary = (f"{added} document(s) with {spans} span(s) from {parsed.kind}"
               + (f", {duplicates} already in the project" if duplicates else "")
               + (f"; skipped: {'; '.join(problems)}" if problems else ""))
    status = "imported" if added else ("duplicate" if duplicates and not problems else "failed")
    return FileResult(path, status, f"{path}: {summary}" if status == "failed" else summary, first,
                      {"kind": parsed.kind, "documents": added, "spans": spans, "skipped": problems})


def without_clashes(spans: list[Span]) -> tuple[list[Span], int]:
    """Drop spans that overlap an earlier span of the same label; the project allows no such overlap."""
    kept: list[Span] = []
    for s in spans:
        if any(k.label == s.label and k.start < s.end and s.start < k.end for k in kept):
            continue
        kept.append(s)
    return kept, len(spans) - len(kept)


def _store(project: Project, path: Path, doc: Document, report: dict) -> FileResult:
    existing = project.document_id_by_hash(doc.content_hash)
    if existing is not None:
        return FileResult(path, "duplicate", f"same text as document {existing}", existing, report)
    try:
        doc_id = project.add_document(doc, report)
    except AnnotatorError as e:
        return FileResult(path, "failed", f"{path}: {e}")
    return FileResult(path, "imported", "", doc_id, report)


def import_paths(project: Project, paths: Iterable[str | Path], options: RepairOptions = RepairOptions(),
                 progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> list[FileResult]:
    """Import files and folders; goes on past failing files, each file in its own transaction."""
    files = expand_paths(paths)
    rules = project_rules(project)
    results = []
    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        results.append(import_one(project, path, options, rules))
        if progress is not None:
            progress(i + 1, len(files), results[-1])
    return results


def import_seeds(project: Project) -> list[FileResult]:
    """Fill a new project with the demo reports of seeds/."""
    results = []
    for f in seed_files():
        raw = parse_report(f.name, f.read_bytes())
        doc, report = build_document(f.name, f"seeds/{f.name}", raw, RepairOptions(), None)
        results.append(_store(project, Path(f.name), doc, report))
    return results


def open_project(path: str | Path | None = None) -> Project:
    """Open `path`, or the user's default project, which is filled with the seeds when new."""
    from annotator.store.locations import default_project_path

    if path is not None:
        return Project.open(path)
    path = default_project_path()
    project = Project.open(path)
    if project.document_count() == 0 and project.setting("seeded") is None:
        import_seeds(project)
        project.set_setting("seeded", "1")
    return project

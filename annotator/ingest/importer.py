"""Importing report files into a project: read, repair, skip duplicates, one transaction per file."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Document
from annotator.core.resources import seed_files
from annotator.ingest.read import REPORT_SUFFIXES, RawReport, parse_report, read_report
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
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
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
    try:
        raw = read_report(path)
        doc, report = build_document(path.name, str(path), raw, options, rules)
    except AnnotatorError as e:
        return FileResult(path, "failed", str(e))
    return _store(project, path, doc, report)


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

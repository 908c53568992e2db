"""The command line: a thin shell over the application layer. `annotator` with no command starts the GUI.

Each command parses its arguments, makes one call into annotator.app (or the layer below) and prints.
Commands import what they need when they run: starting the window should not wait for the rest.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.core.paths import shown
from annotator.export.formats import FORMATS

STATUSES = {"done": "done", "todo": "todo", "in_progress": "in progress"}


def _add_db(p: argparse.ArgumentParser, top: bool = False) -> None:
    p.add_argument("--db", metavar="PATH", default=None if top else argparse.SUPPRESS,
                   help="project file (default: your default project)")


def _add_annotator(p: argparse.ArgumentParser) -> None:
    p.add_argument("--annotator", metavar="NAME", default=None,
                   help="who makes the change (default: ANNOTATOR_NAME, else your user name)")


def _add_repair_flags(p: argparse.ArgumentParser) -> None:
    from annotator.ingest.options import REPAIR_STEPS
    for step, what in REPAIR_STEPS.items():
        p.add_argument(f"--no-{step.replace('_', '-')}", dest=step, action="store_false", help=f"skip: {what}")


def _repair_options(args):
    from annotator.ingest.options import REPAIR_STEPS, RepairOptions
    return RepairOptions(**{step: getattr(args, step) for step in REPAIR_STEPS})


def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _add_review(sub, name: str, verb: str) -> None:
    p = sub.add_parser(name, help=f"{verb} pending suggestions (by document, label, score)",
                       description=f"{verb.capitalize()} pending suggestions, as the window's Enter / X do: "
                                   "those of the given documents (default: all), label and minimum score.")
    p.add_argument("--document", metavar="ID", type=int, action="append", help="a document id (repeatable)")
    p.add_argument("--label", metavar="LABEL")
    p.add_argument("--min-score", metavar="S", type=float, help="only suggestions scored at least S")
    _add_annotator(p)
    _add_db(p)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="annotator", description=(
        "Annotate Chinese pairing-assistance reports. With no command, opens the annotation window."))
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="run every part of the product once, offscreen, in a temporary folder; exit 0 if all pass")
    _add_db(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import report files or folders into the project",
                       description="Import reports (.txt, .html, .docx; folders recursively), repairing them, "
                                   "and annotated files (Label Studio JSON, our JSONL), recognized by content.")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-v", "--verbose", action="store_true", help="print the repair report of each file")
    _add_repair_flags(p)
    p.add_argument("--suggest", action="store_true", help="add suggestions to the imported documents")
    _add_annotator(p)
    _add_db(p)

    p = sub.add_parser("suggest", help="suggest spans for report files, or for the project's documents",
                       description="Repair each file and print the suggested spans, one JSON object per file: "
                                   '{"file", "text", "spans": [{"start", "end", "label", "text", "score"}]}. '
                                   "With --project, add suggestions to every unfinished document instead.")
    p.add_argument("paths", nargs="*", metavar="FILE")
    p.add_argument("--format", choices=("jsonl", "text"), default="jsonl")
    p.add_argument("--project", action="store_true", help="suggest for the project's unfinished documents")
    p.add_argument("--model", metavar="DIR", type=Path,
                   help="suggest with a trained spaCy model (model/model-best after spacy train on a spaCy export) "
                        "instead of the rules")
    _add_repair_flags(p)
    _add_db(p)

    _add_review(sub, "accept", "accept")
    _add_review(sub, "reject", "reject")

    p = sub.add_parser("status", help="mark documents done, in progress or todo",
                       description="Set documents' status. Done is refused while a document has undecided "
                                   "suggestions, unless --accept-pending or --reject-pending decides them.")
    p.add_argument("documents", nargs="+", metavar="ID", type=int)
    group = p.add_mutually_exclusive_group(required=True)
    for status, words in STATUSES.items():
        group.add_argument(f"--{status.replace('_', '-')}", dest="status", action="store_const", const=status,
                           help=f"mark them {words}")
    pending = p.add_mutually_exclusive_group()
    pending.add_argument("--accept-pending", dest="pending", action="store_const", const="accept",
                         default="refuse", help="accept their undecided suggestions first")
    pending.add_argument("--reject-pending", dest="pending", action="store_const", const="reject",
                         help="reject their undecided suggestions first")
    _add_annotator(p)
    _add_db(p)

    p = sub.add_parser("export", help="export the project's annotations",
                       description="Export labels. Formats: " + "; ".join(f"{f.name}: {f.about}"
                                                                          for f in FORMATS.values()))
    p.add_argument("--format", required=True, choices=sorted(FORMATS))
    p.add_argument("--out", required=True, metavar="PATH")
    p.add_argument("--documents", choices=("done", "all"), default="done",
                   help="documents marked done (default) or all")
    p.add_argument("--spans", choices=("accepted", "all"), default="accepted",
                   help="accepted spans (default) or all, adding pending suggestions")
    p.add_argument("--annotator", metavar="NAME", help="only this annotator's spans")
    p.add_argument("--raw-offsets", action="store_true", help="offsets into the raw text, not the normalized one")
    p.add_argument("--allow-empty", action="store_true", help="write the export even if it holds no document")
    _add_db(p)

    p = sub.add_parser("merge", help="bring other annotators' project files into this project",
                       description="Merge other project files (only read): documents matched by content, spans "
                                   "kept with their annotator, state and origin; merging a file again changes "
                                   "nothing.")
    p.add_argument("paths", nargs="+", metavar="OTHER.annot")
    _add_db(p)

    p = sub.add_parser("agreement", help="agreement between annotators: exact and overlap F1, Krippendorff's alpha",
                       description="Exact-match F1, overlap F1 and character-level Krippendorff's alpha (nominal, "
                                   "each label a layer) of accepted spans, per label, pair and document, over the "
                                   "documents at least two of the annotators annotated.")
    p.add_argument("--annotators", metavar="A,B,...", type=_names, help="whose spans to compare (default: all)")
    p.add_argument("--labels", metavar="L,M,...", type=_names, help="the labels to compare (default: all)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    _add_db(p)

    p = sub.add_parser("train", help="train a spaCy model on the done documents; suggestions then use it for the "
                                     "labels it does better than the rules",
                       description="Export the done documents for spaCy, train in a process of its own, evaluate "
                                   "the model against the rules per label on the held-out documents, and have "
                                   "suggestions use, per label, whichever is better. Needs spaCy "
                                   "(pip install 'pairing-annotator[train]').")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="where the model goes (default: PROJECT-model beside the project); a folder holding "
                        "anything but an earlier training is refused")
    p.add_argument("--steps", type=int, default=None, metavar="N", help="training steps (default 600)")
    p.add_argument("--skip-need", action="store_true",
                   help="do not score the unfinished documents by need (how much rules and model disagree) "
                        "after training")
    _add_db(p)

    p = sub.add_parser("sync", help="two-way sync with a Label Studio project (push, pull, merge)",
                       description="Push new documents, suggestions and accepted spans to a Label Studio project, "
                                   "pull the annotations changed there, and merge span by span; conflicts are "
                                   "listed and kept on both sides. The server, project and token are remembered "
                                   "(the token in your config folder, never in the project).")
    p.add_argument("--url", metavar="URL", help="the Label Studio server (default: the one last synced with)")
    p.add_argument("--token", metavar="TOKEN", help="your Label Studio API token (default: the one kept)")
    p.add_argument("--project", metavar="TITLE", help="the Label Studio project (default: the project file's name)")
    p.add_argument("--person", metavar="NAME=EMAIL", action="append", default=[],
                   help="an annotator's Label Studio user, remembered (repeatable): their annotations there are "
                        "that user's, and that user's annotations are theirs here")
    _add_annotator(p)
    _add_db(p)

    p = sub.add_parser("documents", help="the project's documents: id, status, spans, suggestions, name")
    p.add_argument("--status", choices=sorted(STATUSES))
    p.add_argument("--by-need", action="store_true",
                   help="the unfinished documents rules and model disagree on most first, with their need "
                        "(disagreeing spans per 1,000 characters; scored after `annotator train`), then the rest")
    p.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N documents")
    _add_db(p)
    p = sub.add_parser("stats", help="documents by status, spans by label and state")
    _add_db(p)
    p = sub.add_parser("labels", help="the project's label set")
    _add_db(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            from annotator.gui.selftest import run_self_test
            return run_self_test()
        if args.command is None:
            # sqlite-utils imports pandas, when installed, for a feature the window does not use: 0.6 s of
            # start-up. Marking it absent makes that import fail fast; the window never needs pandas.
            sys.modules.setdefault("pandas", None)
            from annotator.gui.app import run_gui
            return run_gui(args.db)
        return COMMANDS[args.command](args)
    except AnnotatorError as e:
        print(f"annotator: {e}", file=sys.stderr)
        return 1


def _session(args, create: bool = True):
    from annotator.app.session import open_session
    return open_session(args.db, create=create)


def _labelling(session, args):
    from annotator.app.labelling import Labelling
    from annotator.app.session import default_annotator
    return Labelling(session.project, args.annotator or default_annotator())


def cmd_import(args) -> int:
    from annotator.app.imports import import_files, totals
    from annotator.app.session import default_annotator

    def progress(i: int, n: int, r) -> None:
        where = f"[{i}/{n}]"
        if r.status == "imported":
            what = r.message or f"document {r.document_id}, {r.report.get('encoding')}"
            print(f"{where} imported  {shown(r.path)} ({what})")
        elif r.status == "duplicate":
            print(f"{where} duplicate {shown(r.path)} skipped: {r.message}")
        else:
            print(f"{where} failed    {r.message}")
        if args.verbose and r.report:
            print("    " + json.dumps(r.report, ensure_ascii=False))

    with _session(args) as session:
        results, added = import_files(session.project, args.paths, _repair_options(args), suggest=args.suggest,
                                      progress=progress, annotator=args.annotator or default_annotator())
    if args.suggest:
        print(f"{added} suggestions added")
    for r in results:  # every refused file again, together, where the user looks for errors
        if r.status == "failed":
            print(f"annotator: {r.message}", file=sys.stderr)
    t = totals(results)
    print(f"{t.documents} imported" + (f" with {t.spans} spans" if t.spans else "")
          + (f", {t.updated} updated" if t.updated else "")
          + f", {t.duplicates} duplicates skipped, {t.failed} failed")
    return 1 if t.failed else 0


def cmd_suggest(args) -> int:
    from annotator.ingest.importer import build_document, expand_paths
    from annotator.ingest.read import read_report
    from annotator.suggest import Suggester
    from annotator.suggest.documents import suggest_project

    if not args.project and not args.paths:
        print("annotator suggest: give report files, or --project", file=sys.stderr)
        return 2
    if args.model:
        from annotator.suggest.model import ModelSuggester
        model = ModelSuggester(args.model)
    if args.project:
        with _session(args) as session:
            added = suggest_project(session.project, lambda i, n: print(f"[{i}/{n}]", end="\r", file=sys.stderr),
                                    suggester=model if args.model else None)
        print(f"{added} suggestions added")
        return 0
    suggester, options, failed = model if args.model else Suggester(), _repair_options(args), 0
    for path in expand_paths(args.paths):
        try:
            doc, _ = build_document(shown(path.name), shown(path), read_report(path), options, None)
        except AnnotatorError as e:
            print(f"annotator: {e}", file=sys.stderr)
            failed += 1
            continue
        spans = [{"start": s.start, "end": s.end, "label": s.label, "text": s.text, "score": s.score}
                 for s in suggester.suggest(doc.text)]
        if args.format == "jsonl":
            print(json.dumps({"file": shown(path), "text": doc.text, "spans": spans}, ensure_ascii=False))
        else:
            print(f"{shown(path)}: {len(spans)} spans")
            for sp in spans:
                print(f"  {sp['start']:>6} {sp['end']:>6}  {sp['label']:<11} {sp['score']:.2f}  {sp['text']}")
    return 1 if failed else 0


def cmd_review(args) -> int:
    state = "accepted" if args.command == "accept" else "rejected"
    with _session(args, create=False) as session:
        count = _labelling(session, args).review(state, args.document, args.label, args.min_score)
    print(f"{count} suggestion(s) {state}")
    return 0


def cmd_status(args) -> int:
    failed = 0
    with _session(args, create=False) as session:
        labelling = _labelling(session, args)
        for doc_id in args.documents:
            try:
                decided = labelling.set_status(doc_id, args.status, args.pending)
            except AnnotatorError as e:
                print(f"annotator: {e}", file=sys.stderr)
                failed += 1
                continue
            extra = f" ({len(decided)} suggestion(s) {args.pending}ed first)" if decided else ""
            print(f"document {doc_id}: {STATUSES[args.status]}{extra}")
    return 1 if failed else 0


def cmd_export(args) -> int:
    from annotator.app.exports import export
    from annotator.export.select import Selection

    sel = Selection(args.documents, args.spans, args.annotator)
    with _session(args, create=False) as session:
        summary, missing = export(session.project, args.format, Path(args.out), sel, raw_offsets=args.raw_offsets,
                                  allow_empty=args.allow_empty)
    relations = f", {summary['relations']} relations" if summary.get("relations") else ""
    print(f"exported {summary['documents']} documents, {summary['spans']} spans{relations} as {args.format} "
          f"to {args.out}")
    for line in missing.lines():
        print(f"left out: {line}")
    for line in summary.get("warnings", []):
        print(f"note: {line}")
    return 0


def cmd_merge(args) -> int:
    from annotator.app.merge import merge_projects

    with _session(args, create=False) as session:
        results = merge_projects(session.project, [Path(p) for p in args.paths],
                                 lambda i, n, r: print(f"[{i}/{n}] {r.line()}"))
    failed = [r for r in results if r.error]
    for r in failed:
        print(f"annotator: {r.error}", file=sys.stderr)
    print(f"{len(results) - len(failed)} merged, {len(failed)} failed")
    return 1 if failed else 0


def cmd_agreement(args) -> int:
    from annotator.app.agreement import project_agreement, table

    with _session(args, create=False) as session:
        result = project_agreement(session.project, args.annotators, args.labels)
    print(json.dumps(result.to_json(), ensure_ascii=False) if args.format == "json" else table(result))
    return 0


def cmd_train(args) -> int:
    from annotator.app.training import DEFAULT_STEPS, train_and_rank

    with _session(args, create=False) as session:
        project = session.project
        out = args.out or project.path.with_name(project.path.stem + "-model")
        evaluation = train_and_rank(project, out, args.steps or DEFAULT_STEPS,
                                    lambda i, n, what: print(f"[{what}]", end="\r", file=sys.stderr),
                                    rank=not args.skip_need)
    print(f"model in {out / 'model' / 'model-best'}; evaluated on {evaluation['documents']} held-out documents:")
    print(f"{'label':<12}{'model F1':>10}{'rules F1':>10}  suggests with")
    for label, e in evaluation["labels"].items():
        print(f"{label:<12}{e['model']['f1']:>10.3f}{e['rules']['f1']:>10.3f}  {e['use']}")
    need = evaluation.get("need")
    if need:
        print(f"need scored for {need['scored']} of {need['of']} unfinished documents"
              + (" (cancelled)" if need["cancelled"] else "") + "; annotator documents --by-need lists them")
    return 0


def cmd_sync(args) -> int:
    from annotator.app.session import default_annotator
    from annotator.app.sync import sync

    if any("=" not in p for p in args.person):
        print("annotator sync: give --person as NAME=EMAIL", file=sys.stderr)
        return 2
    people = dict(p.split("=", 1) for p in args.person)
    with _session(args, create=False) as session:
        report = sync(session.project, args.url, args.token, args.project, args.annotator or default_annotator(),
                      lambda done, of, what: print(what, file=sys.stderr), people=people)
    for line in report.lines():
        print(line)
    return 0


def cmd_documents(args) -> int:
    with _session(args, create=False) as session:
        project = session.project
        ids = project.document_ids(status=args.status, order="need" if args.by_need else "id")
        ids = ids[:args.limit] if args.limit is not None else ids
        for i in range(0, len(ids), 500):
            rows = project.document_rows(ids[i:i + 500])
            for doc_id in ids[i:i + 500]:
                r = rows[doc_id]
                need = (f"{r.need:>8.2f}" if r.need is not None else f"{'-':>8}") if args.by_need else ""
                print(f"{doc_id:>7}  {STATUSES[r.status]:<12}{r.accepted:>6}{r.pending:>6}{need}  {r.title}")
    return 0


def cmd_stats(args) -> int:
    with _session(args, create=False) as session:
        stats = session.project.stats()
    docs = stats["documents"]
    print(f"documents: {sum(docs.values())} (todo {docs['todo']}, in progress {docs['in_progress']}, "
          f"done {docs['done']})")
    for heading, rows in (("label", stats["spans"]), ("relation", stats["relations"])):
        print(f"{heading:<14}{'accepted':>9}{'pending':>9}{'rejected':>9}")
        for name, by_state in rows.items():
            print(f"{name:<14}{by_state['accepted']:>9}{by_state['pending']:>9}{by_state['rejected']:>9}")
    return 0


def cmd_labels(args) -> int:
    with _session(args, create=False) as session:
        for l in session.project.labels():
            print(f"{l.hotkey or '-':<3}{l.name:<14}{l.display_zh:<6}{l.display_en:<12}{l.kind:<8}{l.color}")
    return 0


COMMANDS = {"import": cmd_import, "suggest": cmd_suggest, "accept": cmd_review, "reject": cmd_review,
            "status": cmd_status, "export": cmd_export, "merge": cmd_merge, "agreement": cmd_agreement,
            "train": cmd_train, "sync": cmd_sync, "documents": cmd_documents, "stats": cmd_stats,
            "labels": cmd_labels}

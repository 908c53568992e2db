"""The window's long work off the UI thread: importing, exporting and suggesting for the whole project,
each on its own connection to the project, with progress and cancel (a part of MainWindow)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from annotator.app.labelling import first_suggestions
from annotator.core.errors import AnnotatorError
from annotator.core.paths import shown
from annotator.gui import dialogs
from annotator.gui.actions import tr
from annotator.gui.messages import show_error, show_info, show_warning
from annotator.gui.workers import BackgroundJob
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings
from annotator.suggest.documents import suggest_project

if TYPE_CHECKING:
    from annotator.export.select import Selection
    from annotator.ingest.options import RepairOptions


class Jobs:
    """Mixed into MainWindow: what File > Import and Export and Edit > Suggest for the project run."""

    _job: BackgroundJob | None = None

    def run_job(self, title: str, job, finished) -> None:
        """Run `job(project, progress, cancelled)` in a worker thread on its own connection to the project.

        An in-memory project has no second connection: the job runs here, at once.
        """
        if self.project.path is None:
            try:
                result = job(self.project, lambda *a: None, lambda: False)
            except AnnotatorError as e:
                finished(None, e)
            else:
                finished(result, None)
            return
        path = self.project.path

        def in_thread(progress, cancelled):
            with Project.open(path) as project:
                return job(project, progress, cancelled)

        self._job = BackgroundJob(self, title, in_thread, finished)

    def stop_job(self) -> None:
        """Stop running jobs as a cancel would, and wait for them (the window is closing)."""
        for job in [self._job, self._training, *self._aside.values()]:
            if job is not None:
                job.stop()
        self._job, self._training, self._aside = None, None, {}

    # -- first suggestions of a long document ------------------------------

    def suggest_aside(self, doc_id: int) -> None:
        """Make a long document's first suggestions in a thread; the annotator reads and labels meanwhile,
        and they appear when ready (the window never waits for them). Once per document at a time: reopened
        meanwhile, it would make them twice, and two such threads starve the window of the interpreter."""
        if doc_id in self._aside and self._aside[doc_id].running:
            return
        suggester = self.labelling.suggester().copy()  # its own memory: this one goes on learning
        path = self.project.path
        if path is None:  # an in-memory project has no second connection: here, at once
            return self._suggested_aside(doc_id, first_suggestions(self.project, doc_id, suggester), None)

        def job(progress, cancelled):
            with Project.open(path) as project:
                return first_suggestions(project, doc_id, suggester)

        self._aside = {d: j for d, j in self._aside.items() if j.running}
        self._aside[doc_id] = BackgroundJob(self, "", job,
                                            lambda made, error: self._suggested_aside(doc_id, made, error))

    def _suggested_aside(self, doc_id: int, made, error) -> None:
        if error is not None:
            return self.say(str(error), 6000)
        self.model.refresh_document(doc_id)
        if made and self.doc_id == doc_id:  # the new spans join those shown: the document is not read again
            shown = [s for s in made if s.state in self.shown_states]
            if self.show_raw:
                shown = self.project.document(doc_id).raw_spans(shown)
            self.view.update_spans(self.view.spans + shown, shown)
            QTimer.singleShot(0, lambda: self._suggestions_listed(doc_id, len(made)))

    def _suggestions_listed(self, doc_id: int, made: int) -> None:
        """The span and relation lists and the status bar after suggestions made aside, on a turn of the event
        loop of their own: with the viewer's update in one, 7,000 suggestions kept the window busy 100 ms."""
        if self.doc_id == doc_id:
            self._fill_span_list()
            self._update_status()
            self.say(tr("%d suggestions added.") % made, 4000)

    # -- importing -------------------------------------------------------

    def choose_import_files(self) -> None:
        files = dialogs.ask_report_files(self)
        if files:
            self.ask_and_import(files)

    def choose_import_folder(self) -> None:
        folder = dialogs.ask_report_folder(self)
        if folder:
            self.ask_and_import([folder])

    def ask_and_import(self, paths: list[str]) -> None:
        """Let the annotator choose the repair steps, then import."""
        dialog = dialogs.ImportOptionsDialog(self)
        if dialog.exec():
            self.import_files(paths, dialog.options(), dialog.suggest())

    def import_files(self, paths: list[str], options: RepairOptions | None = None, suggest: bool = False) -> None:
        """Import (and, if asked, suggest) in a worker thread; the window keeps responding. (The import code
        is loaded on first use, as the export code: neither is needed to start.)"""
        from annotator.app.imports import import_files
        from annotator.ingest.options import RepairOptions

        annotator, options = self.annotator, options or RepairOptions()

        def job(project, progress, cancelled):
            return import_files(project, paths, options, suggest=suggest, cancelled=cancelled,
                                progress=lambda i, n, r: progress(i, n, shown(r.path.name)), annotator=annotator)[0]

        self.run_job(tr("Importing reports"), job, self._imported)

    def _imported(self, results, error) -> None:
        if error is not None:
            return show_error(self, str(error))
        self.model.reload()
        self._update_status()
        updated = any(r.report.get("updated") for r in results)
        if updated:  # corrections to documents the project had, written on the job's connection
            self.project.forget_undo()  # so that Ctrl+Z here undoes them
        if self.doc_id is None and self.model.ids:
            self.open_document(self.model.ids[0])
        elif self.doc_id is not None and updated:
            self.view.show_text(*self._shown())
            self._fill_span_list()
        self.import_report = dialogs.ImportReportDialog(results, self)
        self.import_report.open()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.ask_and_import(paths)

    # -- exporting -------------------------------------------------------

    def choose_export(self) -> None:
        start = self.project.path.parent if self.project.path else Path.home()
        dialog = dialogs.ExportDialog(self.project.annotators(), start, self)
        if dialog.exec():
            self.export(dialog.format_name(), dialog.out(), dialog.selection(), dialog.raw.isChecked())

    def export(self, format_name: str, out: Path, sel: Selection, raw_offsets: bool = False) -> None:
        """Export in a worker thread with a progress bar; the files appear only when they are complete."""
        from annotator.app.exports import export

        def job(project, progress, cancelled):
            chosen = replace(sel, progress=lambda i, n: progress(i, n, ""), cancelled=cancelled)
            return export(project, format_name, out, chosen, raw_offsets=raw_offsets)

        self.run_job(tr("Exporting"), job, self._exported)

    def _exported(self, result, error) -> None:
        if error is not None:
            return show_error(self, str(error))
        summary, missing = result
        said = tr("Exported %d documents, %d spans to %s") % (summary["documents"], summary["spans"], summary["path"])
        notes = summary.get("warnings", [])
        if missing.documents or missing.pending:
            notes = [tr("Left out: %d document(s) not marked done, %d pending suggestion(s).")
                     % (missing.documents, missing.pending), *notes]
        if notes:
            show_warning(self, "\n\n".join([said, *notes]))
        self.say(said, 10000)

    # -- team ------------------------------------------------------------

    def choose_merge(self) -> None:
        from annotator.app.merge import merge_projects  # the team workflows load when first used

        paths = dialogs.ask_projects_to_merge(self)
        if paths:
            self.run_job(tr("Merging projects"),
                         lambda project, progress, cancelled: merge_projects(
                             project, [Path(p) for p in paths], lambda i, n, r: progress(i, n, r.line())),
                         self._merged)

    def _merged(self, results, error) -> None:
        if error is not None:
            return show_error(self, str(error))
        self.model.reload()
        self._update_status()
        if self.doc_id is not None:  # the other annotators' spans on the open document
            self.view.show_text(*self._shown())
            self._fill_span_list()
        lines = [r.error or r.line() for r in results]
        (show_warning if any(r.error for r in results) else show_info)(self, "\n".join(lines))


    def choose_sync(self) -> None:
        from annotator.app.sync import load_token

        target = ProjectSettings(self.project).sync_target
        url = target.url if target else ""
        title = target.title if target else (self.project.path.stem if self.project.path else "")
        dialog = dialogs.SyncDialog(url, (load_token(url) or "") if url else "", title, self)
        if dialog.exec():
            self.sync(*dialog.values())

    def sync(self, url: str, token: str, title: str) -> None:
        """Sync with Label Studio in a worker thread, with progress and cancel (a cancelled sync goes on next time)."""
        from annotator.app.sync import sync as run_sync

        annotator = self.annotator
        self.run_job(tr("Syncing with Label Studio"),
                     lambda project, progress, cancelled: run_sync(project, url or None, token or None,
                                                                   title or None, annotator, progress, cancelled),
                     self._synced)

    def _synced(self, report, error) -> None:
        if error is not None:
            return show_error(self, str(error))
        self.model.reload()
        self._update_status()
        if report.received:  # written on the job's connection: so that Ctrl+Z here undoes them
            self.project.forget_undo()
            if self.doc_id is not None:
                self.view.show_text(*self._shown())
                self._fill_span_list()
        (show_warning if report.conflicts or report.problems else show_info)(self, "\n".join(report.lines()))

    def show_conflicts(self) -> None:
        from annotator.app.sync import open_conflicts
        dialog = dialogs.ConflictsDialog(open_conflicts(self.project), self)
        dialog.document_chosen.connect(self.open_document)
        dialog.show()

    def show_agreement(self) -> None:
        from annotator.app.agreement import project_agreement
        self.run_job(tr("Computing agreement"),
                     lambda project, progress, cancelled: project_agreement(project), self._agreement_ready)

    def _agreement_ready(self, result, error) -> None:
        if error is not None:
            return show_error(self, str(error))
        dialog = dialogs.AgreementDialog(result, self)
        dialog.document_chosen.connect(self.open_document)
        dialog.show()

    # -- training (by hand, or by itself after every N documents done) -------

    _training: BackgroundJob | None = None
    _retrain_stopped: str | None = None  # why retraining by itself stopped for this session (said once)

    @property
    def training(self) -> bool:
        """Whether a training (or its scoring by need) runs now."""
        return self._training is not None and self._training.running

    def train_model(self) -> None:
        """Edit > Train: train in the background (spaCy in a process of its own), then suggest with the model
        for the labels it does better than the rules, and order the unfinished documents by need."""
        if self.project.path is None:
            return show_error(self, tr("Training needs a project saved in a file."))
        if self.training:
            return self.say(tr("A training is already running."), 5000)
        self._start_training(0)

    def retrain_if_due(self) -> None:
        """After a document was marked done: start a training by itself when the project's setting says one
        is due (annotator.app.training decides), unless one runs, or retraining by itself stopped after a
        failure or a cancel in this session (said once, in the status bar)."""
        from annotator.app.training import retrain_is_due

        if self.training or self._retrain_stopped is not None or not retrain_is_due(self.project):
            return
        if self.project.path is None:
            return self._stop_retraining(tr("Training needs a project saved in a file."))
        self._start_training(ProjectSettings(self.project).retrain_after)

    def _start_training(self, after: int) -> None:
        """Train (and score by need) in a thread on the job's own connection, with the status bar's training
        widget showing progress and cancel; the window never waits and no dialog opens while it runs.
        `after`: the documents done that started it by itself (0: by hand)."""
        from annotator.app import training

        path = self.project.path
        out = path.with_name(path.stem + "-model")

        def job(progress, cancelled):
            with Project.open(path) as project:
                return training.train_and_rank(project, out, training.DEFAULT_STEPS, progress, cancelled)

        self.training_status.start(after)
        self._training = BackgroundJob(self, "", job, lambda evaluation, error: self._trained(evaluation, error,
                                                                                              after),
                                       progress=self.training_status.show_progress)

    def cancel_training(self) -> None:
        if self.training:
            self.training_status.cancelling()
            self._training.cancel()

    def _stop_retraining(self, reason: str) -> None:
        self._retrain_stopped = reason
        self.say(tr("Retraining by itself stopped for this session: %s (Edit > Train a model trains by hand)")
                 % reason, 20000)

    def _trained(self, evaluation, error, after: int = 0) -> None:
        self.training_status.finish()
        self._training = None
        if error is not None:
            if after:  # by itself: said once in the status bar, never a dialog every N documents
                return self._stop_retraining(str(error))
            return show_error(self, str(error))
        self._retrain_stopped = None  # a training that worked starts retraining by itself again
        self.labelling.forget_suggester()
        self.model.reload()  # the need scores changed
        if self.doc_id is not None:
            self.documents.select(self.doc_id)
        choices = [f"{label} {e['model']['f1']:.2f} / {e['rules']['f1']:.2f} → "
                   + (tr("model") if e["use"] == "model" else tr("rules")) for label, e in evaluation["labels"].items()]
        need = evaluation.get("need")
        scored = [tr("%d of %d unfinished documents scored by need.") % (need["scored"], need["of"])] if need else []
        if after:
            return self.say(" ".join([tr("Model retrained (F1 model / rules): %s.") % ", ".join(choices), *scored]),
                            30000)
        show_info(self, "\n".join([tr("Evaluated on %d held-out documents (F1, model / rules):")
                                   % evaluation["documents"], *choices, *scored]))

    # -- suggesting ------------------------------------------------------

    def suggest_whole_project(self) -> None:
        def job(project, progress, cancelled):
            return suggest_project(project, lambda i, n: progress(i, n, ""), cancelled)

        self.run_job(tr("Suggesting spans"), job, self._suggested)

    def _suggested(self, added, error) -> None:
        if error is not None:
            return show_error(self, str(error))
        self.model.reload()
        if self.doc_id is not None:
            self.view.update_spans(self.project.spans(self.doc_id), self.view.spans)
            self._fill_span_list()
        self.say(tr("%d suggestions added.") % added, 5000)

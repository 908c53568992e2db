"""The annotation window: document list, viewer, label bar, span panel, keyboard-first labelling.

It lays out and wires; the rules live in annotator.app (Labelling). Every change
goes to the project (one committed transaction) before the screen shows it;
there is no Save command.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QTextBrowser

from annotator.app.labelling import Labelling, PendingSuggestions
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.gui import actions
from annotator.gui.actions import tr
from annotator.gui.adjudication import Adjudicating
from annotator.gui.editing import Editing
from annotator.gui.find_bar import FindBar
from annotator.gui.guidelines import GuidelinesPanel
from annotator.gui.i18n import language
from annotator.gui.jobs import Jobs
from annotator.gui.label_bar import LabelBar
from annotator.gui.messages import ask_pending, show_warning
from annotator.gui.panels import DocumentPanel, SpanPanel, column
from annotator.gui.project_actions import ProjectActions
from annotator.gui.project_lock import ProjectLock
from annotator.gui.relations import RelationPanel, Relating
from annotator.gui.status import DocumentClock, ProjectWatcher
from annotator.gui.training_status import TrainingProgress
from annotator.gui.user_settings import UserSettings
from annotator.gui.viewer import DocumentView
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings


AFTER_DRAWN_MS = 50  # a long document's first suggestions start this long after its text is shown
# The window shares the interpreter with the threads that suggest and search. Python hands the interpreter
# to a waiting thread after this many seconds (5 ms by default): with the default, a window event waited up to
# 130 ms behind a long document's suggester (each line drawn is a Python call); with 1 ms, 15 to 43 ms.
SWITCH_INTERVAL_S = 0.001


class MainWindow(QMainWindow, ProjectActions, Editing, Relating, Jobs, Adjudicating):
    def __init__(self, project: Project, annotator: str | None = None, owns_project: bool = False,
                 warnings: tuple[str, ...] = ()):
        super().__init__()
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        self.setObjectName("mainWindow")
        self.setAttribute(Qt.WA_DeleteOnClose, owns_project)
        self.project, self.owns_project = project, owns_project
        self.settings = UserSettings()
        self.labelling = Labelling(project, annotator or self.settings.annotator)
        self.doc_id: int | None = None
        self.show_raw = False
        self._aside = {}  # document id -> the job making that long document's first suggestions
        self.setWindowTitle(tr("Pairing-assistance annotator — %s") % (project.path or tr("in memory")))
        self.resize(1400, 860)

        self.documents = DocumentPanel(project, self)
        self.model, self.doc_list = self.documents.model, self.documents.table
        self.doc_list.clicked.connect(lambda index: self.open_document(self.model.ids[index.row()]))
        self.view = DocumentView()
        self.view.spanClicked.connect(self.view.set_selected)
        self.view.edgeDragged.connect(self.drag_edge)
        self.spans = SpanPanel(self)
        self.spans.table.clicked.connect(self._span_item_clicked)
        self.spans.filter.currentIndexChanged.connect(lambda _: self._fill_span_list())
        self.relations = RelationPanel(self)
        self.relations.table.clicked.connect(self._relation_clicked)
        self.named = actions.install(self)
        self.recent_menu = self.named["recentProjects"]
        self.raw_action = self.named["rawAction"]
        self.raw_action.setCheckable(True)
        self.named["rejectedAction"].setCheckable(True)
        self.show_rejected = False
        self.view.spanSelected.connect(self.spans.follow)
        self.label_bar = LabelBar(self.named["&Edit"])
        self.label_bar.labelChosen.connect(self.apply_label)
        self.find_box = FindBar(self.view)
        self.find_box.notFound.connect(self.say)
        splitter = QSplitter()
        self.meta_line = QLabel(objectName="documentMeta")
        self.meta_line.setTextFormat(Qt.PlainText)
        self.meta_line.setWordWrap(True)
        side = QSplitter(Qt.Vertical, objectName="sidePanels")
        side.addWidget(self.spans.widget)
        side.addWidget(self.relations.widget)
        side.setSizes([560, 240])
        for widget in (self.documents.widget, column(self.label_bar, self.meta_line, self.find_box, self.view), side):
            splitter.addWidget(widget)
        splitter.setSizes([380, 640, 380])
        self.setCentralWidget(splitter)
        self.guidelines = GuidelinesPanel(self, language(self.settings))
        self.addDockWidget(Qt.RightDockWidgetArea, self.guidelines)
        self.guidelines.hide()
        self.shortcuts = QDockWidget(tr("Keyboard shortcuts"), self, objectName="shortcuts")
        self.shortcuts.setWidget(QTextBrowser(objectName="shortcutSheet"))
        self.addDockWidget(Qt.RightDockWidgetArea, self.shortcuts)
        self.shortcuts.hide()

        self.status_annotator, self.status_position, self.status_progress = QLabel(), QLabel(), QLabel()
        self.status_suggestions = QLabel(objectName="suggestionProgress")
        self.clock = DocumentClock()
        self.training_status = TrainingProgress()
        self.training_status.cancelRequested.connect(self.cancel_training)
        for w in (self.training_status, self.status_annotator, self.status_suggestions, self.status_position,
                  self.status_progress, self.clock):
            self.statusBar().addPermanentWidget(w)
        self.setAcceptDrops(True)
        self._apply_font()
        self._fill_recent()
        self._build_labels()
        self._build_relation_types()
        self._update_status()
        if self.model.rowCount():
            last = project.last_document(self.annotator)
            self.open_document(last if last in self.model.ids else self.model.ids[0])
        self.watcher = ProjectWatcher(project, self)  # another program may write to the project
        self.watcher.changed.connect(self._changed_elsewhere)
        self._lock = ProjectLock(project.path) if owns_project and project.path else None
        held_by = self._lock.acquire() if self._lock else None
        if held_by:
            warnings = (*warnings, tr("This project is already open in %s. You can work in both: every change "
                                      "is saved at once and each window shows the other's new documents.") % held_by)
        if warnings:
            self.say(warnings[0], 20000)
            QTimer.singleShot(0, lambda: show_warning(self, "\n\n".join(warnings)))

    @property
    def annotator(self) -> str:
        return self.labelling.annotator

    def say(self, text: str, ms: int = 3000) -> None:
        self.statusBar().showMessage(text, ms)

    def _build_labels(self) -> None:
        """The label bar, hotkeys and span filter, from the project's label set (again after it is edited)."""
        self.labels = self.project.labels()
        self.view.set_labels(self.labels)
        self.label_bar.set_labels(self.labels)
        self.spans.set_labels(self.labels)

    def _apply_font(self) -> None:
        font = self.view.font()
        if self.settings.font_family:
            font.setFamily(self.settings.font_family)
        font.setPointSize(ProjectSettings(self.project).font_size)
        self.view.setFont(font)

    def _changed_elsewhere(self) -> None:
        self.model.reload()
        if self.doc_id is not None:
            self.documents.select(self.doc_id)
        self._update_status()

    # -- documents -------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        self._record_time()
        self.cancel_relation()
        self.doc_id = doc_id
        made = self.labelling.open(doc_id)  # suggestions on a first opening
        if made:
            self.model.refresh_document(doc_id)
        elif made is None:  # a long document: its text now, its suggestions when they are ready
            # started once the text is drawn: the suggester's thread would share the interpreter with the drawing
            QTimer.singleShot(AFTER_DRAWN_MS, lambda: self.doc_id == doc_id and self.suggest_aside(doc_id))
        self.view.show_text(*self._shown())
        self._fill_span_list()
        self.meta_line.setText(self._describe(doc_id))
        self.documents.select(doc_id)
        self._update_status()
        self.clock.start(self.project.document_time(doc_id))
        self.view.setFocus()

    def _shown(self) -> tuple[str, list[Span]]:
        """The open document's text and spans: normalized, or the original raw text with the spans mapped."""
        spans = self.project.spans(self.doc_id, self.shown_states)
        if not self.show_raw:
            return self.project.text(self.doc_id), spans
        doc = self.project.document(self.doc_id)
        return doc.original, doc.raw_spans(spans)

    def _describe(self, doc_id: int) -> str:
        """The line over the text: what import moved to metadata (date, source, title) and the file."""
        doc = self.project.document(doc_id)
        parts = [f"{tr(key)}: {doc.meta[key]}" for key in ("title", "date", "source", "site") if doc.meta.get(key)]
        return "  ·  ".join([*parts, doc.name])

    @property
    def shown_states(self) -> tuple[str, ...]:
        return ("accepted", "pending", "rejected") if self.show_rejected else ("accepted", "pending")

    def toggle_rejected(self) -> None:
        """Show rejected spans struck through, so that one can be selected and accepted again (Enter)."""
        self.show_rejected = not self.show_rejected
        self.named["rejectedAction"].setChecked(self.show_rejected)
        self.spans.set_states(self.shown_states)
        if self.doc_id is not None:
            self.view.show_text(*self._shown())
            self._fill_span_list()

    def toggle_raw(self) -> None:
        self.show_raw = not self.show_raw
        self.raw_action.setChecked(self.show_raw)
        if self.doc_id is not None:
            self.view.show_text(*self._shown())
            self._fill_span_list()
        self.say(tr("Showing the original text: labels are made on the normalized text (Ctrl+R to go back).")
                 if self.show_raw else tr("Showing the normalized text."), 5000)

    def open_find(self) -> None:
        self.find_box.open()

    def _record_time(self) -> None:
        seconds = self.clock.lap()
        if self.doc_id is not None:
            self.project.add_time(self.doc_id, seconds, self.annotator)

    def step_document(self, step: int) -> None:
        row = self.model.row_of(self.doc_id) if self.doc_id is not None else -1
        if 0 <= row + step < self.model.rowCount():
            self.open_document(self.model.ids[row + step])

    def mark_done_and_next(self, pending: str = "refuse") -> None:
        """Ctrl+Enter: mark the document done and open the next unfinished one; undecided suggestions are
        never left behind: the annotator is asked to accept or reject the rest, or to go back."""
        if self.doc_id is None:
            return
        try:
            decided = self.labelling.mark_done(self.doc_id, pending)
        except PendingSuggestions as e:
            self.pending_question = ask_pending(self, e.count, self.mark_done_and_next)
            return
        except AnnotatorError as e:
            return self.say(str(e), 8000)
        if decided:
            self._refresh_spans(decided)
        self.model.refresh_document(self.doc_id)
        self.retrain_if_due()  # in the background, when the project's setting says so
        following = self.labelling.next_unfinished(self.model.ids, self.doc_id)
        if following is not None:
            self.open_document(following)
            return
        self._update_status()
        self.say(tr("Every document is done."), 5000)

    def order_by_need(self) -> None:
        """Go > Order by need: the unfinished documents rules and model disagree on most first (scored after
        a training); next document and Mark done, open next follow the list."""
        self.documents.order_by_need()
        if self.doc_id is not None:
            self.documents.select(self.doc_id)
        self._update_status()
        if not self.project.top_need(1):
            self.say(tr("No document has a need score yet: train a model first (Edit > Train a model)."), 8000)

    # -- view and status -------------------------------------------------

    def zoom(self, step: int) -> None:
        font = self.view.font()
        font.setPointSize(max(8, min(40, font.pointSize() + step)))
        self.view.setFont(font)
        ProjectSettings(self.project).font_size = font.pointSize()

    def toggle_guidelines(self) -> None:
        self.guidelines.setVisible(not self.guidelines.isVisible())

    def toggle_shortcuts(self) -> None:
        self.shortcuts.widget().setHtml(actions.shortcut_sheet(self.labels, self.relation_types))
        self.shortcuts.setVisible(not self.shortcuts.isVisible())

    def _update_status(self) -> None:
        stats = self.project.status_counts()
        row = self.model.row_of(self.doc_id) if self.doc_id is not None else -1
        self.status_annotator.setText(tr("Annotator: %s") % self.annotator)
        self.status_position.setText(f"{row + 1} / {self.model.rowCount()}" if row >= 0 else "")
        self.status_progress.setText(tr("Done %d / %d") % (stats["done"], sum(stats.values())))
        decided, made = self.project.suggestion_progress(self.doc_id) if self.doc_id is not None else (0, 0)
        self.status_suggestions.setText(tr("Suggestions decided %d / %d") % (decided, made) if made else "")

    def closeEvent(self, event) -> None:
        """Closing stops a running import or export as a cancel would, and waits for it, first."""
        self.stop_job()
        self._record_time()
        self.watcher.stop()
        self.model.stop()
        self.clock.stop()
        owned, lock = self.owns_project, self._lock
        self.owns_project, self.doc_id = False, None
        super().closeEvent(event)
        if owned:
            self.project.close()
        if lock is not None:
            lock.release()


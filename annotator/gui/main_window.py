"""The annotation window: document list, viewer, label bar, span panel, keyboard-first labelling.

Every change goes to the project (one committed transaction) before the
screen shows it; there is no Save command.
"""
from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow, QMessageBox,
    QPushButton, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget,
    QApplication, QDockWidget, QFileDialog, QInputDialog,
)

from annotator.core.errors import AnnotatorError
from annotator.core.paths import shown
from annotator.core.model import ORIGINS, STATES, Span
from annotator.core.offsets import OffsetMap
from annotator.core.resources import read_text
from annotator.core.spans import trim
from annotator.export.formats import EXPORTERS
from annotator.export.select import Selection
from annotator.gui.document_model import DocumentListModel
from annotator.gui.export_dialog import ExportDialog
from annotator.gui.i18n import install_translator
from annotator.gui.settings_dialog import SettingsDialog
from annotator.gui.span_list import SpanListModel
from annotator.gui.import_report import ImportOptionsDialog, ImportReportDialog
from annotator.gui.workers import BackgroundJob
from annotator.ingest.importer import import_paths
from annotator.ingest.repair import RepairOptions
from annotator.ingest.words import snap
from annotator.gui.viewer import DocumentView
from annotator.store.backups import list_backups, make_backup, restore_backup
from annotator.gui.messages import show_error, show_warning
from annotator.gui.project_lock import ProjectLock
from annotator.store.project import Project
from annotator.suggest.project import (
    SUGGEST_EVENT, suggest_document, suggest_occurrences, suggest_project, suggester_for,
)


class MainWindow(QMainWindow):
    def __init__(self, project: Project, annotator: str, owns_project: bool = False,
                 warnings: tuple[str, ...] = ()):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAttribute(Qt.WA_DeleteOnClose, owns_project)
        self.project = project
        self.owns_project = owns_project
        self.annotator = annotator
        self.settings = QSettings()
        self.doc_id: int | None = None
        self._time_before = 0.0
        self._cached_suggester = None
        self.show_raw = False
        self._opened_at = time.monotonic()
        self.setWindowTitle(self.tr("Pairing-assistance annotator — %s") % (project.path or self.tr("in memory")))
        self.resize(1400, 860)

        self.model = DocumentListModel(project, self)
        self.doc_list = QTableView(objectName="documentList")
        self.doc_list.setModel(self.model)
        self.doc_list.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.doc_list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.doc_list.setSortingEnabled(True)
        self.doc_list.sortByColumn(0, Qt.AscendingOrder)
        self.doc_list.verticalHeader().setVisible(False)
        self.doc_list.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        # Fixed widths: fitting columns to their contents would read every row of a large project.
        for col, width in zip(range(1, 5), (64, 48, 48, 28)):
            self.doc_list.horizontalHeader().setSectionResizeMode(col, QHeaderView.Interactive)
            self.doc_list.setColumnWidth(col, width)
        self.doc_list.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.doc_list.verticalHeader().setDefaultSectionSize(self.doc_list.fontMetrics().height() + 8)
        self.doc_list.clicked.connect(self._list_clicked)
        self.filter_box = QLineEdit(objectName="documentFilter")
        self.filter_box.setPlaceholderText(self.tr("Filter by name or text…"))
        self.filter_box.textChanged.connect(self.model.set_filter)
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_box)
        lay.addWidget(self.doc_list)

        self.view = DocumentView()
        self._apply_font()
        self.view.spanClicked.connect(self._span_clicked)

        self.label_bar = QWidget(objectName="labelBar")
        QHBoxLayout(self.label_bar).setContentsMargins(4, 2, 4, 2)
        self.find_box = QLineEdit(objectName="findBox")
        self.find_box.setPlaceholderText(self.tr("Find in the text (Enter: next, Esc: close)"))
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.hide()
        center = QWidget()
        lay = QVBoxLayout(center)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label_bar)
        lay.addWidget(self.find_box)
        lay.addWidget(self.view)

        self.span_model = SpanListModel(self)
        self.span_list = QTableView(objectName="spanList")
        self.span_list.setModel(self.span_model)
        self.span_list.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.span_list.verticalHeader().setVisible(False)
        self.span_list.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.span_list.verticalHeader().setDefaultSectionSize(self.span_list.fontMetrics().height() + 6)
        header = self.span_list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        metrics = self.span_list.fontMetrics()  # fixed widths: fitting them to contents would read every row
        widest = lambda words: max(metrics.horizontalAdvance(w) for w in words) + 16
        self.span_list.setColumnWidth(0, 96)
        self.span_list.setColumnWidth(2, widest([self.span_model.words[k] for k in ORIGINS]))
        self.span_list.setColumnWidth(3, widest([self.span_model.words[k] for k in STATES]))
        self.span_list.clicked.connect(self._span_item_clicked)
        self.span_filter = QComboBox(objectName="spanFilter")
        self.span_filter.currentIndexChanged.connect(lambda _: self._fill_span_list())
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.span_filter)
        lay.addWidget(self.span_list)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(center)
        splitter.addWidget(right)
        splitter.setSizes([400, 720, 300])
        self.setCentralWidget(splitter)

        self.guidelines = QDockWidget(self.tr("Guidelines"), self, objectName="guidelines")
        browser = QTextBrowser()
        browser.setMarkdown(read_text("GUIDELINES.md"))
        self.guidelines.setWidget(browser)
        self.addDockWidget(Qt.RightDockWidgetArea, self.guidelines)
        self.guidelines.hide()

        self.status_annotator = QLabel()
        self.status_position = QLabel()
        self.status_progress = QLabel()
        self.status_time = QLabel(objectName="documentTime")
        for w in (self.status_annotator, self.status_position, self.status_progress, self.status_time):
            self.statusBar().addPermanentWidget(w)
        self.setAcceptDrops(True)
        self._label_actions: list[QAction] = []
        self._make_actions()
        self._build_labels()
        self._update_status()
        if self.model.rowCount():
            last = project.last_document(annotator)
            self.open_document(last if last in self.model.ids else self.model.ids[0])
        self._clock = QTimer(self, interval=1000, timeout=self._show_time)
        self._clock.start()
        # Another program (annotator import in a shell) may write to the project: look every two seconds.
        self._data_version = project.data_version()
        self._poll = QTimer(self, interval=2000, timeout=self.poll_changes)
        self._poll.start()
        self._job: BackgroundJob | None = None
        self._lock = ProjectLock(project.path) if owns_project and project.path else None
        held_by = self._lock.acquire() if self._lock else None
        if held_by:
            warnings = (*warnings, self.tr("This project is already open in %s. You can work in both: every "
                                           "change is saved at once and each window shows the other's new "
                                           "documents.") % held_by)
        if warnings:
            self.statusBar().showMessage(warnings[0], 20000)
            QTimer.singleShot(0, lambda: show_warning(self, "\n\n".join(warnings)))

    # -- actions ---------------------------------------------------------

    def _action(self, text: str, keys, slot, menu=None) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in (keys if isinstance(keys, (list, tuple)) else [keys])])
        action.setShortcutContext(Qt.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        if menu is not None:
            menu.addAction(action)
        return action

    def _make_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(self.tr("Import files…"), "Ctrl+I", self.choose_import_files, file_menu)
        self._action(self.tr("Import folder…"), "Ctrl+Shift+I", self.choose_import_folder, file_menu)
        self._action(self.tr("Export…"), "Ctrl+E", self.choose_export, file_menu)
        file_menu.addSeparator()
        self._action(self.tr("New project…"), "Ctrl+N", self.choose_new_project, file_menu)
        self._action(self.tr("Open project…"), "Ctrl+O", self.choose_open_project, file_menu)
        self.recent_menu = file_menu.addMenu(self.tr("Recent projects"))
        self.recent_menu.setObjectName("recentProjects")
        self._fill_recent()
        file_menu.addSeparator()
        self._action(self.tr("Restore a backup…"), [], self.choose_backup, file_menu)
        self._action(self.tr("Settings…"), "Ctrl+,", self.open_settings, file_menu)
        file_menu.addSeparator()
        self._action(self.tr("Quit"), "Ctrl+Q", self.close, file_menu)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self._action(self.tr("Undo"), "Ctrl+Z", self.undo, edit)
        self._action(self.tr("Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.redo, edit)
        self._action(self.tr("Delete span"), ["Delete", "Backspace"], self.delete_selected, edit)
        self._action(self.tr("Clear selection"), "Esc", self.clear_selection, edit)
        edit.addSeparator()
        self._action(self.tr("Accept suggestion"), ["Return", "Enter"], self.accept_suggestion, edit)
        self._action(self.tr("Reject suggestion"), "X", self.reject_suggestion, edit)
        self._action(self.tr("Accept all suggestions in this document"), "Shift+A", self.accept_all, edit)
        self._action(self.tr("Suggest for the whole project…"), "Ctrl+Shift+S", self.suggest_whole_project, edit)
        edit.addSeparator()
        self._action(self.tr("Next span"), "Tab", lambda: self.step_span(1), edit)
        self._action(self.tr("Previous span"), "Shift+Tab", lambda: self.step_span(-1), edit)
        self.edit_menu = edit
        go = self.menuBar().addMenu(self.tr("&Go"))
        self._action(self.tr("Next document"), ["N", "PgDown"], lambda: self.step_document(1), go)
        self._action(self.tr("Previous document"), ["P", "PgUp"], lambda: self.step_document(-1), go)
        self._action(self.tr("Mark done, open next"), ["Ctrl+Return", "Ctrl+Enter"], self.mark_done_and_next, go)
        view = self.menuBar().addMenu(self.tr("&View"))
        self._action(self.tr("Bigger text"), "Ctrl+=", lambda: self.zoom(1), view)
        self._action(self.tr("Smaller text"), "Ctrl+-", lambda: self.zoom(-1), view)
        self.raw_action = self._action(self.tr("Show the original text"), "Ctrl+R", self.toggle_raw, view)
        self.raw_action.setCheckable(True)
        self._action(self.tr("Find…"), "Ctrl+F", self.open_find, view)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(self.tr("Guidelines"), "F1", self.toggle_guidelines, help_menu)

    def poll_changes(self) -> bool:
        """Show documents another program added or changed; True when there was something new."""
        version = self.project.data_version()
        if version == self._data_version:
            return False
        self._data_version = version
        self.project.refresh()
        self.model.reload()
        if self.doc_id is not None and self.doc_id in self.model.ids:
            self.doc_list.selectRow(self.model.row_of(self.doc_id))
        self._update_status()
        return True

    def _build_labels(self) -> None:
        """The label bar and the label hotkeys, from the project's label set (again after it is edited)."""
        self.labels = self.project.labels()
        self.view.set_labels(self.labels)
        bar = self.label_bar.layout()
        while bar.count():
            item = bar.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone at once, not at the next turn of the event loop
                widget.deleteLater()
        for action in self._label_actions:
            self.removeAction(action)
            self.edit_menu.removeAction(action)
        self._label_actions = []
        for label in self.labels:
            button = QPushButton(f"{label.hotkey or ''} {label.display_zh} {label.name}".strip(),
                                 objectName=f"label_{label.name}")
            fg = "#000000" if QColor(label.color).lightness() > 110 else "#ffffff"
            button.setStyleSheet(f"background:{label.color}; color:{fg}; padding:4px 10px;")
            button.setToolTip(self.tr("Label the selection %s (key %s)") % (label.name, label.hotkey or "-"))
            button.clicked.connect(lambda _=False, n=label.name: self.apply_label(n))
            bar.addWidget(button)
            if label.hotkey:
                self._label_actions.append(self._action(self.tr("Label %s") % label.name, label.hotkey,
                                                        lambda _=False, n=label.name: self.apply_label(n),
                                                        self.edit_menu))
        bar.addStretch(1)
        self.span_filter.blockSignals(True)
        self.span_filter.clear()
        self.span_filter.addItem(self.tr("All spans"), None)
        for label in self.labels:
            self.span_filter.addItem(f"{label.display_zh} {label.name}", ("label", label.name))
        for state in ("accepted", "pending"):
            self.span_filter.addItem(self.span_model.words[state], ("state", state))
        self.span_filter.blockSignals(False)
        self.span_model.set_labels(self.labels)

    def _apply_font(self) -> None:
        font = self.view.font()
        family = self.settings.value("font_family", "")
        if family:
            font.setFamily(family)
        font.setPointSize(int(self.project.setting("font_size", "14")))
        self.view.setFont(font)

    # -- projects and settings ---------------------------------------------

    def choose_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New project"), str(Path.home() / "project.annot"),
                                              self.tr("Annotation projects (*.annot)"))
        if path:
            self.switch_project(path if path.endswith(".annot") else path + ".annot")

    def choose_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), str(Path.home()),
                                              self.tr("Annotation projects (*.annot);;All files (*)"))
        if path:
            self.switch_project(path)

    def switch_project(self, path: str) -> "MainWindow | None":
        """Open (or create) the project at `path` in a new window, which replaces this one."""
        if self.project.path is not None and Path(path).resolve() == self.project.path.resolve():
            self.statusBar().showMessage(self.tr("This project is already open in this window."), 8000)
            return self
        try:
            project, warnings = open_for_work(path)
        except AnnotatorError as e:
            show_error(self, str(e))
            return None
        remember_project(self.settings, path)
        window = MainWindow(project, self.annotator, owns_project=True, warnings=warnings)
        window.setGeometry(self.geometry())
        window.show()
        self.close()
        return window

    def choose_backup(self) -> None:
        if self.project.path is None:
            return
        backups = list_backups(self.project.path)
        if not backups:
            self.statusBar().showMessage(self.tr("No backups of this project yet."), 4000)
            return
        names = [b.stem for b in backups]
        name, ok = QInputDialog.getItem(self, self.tr("Restore a backup"), self.tr(
            "Backups are made each time the project is opened; the current state is backed up before a "
            "restore. Restore:"), names, 0, False)
        if ok:
            self.restore(backups[names.index(name)])

    def restore(self, backup: Path) -> "MainWindow":
        """Restore `backup` into the open project (other programs that have it open follow) and show it
        in a fresh window."""
        self._record_time()
        try:
            restore_backup(self.project, backup)
        except AnnotatorError as e:
            show_error(self, str(e))
            return self
        self.doc_id = None  # it may not exist in the restored project
        return self.reopen()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_projects(self.settings):
            self.recent_menu.addAction(path, lambda p=path: self.switch_project(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.project, self.settings, self.annotator, self.view.font(), self)
        language = self.settings.value("language", "system")
        dialog.finished.connect(lambda result: self._settings_closed(dialog, result, language))
        dialog.open()
        return dialog

    def _settings_closed(self, dialog: SettingsDialog, result: int, language: str) -> None:
        if result:
            dialog.apply()
            self.annotator = self.settings.value("annotator", self.annotator)
            self._apply_font()
        self._build_labels()
        if self.doc_id is not None:
            self.open_document(self.doc_id)
        self._update_status()
        if result and self.settings.value("language", "system") != language:
            install_translator(QApplication.instance(), self.settings)
            self.reopen()

    def reopen(self) -> "MainWindow":
        """The same project in a fresh window (after the language changes)."""
        window = MainWindow(self.project, self.annotator)
        window.owns_project, window._lock = self.owns_project, self._lock
        window.setAttribute(Qt.WA_DeleteOnClose, self.owns_project)
        self.owns_project, self._lock = False, None
        window.setGeometry(self.geometry())
        window.show()
        if self.doc_id is not None:
            window.open_document(self.doc_id)
        self.close()
        return window

    # -- importing -------------------------------------------------------

    def choose_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Import reports"), "",
                                                self.tr("Reports (*.txt *.html *.htm *.docx);;All files (*)"))
        if files:
            self.ask_and_import(files)

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of reports"))
        if folder:
            self.ask_and_import([folder])

    def ask_and_import(self, paths: list[str]) -> None:
        """Let the annotator choose the repair steps, then import."""
        dialog = ImportOptionsDialog(self)
        if dialog.exec():
            self.import_files(paths, dialog.options(), dialog.suggest())

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

    def import_files(self, paths: list[str], options: RepairOptions = RepairOptions(),
                     suggest: bool = False) -> None:
        """Import (and, if asked, suggest) in a worker thread; the window keeps responding."""
        def job(project, progress, cancelled):
            results = import_paths(project, paths, options, cancelled=cancelled,
                                   progress=lambda i, n, r: progress(i, n, shown(r.path.name)))
            if suggest:
                suggester = suggester_for(project)
                for r in results:
                    if cancelled():
                        break
                    if r.status == "imported" and r.document_id is not None:
                        suggest_document(project, r.document_id, suggester)
            return results

        self.run_job(self.tr("Importing reports"), job, self._imported)

    def _imported(self, results, error) -> None:
        if error is not None:
            show_error(self, str(error))
            return
        self.model.reload()
        self._update_status()
        if self.doc_id is None and self.model.ids:
            self.open_document(self.model.ids[0])
        self.import_report = ImportReportDialog(results, self)
        self.import_report.open()

    # -- exporting -------------------------------------------------------

    def choose_export(self) -> None:
        annotators = sorted({r[0] for r in self.project.db.execute("SELECT DISTINCT annotator FROM spans")})
        start = self.project.path.parent if self.project.path else Path.home()
        dialog = ExportDialog(annotators, start, self)
        if dialog.exec():
            self.export(dialog.format_name(), dialog.out(), dialog.selection(), dialog.raw.isChecked())

    def export(self, format_name: str, out: Path, sel: Selection, raw_offsets: bool = False) -> None:
        """Export in a worker thread with a progress bar; the file appears only when it is complete."""
        exporter = EXPORTERS[format_name][0]

        def job(project, progress, cancelled):
            chosen = replace(sel, progress=lambda i, n: progress(i, n, ""), cancelled=cancelled)
            return exporter(project, out, chosen, raw_offsets=raw_offsets)

        self.run_job(self.tr("Exporting"), job, self._exported)

    def _exported(self, summary, error) -> None:
        if error is not None:
            show_error(self, str(error))
            return
        self.statusBar().showMessage(self.tr("Exported %d documents, %d spans to %s")
                                     % (summary["documents"], summary["spans"], summary["path"]), 10000)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.ask_and_import(paths)

    # -- documents -------------------------------------------------------

    def _suggester(self):
        """The project's suggester, built once and again only after a span changed (what it learns from)."""
        if self._cached_suggester is None:
            self._cached_suggester = suggester_for(self.project)
        return self._cached_suggester

    def suggestions_on(self) -> bool:
        """Suggest on opening a document and after each new label (a project setting)."""
        return self.project.setting("suggestions", "on") == "on"

    def open_document(self, doc_id: int) -> None:
        self._record_time()
        self.doc_id = doc_id
        self._time_before = self.project.document_time(doc_id)
        if self.suggestions_on() and not self.project.has_event(doc_id, SUGGEST_EVENT) \
                and not self.project.spans(doc_id, states=("accepted", "pending", "rejected")):
            suggest_document(self.project, doc_id, self._suggester())
            self.model.refresh_document(doc_id)
        self.view.show_text(*self._shown())
        self._fill_span_list()
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.doc_list.selectRow(row)
        self._update_status()
        self._show_time()
        self.view.setFocus()

    def _show_time(self) -> None:
        """Time on this document: what earlier sessions recorded plus this visit."""
        if self.doc_id is None:
            return
        seconds = int(self._time_before + time.monotonic() - self._opened_at)
        self.status_time.setText(self.tr("On this document: %d:%02d") % (seconds // 60, seconds % 60))

    def _shown(self) -> tuple[str, list[Span]]:
        """The open document's text and spans as the viewer shows them: normalized, or the original raw text
        with the same spans mapped onto it through the import's offset map."""
        spans = self.project.spans(self.doc_id)
        if not self.show_raw:
            return self.project.text(self.doc_id), spans
        doc = self.project.document(self.doc_id)
        omap = OffsetMap.from_bytes(doc.offset_map) if doc.offset_map else OffsetMap.identity(len(doc.text))
        return doc.raw_text, [replace(s, **dict(zip(("start", "end"), omap.raw_span(s.start, s.end))))
                              for s in spans]

    def toggle_raw(self) -> None:
        self.show_raw = not self.show_raw
        self.raw_action.setChecked(self.show_raw)
        if self.doc_id is not None:
            self.view.show_text(*self._shown())
            self._fill_span_list()
        self.statusBar().showMessage(self.tr("Showing the original text: labels are made on the normalized text "
                                             "(Ctrl+R to go back).") if self.show_raw
                                     else self.tr("Showing the normalized text."), 5000)

    def open_find(self) -> None:
        self.find_box.show()
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> None:
        """Select the next match after the cursor, wrapping round at the end."""
        needle = self.find_box.text()
        if not needle:
            return
        if not self.view.find(needle):
            cursor = self.view.textCursor()
            cursor.movePosition(QTextCursor.Start)
            self.view.setTextCursor(cursor)
            if not self.view.find(needle):
                self.statusBar().showMessage(self.tr("Not found: %s") % needle, 4000)
                return
        self.view.centerCursor()

    def _record_time(self) -> None:
        now = time.monotonic()
        if self.doc_id is not None:
            self.project.add_time(self.doc_id, now - self._opened_at, self.annotator)
        self._opened_at = now

    def _list_clicked(self, index: QModelIndex) -> None:
        self.open_document(self.model.ids[index.row()])

    def step_document(self, step: int) -> None:
        row = self.model.row_of(self.doc_id) if self.doc_id is not None else -1
        target = row + step
        if 0 <= target < self.model.rowCount():
            self.open_document(self.model.ids[target])

    def mark_done_and_next(self) -> None:
        if self.doc_id is None:
            return
        self.project.set_status(self.doc_id, "done", self.annotator)
        self.model.refresh_document(self.doc_id)
        ids = self.model.ids
        start = self.model.row_of(self.doc_id)
        for doc_id in ids[start + 1:] + ids[:start]:
            if self.project.status(doc_id) != "done":
                self.open_document(doc_id)
                return
        self._update_status()
        self.statusBar().showMessage(self.tr("Every document is done."), 5000)

    # -- spans -----------------------------------------------------------

    def apply_label(self, label: str) -> None:
        """Label the selection, or relabel the selected span."""
        if self.doc_id is None:
            return
        selection = self.view.selection_cp()
        if selection is None and self.view.selected is not None:
            self._change(lambda: self.project.update_span(self.view.selected.id, label=label,
                                                          annotator=self.annotator))
            return
        if selection is None:
            self.statusBar().showMessage(self.tr("Select some text first."), 4000)
            return
        if self.show_raw:
            self.statusBar().showMessage(self.tr("Labels are made on the normalized text: press Ctrl+R to go back."),
                                         5000)
            return
        if self.settings.value("snap", "false") == "true":
            selection = snap(self.view.text, *selection)
        start, end = trim(self.view.text, *selection)
        if start >= end:
            self.statusBar().showMessage(self.tr("The selection holds no text to label."), 4000)
            return
        if self._change(lambda: self.project.add_span(self.doc_id, start, end, label, annotator=self.annotator),
                        select=True):
            self._suggest_again(self.view.selected)

    def _suggest_again(self, span: Span | None) -> None:
        """The string just labelled is suggested where else it occurs in this document."""
        if span is not None and self.suggestions_on():
            added = suggest_occurrences(self.project, span)
            if added:
                self._refresh_spans(added)
                self.view.set_selected(span)

    def _change(self, write, select: bool = False) -> bool:
        """Commit a change through `write` (it returns the span or spans it wrote), then redraw; a refused
        change is said in the status bar."""
        try:
            written = write()
        except AnnotatorError as e:
            self.statusBar().showMessage(str(e), 6000)
            return False
        spans = written if isinstance(written, list) else [written]
        if self.project.status(self.doc_id) == "todo":
            self.project.set_status(self.doc_id, "in_progress", self.annotator, undoable=False)
            self.model.refresh_document(self.doc_id)
        self._refresh_spans(spans)
        span = spans[0]
        self.view.set_selected(span if select or self.view.selected is not None else None)
        self.statusBar().showMessage(self.view.describe(span), 3000)
        return True

    def _refresh_spans(self, changed: list[Span]) -> None:
        """Redraw after `changed` spans were written: only they are read again, only their lines redrawn."""
        self._cached_suggester = None  # accepted and rejected spans change what the suggester makes
        if self.show_raw:
            selected = self.view.selected
            self.view.show_text(*self._shown())
            self.view.set_selected(next((s for s in self.view.spans if selected and s.id == selected.id), None))
        else:
            ids = {s.id for s in changed}
            self.view.replace_spans(ids, self.project.spans_by_id(ids))
        self._fill_span_list()
        self.model.refresh_document(self.doc_id)
        self._update_status()

    def _pending_here(self) -> Span | None:
        """The selected span if it is a suggestion, else the suggestion under the cursor."""
        span = self.view.selected
        if span is not None and span.state == "pending":
            return span
        return next((s for s in self.view.spans_at(self.view.cursor_cp()) if s.state == "pending"), None)

    def accept_suggestion(self) -> None:
        if self.find_box.hasFocus():  # Enter in the find box finds the next match
            self.find_next()
            return
        self._decide(self._pending_here(), "accepted")

    def reject_suggestion(self) -> None:
        self._decide(self._pending_here(), "rejected")

    def _decide(self, span: Span | None, state: str) -> None:
        """Accept or reject a suggestion, then select the next one, so Enter / X walk through them."""
        if span is None:
            self.statusBar().showMessage(self.tr("No suggestion here."), 3000)
            return
        self.view.selected = None
        self._change(lambda: self.project.update_span(span.id, state=state, annotator=self.annotator))
        after = [s for s in self.view.spans if s.state == "pending" and s.start >= span.start and s.id != span.id]
        following = after or [s for s in self.view.spans if s.state == "pending"]
        self.view.set_selected(following[0] if following else None)

    def accept_all(self) -> None:
        if self.doc_id is None:
            return
        pending = [s.id for s in self.view.spans if s.state == "pending"]
        if not pending:
            self.statusBar().showMessage(self.tr("No suggestions in this document."), 3000)
            return
        self.view.selected = None
        self._change(lambda: self.project.update_spans(pending, state="accepted", annotator=self.annotator))
        self.statusBar().showMessage(self.tr("Accepted %d suggestions.") % len(pending), 4000)

    def suggest_whole_project(self) -> None:
        def job(project, progress, cancelled):
            return suggest_project(project, lambda i, n: progress(i, n, ""), cancelled)

        self.run_job(self.tr("Suggesting spans"), job, self._suggested)

    def _suggested(self, added, error) -> None:
        if error is not None:
            show_error(self, str(error))
            return
        self.model.reload()
        if self.doc_id is not None:
            self.view.update_spans(self.project.spans(self.doc_id), self.view.spans)
            self._fill_span_list()
        self.statusBar().showMessage(self.tr("%d suggestions added.") % added, 5000)

    def delete_selected(self) -> None:
        span = self.view.selected
        if span is None:
            return
        self.project.delete_span(span.id, self.annotator)
        self.view.selected = None
        self._refresh_spans([span])

    def clear_selection(self) -> None:
        if self.find_box.isVisible():  # Esc first closes the find box
            self.find_box.hide()
            self.view.setFocus()
            return
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.view.set_selected(None)

    def step_span(self, step: int) -> None:
        spans = self.view.spans
        if not spans:
            return
        current = self.view.selected
        index = next((i for i, s in enumerate(spans) if current and s.id == current.id), None)
        index = (0 if step > 0 else len(spans) - 1) if index is None else (index + step) % len(spans)
        self.view.set_selected(spans[index])

    def undo(self) -> None:
        self._replay(self.project.undo(self.annotator), self.tr("Undone"))

    def redo(self) -> None:
        self._replay(self.project.redo(self.annotator), self.tr("Redone"))

    def _replay(self, event: dict | None, verb: str) -> None:
        if event is None:
            self.statusBar().showMessage(self.tr("Nothing to undo or redo."), 3000)
            return
        doc_id = event["document_id"]
        if doc_id != self.doc_id:
            self.open_document(doc_id)
        else:
            records = [r for d in (event["before"], event["after"]) if d for r in d.get("spans", [d])]
            touched = [Span(**r) for r in records if "start" in r]
            self.view.selected = None
            self._refresh_spans(touched)
        self.statusBar().showMessage(f"{verb}: {event['action']}", 3000)

    def _span_clicked(self, span: Span | None) -> None:
        self.view.set_selected(span)

    def _span_item_clicked(self, index: QModelIndex) -> None:
        span_id = self.span_model.data(index, Qt.UserRole)
        span = next((s for s in self.view.spans if s.id == span_id), None)
        if span is not None:
            self.view.set_selected(span)

    def _fill_span_list(self) -> None:
        self.span_model.set_spans(self.view.spans, self.span_filter.currentData())

    # -- view and status -------------------------------------------------

    def zoom(self, step: int) -> None:
        font = self.view.font()
        font.setPointSize(max(8, min(40, font.pointSize() + step)))
        self.view.setFont(font)
        self.project.set_setting("font_size", str(font.pointSize()))

    def toggle_guidelines(self) -> None:
        self.guidelines.setVisible(not self.guidelines.isVisible())

    def _update_status(self) -> None:
        stats = self.project.status_counts()
        total = sum(stats.values())
        row = self.model.row_of(self.doc_id) if self.doc_id is not None else -1
        self.status_annotator.setText(self.tr("Annotator: %s") % self.annotator)
        self.status_position.setText(f"{row + 1} / {self.model.rowCount()}" if row >= 0 else "")
        self.status_progress.setText(self.tr("Done %d / %d") % (stats["done"], total))

    def _detach(self) -> None:
        """Stop touching the project (it is being closed or replaced): timers off, nothing more recorded."""
        self._poll.stop()
        self._clock.stop()
        self.owns_project = False
        self.doc_id = None

    def closeEvent(self, event) -> None:
        """Closing stops a running import or export as a cancel would, and waits for it, first."""
        if self._job is not None:
            self._job.stop()
            self._job = None
        self._record_time()
        owned, lock = self.owns_project, self._lock
        self._detach()
        super().closeEvent(event)
        if owned:
            self.project.close()
        if lock is not None:
            lock.release()


RECENT_KEEP = 8


def open_for_work(path: str | Path | None) -> tuple[Project, tuple[str, ...]]:
    """Open a project for the window, with a rolling backup first; a backup that cannot be made is a warning
    to show (backups are off), not a reason to refuse the project."""
    from annotator.ingest.importer import open_project
    from annotator.store.locations import default_project_path

    target = Path(path) if path is not None else default_project_path()
    warnings: tuple[str, ...] = ()
    if target.exists():
        try:
            make_backup(target)
        except AnnotatorError as e:
            warnings = (QApplication.translate("MainWindow", "Backups are off: %s") % e,)
            print(f"annotator: backups are off: {e}", file=sys.stderr)
    return open_project(path), warnings


def recent_projects(settings: QSettings) -> list[str]:
    value = settings.value("recent_projects", [])
    return [value] if isinstance(value, str) else list(value or [])


def remember_project(settings: QSettings, path: str) -> None:
    path = str(Path(path).resolve())
    settings.setValue("recent_projects", [path] + [p for p in recent_projects(settings) if p != path][:RECENT_KEEP - 1])


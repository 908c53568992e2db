"""The document list: a table model over SQLite that loads only the rows on screen."""
from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, Signal, Slot

from annotator.core.errors import Interrupted
from annotator.store.project import Project

STATUS_WORDS = {"todo": QT_TRANSLATE_NOOP("DocumentListModel", "To do"),
                "in_progress": QT_TRANSLATE_NOOP("DocumentListModel", "In progress"),
                "done": QT_TRANSLATE_NOOP("DocumentListModel", "Done")}
COLUMNS = ("name", "status", "spans", "pending", "damage", "need")
ORDER = {0: "name", 1: "status", 4: "damage", 5: "need"}  # column -> the project's sort order (others by name)
NEED_COLUMN = 5


class _Searcher:
    """The filter box's queries, on a read-only connection of their own, in a thread of their own: a
    one- or two-character filter scans every text (no trigram to look up), and typing never waits for it.
    Only the newest request is answered: a query still running when the next keystroke comes is interrupted
    (typing 对口支援 does not wait for the scans for 对 and 对口), and older requests waiting are skipped.
    A daemon thread, not a QThread: it never keeps the program from ending."""

    def __init__(self, path, answer):
        self.path, self.answer = path, answer  # answer(request, ids): called on this thread
        self.requests: queue.SimpleQueue = queue.SimpleQueue()
        self.project: Project | None = None
        threading.Thread(target=self._run, name="document-filter", daemon=True).start()

    def ask(self, request: int, query: dict) -> None:
        self.requests.put((request, query))
        self._interrupt()

    def stop(self) -> None:
        self.requests.put(None)
        self._interrupt()

    def _interrupt(self) -> None:
        """Stop the query running on the searcher's thread, if any."""
        if self.project is not None:
            self.project.interrupt()

    def _run(self) -> None:
        while (item := self.requests.get()) is not None:
            while not self.requests.empty():  # a newer request came: the older one is out of date
                newer = self.requests.get()
                if newer is None:
                    return self._close()
                item = newer
            if self.project is None:
                self.project = Project.open_read_only(self.path)
            ids = self._ids(item[1])
            if ids is None:  # interrupted for a newer request
                continue
            try:
                self.answer(item[0], ids)
            except RuntimeError:  # the list it answers was closed meanwhile
                break
        self._close()

    def _ids(self, query: dict) -> list[int] | None:
        while True:
            try:
                return self.project.document_ids(**query)
            except Interrupted:
                if not self.requests.empty():
                    return None
                # interrupted by the very request it answers (asked just as it began): run it again

    def _close(self) -> None:
        if self.project is not None:
            self.project.close()


class DocumentListModel(QAbstractTableModel):
    """Rows are document ids in the current order and filter; details are fetched per visible row."""

    PAGE = 200
    _answered = Signal(int, object)  # from the searcher's thread: request number, document ids
    filtered = Signal()  # the list now shows the filter's answer

    def __init__(self, project: Project, parent=None):
        super().__init__(parent)
        self.project = project
        self.filter_text = ""
        self.status: str | None = None
        self.order = "name"
        self.descending = False
        self.ids: list[int] = []
        self._shown: dict | None = None  # the query the ids answer
        self._rows: dict[int, tuple] = {}
        self._request = 0
        self._searcher = None
        if project.path is not None:  # an in-memory project has no second connection: filtered here
            self._answered.connect(self._found, Qt.QueuedConnection)
            self._searcher = _Searcher(project.path, self._answered.emit)
        self.reload()

    def _query(self) -> dict:
        return {"status": self.status, "contains": self.filter_text, "order": self.order,
                "descending": self.descending}

    def reload(self) -> None:
        """Re-read the ids now (after an import, a status or a sort change)."""
        self._request += 1  # an answer to a filter asked before this is out of date
        self._shown = self._query()
        self._show(self.project.document_ids(**self._shown))

    def _show(self, ids: list[int]) -> None:
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """The filter box changed: the list follows when the search answers (at once without a thread)."""
        self.filter_text = text.strip()
        if self._searcher is None:
            return self.reload()
        self._request += 1
        self._searcher.ask(self._request, self._query())

    @Slot(int, object)
    def _found(self, request: int, ids: list[int]) -> None:
        if request == self._request:  # nothing changed the query since it was asked
            self._shown = self._query()
            self._show(ids)
            self.filtered.emit()

    def shows_current_query(self) -> bool:
        """Whether the rows answer the filter, status and order as they are now (not an older keystroke)."""
        return self._shown == self._query()

    def stop(self) -> None:
        """End the searcher's thread, which closes its connection (the window is closing)."""
        if self._searcher is not None:
            self._searcher.stop()
            self._searcher = None

    def set_status(self, status: str | None) -> None:
        """Only documents with this status (None: all)."""
        self.status = status
        self.reload()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.order = ORDER.get(column, "name")
        self.descending = order == Qt.DescendingOrder
        if self._query() != self._shown:  # 500,000 ids take 0.23 s to read: not again for the same order
            self.reload()

    def refresh_document(self, doc_id: int) -> None:
        """Redraw one document's row after its spans or status changed."""
        self._rows.pop(doc_id, None)
        if doc_id in self.ids:
            row = self.ids.index(doc_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _fetch(self, row: int) -> tuple:
        """Load the page of rows around `row` in two queries."""
        doc_id = self.ids[row]
        if doc_id not in self._rows:
            for d, r in self.project.document_rows(self.ids[row:row + self.PAGE]).items():
                self._rows[d] = (r.title, r.status, r.accepted, r.pending, r.damage, r.need)
        return self._rows[doc_id]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        name, status, spans, pending, damage, need = self._fetch(index.row())
        col = index.column()
        if role == Qt.DisplayRole:
            return (name, self.tr(STATUS_WORDS[status]), spans, pending or "", "⚠" if damage else "",
                    "" if need is None else f"{need:.1f}")[col]
        if role == Qt.ToolTipRole and col == 4 and damage:
            return self.tr("%n damaged character(s) (? or �) left in the text", "", damage)
        if role == Qt.ToolTipRole and col == 5 and need is not None:
            return self.tr("Rules and model disagree on %.1f span(s) per 1,000 characters here") % need
        if role == Qt.TextAlignmentRole and col == 5:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return self.ids[index.row()]
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return (self.tr("Document"), self.tr("Status"), self.tr("Spans"), self.tr("Sugg."), "⚠",
                    self.tr("Need"))[section]
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal:
            return (self.tr("Title or file name"), self.tr("Status"), self.tr("Accepted spans"),
                    self.tr("Pending suggestions"), self.tr("Damaged text left after repair"),
                    self.tr("Need: how much rules and the trained model disagree (spans per 1,000 characters); "
                            "click to put the unfinished documents that teach most first"))[section]
        return None

    def row_of(self, doc_id: int) -> int:
        try:
            return self.ids.index(doc_id)
        except ValueError:
            return -1

"""The side panels: the document list with its filter, and the open document's span list."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget,
)

from annotator.core.model import ORIGINS, STATES, Label
from annotator.gui.actions import tr
from annotator.gui.document_model import NEED_COLUMN, STATUS_WORDS, DocumentListModel
from annotator.gui.span_list import SpanListModel
from annotator.store.project import Project


def _table(name: str, model) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def column(*widgets: QWidget) -> QWidget:
    """Widgets one above the other, without margins."""
    panel = QWidget()
    lay = QVBoxLayout(panel)
    lay.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        lay.addWidget(w)
    return panel


class DocumentPanel:
    """The filter box over the document list (a model that loads only the rows on screen)."""

    def __init__(self, project: Project, parent):
        self.model = DocumentListModel(project, parent)
        self.table = _table("documentList", self.model)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.AscendingOrder)  # the model's order: enabling sorting reads nothing again
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        # Fixed widths: fitting columns to their contents would read every row of a large project.
        for col, width in zip(range(1, 6), (64, 48, 48, 28, 64)):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            self.table.setColumnWidth(col, width)
        self.filter = QLineEdit(objectName="documentFilter")
        self.filter.setPlaceholderText(tr("Filter by name or text…"))
        self.filter.textChanged.connect(self.model.set_filter)
        self.status = QComboBox(objectName="statusFilter")
        self.status.addItem(tr("All documents"), None)
        for status, words in STATUS_WORDS.items():
            self.status.addItem(self.model.tr(words), status)
        self.status.currentIndexChanged.connect(lambda _: self.model.set_status(self.status.currentData()))
        self.widget = column(self.filter, self.status, self.table)
        self.widget.setMinimumWidth(240)  # the title and the status stay in view when the guidelines open

    def order_by_need(self) -> None:
        """Sort by the need column, most first (as clicking its header does)."""
        self.table.sortByColumn(NEED_COLUMN, Qt.AscendingOrder)

    def select(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.table.selectRow(row)


ANNOTATOR_COLUMN = 4


class SpanPanel:
    """The open document's spans, filtered by label or state."""

    def __init__(self, parent):
        self.model = SpanListModel(parent)
        self.table = _table("spanList", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        metrics = self.table.fontMetrics()  # fixed widths: fitting them to contents would read every row
        widest = lambda words: max(metrics.horizontalAdvance(w) for w in words) + 16
        self.table.setColumnWidth(0, 96)
        self.table.setColumnWidth(2, widest([self.model.words[k] for k in ORIGINS]))
        self.table.setColumnWidth(3, widest([self.model.words[k] for k in STATES]))
        self.table.setColumnWidth(ANNOTATOR_COLUMN, 72)
        self.filter = QComboBox(objectName="spanFilter")
        self.widget = column(self.filter, self.table)
        # never so narrow that the Text column (the one that matters) is squeezed to nothing
        self.widget.setMinimumWidth(sum(self.table.columnWidth(c) for c in (0, 2, 3)) + 120)

    states: tuple[str, ...] = ("accepted", "pending")

    def set_states(self, states: tuple[str, ...]) -> None:
        """Which states the filter offers (rejected ones when they are shown)."""
        self.states = states
        self.set_labels(self.labels)

    def follow(self, span) -> None:
        """Select the row of the span selected in the text."""
        row = next((i for i, s in enumerate(self.model.rows) if span is not None and s.id == span.id), -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()

    def set_labels(self, labels: list[Label]) -> None:
        self.labels = labels
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(tr("All spans"), None)
        for label in labels:
            self.filter.addItem(f"{label.display_zh} {label.name}", ("label", label.name))
        for state in self.states:
            self.filter.addItem(self.model.words[state], ("state", state))
        self.filter.blockSignals(False)
        self.model.set_labels(labels)

    def show_spans(self, spans) -> None:
        self.model.set_spans(spans, self.filter.currentData())
        # who made each span, once the document holds more than one annotator's (a merged or synced project)
        self.table.setColumnHidden(ANNOTATOR_COLUMN, len({s.annotator for s in spans if s.annotator}) < 2)

"""The span panel's model: the open document's spans (label, text, origin, state), filtered by label or state.

A table model, so that a document with thousands of spans costs only the rows on screen.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Label, Span


class SpanListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Span] = []
        self.colors: dict[str, QColor] = {}
        self.headers = (self.tr("Label"), self.tr("Text"), self.tr("Origin"), self.tr("State"))
        self.words = {"manual": self.tr("manual"), "suggested": self.tr("suggested"), "imported": self.tr("imported"),
                      "accepted": self.tr("accepted"), "pending": self.tr("pending"), "rejected": self.tr("rejected")}

    def set_labels(self, labels: list[Label]) -> None:
        self.colors = {l.name: QColor(l.color) for l in labels}

    def set_spans(self, spans: list[Span], wanted: tuple[str, str] | None) -> None:
        """Show `spans`, or those whose `wanted[0]` field equals `wanted[1]`."""
        self.beginResetModel()
        self.rows = [s for s in spans if not wanted or getattr(s, wanted[0]) == wanted[1]]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.DisplayRole):
        span = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return (span.label, span.text, self.words[span.origin], self.words[span.state])[index.column()]
        if role == Qt.BackgroundRole and index.column() == 0:
            return self.colors.get(span.label)
        if role == Qt.UserRole:
            return span.id
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

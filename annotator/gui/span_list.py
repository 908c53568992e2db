"""The span panel's model: the open document's spans (label, text, origin, state), filtered by label or state.

A table model, so that a document with thousands of spans costs only the rows on screen.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import Label, Span


_DISPLAY, _USER = Qt.DisplayRole, Qt.UserRole
_ROLES = frozenset((Qt.DisplayRole, Qt.BackgroundRole, Qt.UserRole))


class SpanListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Span] = []
        self.colors: dict[str, QColor] = {}
        self.headers = (self.tr("Label"), self.tr("Text"), self.tr("Origin"), self.tr("State"), self.tr("Annotator"))
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
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.DisplayRole):
        # Qt asks for a dozen roles a cell at each paint: answer the ones we do not draw first, cheaply.
        if role not in _ROLES:
            return None
        span = self.rows[index.row()]
        if role == _DISPLAY:
            return (span.label, span.text, self.words[span.origin], self.words[span.state],
                    span.annotator)[index.column()]
        if role == _USER:
            return span.id
        return self.colors.get(span.label) if index.column() == 0 else None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

"""Team > Sync conflicts: what the last syncs found changed differently here and on the Label Studio server,
kept on both sides until an annotator makes one match the other; double-clicking one opens its document."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from annotator.gui.dialogs.tables import text_table

if TYPE_CHECKING:
    from annotator.app.sync import ConflictRow


class ConflictsDialog(QDialog):
    document_chosen = Signal(int)

    def __init__(self, rows: list[ConflictRow], parent=None):
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 420)
        table = text_table("syncConflicts", [self.tr("Document"), self.tr("Annotator"), self.tr("Here"),
                                             self.tr("On the server")],
                           [[r.document, r.annotator, r.here, r.there] for r in rows], numbers=False)
        ids = [r.document_id for r in rows]
        table.cellDoubleClicked.connect(lambda row, _: self.document_chosen.emit(ids[row]))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each side keeps its version until one is changed to match the other; the "
                                        "next sync then settles it. Double-click to open the document.")
                                if rows else self.tr("No open conflicts.")))
        layout.addWidget(table)

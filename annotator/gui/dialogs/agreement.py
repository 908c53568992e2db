"""Team > Agreement: the figures of `annotator agreement` in two tables, by label and by document (worst
first); double-clicking a document opens it in the window."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from annotator.gui.dialogs.tables import text_table

if TYPE_CHECKING:
    from annotator.app.agreement import Agreement


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class AgreementDialog(QDialog):
    document_chosen = Signal(int)

    def __init__(self, result: Agreement, parent=None):
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle(self.tr("Agreement"))
        self.resize(820, 620)
        overall = result.overall()
        summary = QLabel(self.tr("%1 annotators (%2), %3 documents compared; overall exact F1 %4, overlap F1 %5, "
                                 "alpha %6. Only accepted spans count.")
                         .replace("%1", str(len(result.annotators))).replace("%2", ", ".join(result.annotators))
                         .replace("%3", str(len(result.documents))).replace("%4", _figure(overall["exact_f1"]))
                         .replace("%5", _figure(overall["overlap_f1"])).replace("%6", _figure(overall["alpha"])))
        summary.setWordWrap(True)
        labels = text_table("agreementLabels", [self.tr("Label"), self.tr("Exact F1"), self.tr("Overlap F1"),
                                             self.tr("Alpha"), self.tr("Spans")],
                        [[label, *(_figure(v) for v in result.label_figures(label).values()),
                          ", ".join(f"{a} {n}" for a, n in result.spans[label].items())] for label in result.labels])
        self.documents = text_table(
            "agreementDocuments", [self.tr("Document"), self.tr("Unmatched spans"), self.tr("Differing characters"),
                                   self.tr("Exact F1"), self.tr("Not annotated by")],
            [[d.name, str(d.counts.unmatched), str(d.counts.differing), _figure(d.figures["exact_f1"]),
              ", ".join(d.missing)] for d in result.documents])
        self._ids = [d.id for d in result.documents]
        self.documents.cellDoubleClicked.connect(lambda row, _: self.document_chosen.emit(self._ids[row]))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(labels, 1)
        layout.addWidget(QLabel(self.tr("Documents, most disagreement first (double-click to open):")))
        layout.addWidget(self.documents, 2)

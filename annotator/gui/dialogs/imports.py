"""The import report: per file, what was read and what repair changed, with the removed lines."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from annotator.app.imports import totals
from annotator.core.paths import shown
from annotator.gui.messages import plain_tip
from annotator.ingest.importer import FileResult
from annotator.ingest.options import REPAIR_STEPS, RepairOptions


class ImportReportDialog(QDialog):
    def __init__(self, results: list[FileResult], parent=None):
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import report"))
        self.resize(900, 480)
        t = totals(results)
        summary = QLabel(self.tr("%d document(s) imported with %d span(s), %d updated, %d duplicates skipped, "
                                 "%d failed") % (t.documents, t.spans, t.updated, t.duplicates, t.failed),
                         objectName="importSummary")
        tree = QTreeWidget(objectName="importReportTree")
        tree.setHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Encoding"), self.tr("Chars before → after"),
                              self.tr("Pinyin removed"), self.tr("Boilerplate lines"), self.tr("Traditional converted"),
                              self.tr("Damage"), self.tr("Lost characters (□)")])
        for r in results:
            tree.addTopLevelItem(self._row(r))
        tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(tree)
        layout.addWidget(buttons)

    def _row(self, r: FileResult) -> QTreeWidgetItem:
        """One file: what repair did to a report; what an annotated file added; why a file was refused."""
        rep = r.report
        result = r.message if r.status == "failed" else self.tr(r.status)
        if "chars_before" in rep:
            cells = [rep.get("encoding", ""), f"{rep['chars_before']} → {rep['chars_after']}",
                     str(rep.get("pinyin_removed", "")), str(len(rep.get("boilerplate_lines", []))),
                     str(rep.get("converted_t2s", "")), str(rep.get("damage", "")),
                     str(rep.get("lost_characters", ""))]
        else:  # a Label Studio or JSONL file (its message says what it added), or a refused file
            result = r.message or result
            cells = [""] * 7
        item = QTreeWidgetItem([shown(r.path.name), result, *cells])
        item.setToolTip(0, plain_tip(shown(r.path)))
        item.setToolTip(1, plain_tip(result))
        for line in rep.get("boilerplate_lines", []):
            QTreeWidgetItem(item, [f"  {line['rule']}", line["text"]])
        return item


class ImportOptionsDialog(QDialog):
    """Which repair steps an import applies; all are on by default."""

    def __init__(self, parent=None):
        from PySide6.QtWidgets import QCheckBox

        super().__init__(parent)
        self.setObjectName("importOptions")
        self.setWindowTitle(self.tr("Repair on import"))
        layout = QVBoxLayout(self)
        self.boxes = {}
        for key, text in REPAIR_STEPS.items():
            box = QCheckBox(self.tr(text), objectName=f"repair_{key}")
            box.setChecked(True)
            self.boxes[key] = box
            layout.addWidget(box)
        self.suggest_box = QCheckBox(self.tr("Suggest spans in the imported reports"), objectName="importSuggest")
        self.suggest_box.setChecked(True)
        layout.addWidget(self.suggest_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def suggest(self) -> bool:
        return self.suggest_box.isChecked()

    def options(self) -> RepairOptions:
        return RepairOptions(**{key: box.isChecked() for key, box in self.boxes.items()})

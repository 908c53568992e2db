"""File > Export: format, what to include and where to write it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton,
    QWidget,
)

from annotator.export.formats import FORMATS
from annotator.export.select import Selection


class ExportDialog(QDialog):
    def __init__(self, annotators: list[str], start_dir: Path, parent=None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.start_dir = start_dir
        form = QFormLayout(self)
        self.format = QComboBox(objectName="exportFormat")
        for f in FORMATS.values():
            self.format.addItem(f.name, f.name)
            self.format.setItemData(self.format.count() - 1, f.about, Qt.ToolTipRole)
        self.format.currentIndexChanged.connect(self._suggest_path)
        form.addRow(self.tr("Format"), self.format)
        self.documents = QComboBox(objectName="exportDocuments")
        self.documents.addItem(self.tr("Documents marked done"), "done")
        self.documents.addItem(self.tr("All documents"), "all")
        form.addRow(self.tr("Documents"), self.documents)
        self.spans = QComboBox(objectName="exportSpans")
        self.spans.addItem(self.tr("Accepted spans"), "accepted")
        self.spans.addItem(self.tr("Accepted spans and pending suggestions"), "all")
        form.addRow(self.tr("Spans"), self.spans)
        self.annotator = QComboBox(objectName="exportAnnotator")
        self.annotator.addItem(self.tr("Every annotator"), None)
        for name in annotators:
            self.annotator.addItem(name or self.tr("(no name)"), name)
        form.addRow(self.tr("Annotator"), self.annotator)
        self.raw = QCheckBox(self.tr("Offsets into the raw text (before repair)"), objectName="exportRawOffsets")
        form.addRow("", self.raw)
        self.format.currentIndexChanged.connect(self._raw_applies)
        self.path = QLineEdit(objectName="exportPath")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.path)
        lay.addWidget(browse)
        form.addRow(self.tr("Write to"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._suggest_path()

    def format_name(self) -> str:
        return self.format.currentData()

    def selection(self) -> Selection:
        return Selection(self.documents.currentData(), self.spans.currentData(), self.annotator.currentData())

    def out(self) -> Path:
        return Path(self.path.text())

    def _raw_applies(self) -> None:
        """Raw offsets only for the formats that can carry them."""
        applies = FORMATS[self.format_name()].raw_offsets
        self.raw.setEnabled(applies)
        if not applies:
            self.raw.setChecked(False)

    def _suggest_path(self) -> None:
        name = self.format_name()
        self.path.setText(str(self.start_dir / f"export-{name}{FORMATS[name].suffix}"))

    def _browse(self) -> None:
        if FORMATS[self.format_name()].folder:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"), str(self.start_dir))
            chosen = chosen and str(Path(chosen) / f"export-{self.format_name()}")
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())
        if chosen:
            self.path.setText(chosen)

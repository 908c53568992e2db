"""Settings: the annotator's name, font, snap mode, suggestions, retraining, language, and the project's
label set.

Label edits are committed to the project as they are made, like every other change.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox, QColorDialog, QComboBox, QDialog, QDialogButtonBox, QFontComboBox, QFormLayout, QHBoxLayout,
    QInputDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget,
    QVBoxLayout, QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Label
from annotator.gui.user_settings import UserSettings
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings

LANGUAGES = (("system", "System language / 系统语言"), ("zh_CN", "中文"), ("en", "English"))
COLUMNS = ("name", "display_zh", "display_en", "color", "hotkey", "kind")


class SettingsDialog(QDialog):
    def __init__(self, project: Project, settings: UserSettings, font: QFont, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.project = project
        self.settings = settings
        tabs = QTabWidget()
        tabs.addTab(self._general(settings.annotator, font), self.tr("General"))
        tabs.addTab(self._labels(), self.tr("Labels"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(760, 480)

    # -- general ---------------------------------------------------------

    def _general(self, annotator: str, font: QFont) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.annotator = QLineEdit(annotator, objectName="settingsAnnotator")
        form.addRow(self.tr("Annotator name (stored with every span)"), self.annotator)
        self.font_family = QFontComboBox(objectName="settingsFont")
        self.font_family.setCurrentFont(font)
        form.addRow(self.tr("Font"), self.font_family)
        self.font_size = QSpinBox(objectName="settingsFontSize")
        self.font_size.setRange(8, 40)
        self.font_size.setValue(font.pointSize())
        form.addRow(self.tr("Font size"), self.font_size)
        self.snap = QCheckBox(self.tr("Snap selections to whole words (jieba)"), objectName="settingsSnap")
        self.snap.setChecked(self.settings.snap)
        form.addRow("", self.snap)
        self.suggestions = QCheckBox(self.tr("Suggest spans when a document opens and after each new label"),
                                     objectName="settingsSuggestions")
        self.suggestions.setChecked(ProjectSettings(self.project).suggestions)
        form.addRow("", self.suggestions)
        self.retrain = QSpinBox(objectName="settingsRetrainAfter")
        self.retrain.setRange(0, 100_000)
        self.retrain.setSpecialValueText(self.tr("Off"))  # 0
        self.retrain.setSuffix(self.tr(" documents"))
        self.retrain.setValue(ProjectSettings(self.project).retrain_after)
        self.retrain.setToolTip(self.tr("Each time this many more documents are marked done, a spaCy model is "
                                        "trained again in the background (the status bar shows how far it is "
                                        "and its scores); 0 turns this off. Needs spaCy."))
        form.addRow(self.tr("Retrain the model after every"), self.retrain)
        retrain_hint = QLabel(self.tr("Off (0) by default. Counts the documents marked done since the last "
                                      "training; it also orders the unfinished documents by need "
                                      "(Go > Order the list by need)."), objectName="settingsRetrainHint")
        retrain_hint.setWordWrap(True)
        form.addRow("", retrain_hint)
        self.language = QComboBox(objectName="settingsLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        form.addRow(self.tr("Language"), self.language)
        return page

    def apply(self) -> None:
        """Store the general settings (the label set is stored as it is edited)."""
        self.settings.annotator = self.annotator.text()
        self.settings.font_family = self.font_family.currentFont().family()
        self.settings.snap = self.snap.isChecked()
        self.settings.language = self.language.currentData()
        project = ProjectSettings(self.project)
        project.font_size = self.font_size.value()
        project.suggestions = self.suggestions.isChecked()
        project.retrain_after = self.retrain.value()

    # -- label set -------------------------------------------------------

    def _labels(self) -> QWidget:
        page = QWidget()
        self.table = QTableWidget(0, len(COLUMNS), objectName="labelTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Chinese"), self.tr("English"),
                                              self.tr("Colour"), self.tr("Hotkey"), self.tr("Kind")])
        self.table.itemChanged.connect(self._edited)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.error = QLabel(objectName="labelError")
        self.error.setTextFormat(Qt.PlainText)
        self.error.setStyleSheet("color: #cf1322")
        buttons = QHBoxLayout()
        for text, name, slot in ((self.tr("Add"), "labelAdd", self.add_label),
                                 (self.tr("Delete"), "labelDelete", self.delete_label),
                                 (self.tr("Up"), "labelUp", lambda: self.move_label(-1)),
                                 (self.tr("Down"), "labelDown", lambda: self.move_label(1))):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        hint = QLabel(self.tr("Edit a cell to rename, retitle or change a hotkey (1-9); double-click a colour "
                              "to choose another; kind is entity or clause."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self._fill()
        return page

    def _fill(self) -> None:
        self.table.blockSignals(True)
        labels = self.project.labels()
        self.table.setRowCount(len(labels))
        for row, label in enumerate(labels):
            for col, key in enumerate(COLUMNS):
                item = QTableWidgetItem(getattr(label, key) or "")
                item.setData(Qt.UserRole, label.name)
                if key == "color":
                    item.setBackground(QColor(label.color))
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)

    def _try(self, change) -> bool:
        try:
            change()
        except AnnotatorError as e:
            self.error.setText(str(e))
            self._fill()
            return False
        self.error.clear()
        self._fill()
        return True

    def _edited(self, item: QTableWidgetItem) -> None:
        key = COLUMNS[item.column()]
        value = item.text().strip() or None
        self._try(lambda: self.project.update_label(item.data(Qt.UserRole), **{key: value}))

    def _double_clicked(self, row: int, col: int) -> None:
        if COLUMNS[col] != "color":
            return
        name = self.table.item(row, col).data(Qt.UserRole)
        color = QColorDialog.getColor(QColor(self.table.item(row, col).text()), self, self.tr("Label colour"))
        if color.isValid():
            self._try(lambda: self.project.update_label(name, color=color.name().upper()))

    def _current(self) -> str | None:
        item = self.table.currentItem()
        return item.data(Qt.UserRole) if item else None

    def add_label(self, name: str | None = None) -> bool:
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("New label"), self.tr("Name (letters, digits, _):"))
            if not ok:
                return False
        used = {l.hotkey for l in self.project.labels()}
        hotkey = next((k for k in "123456789" if k not in used), None)
        return self._try(lambda: self.project.add_label(Label(name.strip(), name.strip(), name.strip(), "#D3ADF7",
                                                              hotkey)))

    def delete_label(self, move_to: str | None = None) -> bool:
        name = self._current()
        if name is None:
            return False
        if self.project.label_use(name) and move_to is None:
            others = [n for n in self.project.label_names() if n != name]
            move_to, ok = QInputDialog.getItem(
                self, self.tr("Delete label"),
                self.tr("%s is used by %d span(s). Move them to:") % (name, self.project.label_use(name)),
                others, 0, False)
            if not ok:
                return False
        return self._try(lambda: self.project.delete_label(name, move_to))

    def move_label(self, step: int) -> None:
        name = self._current()
        names = self.project.label_names()
        if name is None:
            return
        i = names.index(name)
        j = max(0, min(len(names) - 1, i + step))
        names[i], names[j] = names[j], names[i]
        self._try(lambda: self.project.reorder_labels(names))
        self.table.setCurrentCell(j, 0)

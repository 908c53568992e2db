"""Relations in the window: the relation panel (head, type, tail, state, sentence) and the keys that make
and review relations (a part of MainWindow). The rules are annotator.app.Labelling's.

By keyboard: select a span (click or Tab), press R, move to the other span (Tab / Shift+Tab or a click),
press the relation type's key (S, F, L by default). In the panel, Enter / X accept or reject a suggested
relation and Delete removes one; a row selects both ends in the text, outlined and joined by a connector.
"""
from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel

from annotator.app.labelling import RelationRow
from annotator.core.errors import AnnotatorError
from annotator.core.model import RelationType
from annotator.gui.actions import add_action, relate_as_text, tr
from annotator.gui.panels import _table, column


class RelationListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[RelationRow] = []
        self.types: dict[str, RelationType] = {}
        self.headers = (self.tr("From"), self.tr("Relation"), self.tr("To"), self.tr("State"), self.tr("Sentence"))
        self.states = {"accepted": self.tr("accepted"), "pending": self.tr("pending"), "rejected": self.tr("rejected")}

    def set_rows(self, rows: list[RelationRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def type_name(self, name: str) -> str:
        kind = self.types.get(name)
        return f"{kind.display_zh} {name}" if kind else name

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index, role=Qt.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return (f"{row.head.label} {row.head.text}", self.type_name(row.relation.type),
                    f"{row.tail.label} {row.tail.text}", self.states[row.relation.state],
                    row.sentence_text.replace("\n", " "))[index.column()]
        if role == Qt.UserRole:
            return row.relation.id
        if role == Qt.ToolTipRole and index.column() == 4:
            return row.sentence_text
        if role == Qt.BackgroundRole and index.column() == 1 and row.relation.type in self.types:
            return QColor(self.types[row.relation.type].color).lighter(150)
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None


class RelationPanel:
    """The open document's relations, in text order."""

    def __init__(self, parent):
        self.model = RelationListModel(parent)
        self.table = _table("relationList", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        for col, width in enumerate((110, 110, 110, 56)):
            self.table.setColumnWidth(col, width)
        self.widget = column(QLabel(tr("Relations (R on a span, then Tab and the relation's key)")), self.table)

    def selected(self) -> RelationRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def select(self, relation_id: int | None) -> None:
        row = next((i for i, r in enumerate(self.model.rows) if r.relation.id == relation_id), -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.clearSelection()


class Relating:
    """Mixed into MainWindow: making, reviewing and showing relations."""

    relation_head = None  # the span R was pressed on

    def _build_relation_types(self) -> None:
        """A menu entry and key for each relation type of the project (again after they are edited)."""
        self.relation_types = self.project.relation_types()
        self.relations.model.types = {t.name: t for t in self.relation_types}
        menu = self.named["&Relations"]
        for action in getattr(self, "_type_actions", []):
            menu.removeAction(action)
            self.removeAction(action)
        self._type_actions = [
            add_action(self, relate_as_text(t),
                       (t.hotkey.upper(),) if t.hotkey else (), partial(self.relate_as, t.name), menu)
            for t in self.relation_types]

    def start_relation(self) -> None:
        """R: the selected span becomes the head of the next relation."""
        if self.view.selected is None:
            return self.say(tr("Select a span first (click it, or Tab to it), then press R."), 5000)
        self.relation_head = self.view.selected
        self.view.mark_head(self.relation_head)
        keys = ", ".join(f"{t.hotkey.upper()} {t.display_zh}" for t in self.relation_types if t.hotkey)
        self.say(tr("From %s: go to the other span (Tab or click), then press %s.") % (self.relation_head.text, keys),
                 15000)

    def relate_as(self, type_name: str) -> None:
        """A relation type's key: from the span R was pressed on to the selected span; else give the
        relation selected in the panel this type."""
        head, tail = self.relation_head, self.view.selected
        if head is not None and tail is not None and tail.id != head.id:
            try:
                relation = self.labelling.relate(head.id, tail.id, type_name)
            except AnnotatorError as e:
                return self.say(str(e), 8000)
            self.cancel_relation()
            self._fill_relation_list(select=relation.id)
            return self.say(tr("%s → %s: %s") % (head.text, tail.text, self.relations.model.type_name(type_name)))
        chosen = self.relations.selected()
        if chosen is not None and self.relations.table.hasFocus():
            return self._relation_change(lambda: self.labelling.relabel_relation(chosen.relation.id, type_name))
        self.say(tr("Select a span, press R, go to the other span, then press the relation's key."), 6000)

    def cancel_relation(self) -> bool:
        """Esc: leave relation making; True if there was one to leave."""
        if self.relation_head is None:
            return False
        self.relation_head = None
        self.view.mark_head(None)
        return True

    def relation_in_focus(self) -> RelationRow | None:
        """The relation selected in the panel while the panel has the keyboard: Enter, X and Delete act on it."""
        return self.relations.selected() if self.relations.table.hasFocus() else None

    def decide_relation(self, row: RelationRow, state: str) -> None:
        """Enter / X in the panel: accept or reject a suggested relation, then go to the next suggested one."""
        following = next((r.relation.id for r in self.relations.model.rows
                          if r.relation.state == "pending" and r.relation.id != row.relation.id), None)
        self._relation_change(lambda: self.labelling.decide_relations([row.relation.id], state)[0],
                              select=following if row.relation.state == "pending" else row.relation.id)

    def remove_relation(self, row: RelationRow) -> None:
        self._relation_change(lambda: self.labelling.remove_relation(row.relation.id), select=None)

    def accept_all_relations(self) -> None:
        if self.doc_id is not None:
            n = len(self.labelling.accept_all_relations(self.doc_id))
            self._fill_relation_list()
            self.say(tr("Accepted %d relation suggestions.") % n if n else tr("No relation suggestions here."))

    def suggest_relations_here(self) -> None:
        if self.doc_id is not None:
            n = len(self.labelling.suggest_relations(self.doc_id))
            self._fill_relation_list()
            self.say(tr("%d relations suggested.") % n)

    def _relation_change(self, write, select: int | None = -1) -> None:
        """Commit a relation change, then redraw the panel (selecting `select`, -1: the changed relation)."""
        try:
            relation = write()
        except AnnotatorError as e:
            return self.say(str(e), 6000)
        self._fill_relation_list(select=relation.id if select == -1 else select)
        self.model.refresh_document(self.doc_id)
        self._update_status()

    def _fill_relation_list(self, select: int | None = None) -> None:
        if self.doc_id is None or self.show_raw:
            self.relations.model.set_rows([])
        else:
            self.relations.model.set_rows(self.labelling.relation_rows(self.doc_id, spans=self.view.by_id))
        self.relations.select(select)
        self._show_link(self.relations.selected())

    def _relation_clicked(self, index: QModelIndex) -> None:
        self._show_link(self.relations.model.rows[index.row()])

    def _show_link(self, row: RelationRow | None) -> None:
        """Outline both ends of the selected relation and show its head in the text."""
        if row is None:
            return self.view.show_link(None)
        kind = self.relations.model.types.get(row.relation.type)
        self.view.show_link((row.head, row.tail, kind.color if kind else "#888888"))
        self.view.scroll_to(row.head)


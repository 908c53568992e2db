"""Team > Adjudicate this document (Ctrl+J): the curator settles where annotators differ, by key (a part of
MainWindow). The rules are annotator.app.adjudication's; this part shows each disagreement and reads the keys.

The panel gives each annotator a lane: their spans in the disagreement, marked in the text around it (one
annotator's spans of a label never overlap, so nested spans of different annotators stay readable side by
side), and the viewer outlines each lane's spans in the lane's colour.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from annotator.app.adjudication import BOTH, NEITHER, Adjudication, Disagreement, State, next_undecided
from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.gui.actions import tr

LANE_COLORS = ("#d4380d", "#1d39c4", "#08979c", "#c41d7f", "#7cb305", "#d48806", "#531dab", "#874d00", "#595959")
CONTEXT = 12  # characters of text shown either side of a disagreement


class Lanes(QTableWidget):
    """The lanes, which take the adjudication keys before the window's shortcuts (labels 1-9, N, Esc) do."""

    chosen = Signal(str)  # an annotator's name, BOTH or NEITHER
    stepped = Signal(int)
    undone = Signal()
    left = Signal()

    def __init__(self):
        super().__init__(0, 3, objectName="adjudicationLanes")
        self.names: list[str] = []
        self.setHorizontalHeaderLabels([tr("Key"), tr("Annotator"), tr("Marked")])
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)

    def _action(self, event) -> tuple | None:
        """What a key does here: (signal, argument), or None for a key left to the window."""
        if event.matches(QKeySequence.Undo):
            return self.undone, None
        if event.modifiers() & ~(Qt.KeypadModifier | Qt.ShiftModifier):
            return None
        key, text = event.key(), event.text().upper()
        if text.isdigit() and 0 < int(text) <= len(self.names):
            return self.chosen, self.names[int(text) - 1]
        return {Qt.Key_B: (self.chosen, BOTH), Qt.Key_0: (self.chosen, NEITHER), Qt.Key_N: (self.chosen, NEITHER),
                Qt.Key_Right: (self.stepped, 1), Qt.Key_Left: (self.stepped, -1),
                Qt.Key_Escape: (self.left, None)}.get(key)

    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and self._action(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:
        action = self._action(event)
        if action is None:
            return super().keyPressEvent(event)
        signal, argument = action
        signal.emit(*(() if argument is None else (argument,)))


class Outlines(QWidget):
    """Over the viewer: each lane's spans of the disagreement outlined (dashed) in the lane's colour, each
    lane a little further out, so that identical and nested spans show apart."""

    def __init__(self, view):
        super().__init__(view)  # over the viewport, not in it: a scroll moves the viewport's children
        self.view = view
        self.spans: list[tuple[Span, QColor, int]] = []
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        view.updateRequest.connect(lambda *_: self.update())
        self.setGeometry(view.viewport().geometry())
        self.show()  # a child made after its parent was shown is hidden until told

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Resize, QEvent.Move):
            self.setGeometry(watched.geometry())
        return False

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        for span, color, lane in self.spans:
            painter.setPen(QPen(color, 2, Qt.DashLine))
            for rect in self.view._span_rects(span):
                painter.drawRect(rect.adjusted(-1 - 2 * lane, -1 - 2 * lane, 1 + 2 * lane, 1 + 2 * lane))
        painter.end()


class AdjudicationPanel(QDockWidget):
    """The current disagreement: a lane per annotator, then both and neither, the curator's decision selected."""

    def __init__(self, parent):
        super().__init__(tr("Adjudication"), parent, objectName="adjudicationPanel")
        self.header = QLabel(objectName="adjudicationHeader")
        self.header.setWordWrap(True)
        self.lanes = Lanes()
        self.keys = QLabel(objectName="adjudicationKeys")
        self.keys.setWordWrap(True)
        body = QWidget()
        lay = QVBoxLayout(body)
        for w in (self.header, self.lanes, self.keys):
            lay.addWidget(w)
        self.setWidget(body)

    def show_disagreement(self, text: str, state: State, d: Disagreement | None, colors: dict[str, QColor],
                          label_color: str) -> None:
        decided, total = state.progress()
        names = state.annotators
        self.keys.setText(tr("1–%d: an annotator's version · B: both · 0 or N: neither · ←/→: previous/next · "
                             "Ctrl+Z: undo · Esc: leave") % len(names))
        self.lanes.names = names
        if d is None:
            self.header.setText(tr("No disagreements left: %d of %d decided. Esc leaves adjudication.")
                                % (decided, total))
            self.lanes.setRowCount(0)
            return
        self.header.setText(tr("Disagreement %d of %d (%d decided) · %s [%d, %d)")
                            % (state.disagreements.index(d) + 1, total, decided, d.label, d.start, d.end))
        rows = [(str(i + 1), name, list(d.marks[name]), colors[name]) for i, name in enumerate(names)]
        rows += [("B", tr("both"), d.chosen(BOTH), None), ("0 / N", tr("neither"), [], None)]
        self.lanes.setRowCount(len(rows))
        held = {(s.start, s.end) for s in state.curator
                if s.state == "accepted" and s.label == d.label and s.start < d.end and d.start < s.end}
        for row, (key, name, spans, color) in enumerate(rows):
            item = QTableWidgetItem(key)
            if color is not None:
                item.setForeground(color)
            self.lanes.setItem(row, 0, item)
            self.lanes.setItem(row, 1, QTableWidgetItem(name))
            cell = QLabel(_excerpt(text, d, spans, label_color), objectName=f"lane{row}")
            cell.setTextFormat(Qt.RichText)
            self.lanes.setCellWidget(row, 2, cell)
        chosen = [r for r, (_, _, spans, _) in enumerate(rows) if state.decided(d)
                  and {(s.start, s.end) for s in spans} == held]
        self.lanes.clearSelection()
        if chosen:
            self.lanes.selectRow(chosen[0])
        self.lanes.resizeColumnsToContents()
        self.lanes.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)


def _excerpt(text: str, d: Disagreement, spans: list[Span], color: str) -> str:
    """The text around a disagreement with `spans` marked (they do not overlap), as HTML; "—" for none."""
    start, end = max(0, d.start - CONTEXT), min(len(text), d.end + CONTEXT)
    out, at = ["…" if start else ""], start
    for s in sorted(spans, key=lambda s: s.start):
        out.append(html.escape(text[at:s.start]))
        out.append(f"<span style='background:{color}; color:#000'>[{html.escape(s.text)}]</span>")
        at = s.end
    out.append(html.escape(text[at:end]) + ("…" if end < len(text) else ""))
    marked = "".join(out).replace("\n", " ")
    return marked if spans else f"<span style='color:#8c8c8c'>{marked}</span>"


class Adjudicating:
    """Mixed into MainWindow: the adjudication mode (Team > Adjudicate this document)."""

    adjudication_panel: AdjudicationPanel | None = None

    def adjudicate(self) -> None:
        """Start adjudicating the open document: the agreed spans become the curator's at once, then the first
        undecided disagreement is shown."""
        if self.doc_id is None:
            return
        adjudication = Adjudication(self.project)
        try:
            given = adjudication.start(self.doc_id)
        except AnnotatorError as e:
            return self.say(str(e), 8000)
        if self.adjudication_panel is None:
            self.adjudication_panel = AdjudicationPanel(self)
            self.addDockWidget(Qt.BottomDockWidgetArea, self.adjudication_panel)
            self.resizeDocks([self.adjudication_panel], [240], Qt.Vertical)
            self.adjudication_outlines = Outlines(self.view)
            lanes = self.adjudication_panel.lanes
            lanes.chosen.connect(self._adjudicate_choice)
            lanes.stepped.connect(self._adjudicate_step)
            lanes.undone.connect(self._adjudicate_undo)
            lanes.left.connect(self.leave_adjudication)
        self.adjudication, self.adjudicated_doc = adjudication, self.doc_id
        if given:
            self._refresh_spans(given)
        state = adjudication.state(self.doc_id)
        self._show_disagreement(state, next_undecided(state))
        self.adjudication_panel.show()
        self.adjudication_panel.lanes.setFocus()
        self.say(tr("Adjudicating as %s: %d span(s) all annotators agree on were accepted.")
                 % (adjudication.curator, len(given)), 6000)

    def leave_adjudication(self) -> None:
        self.adjudication_panel.hide()
        self.adjudication_outlines.spans = []
        self.adjudication_outlines.update()
        self.view.setFocus()

    def _show_disagreement(self, state: State, d: Disagreement | None) -> None:
        self.disagreement = d
        colors = {name: QColor(LANE_COLORS[i % len(LANE_COLORS)]) for i, name in enumerate(state.annotators)}
        label = next((l for l in self.labels if d is not None and l.name == d.label), None)
        self.adjudication_panel.show_disagreement(self.project.text(self.adjudicated_doc), state, d, colors,
                                                  label.color if label else "#cccccc")
        self.adjudication_outlines.spans = [] if d is None else [
            (s, colors[name], lane) for lane, name in enumerate(state.annotators) for s in d.marks[name]]
        if d is not None:
            self.view.select_cp(d.start, d.start)
            self.view.centerCursor()
        self.adjudication_outlines.update()

    def _still_here(self) -> bool:
        """Whether the document being adjudicated is still the open one (else the mode is left)."""
        if self.doc_id != self.adjudicated_doc:
            self.leave_adjudication()
            return False
        return True

    def _adjudicate_choice(self, choice: str) -> None:
        d = self.disagreement
        if d is None or not self._still_here():
            return
        before = self.adjudication.state(d.document_id).curator
        written = self.adjudication.decide(d, choice)
        self._refresh_spans(before + written)
        state = self.adjudication.state(d.document_id)
        following = next_undecided(state, d)
        self._show_disagreement(state, following)
        if following is None:
            self.say(tr("Every disagreement is decided: the document is adjudicated."), 6000)

    def _adjudicate_step(self, step: int) -> None:
        """To the next or previous disagreement, decided or not (a decision may be changed)."""
        if not self._still_here():
            return
        state = self.adjudication.state(self.adjudicated_doc)
        order = state.disagreements
        if order:
            at = order.index(self.disagreement) if self.disagreement in order else (-1 if step > 0 else 0)
            self._show_disagreement(state, order[(at + step) % len(order)])

    def _adjudicate_undo(self) -> None:
        if not self._still_here():
            return
        self._replay(self.adjudication.undo(), tr("Undone"))
        state = self.adjudication.state(self.adjudicated_doc)
        self._show_disagreement(state, self.disagreement if self.disagreement in state.disagreements
                                else next_undecided(state))

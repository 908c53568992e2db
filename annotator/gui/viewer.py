"""The document viewer: read-only text with spans drawn per line, nested spans kept readable.

Entity labels are drawn as background colour, clause labels (COMMITMENT) as a
coloured underline, so entities inside a clause stay visible. Pending
suggestions are pale with a dashed underline; the selected span is outlined.
Only the lines a change touches are redrawn.
"""
from __future__ import annotations

import bisect
import time
from collections import defaultdict

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip

from annotator.core.model import Label, Span
from annotator.core.text import sentence_at
from annotator.gui.messages import plain_tip
from annotator.gui.qtutils import Utf16Map
from annotator.ingest.words import word_at, word_step


def _order(span: Span) -> tuple[int, int]:
    """Spans in reading order, the longer first where two start together."""
    return span.start, -span.end


class SpanHighlighter(QSyntaxHighlighter):
    """Draws the spans of each line (QTextBlock) from an index of spans by line."""

    def __init__(self, view: "DocumentView"):
        super().__init__(view.document())
        self.view = view

    def highlightBlock(self, text: str) -> None:
        view = self.view
        line = self.currentBlock().blockNumber()
        spans = view.spans_by_line.get(line)
        if not spans:
            return
        line_start = view.line_starts[line]
        line_end = line_start + len(view.lines[line])
        edges = {line_start, line_end}
        for s in spans:
            edges.add(max(s.start, line_start))
            edges.add(min(s.end, line_end))
        edges = sorted(edges)
        base_u16 = view.u16.to_utf16(line_start)
        for a, b in zip(edges, edges[1:]):
            covering = [s for s in spans if s.start <= a and b <= s.end]
            if not covering:
                continue
            fmt = view.format_for(covering)
            ua, ub = view.u16.to_utf16(a) - base_u16, view.u16.to_utf16(b) - base_u16
            self.setFormat(ua, ub - ua, fmt)


class DocumentView(QPlainTextEdit):
    """Shows one document's normalized text (or its raw text) with its spans."""

    spanClicked = Signal(object)  # Span or None
    spanSelected = Signal(object)  # Span or None: the selected span changed (by click, key or program)
    edgeDragged = Signal(object, int, int)  # the selected span, dragged to [start, end)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("documentView")
        self._double_clicked = (0.0, 0)  # when and where (code point) the last double-click was
        self._stale_lines: set[int] = set()  # lines whose spans changed off screen, not yet redrawn
        self._dragging: tuple[Span, str] | None = None  # the selected span and the edge being dragged
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.setMouseTracking(True)
        self.labels: dict[str, Label] = {}
        self.text = ""
        self.lines: list[str] = []
        self.line_starts: list[int] = []
        self.spans: list[Span] = []
        self.by_id: dict[int, Span] = {}
        self.spans_by_line: dict[int, list[Span]] = {}
        self.selected: Span | None = None
        self.head: Span | None = None  # the span a relation is being made from (R)
        self.link: tuple[Span, Span, str] | None = None  # the selected relation: head, tail, colour
        self.u16 = Utf16Map("")
        self._formats: dict[tuple, QTextCharFormat] = {}
        self.highlighter = SpanHighlighter(self)

    # -- content ---------------------------------------------------------

    def set_labels(self, labels: list[Label]) -> None:
        self.labels = {l.name: l for l in labels}
        self._formats.clear()

    def show_text(self, text: str, spans: list[Span]) -> None:
        """Show `text` with `spans` (code-point offsets into it)."""
        self.link = None  # the window shows the selected relation again once the panel is filled
        self.text = text
        self.lines = text.split("\n")
        self.line_starts = []
        pos = 0
        for line in self.lines:
            self.line_starts.append(pos)
            pos += len(line) + 1
        self.u16 = Utf16Map(text)
        self.selected = None
        self._stale_lines.clear()  # the new text is drawn whole
        self._index(spans)
        self.highlighter.blockSignals(True)
        self.setPlainText(text)  # the highlighter draws each line as it is laid out
        self.highlighter.blockSignals(False)

    def _index(self, spans: list[Span]) -> None:
        self.spans = sorted(spans, key=_order)
        self.by_id = {s.id: s for s in self.spans}
        by_line: dict[int, list[Span]] = defaultdict(list)
        for s in self.spans:
            for line in self._lines_of(s.start, s.end):
                by_line[line].append(s)
        self.spans_by_line = dict(by_line)

    def _lines_of(self, start: int, end: int) -> range:
        first = bisect.bisect_right(self.line_starts, start) - 1
        last = bisect.bisect_right(self.line_starts, max(start, end - 1)) - 1
        return range(first, last + 1)

    def update_spans(self, spans: list[Span], changed: list[Span]) -> None:
        """Replace the span set and redraw only the lines the changed spans touch."""
        self._index(spans)
        self._redraw(changed)

    def replace_spans(self, ids: set[int], fresh: list[Span]) -> None:
        """Swap the spans with these ids for their fresh versions (none if deleted), touching only their
        lines: a change costs the same in a long document as in a short one."""
        old = [self.by_id.pop(i) for i in ids if i in self.by_id]
        for s in old:  # found by a binary search: the list is in order
            at = bisect.bisect_left(self.spans, _order(s), key=_order)
            while self.spans[at].id != s.id:
                at += 1
            del self.spans[at]
        for s in fresh:  # into place
            bisect.insort(self.spans, s, key=_order)
            self.by_id[s.id] = s
        touched = set()
        for s in old:
            for line in self._lines_of(s.start, s.end):
                self.spans_by_line[line] = [x for x in self.spans_by_line.get(line, []) if x.id != s.id]
                touched.add(line)
        for s in fresh:
            for line in self._lines_of(s.start, s.end):
                self.spans_by_line.setdefault(line, []).append(s)
                touched.add(line)
        for line in touched:
            self.spans_by_line[line].sort(key=_order)
        self._redraw(old + fresh)

    def _redraw(self, changed: list[Span]) -> None:
        """Redraw the lines the changed spans touch: those on screen now, the others once the event loop is
        idle (a string suggested all over a long document touches thousands of lines)."""
        if self.selected is not None:
            self.selected = self.by_id.get(self.selected.id)
        lines = {l for s in changed for l in self._lines_of(s.start, s.end)}
        first = self.firstVisibleBlock().blockNumber()
        last = self.cursorForPosition(self.viewport().rect().bottomRight()).blockNumber()
        for line in sorted(l for l in lines if first <= l <= last):
            self.highlighter.rehighlightBlock(self.document().findBlockByNumber(line))
        self._stale_lines |= {l for l in lines if not first <= l <= last}
        if self._stale_lines:
            QTimer.singleShot(0, self._redraw_stale)
        self.viewport().update()

    def _redraw_stale(self, batch: int = 200) -> None:
        """Some of the off-screen lines left to redraw, then the rest on a later turn of the event loop."""
        doc = self.document()
        for _ in range(min(batch, len(self._stale_lines))):
            self.highlighter.rehighlightBlock(doc.findBlockByNumber(self._stale_lines.pop()))
        if self._stale_lines:
            QTimer.singleShot(0, self._redraw_stale)

    # -- drawing ---------------------------------------------------------

    def format_for(self, covering: list[Span]) -> QTextCharFormat:
        """One format for a piece of text covered by several spans: innermost entity colour, clause underline;
        where only rejected spans are (shown on request), grey and struck through."""
        live = [s for s in covering if s.state != "rejected"]
        if not live:
            fmt = self._formats.get("rejected")
            if fmt is None:
                fmt = self._formats["rejected"] = QTextCharFormat()
                fmt.setFontStrikeOut(True)
                fmt.setForeground(QColor("#8c8c8c"))
            return fmt
        covering = live
        entities = [s for s in covering if self._kind(s) == "entity"]
        clauses = [s for s in covering if self._kind(s) == "clause"]
        inner = min(entities, key=lambda s: s.end - s.start) if entities else None
        clause = min(clauses, key=lambda s: s.end - s.start) if clauses else None
        key = (inner and (inner.label, inner.state), clause and (clause.label, clause.state))
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if inner is not None:
                color = QColor(self.labels[inner.label].color if inner.label in self.labels else "#cccccc")
                if inner.state == "pending":
                    color.setAlpha(90)
                    fmt.setUnderlineStyle(QTextCharFormat.DashUnderline)
                    fmt.setUnderlineColor(QColor(self.labels[inner.label].color).darker(150))
                fmt.setBackground(color)
                fmt.setForeground(QColor("#000000"))
            if clause is not None:
                color = QColor(self.labels[clause.label].color if clause.label in self.labels else "#389e0d")
                fmt.setFontUnderline(True)
                fmt.setUnderlineColor(color)
                fmt.setUnderlineStyle(QTextCharFormat.DashUnderline if clause.state == "pending"
                                      else QTextCharFormat.SingleUnderline)
            self._formats[key] = fmt
        return fmt

    def _kind(self, span: Span) -> str:
        label = self.labels.get(span.label)
        return label.kind if label else "entity"

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        # Clause spans get a bracket at each end, so where a commitment starts and stops is plain.
        for s in self._visible_spans():
            if self._kind(s) != "clause":
                continue
            painter.setPen(QPen(QColor(self.labels[s.label].color), 2))
            rects = self._span_rects(s)
            if rects:
                first, last = rects[0], rects[-1]
                painter.drawLine(first.left(), first.top() + 2, first.left(), first.bottom())
                painter.drawLine(first.left(), first.top() + 2, first.left() + 4, first.top() + 2)
                painter.drawLine(last.right(), last.top() + 2, last.right(), last.bottom())
                painter.drawLine(last.right(), last.top() + 2, last.right() - 4, last.top() + 2)
        if self.selected is not None:
            painter.setPen(QPen(self.palette().text().color(), 2))
            for rect in self._span_rects(self.selected):
                painter.drawRect(rect)
        if self.head is not None:
            painter.setPen(QPen(self.palette().text().color(), 2, Qt.DashLine))
            for rect in self._span_rects(self.head):
                painter.drawRect(rect.adjusted(-2, -2, 2, 2))
        if self.link is not None:
            self._paint_link(painter, *self.link)
        painter.end()

    def _paint_link(self, painter: QPainter, head: Span, tail: Span, color: str) -> None:
        """The selected relation: both ends outlined in its colour and, when both are on screen, a light
        connector from the head to the tail (never a web of arrows)."""
        screen = self.viewport().rect()
        ends = [[r for r in self._span_rects(s) if r.intersects(screen)] for s in (head, tail)]
        pen = QPen(QColor(color), 2)
        painter.setPen(pen)
        for rects in ends:
            for rect in rects:
                painter.drawRect(rect.adjusted(-1, -1, 1, 1))
        if all(ends):
            faint = QColor(color)
            faint.setAlpha(140)
            painter.setPen(QPen(faint, 2, Qt.DotLine))
            a, b = ends[0][-1], ends[1][0]
            start = QPoint(a.center().x(), a.bottom() + 1)
            end = QPoint(b.center().x(), b.bottom() + 1)
            bend = QPoint((start.x() + end.x()) // 2, max(start.y(), end.y()) + self.fontMetrics().height() // 2)
            path = QPainterPath(start)
            path.quadTo(bend, end)
            painter.drawPath(path)
            painter.setBrush(faint)
            painter.drawEllipse(end, 3, 3)
            painter.setBrush(Qt.NoBrush)

    def mark_head(self, span: Span | None) -> None:
        self.head = span
        self.viewport().update()

    def show_link(self, link: tuple[Span, Span, str] | None) -> None:
        self.link = link
        self.viewport().update()

    def scroll_to(self, span: Span) -> None:
        """Bring a span into view without selecting it."""
        c = self.textCursor()
        c.setPosition(self.u16.to_utf16(span.start))
        self.setTextCursor(c)
        self.ensureCursorVisible()

    def _visible_spans(self) -> list[Span]:
        """Spans on the lines now on screen."""
        seen: dict[int, Span] = {}
        block = self.firstVisibleBlock()
        height = self.viewport().height()
        offset = self.contentOffset()
        while block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= height:
            for s in self.spans_by_line.get(block.blockNumber(), ()):
                seen[id(s)] = s
            block = block.next()
        return list(seen.values())

    def _span_rects(self, span: Span) -> list[QRect]:
        """Rectangles covering a span on screen, one per visual line it occupies."""
        rects: list[QRect] = []
        doc = self.document()
        start, end = self.u16.to_utf16(span.start), self.u16.to_utf16(span.end)
        offset = self.contentOffset()
        for line_no in self._lines_of(span.start, span.end):
            block = doc.findBlockByNumber(line_no)
            layout = block.layout()
            top_left = self.blockBoundingGeometry(block).translated(offset).topLeft()
            b0 = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a = max(start - b0, line.textStart())
                b = min(end - b0, line.textStart() + line.textLength())
                if a >= b:
                    continue
                x1, x2 = line.cursorToX(a)[0], line.cursorToX(b)[0]
                rects.append(QRect(int(top_left.x() + x1), int(top_left.y() + line.y()),
                                   int(x2 - x1), int(line.height()) - 1))
        return rects

    # -- positions and interaction ------------------------------------------

    def selection_cp(self) -> tuple[int, int] | None:
        """The selected range in code points, or None."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        return self.u16.to_cp(c.selectionStart()), self.u16.to_cp(c.selectionEnd())

    def select_cp(self, start: int, end: int) -> None:
        c = self.textCursor()
        c.setPosition(self.u16.to_utf16(start))
        c.setPosition(self.u16.to_utf16(end), QTextCursor.KeepAnchor)
        self.setTextCursor(c)

    def mouseDoubleClickEvent(self, event) -> None:
        """Double-click selects the jieba word under the pointer (Qt's own word breaking takes a whole
        Chinese clause); a third click soon after selects the sentence."""
        if event.button() != Qt.LeftButton or not self.text:
            return super().mouseDoubleClickEvent(event)
        cp = self.u16.to_cp(self.cursorForPosition(event.position().toPoint()).position())
        self.select_cp(*word_at(self.text, cp))
        self._double_clicked = (time.monotonic(), cp)

    def _cp_at(self, event) -> int:
        return self.u16.to_cp(self.cursorForPosition(event.position().toPoint()).position())

    def _edge_at(self, event) -> str | None:
        """"start" or "end" when the pointer is on an edge of the selected span (where a drag resizes it)."""
        span, cp = self.selected, self._cp_at(event)
        if span is None or self.textCursor().hasSelection():
            return None
        return "start" if cp == span.start else "end" if cp == span.end else None

    def mousePressEvent(self, event) -> None:
        when, cp = self._double_clicked
        if event.button() == Qt.LeftButton and time.monotonic() - when < QApplication.doubleClickInterval() / 1000:
            self._double_clicked = (0.0, 0)
            self.select_cp(*sentence_at(self.text, cp))
            return
        edge = self._edge_at(event) if event.button() == Qt.LeftButton else None
        if edge is not None:  # dragging an edge of the selected span, not selecting text
            self._dragging = (self.selected, edge)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._dragging is not None:
            return
        self.viewport().setCursor(Qt.SizeHorCursor if self._edge_at(event) else Qt.IBeamCursor)
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event) -> None:
        """Ctrl+Left / Ctrl+Right (with Shift: extend the selection) move by jieba words, not by characters."""
        ctrl = event.modifiers() & Qt.ControlModifier
        if ctrl and event.key() in (Qt.Key_Left, Qt.Key_Right) and self.text:
            self.move_by_word(1 if event.key() == Qt.Key_Right else -1, bool(event.modifiers() & Qt.ShiftModifier))
            return
        super().keyPressEvent(event)

    def move_by_word(self, step: int, extend: bool) -> None:
        target = word_step(self.text, self.cursor_cp(), step)
        cursor = self.textCursor()
        cursor.setPosition(self.u16.to_utf16(target), QTextCursor.KeepAnchor if extend else QTextCursor.MoveAnchor)
        self.setTextCursor(cursor)

    def cursor_cp(self) -> int:
        """The text cursor's position in code points."""
        return self.u16.to_cp(self.textCursor().position())

    def spans_at(self, cp: int) -> list[Span]:
        if not self.line_starts:
            return []
        line = bisect.bisect_right(self.line_starts, cp) - 1
        return [s for s in self.spans_by_line.get(line, []) if s.start <= cp < s.end]

    def set_selected(self, span: Span | None) -> None:
        self.selected = span
        self.spanSelected.emit(span)
        if span is not None:
            self.scroll_to(span)
        self.viewport().update()

    def mouseReleaseEvent(self, event) -> None:
        if self._dragging is not None:
            (span, edge), self._dragging = self._dragging, None
            cp = self._cp_at(event)
            start, end = (min(cp, span.end - 1), span.end) if edge == "start" else (span.start, max(cp, span.start + 1))
            if (start, end) != (span.start, span.end):
                self.edgeDragged.emit(span, start, end)
            return
        super().mouseReleaseEvent(event)
        if not self.textCursor().hasSelection():
            cp = self.u16.to_cp(self.cursorForPosition(event.position().toPoint()).position())
            under = self.spans_at(cp)
            # The innermost span under the click is the one meant.
            self.spanClicked.emit(min(under, key=lambda s: s.end - s.start) if under else None)

    def event(self, e) -> bool:
        if e.type() == e.Type.ToolTip:
            cp = self.u16.to_cp(self.cursorForPosition(self.viewport().mapFromGlobal(e.globalPos())).position())
            under = self.spans_at(cp)
            if under:
                QToolTip.showText(e.globalPos(), plain_tip("\n".join(self.describe(s) for s in under)), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def describe(self, s: Span) -> str:
        label = self.labels.get(s.label)
        name = f"{label.display_zh} {s.label}" if label else s.label
        who = f" · {s.annotator}" if s.annotator else ""
        score = f" · {s.score:.2f}" if s.score is not None else ""
        words = (QApplication.translate("SpanListModel", s.origin), QApplication.translate("SpanListModel", s.state))
        return f"{name}: {s.text} ({words[0]}, {words[1]}{who}{score})"

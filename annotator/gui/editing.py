"""Labelling in the window: label and relabel the selection, decide suggestions, delete, undo and redo
(a part of MainWindow). The rules are annotator.app.Labelling's; this part reads the keys and redraws."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span
from annotator.core.spans import trim
from annotator.gui.actions import tr
from annotator.ingest.words import snap, word_step
from annotator.store import events
from annotator.store.events import Change


def what_changed(change: Change) -> str:
    """An undone or redone change in the annotator's words ("accept 3 suggestions", "add REGION 保靖县")."""
    spans = change.spans
    first = spans[-1] if spans else None
    if change.action == events.UPDATE_SPANS:
        count = len(spans) // 2
        after = spans[count:]
        accepted = sum(s.state == "accepted" for s in after)
        return tr("accept %d suggestion(s)") % accepted if accepted == count else tr("decide %d suggestion(s)") % count
    if change.action == events.REPLACE_SPANS:
        return tr("label %s %s in place of suggestions") % (spans[0].label, spans[0].text) if spans else ""
    if change.action == events.ADD_SPAN and first:
        return tr("add %s %s") % (first.label, first.text)
    if change.action == events.DELETE_SPAN and first:
        return tr("delete %s %s") % (first.label, first.text)
    if change.action == events.UPDATE_SPAN and len(spans) == 2:
        before, after = spans
        if before.state != after.state:
            return (tr("accept %s %s") if after.state == "accepted" else tr("reject %s %s")) % (after.label,
                                                                                               after.text)
        if (before.start, before.end) != (after.start, after.end):
            return tr("resize %s %s") % (after.label, after.text)
        return tr("relabel %s as %s") % (after.text, after.label)
    if change.action in (events.ADD_RELATION, events.DELETE_RELATION, events.UPDATE_RELATIONS) and change.relations:
        r = change.relations[-1]
        verb = {events.ADD_RELATION: tr("add relation %s"), events.DELETE_RELATION: tr("delete relation %s")}.get(
            change.action, tr("change relation %s"))
        return verb % r.type
    if change.action == events.SET_STATUS:
        return tr("document status")
    if change.action == events.IMPORT_CHANGES:
        return tr("an import's changes to %d span(s)") % len({s.id for s in spans})
    if change.action == events.ADJUDICATE:
        return tr("an adjudication decision on %d span(s)") % len({s.id for s in spans})
    return change.action


class Editing:
    """Mixed into MainWindow: the Edit menu's span actions and the label keys."""

    def apply_label(self, label: str) -> None:
        """Label the selection, or relabel the selected span."""
        if self.doc_id is None:
            return
        selection = self.view.selection_cp()
        if selection is None and self.view.selected is not None:
            self._change(lambda: [self.labelling.relabel(self.view.selected.id, label)])
            return
        if selection is None:
            return self.say(tr("Select some text first."), 4000)
        if self.show_raw:
            return self.say(tr("Labels are made on the normalized text: press Ctrl+R to go back."), 5000)
        start, end = trim(self.view.text, *(snap(self.view.text, *selection) if self.settings.snap else selection))
        if start >= end:
            return self.say(tr("The selection holds no text to label."), 4000)
        doc_id = self.doc_id
        if self._change(lambda: self.labelling.label(doc_id, start, end, label, occurrences=False), select=True):
            # the new span is committed and drawn; its string's other occurrences come right after
            span = self.view.selected
            QTimer.singleShot(0, lambda: self._suggest_occurrences(doc_id, span))

    def _change(self, write, select: bool = False) -> bool:
        """Commit a change through `write` (it returns the spans it wrote, the one to select first), then
        redraw; a refused change is said in the status bar."""
        try:
            spans = write()
        except AnnotatorError as e:
            self.say(str(e), 6000)
            return False
        if not spans:
            return False
        self._refresh_spans(spans)
        self.view.set_selected(spans[0] if select or self.view.selected is not None else None)
        self.say(self.view.describe(spans[0]))
        return True

    def _suggest_occurrences(self, doc_id: int, span: Span | None) -> None:
        if span is None or doc_id != self.doc_id or self.show_raw:
            return
        try:
            made = self.labelling.suggest_occurrences(span)
        except AnnotatorError as e:  # the span was undone or changed in between
            return self.say(str(e), 4000)
        if made:
            selected = self.view.selected
            self._refresh_spans(made)
            self.view.selected = selected

    def _refresh_spans(self, changed: list[Span]) -> None:
        """Redraw after `changed` spans were written: only they are read again, only their lines redrawn."""
        if self.show_raw:
            selected = self.view.selected
            self.view.show_text(*self._shown())
            self.view.set_selected(next((s for s in self.view.spans if selected and s.id == selected.id), None))
        else:
            ids = {s.id for s in changed}
            self.view.replace_spans(ids, self.project.spans_by_id(ids, self.shown_states))
        self._fill_span_list()
        self.model.refresh_document(self.doc_id)
        self._update_status()

    def _pending_here(self) -> Span | None:
        """The selected span if it is a suggestion (or a rejected one, shown to be restored), else the
        suggestion under the cursor."""
        span = self.view.selected
        if span is not None and span.state in ("pending", "rejected"):
            return span
        return next((s for s in self.view.spans_at(self.view.cursor_cp()) if s.state == "pending"), None)

    def accept_suggestion(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit):  # Enter in a search box (find, guidelines) is that box's own
            return focus.returnPressed.emit()
        if (relation := self.relation_in_focus()) is not None:
            return self.decide_relation(relation, "accepted")
        self._decide(self._pending_here(), "accepted")

    def reject_suggestion(self) -> None:
        if (relation := self.relation_in_focus()) is not None:
            return self.decide_relation(relation, "rejected")
        self._decide(self._pending_here(), "rejected")

    def _decide(self, span: Span | None, state: str) -> None:
        """Accept or reject a suggestion, then select the next one, so Enter / X walk through them; where
        there is none, go to the next suggestion."""
        if span is None:
            pending = [s for s in self.view.spans if s.state == "pending"]
            here = self.view.cursor_cp()
            following = next((s for s in pending if s.start >= here), pending[0] if pending else None)
            if following is None:
                return self.say(tr("No suggestions in this document."))
            return self.view.set_selected(following)
        self.view.selected = None
        self._change(lambda: [self.labelling.decide(span.id, state)])
        self.view.set_selected(self.labelling.next_suggestion(self.view.spans, span))

    def accept_all(self) -> None:
        if self.doc_id is not None:
            self.view.selected = None
            if self._change(lambda: self.labelling.accept_all(self.doc_id)):
                self.say(tr("Accepted %d suggestions.") % len(self.view.spans), 4000)
            else:
                self.say(tr("No suggestions in this document."))

    def delete_selected(self) -> None:
        if (relation := self.relation_in_focus()) is not None:
            return self.remove_relation(relation)
        span = self.view.selected
        if span is not None:
            self.view.selected = None
            self._change(lambda: [self.labelling.delete(span.id)])
            self.view.set_selected(None)

    def move_edge(self, edge: str, step: int, by_word: bool = False) -> None:
        """Alt+arrows move the selected span's end (with Shift its start) by a character, with Ctrl by a
        jieba word; one undoable change each."""
        span = self.view.selected
        if span is None or self.show_raw:
            return self.say(tr("Select a span first (click it, or Tab to it)."))
        pos = span.start if edge == "start" else span.end
        pos = word_step(self.view.text, pos, step) if by_word else pos + step
        start, end = (pos, span.end) if edge == "start" else (span.start, pos)
        if 0 <= start < end <= len(self.view.text):
            self._change(lambda: [self.labelling.resize(span.id, start, end)], select=True)

    def drag_edge(self, span: Span, start: int, end: int) -> None:
        """An edge of the selected span was dragged with the mouse: one undoable change."""
        if not self.show_raw:
            self._change(lambda: [self.labelling.resize(span.id, start, end)], select=True)

    def clear_selection(self) -> None:
        if self.find_box.close_bar() or self.cancel_relation():  # Esc first closes the find box, leaves R
            return
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.view.set_selected(None)

    def step_span(self, step: int) -> None:
        spans, current = self.view.spans, self.view.selected
        if spans:
            index = next((i for i, s in enumerate(spans) if current and s.id == current.id), None)
            index = (0 if step > 0 else len(spans) - 1) if index is None else (index + step) % len(spans)
            self.view.set_selected(spans[index])

    def undo(self) -> None:
        try:
            self._replay(self.labelling.undo(), tr("Undone"))
        except AnnotatorError as e:  # it would overlap what was labelled since: nothing changed
            self.say(str(e), 8000)

    def redo(self) -> None:
        try:
            self._replay(self.labelling.redo(), tr("Redone"))
        except AnnotatorError as e:
            self.say(str(e), 8000)

    def _replay(self, change: Change | None, verb: str) -> None:
        if change is None:
            return self.say(tr("Nothing to undo or redo."))
        if change.document_id != self.doc_id:
            self.open_document(change.document_id)
        else:
            self.view.selected = None
            self._refresh_spans(change.spans)
        self.say(f"{verb}: {what_changed(change)}", 4000)

    def _span_item_clicked(self, index: QModelIndex) -> None:
        span_id = self.spans.model.data(index, Qt.UserRole)
        span = next((s for s in self.view.spans if s.id == span_id), None)
        if span is not None:
            self.view.set_selected(span)

    def _fill_span_list(self) -> None:
        """The span panel and the relation panel, from the spans the viewer shows."""
        self.spans.show_spans(self.view.spans)
        self._fill_relation_list(self.relations.selected().relation.id if self.relations.selected() else None)

"""The window's menus and shortcuts, declared as data (napari's qactions): each entry names the window's
method it calls. The texts are translated in the "MainWindow" context (resources/annotator_zh_CN.ts)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget


@dataclass(frozen=True)
class Entry:
    text: str
    keys: tuple[str, ...]
    slot: str  # a method of the window
    args: tuple = ()
    name: str = ""  # objectName, for tests and for entries the window reaches again


SEPARATOR = None
MENUS: tuple[tuple[str, tuple], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"), (
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Import files…"), ("Ctrl+I",), "choose_import_files"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Import folder…"), ("Ctrl+Shift+I",), "choose_import_folder"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Export…"), ("Ctrl+E",), "choose_export"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Sync with Label Studio…"), (), "choose_sync", name="syncAction"),
        SEPARATOR,
        Entry(QT_TRANSLATE_NOOP("MainWindow", "New project…"), ("Ctrl+N",), "choose_new_project"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Open project…"), ("Ctrl+O",), "choose_open_project"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Recent projects"), (), "", name="recentProjects"),
        SEPARATOR,
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Restore a backup…"), (), "choose_backup"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Settings…"), ("Ctrl+,",), "open_settings"),
        SEPARATOR,
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Quit"), ("Ctrl+Q",), "close"),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Undo"), ("Ctrl+Z",), "undo"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "redo"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Delete span (or the relation selected in its panel)"), ("Delete", "Backspace"), "delete_selected"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Clear selection"), ("Esc",), "clear_selection"),
        SEPARATOR,
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Accept suggestion"), ("Return", "Enter"), "accept_suggestion"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Reject suggestion"), ("X",), "reject_suggestion"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Accept all suggestions in this document"), ("Shift+A",),
              "accept_all"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Suggest for the whole project…"), ("Ctrl+Shift+S",),
              "suggest_whole_project"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Train a model on the done documents…"), (), "train_model"),
        SEPARATOR,
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Next span"), ("Tab",), "step_span", (1,)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Previous span"), ("Shift+Tab",), "step_span", (-1,)),
        SEPARATOR,
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span end one character right"), ("Alt+Right",), "move_edge",
              ("end", 1)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span end one character left"), ("Alt+Left",), "move_edge",
              ("end", -1)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span start one character right"), ("Alt+Shift+Right",),
              "move_edge", ("start", 1)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span start one character left"), ("Alt+Shift+Left",),
              "move_edge", ("start", -1)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span end one word right"), ("Ctrl+Alt+Right",), "move_edge",
              ("end", 1, True)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span end one word left"), ("Ctrl+Alt+Left",), "move_edge",
              ("end", -1, True)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span start one word right"), ("Ctrl+Alt+Shift+Right",),
              "move_edge", ("start", 1, True)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Span start one word left"), ("Ctrl+Alt+Shift+Left",),
              "move_edge", ("start", -1, True)),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Relations"), (
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Start a relation from the selected span"), ("R",), "start_relation"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Accept all relation suggestions in this document"), ("Shift+R",),
              "accept_all_relations"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Suggest relations for this document"), (), "suggest_relations_here"),
        SEPARATOR,  # then a "Relate as" entry per relation type, with its key (the window adds them)
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Go"), (
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Next document"), ("N", "PgDown"), "step_document", (1,)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Previous document"), ("P", "PgUp"), "step_document", (-1,)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Mark done, open next"), ("Ctrl+Return", "Ctrl+Enter"),
              "mark_done_and_next"),
        SEPARATOR,
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Order the list by need (rules and model disagree most)"), (),
              "order_by_need", name="orderByNeedAction"),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&View"), (
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Bigger text"), ("Ctrl+=",), "zoom", (1,)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Smaller text"), ("Ctrl+-",), "zoom", (-1,)),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Show the original text"), ("Ctrl+R",), "toggle_raw",
              name="rawAction"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Show rejected spans"), ("Ctrl+Shift+R",), "toggle_rejected",
              name="rejectedAction"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Find…"), ("Ctrl+F",), "open_find"),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Team"), (
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Merge projects…"), (), "choose_merge"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Agreement…"), (), "show_agreement", name="agreementAction"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Sync conflicts…"), (), "show_conflicts", name="conflictsAction"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Adjudicate this document"), ("Ctrl+J",), "adjudicate",
              name="adjudicateAction"),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), (
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Guidelines"), ("F1",), "toggle_guidelines"),
        Entry(QT_TRANSLATE_NOOP("MainWindow", "Keyboard shortcuts"), ("?", "Shift+F1"), "toggle_shortcuts"),
    )),
)


def shortcut_sheet(labels, relation_types=()) -> str:
    """Every key of the window, from the tables above, the label set and the relation types, as an HTML
    table (translated)."""
    import html
    rows = [(f"{l.hotkey}", tr("Label %s") % f"{l.display_zh} {l.name}") for l in labels if l.hotkey]
    rows += [(t.hotkey.upper(), relate_as_text(t)) for t in relation_types if t.hotkey]
    rows += [(" / ".join(QKeySequence(k).toString(QKeySequence.NativeText) for k in e.keys), tr(e.text))
             for _, entries in MENUS for e in entries if e is not SEPARATOR and e.keys]
    rows += [("Ctrl+Left / Ctrl+Right", tr("Move by a word (with Shift: select)")),
             (tr("Double-click / triple-click"), tr("Select the word / the sentence"))]
    cells = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(t.replace('&', ''))}</td></tr>"
                    for k, t in rows)
    return f"<table cellpadding='3'>{cells}</table>"


def relate_as_text(kind) -> str:
    return tr("Relate as %s %s") % (kind.display_zh, kind.name)


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def add_action(owner: QWidget, text: str, keys, slot, menu: QMenu | None = None) -> QAction:
    """An action of `owner` with its shortcuts, live anywhere in the window, in `menu` if given."""
    action = QAction(text, owner)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.WindowShortcut)
    action.triggered.connect(slot)
    owner.addAction(action)
    if menu is not None:
        menu.addAction(action)
    return action


def install(window: QMainWindow) -> dict[str, QMenu | QAction]:
    """Build the menu bar from MENUS; returns the menus by their untranslated title and the named entries."""
    named: dict[str, QMenu | QAction] = {}
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(tr(title))
        named[title] = menu
        for entry in entries:
            if entry is SEPARATOR:
                menu.addSeparator()
            elif not entry.slot:  # a submenu the window fills
                named[entry.name] = menu.addMenu(tr(entry.text))
                named[entry.name].setObjectName(entry.name)
            else:
                method = getattr(window, entry.slot)
                slot = (lambda _=False, m=method, a=entry.args: m(*a))
                action = add_action(window, tr(entry.text), entry.keys, slot, menu)
                if entry.name:
                    action.setObjectName(entry.name)
                    named[entry.name] = action
    return named

"""Starting the GUI: the application, the project, the window (the annotator's name is the system user's
until Settings changes it: nothing is asked before the window shows)."""
from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator.core.errors import AnnotatorError
from annotator.gui.messages import message, show_error, show_warning
from annotator.gui.user_settings import UserSettings
from annotator.ingest.words import load_in_background
from annotator.suggest.lexicon import load_in_background as load_tagger_in_background


def run_gui(db_path: str | None = None) -> int:
    from annotator.gui.i18n import install_translator
    from annotator.gui.main_window import MainWindow
    from annotator.gui.project_actions import open_for_work

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("pairing-annotator")
    app.setOrganizationName("pairing-annotator")
    settings = UserSettings()
    install_translator(app, settings)
    try:
        project, warnings = open_for_work(db_path)
    except AnnotatorError as e:
        print(f"annotator: {e}", file=sys.stderr)
        message(None, str(e), wait=True)
        return 1
    sys.excepthook = report_error
    window = MainWindow(project, owns_project=True, warnings=warnings)
    if project.path:
        settings.remember_project(project.path)
    window.show()
    QTimer.singleShot(0, load_in_background)  # once the window is drawn
    QTimer.singleShot(0, load_tagger_in_background)
    if os.environ.get("ANNOTATOR_STARTUP_PROBE"):  # benchmarks/startup.py: say when the document is drawn, quit
        QTimer.singleShot(0, lambda: _report_drawn(app, window))
    return app.exec()


def report_error(kind, error, tb) -> None:
    """An error no handler caught: say it in a dialog and keep the app running; details go to errors.log."""
    import traceback

    from annotator.store.locations import data_dir

    if isinstance(error, AnnotatorError):
        show_warning(None, str(error))
        return
    details = "".join(traceback.format_exception(kind, error, tb))
    print(details, file=sys.stderr)
    try:
        log = data_dir() / "errors.log"
        with open(log, "a", encoding="utf-8") as f:
            f.write(details + "\n")
    except (AnnotatorError, OSError):
        log = "the terminal (the data folder cannot be written)"
    show_error(None, f"Unexpected error: {error}\n\nYour work is saved. Details: {log}")


def _report_drawn(app: QApplication, window) -> None:
    window.view.viewport().repaint()
    try:  # VmHWM, this process's own peak (ru_maxrss keeps the parent's across exec on Linux)
        with open("/proc/self/status") as f:
            rss_mb = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:")) / 1024
    except OSError:  # not Linux
        rss_mb = 0
    print(f"first document drawn: {window.doc_id} rss_mb={rss_mb:.0f}", flush=True)
    app.quit()
